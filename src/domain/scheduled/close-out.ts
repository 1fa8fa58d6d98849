// The daily close-out (日清, seed 002: by 17:30): one message per property to the desk and the
// supervisors with today's figures, overdue jobs and their technicians, jobs that could not be
// finished with their new times, and unanswered callbacks. Sent even when all is well, once a day:
// Property.nextCloseOutDueAt is the due column, claimed with a conditional update.
import type { Database, DbOrTx, Reads } from "../../db/client.ts";
import { paidWorkTotalsAt, type PaidTotals } from "../paid/fees.ts";
import { formatFen } from "../paid/money.ts";
import { byRange, localDayStart, localDate, nextDailyAt, type Calendar } from "../schedule.ts";
import { staffAt } from "../staff.ts";
import { placeOf } from "../tickets/view.ts";
import { addMinutes, formatLocal } from "../time.ts";
import { batchOf, calendarFor, claimDue, nothingDue, type JobOptions, type TickReport, type TickWrites } from "./batch.ts";
import { alignRows } from "../text-table.ts";

const UNFINISHED = ["open", "accepted", "arrived", "postponed"];
const WAITING = ["requested", "reminded", "phone"];
/** Rows per section; the rest are counted ("+ 12"). Keeps the message far below 4096 characters. */
export const MAX_ROWS = 15;
const RETRY_MINUTES = 5;

type PropertyRow = NonNullable<Awaited<ReturnType<DbOrTx["property"]["findUnique"]>>>;

export type CloseOut = {
  property: string; date: string; reported: number; completed: number; open: number;
  overdue: { number: string; technician: string; place: string; since: string }[];
  postponed: { number: string; technician: string; newTime: string }[];
  /** Unfinished jobs past their completion deadline (the completion clock's breach). */
  lateCompletion: { number: string; technician: string; due: string }[];
  callbacks: { number: string; owner: string; phone: string; completed: string }[];
  paid: PaidTotals;
};

/** The figures of one property's local day (see closeOutSummaries). */
export async function closeOutSummary(reads: Reads, p: PropertyRow, cal: Calendar, day: Date, now: Date): Promise<CloseOut> {
  return (await closeOutSummaries(reads, [{ p, cal, day }], now))[0]!;
}

/**
 * The figures of many properties' local days (each in its own zone), in the same few statements
 * whatever their number. Every query is an indexed range bounded by the days or the unfinished
 * work, never by the ticket history: the day's reports by (propertyId, reportedAt), completions by
 * the events' (action, at) and then their tickets, unfinished work by (propertyId, status,
 * reportedAt), callbacks waiting by the surveys' status. Read through Prisma or on the sweep's path.
 */
export async function closeOutSummaries(reads: Reads, wanted: { p: PropertyRow; cal: Calendar; day: Date }[], now: Date): Promise<CloseOut[]> {
  if (wanted.length === 0) return [];
  const days = wanted.map(({ p, cal, day }) => {
    const from = localDayStart(day, cal.tz);
    return { p, cal, propertyId: p.id, from, to: localDayStart(addMinutes(from, 36 * 60), cal.tz) };
  });
  const ids = days.map((d) => d.p.id);
  const reported = await reads.groupBy("ticket", { by: "propertyId", where: byRange(days, (propertyId, reportedAt) => ({ propertyId, reportedAt })) });
  // the completions in any of the days, then counted for the days of their tickets' properties
  const dayOf = new Map(days.map((d) => [d.propertyId, d]));
  // one range over all the days (an OR of ranges walks the (action, at) index badly); the tickets by their ids only
  const span = { gte: new Date(Math.min(...days.map((d) => d.from.getTime()))), lt: new Date(Math.max(...days.map((d) => d.to.getTime()))) };
  const completions = await reads.findMany("event", { where: { action: "completed", at: span } });
  const finished = completions.length === 0 ? []
    : await reads.findMany("ticket", { where: { id: { in: [...new Set(completions.map((e) => e.ticketId!))] } } });
  const propertyOf = new Map(finished.map((t) => [t.id, t.propertyId]));
  const completedIds = new Set(completions.filter((e) => {
    const d = dayOf.get(propertyOf.get(e.ticketId!) ?? -1);
    return d !== undefined && e.at >= d.from && e.at < d.to;
  }).map((e) => e.ticketId!));
  const completed = new Map<number, number>();
  for (const t of completedIds) completed.set(propertyOf.get(t)!, (completed.get(propertyOf.get(t)!) ?? 0) + 1);
  // sorted here: an ORDER BY reportedAt makes SQLite walk the properties' whole history through (propertyId, reportedAt)
  const unfinished = (await reads.findMany("ticket", {
    where: { propertyId: { in: ids }, status: { in: UNFINISHED } }, include: { unit: true, assignee: true },
  }))
    .sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime() || a.id - b.id);
  // by the status index (the callbacks waiting are few), not through the properties' tickets
  const waitingAll = await reads.findMany("survey", {
    where: { status: { in: WAITING } }, orderBy: [{ id: "asc" }], include: { ticket: { include: { reporter: true } } },
  });
  const paid = await paidWorkTotalsAt(reads, days);
  return days.map(({ p, cal, from }) => {
    const local = (at: Date | null) => (at ? formatLocal(at, cal.tz).slice(5) : "-");
    const open = unfinished.filter((t) => t.propertyId === p.id);
    const isOverdue = (t: (typeof open)[number]) =>
      t.status === "open" ? addMinutes(t.reportedAt, t.emergency ? p.emergencyDispatchMin : p.dispatchTimeoutMin) < now
        : t.status === "postponed" ? false
        : t.arrivalLevel > 0 || t.reportedAt < from; // missed the arrival time, or carried over from an earlier day
    const waiting = waitingAll.filter((s) => s.ticket.propertyId === p.id);
    return {
      property: p.name, date: localDate(from, cal.tz), reported: reported.find((r) => r.key === p.id)?.count ?? 0, completed: completed.get(p.id) ?? 0,
      open: open.length,
      overdue: open.filter(isOverdue).map((t) => ({ number: t.number, technician: t.assignee?.name ?? "-", place: placeOf(t), since: local(t.reportedAt) })),
      postponed: open.filter((t) => t.status === "postponed").map((t) => ({ number: t.number, technician: t.assignee?.name ?? "-", newTime: local(t.postponedUntil) })),
      lateCompletion: open.filter((t) => t.completionDueAt !== null && t.completionDueAt < now)
        .map((t) => ({ number: t.number, technician: t.assignee?.name ?? "-", due: local(t.completionDueAt) })),
      callbacks: waiting.map((s) => ({ number: s.ticket.number, owner: s.ticket.reporter.name, phone: s.ticket.phone || "-", completed: local(s.ticket.completedAt) })),
      paid: paid.get(p.id)!,
    };
  });
}

const table = <T>(items: T[], row: (x: T) => string[]) => alignRows(items.slice(0, MAX_ROWS).map(row), items.length - MAX_ROWS);

/** The close-out as notification parameters: figures plus three aligned tables. */
export function closeOutParams(c: CloseOut): Record<string, string | number> {
  return {
    property: c.property, date: c.date, reported: c.reported, completed: c.completed, open: c.open,
    overdueCount: c.overdue.length, postponedCount: c.postponed.length, callbackCount: c.callbacks.length,
    lateCompletionCount: c.lateCompletion.length,
    lateCompletion: table(c.lateCompletion, (x) => [x.number, x.technician, x.due]),
    overdue: table(c.overdue, (x) => [x.number, x.technician, x.place, x.since]),
    postponed: table(c.postponed, (x) => [x.number, x.technician, x.newTime]),
    callbacks: table(c.callbacks, (x) => [x.number, x.owner, x.phone, x.completed]),
    quotesSent: c.paid.quotesSent, approved: c.paid.approved, declined: c.paid.declined,
    received: formatFen(c.paid.receivedFen), outstandingCount: c.paid.outstandingCount, outstanding: formatFen(c.paid.outstandingFen),
  };
}

/** The latest close-out time at or before now: the day a (possibly late) close-out reports on. */
const reportDay = (now: Date, p: PropertyRow, cal: Calendar) => addMinutes(nextDailyAt(now, p.closeOutAt, cal.tz, true), -24 * 60);

/** The close-outs of the properties due, read before the claim: one batch of reads for all. */
async function closeOuts(database: Database, properties: PropertyRow[], now: Date, opts: JobOptions) {
  const wanted = properties.flatMap((p) => {
    try {
      const cal = calendarFor(p, opts);
      return [{ p, cal, day: reportDay(now, p, cal) }];
    } catch {
      return []; // its claim fails too, and it is retried on its own (claimDue)
    }
  });
  const summaries = await closeOutSummaries(database.sweep, wanted, now);
  const staff = wanted.length === 0 ? () => [] : await staffAt(database.sweep, wanted.map((x) => x.p.id), ["desk", "supervisor"]);
  const byProperty = new Map(wanted.map((x, i) => [x.p.id, summaries[i]!]));
  /** The property's close-out to its desk and supervisors, once its claim is won. */
  return (p: PropertyRow, w: TickWrites) => {
    const summary = byProperty.get(p.id);
    if (!summary) throw new Error(`close-out: property ${p.id} has no summary`);
    w.notifyAll([...staff(p.id, "desk"), ...staff(p.id, "supervisor")], { key: "closeout-report", params: closeOutParams(summary), ref: `closeout:${p.id}:${summary.date}` });
  };
}

/** Gives properties without a close-out due time their next one. */
async function initialise(database: Database, now: Date, opts: JobOptions): Promise<void> {
  const fresh = await database.sweep.findMany("property", { where: { nextCloseOutDueAt: null }, take: batchOf(opts), orderBy: { id: "asc" } });
  for (const p of fresh) {
    try {
      const due = nextDailyAt(now, p.closeOutAt, calendarFor(p, opts).tz);
      await database.db.property.updateMany({ where: { id: p.id, nextCloseOutDueAt: null }, data: { nextCloseOutDueAt: due } });
    } catch (error) {
      opts.log?.error("job close-out: cannot schedule property", { id: p.id, error: String(error) });
    }
  }
}

/** One tick of the daily close-out. */
export async function runCloseOut(database: Database, now: Date, opts: JobOptions = {}): Promise<TickReport> {
  if (!(await database.anyDue([{ table: "Property", column: "nextCloseOutDueAt", orNull: true, at: now }]))) return nothingDue("close-out");
  await initialise(database, now, opts);
  const due = await database.sweep.findMany("property", {
    where: { nextCloseOutDueAt: { lte: now } }, orderBy: [{ nextCloseOutDueAt: "asc" }, { id: "asc" }], take: batchOf(opts),
  });
  const send = await closeOuts(database, due, now, opts);
  return claimDue(database, due, now, opts, {
    job: "close-out",
    plan: (p) => ({ where: { nextCloseOutDueAt: p.nextCloseOutDueAt }, data: { nextCloseOutDueAt: nextDailyAt(now, p.closeOutAt, calendarFor(p, opts).tz, true) }, outcome: "done" }),
    model: "property",
    write: (p, _, w) => send(p, w),
    retry: async (p) => {
      await database.db.property.updateMany({ where: { id: p.id, nextCloseOutDueAt: p.nextCloseOutDueAt }, data: { nextCloseOutDueAt: addMinutes(now, RETRY_MINUTES) } });
    },
  });
}
