// The one rule for every press on a ticket: at the moment of the press, the actor must hold the
// role for the action at the ticket's own property (now, not when the button was sent), and the
// thing pressed must still be in a state that allows the action. Every ticket action calls this.
import type { DbOrTx } from "../db/client.ts";
import { holdsRoleAt } from "./staff.ts";
import { ACTIVE_WORK, err, ok, STAFF_ROLES, type ErrorCode, type Result, type Role, type TicketStatus } from "./types.ts";

/**
 * - `job`: see a held job's detail (owner's phone) · `work`: arrived / done / cannot finish —
 *   technician at the property, the job is theirs and still in hand.
 * - `accept` / `decline`: technician at the property with an offer that is still open.
 * - `owner`: a member of the ticket's unit (public areas: its reporter; patrol reports: its reporter while
 *   still on the property's staff). Others get NOT_FOUND.
 * - `desk`: desk or supervisor at the property.
 */
export type TicketAction = "job" | "work" | "accept" | "decline" | "owner" | "desk";

export type Authorized = {
  id: number; number: string; propertyId: number; reporterId: number; assigneeId: number | null;
  status: TicketStatus; emergency: boolean; unitId: number | null;
  offer: { id: number; round: number } | null;
};

const ROLE_FOR: Record<TicketAction, Role[]> = {
  job: ["technician"], work: ["technician"], accept: ["technician"], decline: ["technician"],
  owner: [], desk: ["desk", "supervisor"],
};

/** Re-checks role and state for `action` on a ticket; the ticket (and the open offer) when allowed. */
export async function authorize(
  db: DbOrTx, actorId: number, ticketId: number, action: TicketAction,
): Promise<Result<Authorized>> {
  const t = await db.ticket.findUnique({ where: { id: ticketId } });
  if (!t) return err("NOT_FOUND");
  const ticket: Authorized = {
    id: t.id, number: t.number, propertyId: t.propertyId, reporterId: t.reporterId, assigneeId: t.assigneeId,
    status: t.status as TicketStatus, emergency: t.emergency, unitId: t.unitId, offer: null,
  };
  if (action === "owner") {
    // a patrol report is confirmed by the staff member who reported it (seed 002 §3.2.2)
    const patrol = t.channel === "patrol";
    const member = t.reporterId === actorId && (patrol ? await holdsRoleAt(db, actorId, t.propertyId, STAFF_ROLES) : t.unitId === null)
      || (t.unitId !== null && (await db.unitMember.count({ where: { personId: actorId, unitId: t.unitId } })) > 0);
    return member ? ok(ticket) : err("NOT_FOUND");
  }
  if (!(await holdsRoleAt(db, actorId, t.propertyId, ROLE_FOR[action]))) return err("FORBIDDEN");
  const refusal = await stateRefusal(db, actorId, ticket, action);
  return refusal ? err(refusal) : ok(ticket);
}

async function stateRefusal(
  db: DbOrTx, actorId: number, t: Authorized, action: TicketAction,
): Promise<ErrorCode | null> {
  if (action === "job" || action === "work") {
    if (t.assigneeId !== actorId) return "FORBIDDEN";
    return ACTIVE_WORK.includes(t.status) ? null : "INVALID_STATE";
  }
  if (action === "accept" || action === "decline") {
    const key = { ticketId: t.id, technicianId: actorId };
    const offer = await db.offer.findUnique({ where: { ticketId_technicianId: key } });
    if (!offer) return "NOT_OFFERED";
    if (offer.status !== "offered") {
      if (offer.status === "lost") return "ALREADY_TAKEN";
      if (offer.status === "accepted") return "INVALID_STATE";
      return t.status === "cancelled" ? "TICKET_NOT_OPEN" : "OFFER_CLOSED";
    }
    t.offer = { id: offer.id, round: offer.round };
  }
  return null;
}
