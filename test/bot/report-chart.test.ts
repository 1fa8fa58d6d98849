// The report's chart: every character of a zh-TW chart (a Simplified property name included) has a
// glyph in the fonts it is rendered with, the Traditional font first and the Simplified one behind
// it; axis titles; the last day labelled; the satisfaction line broken over days without ratings.
import { mkdirSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DailyPoint } from "../../src/domain/figures/daily.ts";
import { t } from "../../src/bot/i18n.ts";
import { chartFonts, chartPng, chartSvg, type ChartLabels } from "../../src/bot/report-chart.ts";
import { fontCoverage } from "../helpers/font-coverage.ts";

const labels = (lang: string, name: string): ChartLabels => ({
  title: t(lang, "report-chart-title", { name, period: "2026-11" }),
  reported: t(lang, "report-chart-reported"), completed: t(lang, "report-chart-completed"),
  satisfaction: t(lang, "report-chart-satisfaction"),
  days: t(lang, "chart-axis-days"), count: t(lang, "chart-axis-count"), rate: t(lang, "chart-axis-rate"),
});
const november: DailyPoint[] = Array.from({ length: 30 }, (_, i) => ({
  day: `2026-11-${String(i + 1).padStart(2, "0")}`, reported: (i * 7) % 5, completed: (i * 3) % 4,
  satisfaction: [3, 4, 5, 10, 11, 12].includes(i) ? 80 + (i % 3) * 10 : null,
}));
const textOf = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!).join("");

describe("the report's chart", () => {
  it("has a glyph for every character of a zh-TW chart of 和谐苑简报 in its fonts, Traditional first", () => {
    const svg = chartSvg(november, labels("zh-TW", "和谐苑简报满"), "tc");
    const [tc, sc] = chartFonts("tc").map((f) => fontCoverage(f.file));
    const chars = [...new Set(textOf(svg))].filter((c) => c.trim());
    expect(chars.filter((c) => !tc!(c.codePointAt(0)!))).toEqual(expect.arrayContaining(["谐", "简"])); // not in TC alone
    expect(chars.filter((c) => !tc!(c.codePointAt(0)!) && !sc!(c.codePointAt(0)!))).toEqual([]);
    expect(svg).toContain(`font-family="'Noto Sans T Chinese', 'Noto Sans S Chinese'"`);
    const png = chartPng(november, labels("zh-TW", "和谐苑简报满"), "tc");
    mkdirSync(".tmp", { recursive: true });
    writeFileSync(".tmp/chart-zh-TW.png", png);
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
  });

  it("titles its axes, labels the last day and does not bridge days without ratings", () => {
    const svg = chartSvg(november, labels("zh-CN", "碧溪花园"));
    for (const title of ["日期", "工单数（张）", "满意率（%）"]) expect(svg).toContain(`>${title}</text>`);
    expect(svg).toContain(">11-30</text>");
    expect(svg).toContain(">11-01</text>");
    expect(svg).not.toContain(">11-29</text>"); // too close to the last day's label
    const lines = [...svg.matchAll(/<polyline points="([^"]*)"/g)].map((m) => m[1]!.split(" ").length);
    expect(lines).toEqual([3, 3]); // 4-6 Nov and 11-13 Nov, not one line over 7-10 Nov
    const en = chartSvg(november, labels("en", "BX Garden"));
    expect(en).toContain(">Satisfaction (%)</text>");
  });
});
