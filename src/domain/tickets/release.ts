// When a technician loses the role at a property, what they held there goes back to the desk:
// their open offers are withdrawn (the offer messages say so), the jobs in hand are reopened and
// offered to the others on duty, and the supervisors are told.
import type { Tx } from "../../db/client.ts";
import { logEvent } from "../events.ts";
import { notify, notifyAll } from "../notify.ts";
import { hasRole, onDutyStaff } from "../staff.ts";
import { ACTIVE_WORK } from "../types.ts";
import { dispatchClock } from "./deadline.ts";
import { offerTicket } from "./dispatch.ts";
import { noticeParams, ticketView } from "./view.ts";
import { offerRef } from "./offer-notice.ts";

/** Releases offers and jobs of `personId` at every property where they are no longer a technician. */
export async function releaseTechnician(
  tx: Tx, actorId: number, personId: number, now: Date,
): Promise<{ jobs: number; offers: number }> {
  const offers = await tx.offer.findMany({
    where: { technicianId: personId, status: "offered" }, include: { ticket: true },
  });
  let withdrawn = 0;
  for (const o of offers) {
    if (await hasRole(tx, personId, "technician", o.ticket.propertyId)) continue;
    const withdraw = { status: "withdrawn", respondedAt: now };
    await tx.offer.updateMany({ where: { id: o.id, status: "offered" }, data: withdraw });
    const view = (await ticketView(tx, o.ticketId))!;
    const ref = offerRef(o);
    await notify(tx, now, personId, { kind: "edit", ref, key: "offer-revoked", params: noticeParams(view) });
    withdrawn++;
  }
  const held = await tx.ticket.findMany({
    where: { assigneeId: personId, status: { in: ACTIVE_WORK } }, include: { property: true },
  });
  let released = 0;
  for (const t of held) {
    if (await hasRole(tx, personId, "technician", t.propertyId)) continue;
    const res = await tx.ticket.updateMany({
      where: { id: t.id, assigneeId: personId, status: { in: ACTIVE_WORK } },
      data: {
        status: "open", assigneeId: null, acceptedAt: null, arrivedAt: null, postponedUntil: null,
        ...dispatchClock(t.property, t.emergency, now), arrivalDueAt: null, arrivalLevel: 0, appointmentDueAt: null,
      },
    });
    if (res.count === 0) continue;
    await tx.offer.updateMany({ where: { ticketId: t.id, technicianId: personId }, 
      data: { status: "withdrawn", respondedAt: now },
    });
    const data = { technicianId: personId, reason: "role-revoked" };
    await logEvent(tx, { ticketId: t.id, actorId, action: "released", at: now, data });
    const offered = await offerTicket(tx, t.id, now, 0);
    const view = (await ticketView(tx, t.id))!;
    const supervisors = await onDutyStaff(tx, t.propertyId, "supervisor");
    const params = { ...noticeParams(view), offered: offered.length };
    await notifyAll(tx, now, supervisors, { key: "job-released-supervisor", params });
    await notify(tx, now, personId, { key: "job-released-technician", params });
    released++;
  }
  return { jobs: released, offers: withdrawn };
}
