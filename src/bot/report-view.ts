// A report as people read it: one message with the headline figures and the per-technician table
// as monospace blocks (pre entities), and the chart's labels, in the reader's language.
import type { MessageEntity } from "grammy/types";
import { figureCells } from "../domain/figures/headline.ts";
import type { Report } from "../domain/figures/report.ts";
import type { TechnicianLine } from "../domain/figures/technicians.ts";
import { alignRows } from "../domain/text-table.ts";
import type { Translate } from "./i18n.ts";
import { wordKey } from "./words.ts";
import type { ChartLabels } from "./report-chart.ts";

const DASH = "—";
const one = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

export function technicianRows(lines: TechnicianLine[], t: Translate): string[][] {
  const head = ["name", "done", "arrival", "ontime", "rating", "rework", "complaints"].map((c) => t(`report-col-${c}`));
  return [head, ...lines.map((l) => [
    l.name, String(l.done), l.medianArrivalMin === null ? DASH : one(l.medianArrivalMin),
    l.onTime ? `${l.onTime.num}/${l.onTime.den}` : DASH, l.avgRating === null ? DASH : l.avgRating.toFixed(1),
    String(l.rework), String(l.complaints),
  ])];
}

type Part = { text: string; pre?: boolean };

/** Joins text parts with blank lines; the `pre` parts become monospace entities. */
export function withPre(parts: Part[]): { text: string; entities: MessageEntity[] } {
  let text = "";
  const entities: MessageEntity[] = [];
  for (const p of parts) {
    if (text) text += "\n\n";
    if (p.pre) entities.push({ type: "pre", offset: text.length, length: p.text.length });
    text += p.text;
  }
  return { text, entities };
}

/** The headline figures as rows (a head row first): figure, value, target, mark. */
export function figureRows(r: Report, t: Translate): string[][] {
  const head = [t("report-col-figure"), t("report-col-value"), t("report-col-target"), ""];
  return [head, ...r.headline.figures.map((f) => {
    const c = figureCells(f);
    return [t(`report-fig-${f.key}`), c.value, c.target, c.mark];
  })];
}

/** The report message. */
export function reportMessage(r: Report, t: Translate) {
  const figures = figureRows(r, t);
  const tally = (pairs: [string, number][], label: (k: string) => string) => pairs.map(([k, n]) => `${label(k)} ${n}`).join(" · ") || DASH;
  return withPre([
    { text: t("report-title", { name: r.name, code: r.code, period: r.period.label }) },
    { text: alignRows(figures), pre: true },
    { text: `${t("report-by-category", { list: tally(r.headline.byCategory, (k) => t(`category-${k}`)) })}\n${t("report-by-channel", { list: tally(r.headline.byChannel, (k) => t(wordKey("channel", k))) })}` },
    { text: t("report-technicians") },
    { text: r.technicians.length ? alignRows(technicianRows(r.technicians, t)) : t("report-no-technicians"), pre: r.technicians.length > 0 },
    { text: t("report-footnote") },
  ]);
}

export const chartLabels = (r: Report, t: Translate): ChartLabels => ({
  title: t("report-chart-title", { name: r.name, period: r.period.label }),
  reported: t("report-chart-reported"), completed: t("report-chart-completed"), satisfaction: t("report-chart-satisfaction"),
  days: t("chart-axis-days"), count: t("chart-axis-count"), rate: t("chart-axis-rate"),
});
