// Confirm 30 minutes before an agreed time (DOMAIN step 4): at appointmentDueAt the technician is
// reminded and the owner told the technician is coming. A reminder found after the appointment
// itself has passed (the process was down) is dropped: the arrival watch covers that case.
import type { Database } from "../../db/client.ts";
import { placeOf } from "../tickets/view.ts";
import { formatLocal } from "../time.ts";
import { backoffSince, batchOf, calendarFor, claimDue, nothingDue, type JobOptions, type TickReport, type TickWrites } from "./batch.ts";
import { reportersOf } from "../tickets/incident.ts";

const WATCHED = ["accepted", "postponed"];

type Due = Awaited<ReturnType<typeof findDue>>[number];

function findDue(database: Database, now: Date, take: number) {
  return database.sweep.findMany("ticket", {
    where: { status: { in: WATCHED }, appointmentDueAt: { lte: now } },
    orderBy: [{ appointmentDueAt: "asc" }, { id: "asc" }], take, include: { property: true, unit: true, assignee: true },
  });
}

/** The reporters of every incident due this tick, read once before the claim (see reportersOf). */
type Reporters = Awaited<ReturnType<typeof reportersOf>>;

function write(t: Due, now: Date, opts: JobOptions, w: TickWrites, reporters: Reporters): void {
  const at = t.appointmentAt;
  if (!at || at <= now || !t.assigneeId) {
    w.event({ ticketId: t.id, actorId: null, action: "appointment-reminder-dropped", at: now, data: { late: true } });
    return;
  }
  const params = {
    number: t.number, place: placeOf(t), category: t.category, time: formatLocal(at, calendarFor(t.property, opts).tz),
    technician: t.assignee?.name ?? "-", phone: t.phone, access: t.access,
  };
  w.notify(t.assigneeId, { key: "appointment-reminder-technician", params, buttons: [[{ label: "btn-job-open", action: "job", id: t.id }]] });
  // the owner, and the reporters of reports linked to this one
  for (const r of reporters.get(t.id) ?? []) w.notify(r.personId, { key: "appointment-coming-owner", params });
  w.event({ ticketId: t.id, actorId: null, action: "appointment-reminded", at: now });
}

/** One tick of the appointment reminder. */
export async function runAppointmentReminders(database: Database, now: Date, opts: JobOptions = {}): Promise<TickReport> {
  if (!(await database.anyDue([{ table: "Ticket", column: "appointmentDueAt", status: WATCHED, at: now }]))) return nothingDue("appointment-reminder");
  const due = await findDue(database, now, batchOf(opts));
  const reporters = await reportersOf(database.db, due.filter((t) => t.appointmentAt && t.appointmentAt > now && t.assigneeId));
  return claimDue(database, due, now, opts, {
    job: "appointment-reminder",
    plan: (t) => ({ where: { status: t.status, appointmentDueAt: t.appointmentDueAt }, data: { appointmentDueAt: null, retryAt: null }, outcome: "done" }),
    model: "ticket",
    write: (t, _, w) => write(t, now, opts, w, reporters),
    retry: async (t) => {
      await database.db.ticket.updateMany({
        where: { id: t.id, status: t.status, appointmentDueAt: t.appointmentDueAt },
        data: { appointmentDueAt: backoffSince(t.retryAt, now), retryAt: t.retryAt ?? now },
      });
    },
  });
}
