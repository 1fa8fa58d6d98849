// A job offered to one technician alone (指派 from the queue, or a round-robin turn) that they did
// not accept in time, or declined: in round-robin it goes to the next in turn, otherwise it is back
// in the queue and the supervisors are told. Claimed by the conditional update on assignDueAt.
import type { Database, DbOrTx } from "../../db/client.ts";
import { logEvent } from "../events.ts";
import { notify, notifyAll } from "../notify.ts";
import { onDutyStaff } from "../staff.ts";
import { nextInTurn, offerTicket } from "../tickets/dispatch.ts";
import { noticeParams, ticketView } from "../tickets/view.ts";
import { batchOf, eachDue, nothingDue, type JobOptions, type Outcome, type TickReport } from "./batch.ts";
import { offerRef } from "../tickets/offer-notice.ts";

type Due = Awaited<ReturnType<typeof findDue>>[number];

function findDue(db: DbOrTx, now: Date, take: number) {
  return db.ticket.findMany({
    where: { status: "open", assignDueAt: { lte: now } },
    orderBy: [{ assignDueAt: "asc" }, { id: "asc" }], take, include: { property: true },
  });
}

async function step(database: Database, t: Due, now: Date): Promise<Outcome> {
  return database.tx(async (tx) => {
    const claimed = await tx.ticket.updateMany({
      where: { id: t.id, status: "open", assignDueAt: t.assignDueAt }, data: { assignDueAt: null, offeredToId: null },
    });
    if (claimed.count === 0) return "skipped";
    const view = (await ticketView(tx, t.id))!;
    const offers = t.offeredToId ? await tx.offer.findMany({ where: { ticketId: t.id, technicianId: t.offeredToId } }) : [];
    const why = offers.some((o) => o.status === "declined") ? "declined" : "expired";
    const expired = offers.filter((x) => x.status === "offered");
    const withdrawn = { status: "withdrawn", respondedAt: now };
    await tx.offer.updateMany({ where: { id: { in: expired.map((o) => o.id) } }, data: withdrawn });
    // where it goes next, which the expired offer then says: the next in turn, the pool (rework), or the desk
    const mode = t.property.dispatchMode;
    const next = mode === "round_robin" && (await nextInTurn(tx, t.id, now)) ? "turn"
      : mode === "pool" && t.reworkOfId && (await offerTicket(tx, t.id, now, t.dispatchLevel)).length > 0 ? "pool"
      : "desk";
    const params = { ...noticeParams(view), next };
    for (const o of expired) {
      const ref = offerRef(o);
      await notify(tx, now, o.technicianId, { kind: "edit", ref, key: "assign-offer-expired", params });
    }
    if (next !== "desk") return "done";
    const tech = t.offeredToId ? await tx.person.findUnique({ where: { id: t.offeredToId } }) : null;
    await notifyAll(tx, now, await onDutyStaff(tx, t.propertyId, "supervisor"), {
      key: "assign-returned", params: { ...noticeParams(view), technician: tech?.name ?? "-", why },
      buttons: [[{ label: "btn-open-card", action: "card", id: t.id }]],
    });
    await logEvent(tx, { ticketId: t.id, actorId: null, action: "assign-returned", at: now, data: { technicianId: t.offeredToId, why } });
    return "done";
  });
}

/** One tick over personal offers that ran out. */
export async function runAssignTimeouts(database: Database, now: Date, opts: JobOptions = {}): Promise<TickReport> {
  if (!(await database.anyDue([{ table: "Ticket", column: "assignDueAt", status: ["open"], at: now }]))) return nothingDue("assign-timeouts");
  const due = await findDue(database.db, now, batchOf(opts));
  return eachDue("assign-timeouts", due, opts, (t) => step(database, t, now), async (t) => {
    await database.db.ticket.updateMany({ where: { id: t.id, assignDueAt: t.assignDueAt }, data: { assignDueAt: new Date(now.getTime() + 60_000) } });
  });
}
