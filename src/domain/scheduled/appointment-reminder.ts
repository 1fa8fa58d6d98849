// Confirm 30 minutes before an agreed time (DOMAIN step 4): at appointmentDueAt the technician is
// reminded and the owner told the technician is coming. A reminder found after the appointment
// itself has passed (the process was down) is dropped: the arrival watch covers that case.
import type { Database, DbOrTx } from "../../db/client.ts";
import { logEvent } from "../events.ts";
import { notify } from "../notify.ts";
import { placeOf } from "../tickets/view.ts";
import { formatLocal } from "../time.ts";
import { backoffSince, batchOf, calendarFor, eachDue, nothingDue, type JobOptions, type Outcome, type TickReport } from "./batch.ts";

const WATCHED = ["accepted", "postponed"];

type Due = Awaited<ReturnType<typeof findDue>>[number];

function findDue(db: DbOrTx, now: Date, take: number) {
  return db.ticket.findMany({
    where: { status: { in: WATCHED }, appointmentDueAt: { lte: now } },
    orderBy: [{ appointmentDueAt: "asc" }, { id: "asc" }], take, include: { property: true, unit: true, assignee: true },
  });
}

async function remind(database: Database, t: Due, now: Date, opts: JobOptions): Promise<Outcome> {
  const cal = calendarFor(t.property, opts);
  return database.tx(async (tx) => {
    const won = await tx.ticket.updateMany({
      where: { id: t.id, status: t.status, appointmentDueAt: t.appointmentDueAt },
      data: { appointmentDueAt: null, retryAt: null },
    });
    if (won.count === 0) return "skipped";
    const at = t.appointmentAt;
    if (!at || at <= now || !t.assigneeId) {
      await logEvent(tx, { ticketId: t.id, actorId: null, action: "appointment-reminder-dropped", at: now, data: { late: true } });
      return "done";
    }
    const params = {
      number: t.number, place: placeOf(t), category: t.category, time: formatLocal(at, cal.tz),
      technician: t.assignee?.name ?? "-", phone: t.phone, access: t.access,
    };
    await notify(tx, now, t.assigneeId, { key: "appointment-reminder-technician", params, buttons: [[{ label: "btn-job-open", action: "job", id: t.id }]] });
    await notify(tx, now, t.reporterId, { key: "appointment-coming-owner", params });
    await logEvent(tx, { ticketId: t.id, actorId: null, action: "appointment-reminded", at: now });
    return "done";
  });
}

/** One tick of the appointment reminder. */
export async function runAppointmentReminders(database: Database, now: Date, opts: JobOptions = {}): Promise<TickReport> {
  if (!(await database.anyDue([{ table: "Ticket", column: "appointmentDueAt", status: WATCHED, at: now }]))) return nothingDue("appointment-reminder");
  const due = await findDue(database.db, now, batchOf(opts));
  return eachDue("appointment-reminder", due, opts, (t) => remind(database, t, now, opts), async (t) => {
    await database.db.ticket.updateMany({
      where: { id: t.id, status: t.status, appointmentDueAt: t.appointmentDueAt },
      data: { appointmentDueAt: backoffSince(t.retryAt, now), retryAt: t.retryAt ?? now },
    });
  });
}
