// The report's chart as a PNG: daily reports and completions as bars, the satisfaction rate as a
// line on a 0-100 % axis (broken over days without ratings), axis titles, the first and last day
// labelled. A small SVG of our own, rasterised by resvg with the Noto Sans CJK fonts shipped in
// node_modules (no system fonts, no browser): the reader's script first, the other as a fallback
// glyph by glyph (a Simplified property name in a Traditional chart), so no character is a box.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import type { DailyPoint } from "../domain/figures/daily.ts";

export const CHART_WIDTH = 1000;
export const CHART_HEIGHT = 560;
const require = createRequire(import.meta.url);
/** A font file of an installed package (its `fonts/` folder is not in the package's exports). */
const fontFile = (pkg: string, file: string) => join(dirname(require.resolve(pkg)), "..", "fonts", file);
const FONTS = {
  sc: { file: fontFile("@embedpdf/fonts-sc", "NotoSansHans-Regular.otf"), family: "Noto Sans S Chinese" },
  tc: { file: fontFile("@embedpdf/fonts-tc", "NotoSansHant-Regular.otf"), family: "Noto Sans T Chinese" },
};
/** Noto Sans CJK (Simplified): the chart's font, and the desk console's fallback for devices without one. */
export const CJK_FONT_FILE = FONTS.sc.file;
/** The fonts of a chart, first choice first: the reader's script, then the other one. */
export const chartFonts = (script: "sc" | "tc") => (script === "tc" ? [FONTS.tc, FONTS.sc] : [FONTS.sc, FONTS.tc]);
const familyList = (script: "sc" | "tc") => chartFonts(script).map((f) => `'${f.family}'`).join(", ");
const COLORS = { reported: "#4e79a7", completed: "#59a14f", satisfaction: "#e15759", grid: "#e0e0e0", text: "#333333" };

export type ChartLabels = {
  title: string; reported: string; completed: string; satisfaction: string;
  /** Axis titles: the days, the tickets (left), the satisfaction rate (right). */
  days: string; count: string; rate: string;
};

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const text = (x: number, y: number, s: string, size = 14, anchor = "middle", color = COLORS.text) =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${size}" text-anchor="${anchor}" fill="${color}">${esc(s)}</text>`;

/** A "nice" axis maximum at or above `max` (1, 2, 5 × 10^n). */
function niceMax(max: number): number {
  if (max <= 5) return 5;
  const p = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= max)!;
}

/** The chart as SVG text. */
export function chartSvg(points: DailyPoint[], labels: ChartLabels, script: "sc" | "tc" = "sc"): string {
  const [left, right, top, bottom] = [70, 70, 80, 70];
  const w = CHART_WIDTH - left - right;
  const h = CHART_HEIGHT - top - bottom;
  const yMax = niceMax(Math.max(0, ...points.flatMap((p) => [p.reported, p.completed])));
  const slot = w / Math.max(1, points.length);
  const bar = Math.max(1, Math.min(24, slot * 0.38));
  const y = (v: number) => top + h - (v / yMax) * h;
  const yPct = (v: number) => top + h - (v / 100) * h;
  const out: string[] = [`<rect width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="#ffffff"/>`, text(CHART_WIDTH / 2, 32, labels.title, 20)];
  for (let i = 0; i <= 5; i++) {
    const gy = top + (h * i) / 5;
    out.push(`<line x1="${left}" y1="${gy}" x2="${left + w}" y2="${gy}" stroke="${COLORS.grid}"/>`);
    out.push(text(left - 8, gy + 5, String(Math.round(yMax - (yMax * i) / 5)), 12, "end"));
    out.push(text(left + w + 8, gy + 5, `${100 - 20 * i}%`, 12, "start", COLORS.satisfaction));
  }
  const every = Math.ceil(points.length / 16);
  const last = points.length - 1;
  // the first day, every `every` days, and the last day (the one before it left out when too close)
  const labelled = (i: number) => i === last || (i % every === 0 && last - i >= every);
  const runs: string[][] = [[]];
  points.forEach((p, i) => {
    const cx = left + slot * (i + 0.5);
    out.push(`<rect x="${(cx - bar).toFixed(1)}" y="${y(p.reported).toFixed(1)}" width="${bar.toFixed(1)}" height="${(top + h - y(p.reported)).toFixed(1)}" fill="${COLORS.reported}"/>`);
    out.push(`<rect x="${cx.toFixed(1)}" y="${y(p.completed).toFixed(1)}" width="${bar.toFixed(1)}" height="${(top + h - y(p.completed)).toFixed(1)}" fill="${COLORS.completed}"/>`);
    if (labelled(i)) out.push(text(cx, top + h + 20, p.day.slice(5), 12));
    if (p.satisfaction === null) runs.push([]); // a day without ratings breaks the line
    else runs.at(-1)!.push(`${cx.toFixed(1)},${yPct(p.satisfaction).toFixed(1)}`);
  });
  for (const run of runs.filter((r) => r.length > 1)) {
    out.push(`<polyline points="${run.join(" ")}" fill="none" stroke="${COLORS.satisfaction}" stroke-width="2.5"/>`);
  }
  for (const pt of runs.flat()) {
    out.push(`<circle cx="${pt.split(",")[0]}" cy="${pt.split(",")[1]}" r="3.5" fill="${COLORS.satisfaction}"/>`);
  }
  const middle = top + h / 2;
  out.push(text(left + w / 2, CHART_HEIGHT - 18, labels.days, 13));
  out.push(`<g transform="rotate(-90 22 ${middle})">${text(22, middle, labels.count, 13)}</g>`);
  const rx = CHART_WIDTH - 18;
  const rate = text(rx, middle, labels.rate, 13, "middle", COLORS.satisfaction);
  out.push(`<g transform="rotate(90 ${rx} ${middle})">${rate}</g>`);
  const legend: [string, string][] = [[COLORS.reported, labels.reported], [COLORS.completed, labels.completed], [COLORS.satisfaction, labels.satisfaction]];
  legend.forEach(([color, label], i) => {
    const lx = left + i * 220;
    out.push(`<rect x="${lx}" y="50" width="14" height="14" fill="${color}"/>`, text(lx + 20, 62, label, 14, "start"));
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}"`;
  return `${svg} font-family="${familyList(script)}">${out.join("")}</svg>`;
}

/** The chart as PNG bytes; Traditional Chinese readers get the Traditional font first. */
export function chartPng(points: DailyPoint[], labels: ChartLabels, script: "sc" | "tc" = "sc"): Buffer {
  const fonts = chartFonts(script);
  const resvg = new Resvg(chartSvg(points, labels, script), {
    font: { fontFiles: fonts.map((f) => f.file), loadSystemFonts: false, defaultFontFamily: fonts[0]!.family },
    fitTo: { mode: "original" },
  });
  return resvg.render().asPng();
}
