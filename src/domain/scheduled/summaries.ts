// The monthly summary (seed 002: 项目经理每月5日前检查上月记录) to supervisors and admins on the 1st,
// and the weekly reconciliation of unfinished work (每周对账) to the desk and supervisors on Mondays,
// both at the property's office start in its zone. Property.nextMonthlyDueAt / nextWeeklyDueAt are
// the due columns, claimed with a conditional update: once per property and period, on any number
// of schedulers.
import type { Database, DbOrTx } from "../../db/client.ts";
import { figureCells } from "../figures/headline.ts";
import { previousMonth } from "../figures/period.ts";
import { figuresFor } from "../figures/report.ts";
import { notifyAll } from "../notify.ts";
import { localInstant, type Calendar } from "../schedule.ts";
import { staffOf } from "../staff.ts";
import { alignRows } from "../text-table.ts";
import { placeOf } from "../tickets/view.ts";
import { addMinutes, formatLocal, zonedParts } from "../time.ts";
import { batchOf, calendarFor, eachDue, nothingDue, type JobOptions, type Outcome, type TickReport } from "./batch.ts";

const UNFINISHED = ["open", "accepted", "arrived", "postponed"];
/** Rows of the reconciliation table; the rest are counted ("+ 12"). */
export const MAX_ROWS = 25;
const RETRY_MINUTES = 5;

type PropertyRow = NonNullable<Awaited<ReturnType<DbOrTx["property"]["findUnique"]>>>;
type Due = "nextMonthlyDueAt" | "nextWeeklyDueAt";

/** The first office start on a day matching `pick` strictly after `now` (within 32 days). */
function nextDayAt(now: Date, cal: Calendar, pick: (d: { day: number; weekday: number }) => boolean): Date {
  const today = zonedParts(now, cal.tz);
  for (let i = 0; i <= 32; i++) {
    const u = new Date(Date.UTC(today.year, today.month - 1, today.day + i));
    const day = { year: u.getUTCFullYear(), month: u.getUTCMonth() + 1, day: u.getUTCDate() };
    const at = localInstant(day, cal.officeStart, cal.tz);
    if (at > now && pick({ day: day.day, weekday: u.getUTCDay() })) return at;
  }
  throw new Error("unreachable: a 1st and a Monday within 32 days");
}
export const nextMonthlyAt = (now: Date, cal: Calendar) => nextDayAt(now, cal, (d) => d.day === 1);
export const nextWeeklyAt = (now: Date, cal: Calendar) => nextDayAt(now, cal, (d) => d.weekday === 1);
const NEXT: Record<Due, (now: Date, cal: Calendar) => Date> = { nextMonthlyDueAt: nextMonthlyAt, nextWeeklyDueAt: nextWeeklyAt };

/** Last month's headline figures as notice parameters (one per figure: value, target, ✅/❌). */
async function monthlyParams(db: DbOrTx, p: PropertyRow, now: Date, opts: JobOptions) {
  const cal = calendarFor(p, opts);
  const report = await figuresFor(db, p, previousMonth(now, cal.tz), now, cal.tz);
  const cells = Object.fromEntries(report.headline.figures.map((f) => {
    const c = figureCells(f);
    return [f.key, [c.value, c.target, c.mark].filter(Boolean).join("  ")];
  }));
  return { ...cells, name: p.name, code: p.code, period: report.period.label };
}

/** The property's unfinished work, oldest first, as a table (number, technician, place, reported). */
export async function unfinishedWork(db: DbOrTx, p: PropertyRow, tz: string) {
  const ids = (await db.ticket.findMany({ where: { status: { in: UNFINISHED } }, select: { id: true, propertyId: true } }))
    .filter((t) => t.propertyId === p.id).map((t) => t.id);
  const open = await db.ticket.findMany({ where: { id: { in: ids } }, include: { unit: true, assignee: true }, orderBy: [{ reportedAt: "asc" }, { id: "asc" }] });
  const complaints = await db.complaint.count({ where: { propertyId: p.id, status: "open" } });
  const rows = open.slice(0, MAX_ROWS).map((t) => [t.number, t.assignee?.name ?? "-", placeOf(t), formatLocal(t.reportedAt, tz).slice(5)]);
  return { count: open.length, complaints, table: alignRows(rows, open.length - MAX_ROWS) };
}

async function step(database: Database, p: PropertyRow, due: Due, now: Date, opts: JobOptions): Promise<Outcome> {
  const cal = calendarFor(p, opts);
  return database.tx(async (tx) => {
    const won = await tx.property.updateMany({ where: { id: p.id, [due]: p[due] }, data: { [due]: NEXT[due](now, cal) } });
    if (won.count === 0) return "skipped";
    if (due === "nextMonthlyDueAt") {
      const people = [...(await staffOf(tx, p.id, "supervisor")), ...(await staffOf(tx, p.id, "admin"))];
      const params = await monthlyParams(tx, p, now, opts);
      await notifyAll(tx, now, people, { key: "report-monthly", params, ref: `monthly:${p.id}:${params.period}` });
    } else {
      const work = await unfinishedWork(tx, p, cal.tz);
      const people = [...(await staffOf(tx, p.id, "desk")), ...(await staffOf(tx, p.id, "supervisor"))];
      await notifyAll(tx, now, people, { key: "reconciliation-weekly", params: { name: p.name, date: formatLocal(now, cal.tz).slice(0, 10), ...work } });
    }
    return "done";
  });
}

/** One tick: schedules new properties, then sends the monthly summaries and weekly reconciliations due. */
export async function runSummaries(database: Database, now: Date, opts: JobOptions = {}): Promise<TickReport> {
  const probe = await database.anyDue([
    { table: "Property", column: "nextMonthlyDueAt", orNull: true, at: now },
    { table: "Property", column: "nextWeeklyDueAt", orNull: true, at: now },
  ]);
  if (!probe) return nothingDue("summaries");
  const reports: TickReport[] = [];
  for (const due of ["nextMonthlyDueAt", "nextWeeklyDueAt"] as const) {
    for (const p of await database.db.property.findMany({ where: { [due]: null }, take: batchOf(opts), orderBy: { id: "asc" } })) {
      try {
        await database.db.property.updateMany({ where: { id: p.id, [due]: null }, data: { [due]: NEXT[due](now, calendarFor(p, opts)) } });
      } catch (error) {
        opts.log?.error("job summaries: cannot schedule property", { id: p.id, error: String(error) });
      }
    }
    const rows = await database.db.property.findMany({ where: { [due]: { lte: now } }, orderBy: [{ [due]: "asc" }, { id: "asc" }], take: batchOf(opts) });
    reports.push(await eachDue(`summaries:${due}`, rows, opts, (p) => step(database, p, due, now, opts), async (p) => {
      await database.db.property.updateMany({ where: { id: p.id, [due]: p[due] }, data: { [due]: addMinutes(now, RETRY_MINUTES) } });
    }));
  }
  const sum = (k: "due" | "done" | "held" | "skipped" | "failed") => reports.reduce((n, r) => n + r[k], 0);
  return { job: "summaries", due: sum("due"), done: sum("done"), held: sum("held"), skipped: sum("skipped"), failed: sum("failed") };
}
