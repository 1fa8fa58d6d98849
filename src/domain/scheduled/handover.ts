// The night handover (seed 002 §4.3.3): at the start of office hours the desk gets what came in
// since the office closed, what was done, and what is still open. Once a day per property:
// Property.nextHandoverDueAt is the due column, claimed with a conditional update.
import type { Database, DbOrTx } from "../../db/client.ts";
import { logEvent } from "../events.ts";
import { notifyAll } from "../notify.ts";
import { lastNight, nextDailyAt, type Calendar } from "../schedule.ts";
import { onDutyStaff } from "../staff.ts";
import { UNFINISHED } from "../tickets/deadline.ts";
import { placeOf } from "../tickets/view.ts";
import { addMinutes, formatLocal } from "../time.ts";
import { alignRows } from "../text-table.ts";
import { wordToken } from "../word-token.ts";
import { batchOf, calendarFor, eachDue, nothingDue, type JobOptions, type Outcome, type TickReport } from "./batch.ts";

const MAX_ROWS = 20;
type PropertyRow = NonNullable<Awaited<ReturnType<DbOrTx["property"]["findUnique"]>>>;

/** What came in during the office's last night (close to opening) before `now`: table rows and counts. */
export async function nightSummary(db: DbOrTx, p: PropertyRow, cal: Calendar, now: Date) {
  const { from, to } = lastNight(now, cal);
  const tickets = await db.ticket.findMany({
    where: { propertyId: p.id, reportedAt: { gte: from, lt: to } }, include: { unit: true, assignee: true },
    orderBy: { reportedAt: "asc" }, take: 500,
  });
  const done = tickets.filter((t) => t.status === "completed" || t.status === "closed");
  const open = tickets.filter((t) => UNFINISHED.includes(t.status));
  const rows = tickets.slice(0, MAX_ROWS).map((t) => [
    formatLocal(t.reportedAt, cal.tz).slice(11), t.number.slice(-4), placeOf(t), t.emergency ? "!" : "", t.assignee?.name ?? "-",
    wordToken("status", t.status), // last: the recipient's words replace it, the columns before stay aligned
  ]);
  return { since: formatLocal(from, cal.tz), came: tickets.length, done: done.length, open: open.length, rows };
}

async function handover(database: Database, p: PropertyRow, now: Date, opts: JobOptions): Promise<Outcome> {
  const cal = calendarFor(p, opts);
  return database.tx(async (tx) => {
    const won = await tx.property.updateMany({
      where: { id: p.id, nextHandoverDueAt: p.nextHandoverDueAt }, data: { nextHandoverDueAt: nextDailyAt(now, p.officeStart, cal.tz, true) },
    });
    if (won.count === 0) return "skipped";
    const s = await nightSummary(tx, p, cal, now);
    await notifyAll(tx, now, await onDutyStaff(tx, p.id, "desk"), {
      key: "handover-digest",
      params: { property: p.name, since: s.since, came: s.came, done: s.done, open: s.open, table: s.rows.length ? alignRows(s.rows) : "-" },
    });
    await logEvent(tx, { actorId: null, action: "handover-sent", at: now, data: { propertyId: p.id, came: s.came, done: s.done, open: s.open } });
    return "done";
  });
}

/** One tick of the night handover. */
export async function runHandover(database: Database, now: Date, opts: JobOptions = {}): Promise<TickReport> {
  if (!(await database.anyDue([{ table: "Property", column: "nextHandoverDueAt", orNull: true, at: now }]))) return nothingDue("handover");
  const fresh = await database.db.property.findMany({ where: { nextHandoverDueAt: null }, take: batchOf(opts), orderBy: { id: "asc" } });
  for (const p of fresh) {
    try {
      await database.db.property.updateMany({ where: { id: p.id, nextHandoverDueAt: null }, data: { nextHandoverDueAt: nextDailyAt(now, p.officeStart, calendarFor(p, opts).tz) } });
    } catch (error) {
      opts.log?.error("job handover: cannot schedule property", { id: p.id, error: String(error) });
    }
  }
  const due = await database.db.property.findMany({ where: { nextHandoverDueAt: { lte: now } }, orderBy: [{ nextHandoverDueAt: "asc" }, { id: "asc" }], take: batchOf(opts) });
  return eachDue("handover", due, opts, (p) => handover(database, p, now, opts), async (p) => {
    await database.db.property.updateMany({ where: { id: p.id, nextHandoverDueAt: p.nextHandoverDueAt }, data: { nextHandoverDueAt: addMinutes(now, 5) } });
  });
}
