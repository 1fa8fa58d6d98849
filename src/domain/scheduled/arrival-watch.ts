// On site within 15 minutes (emergency) or 30 (general) of acceptance or of the agreed time
// (DOMAIN step 4): an accepted or postponed job without "Arrived" at arrivalDueAt alerts the
// technician (level 1), and SUPERVISOR_AFTER minutes later the supervisors (level 2; at night,
// for an emergency, the control room too).
import type { Database } from "../../db/client.ts";
import { onDutyStaffAt, type StaffAt } from "../staff.ts";
import { isOfficeHours } from "../schedule.ts";
import { placeOf } from "../tickets/view.ts";
import { addMinutes, formatLocal } from "../time.ts";
import { backoffSince, batchOf, calendarFor, claimDue, nothingDue, type TickWrites, type JobOptions, type TickReport } from "./batch.ts";

/** Minutes between the technician's reminder and the supervisors' alert. */
export const SUPERVISOR_AFTER = { emergency: 5, general: 10 } as const;
const WATCHED = ["accepted", "postponed"];

type Due = Awaited<ReturnType<typeof findDue>>[number];

function findDue(database: Database, now: Date, take: number) {
  return database.sweep.findMany("ticket", {
    where: { status: { in: WATCHED }, arrivalDueAt: { lte: now } },
    orderBy: [{ arrivalDueAt: "asc" }, { id: "asc" }], take, include: { property: true, unit: true, assignee: true },
  });
}

/** Level 1 reminds the technician and is due again SUPERVISOR_AFTER later; level 2 alerts the supervisors. */
const levelOf = (t: Due) => Math.min(t.arrivalLevel, 1) + 1;

/** Whom an item alerts: the technician (level 1), or the supervisors on duty (and at night, for an emergency, the control room). */
function write(t: Due, now: Date, opts: JobOptions, duty: StaffAt, w: TickWrites): void {
  const cal = calendarFor(t.property, opts);
  const since = t.appointmentAt && t.acceptedAt && t.appointmentAt > t.acceptedAt ? t.appointmentAt : (t.acceptedAt ?? t.reportedAt);
  const params = {
    number: t.number, place: placeOf(t), category: t.category, emergency: t.emergency ? "yes" : "no",
    technician: t.assignee?.name ?? "-", techphone: t.assignee?.phone ?? "-", phone: t.phone,
    since: formatLocal(since, cal.tz),
  };
  const level = levelOf(t);
  let supervisors: number[] = [];
  if (level === 1 && t.assigneeId) {
    w.notify(t.assigneeId, {
      key: "arrival-late-technician", params,
      buttons: [[{ label: "btn-arrived", action: "arrived", id: t.id }, { label: "btn-job-open", action: "job", id: t.id }]],
    });
  } else {
    const night = !isOfficeHours(now, cal);
    supervisors = duty(t.propertyId, "supervisor");
    w.notifyAll([...supervisors, ...(night && t.emergency ? duty(t.propertyId, "control_room") : [])], { key: "arrival-late-supervisor", params });
  }
  w.event({ ticketId: t.id, actorId: null, action: "arrival-overdue", at: now, data: { level, supervisors } });
}

/** One tick of the arrival watch. */
export async function runArrivalWatch(database: Database, now: Date, opts: JobOptions = {}): Promise<TickReport> {
  if (!(await database.anyDue([{ table: "Ticket", column: "arrivalDueAt", status: WATCHED, at: now }]))) return nothingDue("arrival-watch");
  const due = await findDue(database, now, batchOf(opts));
  // the supervisors on duty, read before the claim for the items that alert them (level 2, or no technician)
  const alerting = due.filter((t) => levelOf(t) !== 1 || !t.assigneeId).map((t) => t.propertyId);
  const duty: StaffAt = alerting.length === 0 ? () => [] : await onDutyStaffAt(database.sweep, alerting, ["supervisor", "control_room"]);
  return claimDue(database, due, now, opts, {
    job: "arrival-watch",
    plan: (t) => {
      const level = levelOf(t);
      const next = level === 1 ? addMinutes(now, t.emergency ? SUPERVISOR_AFTER.emergency : SUPERVISOR_AFTER.general) : null;
      return { where: { status: t.status, arrivalLevel: t.arrivalLevel, arrivalDueAt: t.arrivalDueAt }, data: { arrivalLevel: level, arrivalDueAt: next, retryAt: null }, outcome: "done" };
    },
    model: "ticket",
    write: (t, _, w) => write(t, now, opts, duty, w),
    retry: async (t) => {
      await database.db.ticket.updateMany({
        where: { id: t.id, status: t.status, arrivalDueAt: t.arrivalDueAt },
        data: { arrivalDueAt: backoffSince(t.retryAt, now), retryAt: t.retryAt ?? now },
      });
    },
  });
}
