// Per-technician performance (绩效考核, seed 001 制度6-8): jobs done, median minutes from report to
// arrival, completion on time, average rating, rework of their jobs, complaints about their jobs.
// Pure over the rows of one period (tickets reported in it).
import { completedInTime } from "./headline.ts";
import type { FigureRows } from "./rows.ts";

export type TechnicianLine = {
  id: number; name: string; done: number;
  /** Median minutes from report to arrival; null when none arrived. */
  medianArrivalMin: number | null;
  /** Completed on time of those with a completion clock; null when none has one. */
  onTime: { num: number; den: number } | null;
  avgRating: number | null;
  rework: number;
  complaints: number;
};

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** One line per technician who had a job reported in [from, to), most jobs done first. */
export function technicianTable(rows: FigureRows, from: Date, to: Date): TechnicianLine[] {
  const period = rows.tickets.filter((t) => t.reportedAt >= from && t.reportedAt < to && t.assigneeId !== null);
  // one job per incident; the later reporters' ratings count for the technician who did it
  const tickets = period.filter((t) => t.incidentOfId == null);
  const assigneeOf = new Map(rows.tickets.map((t) => [t.id, t.assigneeId]));
  const ids = new Set(tickets.map((t) => t.assigneeId!));
  return [...ids].map((id) => {
    const mine = tickets.filter((t) => t.assigneeId === id);
    const done = mine.filter((t) => t.completedAt !== null);
    const clocked = done.filter((t) => t.completionDueAt !== undefined && t.completionDueAt !== null);
    const ratings = period.filter((t) => t.assigneeId === id).map((t) => t.rating).filter((r): r is number => r !== null);
    return {
      id, name: rows.names.get(id) ?? `#${id}`, done: done.length,
      medianArrivalMin: median(mine.filter((t) => t.arrivedAt).map((t) => (t.arrivedAt!.getTime() - t.reportedAt.getTime()) / 60_000)),
      onTime: clocked.length ? { num: clocked.filter(completedInTime).length, den: clocked.length } : null,
      avgRating: ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : null,
      rework: tickets.filter((t) => t.reworkOfId !== null && (rows.reworkOf.get(t.reworkOfId) ?? assigneeOf.get(t.reworkOfId)) === id).length,
      complaints: rows.complaints.filter((c) => c.ticketId !== null && assigneeOf.get(c.ticketId) === id).length,
    };
  }).sort((a, b) => b.done - a.done || a.id - b.id);
}
