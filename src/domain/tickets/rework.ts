// Rework (seed 004: 同一問題30天內不得重複報修): a report on the same home and category within 30
// days of a completed job is linked to it, told to the supervisors, and offered first to the
// technician who did the first job. The desk can link or unlink by hand with a reason.
import type { Database, Tx } from "../../db/client.ts";
import { logEvent } from "../events.ts";
import { notifyAll } from "../notify.ts";
import { holdsRoleAt, onDutyStaff, techniciansFor, OFFICE_ROLES } from "../staff.ts";
import { addMinutes } from "../time.ts";
import { err, ok, MAX_NOTE, type Category, type Result } from "../types.ts";
import { placeOf } from "./view.ts";

export const REWORK_DAYS = 30;

/** Links a new ticket to the last completed one of its home and category; returns who should get it first. */
export async function linkReworkAtReport(
  tx: Tx, t: { id: number; number: string; unitId: number | null; propertyId: number; category: string }, now: Date,
): Promise<number | null> {
  if (t.unitId === null) return null;
  const first = await tx.ticket.findFirst({
    where: { unitId: t.unitId, category: t.category, id: { not: t.id }, status: { in: ["completed", "closed"] }, completedAt: { gte: addMinutes(now, -REWORK_DAYS * 1440) } },
    orderBy: { completedAt: "desc" },
  });
  if (!first) return null;
  await tx.ticket.update({ where: { id: t.id }, data: { reworkOfId: first.id } });
  await logEvent(tx, { ticketId: t.id, actorId: null, action: "rework-linked", at: now, data: { of: first.number, auto: true } });
  const unit = await tx.unit.findUnique({ where: { id: t.unitId } });
  const assignee = first.assigneeId ? await tx.person.findUnique({ where: { id: first.assigneeId } }) : null;
  await notifyAll(tx, now, await onDutyStaff(tx, t.propertyId, "supervisor"), {
    key: "rework-linked", params: { number: t.number, first: first.number, place: placeOf({ unit, location: null }), category: t.category, technician: assignee?.name ?? "-" },
    buttons: [[{ label: "btn-open-card", action: "card", id: t.id }]],
  });
  const onDuty = first.assigneeId ? await techniciansFor(tx, t.propertyId, t.category as Category, false) : [];
  return first.assigneeId && onDuty.includes(first.assigneeId) ? first.assigneeId : null;
}

/** The desk links a ticket to an earlier one of the same property (by number), or unlinks it; with a reason. */
export async function setRework(
  database: Database, input: { actorId: number; ticketId: number; of: string | null; reason: string }, now: Date,
): Promise<Result<{ number: string; of: string }>> {
  const reason = input.reason.trim();
  if (!reason || reason.length > MAX_NOTE) return err("INVALID_INPUT");
  return database.tx(async (tx) => {
    const t = await tx.ticket.findUnique({ where: { id: input.ticketId } });
    if (!t || !(await holdsRoleAt(tx, input.actorId, t.propertyId, OFFICE_ROLES))) return err("NOT_FOUND");
    const first = input.of ? await tx.ticket.findUnique({ where: { number: input.of.trim().toUpperCase() } }) : null;
    if (input.of && (!first || first.propertyId !== t.propertyId || first.id === t.id)) return err("INVALID_INPUT");
    if (!input.of && t.reworkOfId === null) return err("INVALID_STATE");
    await tx.ticket.update({ where: { id: t.id }, data: { reworkOfId: first?.id ?? null } });
    await logEvent(tx, { ticketId: t.id, actorId: input.actorId, action: first ? "rework-linked" : "rework-unlinked", at: now, data: { of: first?.number ?? null, reason } });
    return ok({ number: t.number, of: first?.number ?? "-" });
  });
}
