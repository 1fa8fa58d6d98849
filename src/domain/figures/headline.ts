// The managers' headline figures against the seeds' targets (seed 001 §3.2, 制度6-8; seed 004 ch. 9):
// satisfaction ≥ 95 %, callbacks 100 %, timeliness of dispatch / arrival / completion (100 % for
// emergencies), rework < 0.5 %, complaints answered in time, valid complaints < 1 %. Pure: plain rows in.
import { answerDeadline } from "../complaints.ts";
import type { Calendar } from "../schedule.ts";
import { arrivalDue } from "../tickets/dispatch.ts";
import type { FigureComplaint, FigureRows, FigureTicket } from "./rows.ts";

export type Target = { op: ">=" | "<"; value: number };
/** A ratio (num/den as a percentage), a count, or money in cents; `missing` when its source is not recorded. */
export type Figure = {
  key: string; unit: "pct" | "count" | "cents";
  num: number; den: number; missing?: boolean; target?: Target;
  /** true / false against the target; null when there is nothing to judge (no data, no target). */
  met: boolean | null;
};

export const TARGETS = {
  satisfaction: { op: ">=", value: 95 }, callback: { op: ">=", value: 100 }, dispatch: { op: ">=", value: 100 },
  arrival: { op: ">=", value: 100 }, completion: { op: ">=", value: 100 }, emergency: { op: ">=", value: 100 },
  rework: { op: "<", value: 0.5 }, complaintAnswer: { op: ">=", value: 100 }, validComplaints: { op: "<", value: 1 },
} as const satisfies Record<string, Target>;

/** Minutes within which a job is accepted (the dispatch clock, DOMAIN). */
export const DISPATCH_MINUTES = 5;
const MIN = 60_000;

export const pct = (f: Pick<Figure, "num" | "den">) => (f.den === 0 ? null : (100 * f.num) / f.den);

function ratio(key: string, num: number, den: number, target?: Target, missing = false): Figure {
  const value = den === 0 || missing ? null : (100 * num) / den;
  const met = value === null || !target ? null : target.op === ">=" ? value >= target.value - 1e-9 : value < target.value;
  return { key, unit: "pct", num, den, target, met, missing };
}
const count = (key: string, n: number, missing = false, unit: Figure["unit"] = "count"): Figure =>
  ({ key, unit, num: n, den: 1, met: null, missing });

/** Dispatched in time: accepted within 5 minutes of the report (seed 002 3.1.2). */
export const dispatchedInTime = (t: FigureTicket) =>
  t.acceptedAt !== null && t.acceptedAt.getTime() - t.reportedAt.getTime() <= DISPATCH_MINUTES * MIN;
/**
 * On site by the deadline the job card and the arrival watch count down to (arrivalDue, set at
 * acceptance): an emergency within 15 minutes of the report, a booked window by its end, otherwise
 * within 30 minutes of acceptance.
 */
export function arrivedInTime(t: FigureTicket): boolean {
  if (!t.arrivedAt || !t.acceptedAt) return false;
  return t.arrivedAt <= arrivalDue(t, t.acceptedAt);
}
export const completedInTime = (t: FigureTicket) => !!t.completedAt && !!t.completionDueAt && t.completedAt <= t.completionDueAt;
export const isRated = (t: FigureTicket) => t.rating !== null;
export const isSatisfied = (t: FigureTicket) => (t.rating ?? 0) >= 4;

export type Headline = { figures: Figure[]; byCategory: [string, number][]; byChannel: [string, number][] };

/** One job per incident: a later report of a public-area incident is counted with its first report. */
export const isIncidentJob = (t: FigureTicket) => t.incidentOfId == null;

/**
 * The headline figures of tickets reported in [from, to) and complaints filed then, judged at `now`.
 * Timeliness (dispatch, arrival, completion, emergencies), jobs completed and rework count each
 * incident once; satisfaction and callbacks count every reporter (each has their own rating).
 */
export function headlineFigures(rows: FigureRows, from: Date, to: Date, cal: Calendar, now: Date): Headline {
  const all = rows.tickets.filter((t) => t.reportedAt >= from && t.reportedAt < to);
  const live = all.filter((t) => t.cancelledAt === null);
  const jobs = live.filter(isIncidentJob);
  const accepted = jobs.filter((t) => t.acceptedAt !== null);
  const arrived = jobs.filter((t) => t.arrivedAt !== null);
  const reports = live.filter((t) => t.completedAt !== null);
  const completed = reports.filter(isIncidentJob);
  const rated = reports.filter(isRated);
  const emergencies = jobs.filter((t) => t.emergency && t.acceptedAt !== null);
  const clocked = completed.filter((t) => t.completionDueAt != null);
  const urgesKnown = live.some((t) => t.urges !== undefined);
  const fees = live.filter((t) => t.feeCents !== null);
  const deadline = new Map(rows.complaints.map((c) => [c.id, answerDeadline(c.createdAt, cal)]));
  // a complaint the owner reopened as "not satisfied" is not answered until it is answered again
  const answered = (c: FigureComplaint) => c.answeredAt !== null && c.status !== "open";
  const due = rows.complaints.filter((c) => answered(c) || deadline.get(c.id)! <= now);
  const answeredInTime = due.filter((c) => answered(c) && c.answeredAt! <= deadline.get(c.id)!);
  const tally = (key: (t: FigureTicket) => string) =>
    [...all.reduce((m, t) => m.set(key(t), (m.get(key(t)) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1]);
  return {
    figures: [
      count("reported", all.length),
      count("completed", completed.length),
      ratio("satisfaction", rated.filter(isSatisfied).length, rated.length, TARGETS.satisfaction),
      ratio("callback", rated.length, reports.length, TARGETS.callback),
      ratio("dispatch", accepted.filter(dispatchedInTime).length, accepted.length, TARGETS.dispatch),
      ratio("arrival", arrived.filter(arrivedInTime).length, arrived.length, TARGETS.arrival),
      ratio("completion", clocked.filter(completedInTime).length, clocked.length, TARGETS.completion, clocked.length === 0 && completed.length > 0),
      ratio("emergency", emergencies.filter((t) => dispatchedInTime(t) && arrivedInTime(t)).length, emergencies.length, TARGETS.emergency),
      ratio("rework", jobs.filter((t) => t.reworkOfId !== null).length, jobs.length, TARGETS.rework),
      count("complaints", rows.complaints.length),
      ratio("complaintAnswer", answeredInTime.length, due.length, TARGETS.complaintAnswer),
      ratio("validComplaints", rows.complaints.filter((c) => c.valid === true).length, all.length, TARGETS.validComplaints),
      count("urges", live.reduce((n, t) => n + (t.urges ?? 0), 0), !urgesKnown),
      count("paid", fees.reduce((n, t) => n + t.feeCents!, 0), fees.length === 0, "cents"),
    ],
    byCategory: tally((t) => t.category),
    byChannel: tally((t) => t.channel),
  };
}

/** A figure as table cells: "96.0% (24/25)" / "12" / "50.00" (or "—" without data), "≥95%", ✅ / ❌. */
export function figureCells(f: Figure): { value: string; target: string; mark: string } {
  const value = f.missing ? "—" : f.unit === "count" ? String(f.num) : f.unit === "cents" ? (f.num / 100).toFixed(2)
    : f.den === 0 ? "—" : `${((100 * f.num) / f.den).toFixed(1)}% (${f.num}/${f.den})`;
  const target = f.target ? `${f.target.op === ">=" ? "≥" : "<"}${f.target.value}%` : "";
  return { value, target, mark: f.missing || f.met === null ? "" : f.met ? "✅" : "❌" };
}
