// The completion deadline (seed 001 §3.2 and 制度4, seed 004): at 80 % of the time the technician is
// warned, at the deadline the supervisors get the breach; once each, claimed by the conditional
// update on (completionLevel, completionCheckAt), so two schedulers never send either twice.
import type { Database, DbOrTx } from "../../db/client.ts";
import { logEvent } from "../events.ts";
import { notifyAll } from "../notify.ts";
import { onDutyStaff } from "../staff.ts";
import { formatLocal } from "../time.ts";
import { zoneOf } from "../schedule.ts";
import { UNFINISHED } from "../tickets/deadline.ts";
import { placeOf } from "../tickets/view.ts";
import { backoffSince, batchOf, eachDue, nothingDue, type JobOptions, type Outcome, type TickReport } from "./batch.ts";

type Due = Awaited<ReturnType<typeof findDue>>[number];

function findDue(db: DbOrTx, now: Date, take: number) {
  return db.ticket.findMany({
    where: { status: { in: UNFINISHED }, completionCheckAt: { lte: now } },
    orderBy: [{ completionCheckAt: "asc" }, { id: "asc" }], take, include: { property: true, unit: true },
  });
}

async function step(database: Database, t: Due, now: Date): Promise<Outcome> {
  const breach = t.completionLevel >= 1;
  return database.tx(async (tx) => {
    const claimed = await tx.ticket.updateMany({
      where: { id: t.id, completionLevel: t.completionLevel, completionCheckAt: t.completionCheckAt },
      data: breach ? { completionLevel: 2, completionCheckAt: null, retryAt: null } : { completionLevel: 1, completionCheckAt: t.completionDueAt, retryAt: null },
    });
    if (claimed.count === 0) return "skipped";
    const params = {
      number: t.number, place: placeOf(t), category: t.category, priority: t.priority,
      due: t.completionDueAt ? formatLocal(t.completionDueAt, zoneOf(t.property)) : "-",
    };
    const card = [[{ label: "btn-open-card", action: "card", id: t.id }]];
    const tech = t.assigneeId ?? t.offeredToId;
    if (breach) await notifyAll(tx, now, await onDutyStaff(tx, t.propertyId, "supervisor"), { key: "completion-breached", params, buttons: card });
    else if (tech) await notifyAll(tx, now, [tech], { key: "completion-warning", params, buttons: [[{ label: "btn-job-open", action: "job", id: t.id }]] });
    else await notifyAll(tx, now, await onDutyStaff(tx, t.propertyId, "desk"), { key: "completion-warning-desk", params, buttons: card });
    await logEvent(tx, { ticketId: t.id, actorId: null, action: breach ? "completion-breached" : "completion-warned", at: now, data: { due: t.completionDueAt } });
    return "done";
  });
}

/** One tick of the completion clock. */
export async function runCompletionClock(database: Database, now: Date, opts: JobOptions = {}): Promise<TickReport> {
  if (!(await database.anyDue([{ table: "Ticket", column: "completionCheckAt", status: UNFINISHED, at: now }]))) return nothingDue("completion-clock");
  const due = await findDue(database.db, now, batchOf(opts));
  return eachDue("completion-clock", due, opts, (t) => step(database, t, now), async (t) => {
    await database.db.ticket.updateMany({
      where: { id: t.id, completionCheckAt: t.completionCheckAt },
      data: { completionCheckAt: backoffSince(t.retryAt, now), retryAt: t.retryAt ?? now },
    });
  });
}
