// What the desk, the team lead and the control room do with a ticket from its card (seed 002
// §3.3.1): assign to a named technician (an offer only they can accept, for a short time), 转单
// with a reason, back to the pool, cancel with a reason (the owner is told), a note. Each re-checks
// the actor's role at the ticket's property and the ticket's current state, and writes an event.
import type { Database, DbOrTx, Tx } from "../../db/client.ts";
import { logEvent } from "../events.ts";
import { notify } from "../notify.ts";
import { holdsRoleAt, techniciansFor, OFFICE_ROLES } from "../staff.ts";
import { ACTIVE_WORK, err, ok, MAX_NOTE, type Category, type Result } from "../types.ts";
import { dispatchClock, UNFINISHED } from "./deadline.ts";
import { closeOtherOffers, offerAlone, offerTicket } from "./dispatch.ts";
import { noticeParams, ticketView } from "./view.ts";
import { cancelLinked, notifyReporters } from "./incident.ts";

type Ticket = NonNullable<Awaited<ReturnType<Tx["ticket"]["findUnique"]>>>;

/** The ticket, if the actor may act on it (desk, supervisor or control room of its property). */
async function actable(db: DbOrTx, actorId: number, ticketId: number): Promise<Result<Ticket>> {
  const t = await db.ticket.findUnique({ where: { id: ticketId } });
  if (!t || !(await holdsRoleAt(db, actorId, t.propertyId, OFFICE_ROLES))) return err("NOT_FOUND");
  return ok(t);
}

const reasonOf = (text: string): string | null => {
  const r = text.trim();
  return r && r.length <= MAX_NOTE ? r : null;
};

export type Candidate = { id: number; name: string; open: number };

/** Technicians on duty with the skill, with their open jobs, fewest first. */
export async function assignCandidates(db: DbOrTx, actorId: number, ticketId: number): Promise<Result<Candidate[]>> {
  const t = await actable(db, actorId, ticketId);
  if (!t.ok) return t;
  if (!UNFINISHED.includes(t.value.status)) return err("INVALID_STATE");
  const ids = (await techniciansFor(db, t.value.propertyId, t.value.category as Category, false)).filter((id) => id !== t.value.assigneeId);
  const people = await db.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const open = await db.ticket.groupBy({ by: ["assigneeId"], where: { assigneeId: { in: ids }, status: { in: ACTIVE_WORK } }, _count: true });
  const count = new Map(open.map((o) => [o.assigneeId, o._count]));
  return ok(people.map((p) => ({ id: p.id, name: p.name, open: count.get(p.id) ?? 0 })).sort((a, b) => a.open - b.open || a.id - b.id));
}

/** 指派 (an open ticket) or 转单 (a ticket a technician holds, with a reason) to a named technician. */
export async function assignTo(
  database: Database, input: { actorId: number; ticketId: number; technicianId: number; reason?: string }, now: Date,
): Promise<Result<{ number: string; technician: string }>> {
  return database.tx(async (tx) => {
    const r = await actable(tx, input.actorId, input.ticketId);
    if (!r.ok) return r;
    const t = r.value;
    const candidates = await techniciansFor(tx, t.propertyId, t.category as Category, false);
    if (!candidates.includes(input.technicianId) || input.technicianId === t.assigneeId) return err("INVALID_INPUT");
    const reason = input.reason === undefined ? "" : reasonOf(input.reason);
    if (reason === null || (t.status !== "open" && !reason)) return err("INVALID_INPUT");
    const moved = await release(tx, t, now);
    if (!moved) return err("INVALID_STATE");
    await offerAlone(tx, t.id, input.technicianId, now);
    const tech = await tx.person.findUniqueOrThrow({ where: { id: input.technicianId } });
    await logEvent(tx, {
      ticketId: t.id, actorId: input.actorId, action: t.status === "open" ? "assigned" : "reassigned", at: now,
      data: { technicianId: tech.id, technician: tech.name, from: t.assigneeId, reason },
    });
    return ok({ number: t.number, technician: tech.name });
  });
}

/**
 * Takes the job back from its technician (who is told); an open ticket stays as it is. The ticket
 * waits for a technician again, so its dispatch escalation starts over; the technician's offer is
 * withdrawn, not declined: later rounds may offer it to them again.
 */
async function release(tx: Tx, t: Ticket, now: Date): Promise<boolean> {
  if (t.status === "open") return true;
  const p = await tx.property.findUniqueOrThrow({ where: { id: t.propertyId } });
  const res = await tx.ticket.updateMany({
    where: { id: t.id, status: { in: ACTIVE_WORK }, assigneeId: t.assigneeId },
    data: {
      status: "open", assigneeId: null, acceptedAt: null, arrivedAt: null, arrivalDueAt: null, arrivalLevel: 0,
      appointmentDueAt: null, ...dispatchClock(p, t.emergency, now),
    },
  });
  if (res.count === 0) return false;
  if (t.assigneeId) {
    await tx.offer.updateMany({
      where: { ticketId: t.id, technicianId: t.assigneeId }, data: { status: "withdrawn", respondedAt: now },
    });
    await notify(tx, now, t.assigneeId, { key: "tech-reassigned", params: noticeParams((await ticketView(tx, t.id))!) });
  }
  return true;
}

/**
 * Back to the pool with a reason: offered at once to the technicians on duty with the skill (the
 * one it was just taken from sits this round out), the escalation clock running again. `offered`
 * says how many were reached (0: nobody, the desk must act).
 */
export async function returnToPool(
  database: Database, input: { actorId: number; ticketId: number; reason: string }, now: Date,
): Promise<Result<{ number: string; offered: number }>> {
  const reason = reasonOf(input.reason);
  if (!reason) return err("INVALID_INPUT");
  return database.tx(async (tx) => {
    const r = await actable(tx, input.actorId, input.ticketId);
    if (!r.ok) return r;
    if (r.value.status !== "open" && !(await release(tx, r.value, now))) return err("INVALID_STATE");
    await tx.ticket.update({ where: { id: r.value.id }, data: { assignDueAt: null, offeredToId: null } });
    const { status, dispatchLevel, assigneeId } = r.value;
    const round = status === "open" ? dispatchLevel : 0;
    const offered = await offerTicket(tx, r.value.id, now, round, undefined, assigneeId ? [assigneeId] : []);
    await logEvent(tx, { ticketId: r.value.id, actorId: input.actorId, action: "returned-to-pool", at: now, data: { reason, offered } });
    return ok({ number: r.value.number, offered: offered.length });
  });
}

/** Cancels a ticket not yet completed, with a reason the owner and the technician hear. */
export async function cancelByStaff(database: Database, input: { actorId: number; ticketId: number; reason: string }, now: Date): Promise<Result<{ number: string }>> {
  const reason = reasonOf(input.reason);
  if (!reason) return err("INVALID_INPUT");
  return database.tx(async (tx) => {
    const r = await actable(tx, input.actorId, input.ticketId);
    if (!r.ok) return r;
    const t = r.value;
    const res = await tx.ticket.updateMany({
      where: { id: t.id, status: { in: UNFINISHED } },
      data: {
        status: "cancelled", cancelledAt: now, dispatchDueAt: null, arrivalDueAt: null, appointmentDueAt: null,
        assignDueAt: null, completionCheckAt: null,
      },
    });
    if (res.count === 0) return err("INVALID_STATE");
    const params = { ...noticeParams((await ticketView(tx, t.id))!), reason };
    await logEvent(tx, { ticketId: t.id, actorId: input.actorId, action: "cancelled", at: now, data: { reason, by: "staff" } });
    await closeOtherOffers(tx, t.id, null, now, "offer-withdrawn", params);
    if (t.assigneeId) await notify(tx, now, t.assigneeId, { key: "tech-cancelled-by-desk", params });
    await notifyReporters(tx, now, t, { key: "owner-cancelled-by-desk", params });
    await cancelLinked(tx, t, input.actorId, reason, now);
    return ok({ number: t.number });
  });
}

/** A note on the ticket's timeline. */
export async function addNote(database: Database, input: { actorId: number; ticketId: number; text: string }, now: Date): Promise<Result<{ number: string }>> {
  const text = reasonOf(input.text);
  if (!text) return err("INVALID_INPUT");
  const r = await actable(database.db, input.actorId, input.ticketId);
  if (!r.ok) return r;
  await logEvent(database.db, { ticketId: r.value.id, actorId: input.actorId, action: "note", at: now, data: { text } });
  return ok({ number: r.value.number });
}
