// The completion deadline (seed 001 §3.2 and 制度4, seed 004): at 80 % of the time the technician is
// warned, at the deadline the supervisors get the breach; once each, claimed by the conditional
// update on (completionLevel, completionCheckAt), so two schedulers never send either twice.
import type { Database, DbOrTx, Tx } from "../../db/client.ts";
import { deskNow, onDutyStaff } from "../staff.ts";
import { formatLocal } from "../time.ts";
import { zoneOf } from "../schedule.ts";
import { UNFINISHED } from "../tickets/deadline.ts";
import { placeOf } from "../tickets/view.ts";
import {
  backoffSince, batchOf, calendarFor, claimDue, nothingDue, type JobOptions, type TickReport, type Writes,
} from "./batch.ts";

type Due = Awaited<ReturnType<typeof findDue>>[number];

function findDue(db: DbOrTx, now: Date, take: number) {
  return db.ticket.findMany({
    where: { status: { in: UNFINISHED }, completionCheckAt: { lte: now } },
    orderBy: [{ completionCheckAt: "asc" }, { id: "asc" }], take, include: { property: true, unit: true },
  });
}

async function act(tx: Tx, t: Due, now: Date, opts: JobOptions, w: Writes): Promise<void> {
  const breach = t.completionLevel >= 1;
  const params = {
    number: t.number, place: placeOf(t), category: t.category, priority: t.priority,
    due: t.completionDueAt ? formatLocal(t.completionDueAt, zoneOf(t.property)) : "-",
  };
  const card = [[{ label: "btn-open-card", action: "card", id: t.id }]];
  const tech = t.assigneeId ?? t.offeredToId;
  const duty = () => w.once(`duty:${t.propertyId}:supervisor`, () => onDutyStaff(tx, t.propertyId, "supervisor"));
  const cal = calendarFor(t.property, opts);
  const deskNowAt = () => w.once(`desk-now:${t.propertyId}`, () => deskNow(tx, t.propertyId, cal, now));
  const supervisors = breach ? await duty() : [];
  if (breach) w.notifyAll(supervisors, { key: "completion-breached", params, buttons: card });
  else if (tech) w.notifyAll([tech], { key: "completion-warning", params, buttons: [[{ label: "btn-job-open", action: "job", id: t.id }]] });
  // nobody holds it: whoever is the desk right now (the control room at night)
  else w.notifyAll(await deskNowAt(), { key: "completion-warning-desk", params, buttons: card });
  w.event({ ticketId: t.id, actorId: null, action: breach ? "completion-breached" : "completion-warned", at: now, data: { due: t.completionDueAt, ...(breach ? { supervisors } : {}) } });
}

/** One tick of the completion clock. */
export async function runCompletionClock(database: Database, now: Date, opts: JobOptions = {}): Promise<TickReport> {
  if (!(await database.anyDue([{ table: "Ticket", column: "completionCheckAt", status: UNFINISHED, at: now }]))) return nothingDue("completion-clock");
  const due = await findDue(database.db, now, batchOf(opts));
  return claimDue(database, due, now, opts, {
    job: "completion-clock",
    plan: (t) => ({
      where: { completionLevel: t.completionLevel, completionCheckAt: t.completionCheckAt },
      data: t.completionLevel >= 1 ? { completionLevel: 2, completionCheckAt: null, retryAt: null } : { completionLevel: 1, completionCheckAt: t.completionDueAt, retryAt: null },
      outcome: "done",
    }),
    claim: (tx, where, data) => tx.ticket.updateManyAndReturn({ where, data, select: { id: true } }),
    act: (tx, t, _, w) => act(tx, t, now, opts, w),
    retry: async (t) => {
      await database.db.ticket.updateMany({
        where: { id: t.id, completionCheckAt: t.completionCheckAt },
        data: { completionCheckAt: backoffSince(t.retryAt, now), retryAt: t.retryAt ?? now },
      });
    },
  });
}
