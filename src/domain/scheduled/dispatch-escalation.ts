// Dispatch within 5 minutes (emergency 2, DOMAIN step 3): a ticket still open at its dispatchDueAt
// is offered again (round + 1) and the on-duty supervisors are alerted; at night emergencies also
// go to the control room. After MAX_REOFFERS rounds the supervisors get a last "assign by hand"
// alert and the ticket stops escalating. A general job reported at night waits for office hours.
import type { Database, DbOrTx } from "../../db/client.ts";
import { onDutyStaff } from "../staff.ts";
import { logEvent } from "../events.ts";
import { notifyAll } from "../notify.ts";
import { isOfficeHours, nextOfficeStart } from "../schedule.ts";
import { offerTicket } from "../tickets/dispatch.ts";
import { placeOf } from "../tickets/view.ts";
import { addMinutes } from "../time.ts";
import { backoffSince, batchOf, calendarFor, eachDue, minutesBetween, nothingDue, type JobOptions, type Outcome, type TickReport } from "./batch.ts";

/** Re-offer rounds after the first offer; the round after them only alerts. */
export const MAX_REOFFERS = 3;

type Due = Awaited<ReturnType<typeof findDue>>[number];

function findDue(db: DbOrTx, now: Date, take: number) {
  return db.ticket.findMany({
    where: { status: "open", dispatchDueAt: { lte: now } },
    orderBy: [{ dispatchDueAt: "asc" }, { id: "asc" }], take, include: { property: true, unit: true },
  });
}

async function escalate(database: Database, t: Due, now: Date, opts: JobOptions): Promise<Outcome> {
  const cal = calendarFor(t.property, opts);
  const night = !isOfficeHours(now, cal);
  return database.tx(async (tx) => {
    const claim = async (data: Record<string, unknown>) => (await tx.ticket.updateMany({
      where: { id: t.id, status: "open", dispatchLevel: t.dispatchLevel, dispatchDueAt: t.dispatchDueAt },
      data: { retryAt: null, ...data },
    })).count === 1;
    if (night && !t.emergency) return (await claim({ dispatchDueAt: nextOfficeStart(now, cal) })) ? "held" : "skipped";
    const round = t.dispatchLevel + 1;
    const final = round > MAX_REOFFERS;
    const every = t.emergency ? t.property.emergencyDispatchMin : t.property.dispatchTimeoutMin;
    if (!(await claim({ dispatchLevel: round, dispatchDueAt: final ? null : addMinutes(now, every) }))) return "skipped";
    const offered = final ? [] : await offerTicket(tx, t.id, now, round);
    const alerted = [
      ...(await onDutyStaff(tx, t.propertyId, "supervisor")),
      ...(night && t.emergency ? await onDutyStaff(tx, t.propertyId, "control_room") : []),
    ];
    await notifyAll(tx, now, alerted, {
      key: final ? "dispatch-unassigned" : "dispatch-overdue",
      params: {
        number: t.number, place: placeOf(t), category: t.category, emergency: t.emergency ? "yes" : "no",
        minutes: minutesBetween(t.reportedAt, now), round, offered: offered.length,
      },
    });
    await logEvent(tx, { ticketId: t.id, actorId: null, action: final ? "dispatch-unassigned" : "dispatch-escalated", at: now, data: { round, offered, alerted } });
    return "done";
  });
}

/** One tick of the dispatch escalation. */
export async function runDispatchEscalation(database: Database, now: Date, opts: JobOptions = {}): Promise<TickReport> {
  if (!(await database.anyDue([{ table: "Ticket", column: "dispatchDueAt", status: ["open"], at: now }]))) return nothingDue("dispatch-escalation");
  const due = await findDue(database.db, now, batchOf(opts));
  return eachDue("dispatch-escalation", due, opts, (t) => escalate(database, t, now, opts), async (t) => {
    await database.db.ticket.updateMany({
      where: { id: t.id, status: "open", dispatchDueAt: t.dispatchDueAt },
      data: { dispatchDueAt: backoffSince(t.retryAt, now), retryAt: t.retryAt ?? now },
    });
  });
}
