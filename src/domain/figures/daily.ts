// The chart's series: per local day of the period, tickets reported, tickets completed, and the
// satisfaction rate of the ratings given that day (null on a day without ratings). Pure.
import { localInstant } from "../schedule.ts";
import { isSatisfied } from "./headline.ts";
import type { FigureRows } from "./rows.ts";

export type DailyPoint = { day: string; reported: number; completed: number; satisfaction: number | null };

export function dailySeries(rows: FigureRows, days: string[], tz: string): DailyPoint[] {
  // the start of each local day (and of the day after), so a time finds its day by binary search
  const edges = [...days, nextDay(days.at(-1)!)].map((d) => {
    const [year, month, day] = d.split("-").map(Number) as [number, number, number];
    return localInstant({ year, month, day }, 0, tz).getTime();
  });
  const points = days.map((day) => ({ day, reported: 0, completed: 0, rated: 0, good: 0 }));
  const at = (d: Date | null) => {
    const x = d?.getTime();
    if (x === undefined || x < edges[0]! || x >= edges.at(-1)!) return undefined;
    let lo = 0;
    let hi = days.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (edges[mid]! <= x) lo = mid; else hi = mid - 1;
    }
    return points[lo];
  };
  for (const t of rows.tickets) {
    const r = at(t.reportedAt);
    if (r) r.reported++;
    // jobs completed: an incident's later reports are completed with its first one
    const c = t.incidentOfId == null ? at(t.completedAt) : undefined;
    if (c) c.completed++;
    const s = t.rating !== null ? at(t.ratedAt) : undefined;
    if (s) { s.rated++; if (isSatisfied(t)) s.good++; }
  }
  return points.map(({ day, reported, completed, rated, good }) => ({ day, reported, completed, satisfaction: rated ? (100 * good) / rated : null }));
}

function nextDay(d: string): string {
  const [y, m, day] = d.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, day + 1)).toISOString().slice(0, 10);
}
