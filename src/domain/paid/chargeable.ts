// Free or chargeable (seed 000 §5.2.7, seed 002): on site the technician (or the desk) marks a job
// in the owner's home as paid work, with the reason. Public parts and warranty work stay free.
import type { DbOrTx } from "../../db/client.ts";
import { logEvent } from "../events.ts";
import { ACTIVE_WORK, err, ok, type Result } from "../types.ts";
import { OFFICE } from "./access.ts";
import { holdsRoleAt } from "../staff.ts";

export const CHARGE_REASONS = ["owner_damage", "beyond_warranty", "in_home", "owner_request"] as const;
export type ChargeReason = (typeof CHARGE_REASONS)[number];
export const isChargeReason = (s: string): s is ChargeReason => (CHARGE_REASONS as readonly string[]).includes(s);

/** Work a quote can be made for: taken and not yet finished. */
export const QUOTABLE: string[] = ACTIVE_WORK;

type TicketRow = {
  id: number; number: string; propertyId: number; assigneeId: number | null; status: string; unitId: number | null;
  reporterId: number; chargeable: boolean; chargeReason: string | null;
};

/** The ticket, if the person may work on its paid side: its technician, or the office at its property. */
export async function paidWorkTicket(db: DbOrTx, actorId: number, ticketId: number): Promise<Result<TicketRow>> {
  const t = await db.ticket.findUnique({ where: { id: ticketId } });
  if (!t) return err("NOT_FOUND");
  const technician = t.assigneeId === actorId && (await holdsRoleAt(db, actorId, t.propertyId, ["technician"]));
  if (!technician && !(await holdsRoleAt(db, actorId, t.propertyId, OFFICE))) return err("FORBIDDEN");
  return ok(t);
}

/** Why a ticket the person may act on cannot be quoted now (public areas are free; only work in hand), or null. */
export function quoteRefusal(t: { unitId: number | null; status: string }): "FREE_WORK" | "INVALID_STATE" | null {
  if (t.unitId === null) return "FREE_WORK";
  return QUOTABLE.includes(t.status) ? null : "INVALID_STATE";
}

/** paidWorkTicket, found by its ticket number (the desk types it). */
export async function paidWorkTicketByNumber(db: DbOrTx, actorId: number, number: string): Promise<Result<TicketRow>> {
  const t = await db.ticket.findUnique({ where: { number: number.trim().toUpperCase() }, select: { id: true } });
  return t ? paidWorkTicket(db, actorId, t.id) : err("NOT_FOUND");
}

/** Marks a job in a home as paid work with its reason (the first reason stands); public-area work stays free. */
export async function markChargeable(
  db: DbOrTx, actorId: number, ticketId: number, reason: string, now: Date,
): Promise<Result<{ number: string }>> {
  if (!isChargeReason(reason)) return err("INVALID_INPUT");
  const t = await paidWorkTicket(db, actorId, ticketId);
  if (!t.ok) return t;
  if (t.value.unitId === null) return err("FREE_WORK");
  const res = await db.ticket.updateMany({
    where: { id: ticketId, status: { in: QUOTABLE }, chargeable: false },
    data: { chargeable: true, chargeReason: reason },
  });
  if (res.count === 0) {
    // marked a moment ago (the same form sent twice, or the technician at once): the first reason stands
    const now = await db.ticket.findUnique({ where: { id: ticketId }, select: { chargeable: true, status: true } });
    return now?.chargeable && QUOTABLE.includes(now.status) ? ok({ number: t.value.number }) : err("INVALID_STATE");
  }
  await logEvent(db, { ticketId, actorId, action: "marked-chargeable", at: now, data: { reason } });
  return ok({ number: t.value.number });
}
