// 催单 and priorities (seed 002 §3.1.4, 住户报修规程): an owner urges an open ticket at most once
// every two hours; the technician and the desk (at night the control room) are told, and the
// supervisors too when the ticket is past its own deadlines. The desk chases the technician the
// same way from the card (催办). The desk sets the priority (紧急 / 重要 / 一般) with a reason; the
// completion deadline follows it.
import type { Database, Tx } from "../../db/client.ts";
import { logEvent } from "../events.ts";
import { notifyAll } from "../notify.ts";
import { calendarOf } from "../schedule.ts";
import { deskNow, holdsRoleAt, onDutyStaff, OFFICE_ROLES } from "../staff.ts";
import { addMinutes } from "../time.ts";
import { err, ok, MAX_NOTE, type ErrorCode, type Result } from "../types.ts";
import { ownTicket } from "./owner.ts";
import { LINKED, primaryOf } from "./incident.ts";
import { completionDeadline, dispatchMinutes, PRIORITIES, reminderHours, UNFINISHED, warnAt, type Priority } from "./deadline.ts";
import { arrivalDue } from "./dispatch.ts";
import { noticeParams, ticketView } from "./view.ts";

export const URGE_EVERY_MINUTES = 120;

type Row = NonNullable<Awaited<ReturnType<Tx["ticket"]["findUnique"]>>>;
type Limits = Parameters<typeof dispatchMinutes>[0];

/**
 * Whether a ticket is past one of its own deadlines: dispatch (accepted within the property's
 * minutes of the report), arrival (as promised at acceptance), completion. Not the watches'
 * columns (dispatchDueAt, arrivalDueAt), which hold when they look next.
 */
export function pastItsDeadlines(t: Row, p: Limits, now: Date): boolean {
  if (t.status === "open") return addMinutes(t.reportedAt, dispatchMinutes(p, t.emergency)) <= now;
  if (t.completionDueAt && t.completionDueAt <= now) return true;
  return t.status === "accepted" && t.acceptedAt !== null && arrivalDue(t, t.acceptedAt) <= now;
}

type UrgeResult = Result<{ number: string; urges: number }, ErrorCode | "TOO_SOON">;

/**
 * One urge, by the owner or by the office (the desk's 催办): at most once every two hours a ticket;
 * the technician is told, the desk (the control room outside office hours) when the owner urged,
 * and the supervisors when the ticket is past its own deadlines.
 */
async function urge(tx: Tx, t: Row, actorId: number, by: "owner" | "desk", now: Date): Promise<UrgeResult> {
  if (!UNFINISHED.includes(t.status)) return err("INVALID_STATE");
  const tech = t.assigneeId ?? t.offeredToId;
  if (by === "desk" && !tech) return err("INVALID_STATE");
  const res = await tx.ticket.updateMany({
    where: {
      id: t.id, status: { in: UNFINISHED },
      OR: [{ lastUrgedAt: null }, { lastUrgedAt: { lte: addMinutes(now, -URGE_EVERY_MINUTES) } }],
    },
    data: { urgeCount: { increment: 1 }, lastUrgedAt: now },
  });
  if (res.count === 0) return err("TOO_SOON");
  const p = await tx.property.findUniqueOrThrow({ where: { id: t.propertyId } });
  const late = pastItsDeadlines(t, p, now);
  const params = { ...noticeParams((await ticketView(tx, t.id))!), urges: t.urgeCount + 1 };
  if (tech) await notifyAll(tx, now, [tech], { key: by === "desk" ? "urge-technician-desk" : "urge-technician", params });
  const buttons = [[{ label: "btn-open-card", action: "card", id: t.id }]];
  if (by === "owner") {
    const desk = await deskNow(tx, t.propertyId, calendarOf(p), now);
    await notifyAll(tx, now, desk, { key: "urge-desk", params, buttons });
  }
  if (late) {
    const supervisors = await onDutyStaff(tx, t.propertyId, "supervisor");
    await notifyAll(tx, now, supervisors, { key: "urge-supervisor", params, buttons });
  }
  await logEvent(tx, { ticketId: t.id, actorId, action: "urged", at: now, data: { urges: t.urgeCount + 1, late, by } });
  return ok({ number: t.number, urges: t.urgeCount + 1 });
}

/** The owner urges; refused with TOO_SOON within two hours of the last urge. */
export async function urgeTicket(
  database: Database, ownerId: number, ticketId: number, now: Date,
): Promise<UrgeResult> {
  return database.tx(async (tx) => {
    const own = await ownTicket(tx, ownerId, ticketId);
    if (!own) return err("NOT_FOUND");
    // a report linked to an incident chases the incident's job
    return urge(tx, own.status === LINKED ? await primaryOf(tx, own) : own, ownerId, "owner", now);
  });
}

/** The desk's own 催办 from the card (seed 002 §3.1.4): chases the technician, same limits and event as the owner's. */
export async function chaseTechnician(
  database: Database, actorId: number, ticketId: number, now: Date,
): Promise<UrgeResult> {
  return database.tx(async (tx) => {
    const t = await tx.ticket.findUnique({ where: { id: ticketId } });
    if (!t || !(await holdsRoleAt(tx, actorId, t.propertyId, OFFICE_ROLES))) return err("NOT_FOUND");
    return urge(tx, t.status === LINKED ? await primaryOf(tx, t) : t, actorId, "desk", now);
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
