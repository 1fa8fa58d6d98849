// 催单 and priorities (seed 002 §3.1.4, 住户报修规程): an owner urges an open ticket at most once
// every two hours; the technician and the desk are told, and the supervisors too when the ticket is
// past any of its clocks. The desk sets the priority (紧急 / 重要 / 一般) with a reason; the
// completion deadline follows it.
import type { Database } from "../../db/client.ts";
import { logEvent } from "../events.ts";
import { notifyAll } from "../notify.ts";
import { holdsRoleAt, onDutyStaff, OFFICE_ROLES } from "../staff.ts";
import { addMinutes } from "../time.ts";
import { err, ok, MAX_NOTE, type ErrorCode, type Result } from "../types.ts";
import { ownTicket } from "./owner.ts";
import { LINKED, primaryOf } from "./incident.ts";
import { completionDeadline, PRIORITIES, reminderHours, UNFINISHED, warnAt, type Priority } from "./deadline.ts";
import { noticeParams, ticketView } from "./view.ts";

export const URGE_EVERY_MINUTES = 120;
/** The owner urges; refused with TOO_SOON within two hours of the last urge. */
export async function urgeTicket(database: Database, ownerId: number, ticketId: number, now: Date): Promise<Result<{ number: string; urges: number }, ErrorCode | "TOO_SOON">> {
  return database.tx(async (tx) => {
    const own = await ownTicket(tx, ownerId, ticketId);
    if (!own) return err("NOT_FOUND");
    // a report linked to an incident chases the incident's job
    const t = own.status === LINKED ? await primaryOf(tx, own) : own;
    ticketId = t.id;
    if (!UNFINISHED.includes(t.status)) return err("INVALID_STATE");
    const res = await tx.ticket.updateMany({
      where: { id: ticketId, status: { in: UNFINISHED }, OR: [{ lastUrgedAt: null }, { lastUrgedAt: { lte: addMinutes(now, -URGE_EVERY_MINUTES) } }] },
      data: { urgeCount: { increment: 1 }, lastUrgedAt: now },
    });
    if (res.count === 0) return err("TOO_SOON");
    const late = [t.dispatchDueAt, t.arrivalDueAt, t.completionDueAt].some((d) => d && d <= now);
    const params = { ...noticeParams((await ticketView(tx, ticketId))!), urges: t.urgeCount + 1 };
    const tech = t.assigneeId ?? t.offeredToId;
    if (tech) await notifyAll(tx, now, [tech], { key: "urge-technician", params });
    const card = [[{ label: "btn-open-card", action: "card", id: ticketId }]];
    await notifyAll(tx, now, await onDutyStaff(tx, t.propertyId, "desk"), { key: "urge-desk", params, buttons: card });
    if (late) await notifyAll(tx, now, await onDutyStaff(tx, t.propertyId, "supervisor"), { key: "urge-supervisor", params, buttons: card });
    await logEvent(tx, { ticketId, actorId: ownerId, action: "urged", at: now, data: { urges: t.urgeCount + 1, late } });
    return ok({ number: t.number, urges: t.urgeCount + 1 });
  });
}

/** The desk changes a ticket's priority with a reason; the completion deadline is recomputed from the report. */
export async function setPriority(
  database: Database, input: { actorId: number; ticketId: number; priority: string; reason: string }, now: Date,
): Promise<Result<{ number: string; priority: Priority }>> {
  const reason = input.reason.trim();
  if (!(PRIORITIES as readonly string[]).includes(input.priority) || !reason || reason.length > MAX_NOTE) return err("INVALID_INPUT");
  return database.tx(async (tx) => {
    const t = await tx.ticket.findUnique({ where: { id: input.ticketId }, include: { property: true } });
    if (!t || !(await holdsRoleAt(tx, input.actorId, t.propertyId, OFFICE_ROLES))) return err("NOT_FOUND");
    if (!UNFINISHED.includes(t.status) || t.priority === input.priority) return err("INVALID_STATE");
    const due = completionDeadline(t.property, input.priority, t.unitId === null, t.reportedAt);
    const check = warnAt(t.reportedAt, due, reminderHours(t.property, t.emergency));
    await tx.ticket.update({
      where: { id: t.id },
      data: { priority: input.priority, completionDueAt: due, completionLevel: check <= now ? 1 : 0, completionCheckAt: check <= now ? due : check },
    });
    await logEvent(tx, { ticketId: t.id, actorId: input.actorId, action: "priority-changed", at: now, data: { from: t.priority, to: input.priority, reason } });
    return ok({ number: t.number, priority: input.priority as Priority });
  });
}
