// Dispatch within 5 minutes (emergency 2, DOMAIN step 3): a ticket still open at its dispatchDueAt
// is offered again (round + 1) and the on-duty supervisors are alerted; at night emergencies also
// go to the control room. After MAX_REOFFERS rounds the supervisors get a last "assign by hand"
// alert and the ticket stops escalating. A general job reported at night waits for office hours.
import type { Database, Tx } from "../../db/client.ts";
import { onDutyStaffAt, type StaffAt } from "../staff.ts";
import { isOfficeHours, nextOfficeStart } from "../schedule.ts";
import { offerTickets } from "../tickets/dispatch.ts";
import { placeOf, viewInclude, withView } from "../tickets/view.ts";
import { addMinutes } from "../time.ts";
import { backoffSince, batchOf, calendarFor, claimDue, minutesBetween, nothingDue, type JobOptions, type Plan, type TickReport, type Writes } from "./batch.ts";

/** Re-offer rounds after the first offer; the round after them only alerts. */
export const MAX_REOFFERS = 3;

type Due = Awaited<ReturnType<typeof findDue>>[number];

function findDue(database: Database, now: Date, take: number) {
  return database.sweep.findMany("ticket", {
    where: { status: "open", dispatchDueAt: { lte: now } },
    orderBy: [{ dispatchDueAt: "asc" }, { id: "asc" }], take, include: viewInclude,
  });
}

/** The claim: a general job at night waits for office hours; otherwise the next round (the last one only alerts). */
function plan(t: Due, now: Date, opts: JobOptions): Plan {
  const cal = calendarFor(t.property, opts);
  // unchanged since it was read (updatedAt): the offers go out from that read
  const where = { status: "open", dispatchLevel: t.dispatchLevel, dispatchDueAt: t.dispatchDueAt, updatedAt: t.updatedAt };
  if (!isOfficeHours(now, cal) && !t.emergency) return { where, data: { retryAt: null, dispatchDueAt: nextOfficeStart(now, cal) }, outcome: "held" };
  const round = t.dispatchLevel + 1;
  const every = t.emergency ? t.property.emergencyDispatchMin : t.property.dispatchTimeoutMin;
  return { where, data: { retryAt: null, dispatchLevel: round, dispatchDueAt: round > MAX_REOFFERS ? null : addMinutes(now, every) }, outcome: "done" };
}

/** Re-offers the tickets won (one batch for all) and alerts their properties' supervisors on duty. */
async function escalate(tx: Tx, tickets: Due[], now: Date, opts: JobOptions, duty: StaffAt, w: Writes): Promise<void> {
  if (tickets.length === 0) return;
  const offered = await offerTickets(tx, tickets.filter((t) => t.dispatchLevel + 1 <= MAX_REOFFERS).map((t) => ({ ticketId: t.id, round: t.dispatchLevel + 1, loaded: withView(t) })), now);
  for (const t of tickets) {
    const night = !isOfficeHours(now, calendarFor(t.property, opts));
    const round = t.dispatchLevel + 1;
    const final = round > MAX_REOFFERS;
    const reached = offered.get(t.id) ?? [];
    const alerted = [...duty(t.propertyId, "supervisor"), ...(night && t.emergency ? duty(t.propertyId, "control_room") : [])];
    // not broadcast: offered to one technician alone (their turn, or the desk's choice), or kept for the desk to assign
    const mode = t.property.dispatchMode;
    const held = t.assignDueAt && t.assignDueAt > now ? (mode === "round_robin" ? "turn" : "desk")
      : !t.emergency && mode === "assign" ? "queue" : "no";
    w.notifyAll(alerted, {
      key: final ? "dispatch-unassigned" : "dispatch-overdue",
      params: {
        number: t.number, place: placeOf(t), category: t.category, emergency: t.emergency ? "yes" : "no",
        minutes: minutesBetween(t.reportedAt, now), round, offered: reached.length, held,
      },
    });
    w.event({ ticketId: t.id, actorId: null, action: final ? "dispatch-unassigned" : "dispatch-escalated", at: now, data: { round, offered: reached, alerted } });
  }
}

/** One tick of the dispatch escalation. */
export async function runDispatchEscalation(database: Database, now: Date, opts: JobOptions = {}): Promise<TickReport> {
  if (!(await database.anyDue([{ table: "Ticket", column: "dispatchDueAt", status: ["open"], at: now }]))) return nothingDue("dispatch-escalation");
  const due = await findDue(database, now, batchOf(opts));
  // who is alerted, read before the claim on the sweep's path (the offers go out in the claim's transaction)
  const duty = due.length === 0 ? () => [] : await onDutyStaffAt(database.sweep, due.map((t) => t.propertyId), ["supervisor", "control_room"]);
  return claimDue(database, due, now, opts, {
    job: "dispatch-escalation",
    plan: (t) => plan(t, now, opts),
    claim: (tx, where, data) => tx.ticket.updateManyAndReturn({ where, data, select: { id: true } }),
    actAll: (tx, won, w) => escalate(tx, won.filter((x) => x.outcome === "done").map((x) => x.item), now, opts, duty, w),
    retry: async (t) => {
      await database.db.ticket.updateMany({
        where: { id: t.id, status: "open", dispatchDueAt: t.dispatchDueAt },
        data: { dispatchDueAt: backoffSince(t.retryAt, now), retryAt: t.retryAt ?? now },
      });
    },
  });
}
