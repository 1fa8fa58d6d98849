// Step 3-4: offers to technicians; the first to accept wins, the others' offers are updated.
import type { Database, Tx } from "../../db/client.ts";
import { logEvent } from "../events.ts";
import { notify } from "../notify.ts";
import { authorize } from "../authorize.ts";
import { techniciansFor } from "../staff.ts";
import { addMinutes } from "../time.ts";
import { err, ok, type Category, type Result } from "../types.ts";
import { noticeParams, ticketView } from "./view.ts";

export const ARRIVAL_MINUTES = { emergency: 15, general: 30 } as const;

const minutesSince = (from: Date, now: Date) => Math.max(0, Math.round((now.getTime() - from.getTime()) / 60_000));

/**
 * (Re)offers an open ticket to the technicians on duty; returns who can be reached (has a chat).
 * A technician who still holds the first offer gets one reminder that says it is one, not a second
 * "new job"; after that reminder, later rounds leave them alone.
 */
export async function offerTicket(tx: Tx, ticketId: number, now: Date, round: number): Promise<number[]> {
  const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId } });
  if (ticket.status !== "open") return [];
  const view = (await ticketView(tx, ticketId))!;
  const techs = await techniciansFor(tx, ticket.propertyId, ticket.category as Category, ticket.emergency);
  const declined = new Set(
    (await tx.offer.findMany({ where: { ticketId, status: "declined" } })).map((o) => o.technicianId),
  );
  const targets = techs.filter((id) => !declined.has(id));
  const offers = await tx.offer.findMany({ where: { ticketId, technicianId: { in: targets } } });
  const existing = new Map(offers.map((o) => [o.technicianId, o]));
  const buttons = [[
    { label: "btn-accept", action: "accept", id: ticketId },
    { label: "btn-decline", action: "decline", id: ticketId },
  ]];
  const reached: number[] = [];
  for (const technicianId of targets) {
    const before = existing.get(technicianId);
    const holding = before?.status === "offered";
    if (holding && before.round > 0) { reached.push(technicianId); continue; } // reminded once already
    const offer = before
      ? await tx.offer.update({ where: { id: before.id }, data: { round, status: "offered" } })
      : await tx.offer.create({ data: { ticketId, technicianId, round, createdAt: now } });
    const sent = await notify(tx, now, technicianId, {
      key: holding ? "offer-reminder" : ticket.emergency ? "offer-new-emergency" : "offer-new",
      params: { ...noticeParams(view), minutes: minutesSince(ticket.reportedAt, now) },
      photos: holding ? [] : view.photos,
      ref: `offer:${offer.id}:${round}`,
      buttons,
    });
    if (sent) reached.push(technicianId);
  }
  await logEvent(tx, { ticketId, actorId: null, action: "offered", at: now, data: { round, technicians: targets } });
  return reached;
}

/** Replaces the text of every other offer message of a ticket (taken by someone, or withdrawn). */
export async function closeOtherOffers(tx: Tx, ticketId: number, exceptTechnicianId: number | null, now: Date, key: string, params: Record<string, string | number>) {
  const others = await tx.offer.findMany({ where: { ticketId, status: { in: ["offered", "declined"] }, NOT: exceptTechnicianId ? { technicianId: exceptTechnicianId } : undefined } });
  await tx.offer.updateMany({ where: { id: { in: others.map((o) => o.id) }, status: "offered" }, data: { status: exceptTechnicianId ? "lost" : "withdrawn", respondedAt: now } });
  for (const o of others) await notify(tx, now, o.technicianId, { kind: "edit", ref: `offer:${o.id}:${o.round}`, key, params });
}

export type Accepted = { ticketId: number; number: string; arrivalDueAt: Date; phone: string; place: string };

/** A technician takes an offered job. Exactly one wins when many press at once. */
export async function acceptJob(database: Database, technicianId: number, ticketId: number, now: Date): Promise<Result<Accepted>> {
  return database.tx(async (tx) => {
    const allowed = await authorize(tx, technicianId, ticketId, "accept");
    if (!allowed.ok) return allowed;
    const offer = allowed.value.offer!;
    const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    const start = ticket.appointmentAt && ticket.appointmentAt > now ? ticket.appointmentAt : now;
    const arrivalDueAt = addMinutes(start, ticket.emergency ? ARRIVAL_MINUTES.emergency : ARRIVAL_MINUTES.general);
    const remind = ticket.appointmentAt ? addMinutes(ticket.appointmentAt, -30) : null;
    const won = await tx.ticket.updateMany({
      where: { id: ticketId, status: "open" },
      data: {
        status: "accepted", assigneeId: technicianId, acceptedAt: now, dispatchDueAt: null,
        arrivalDueAt, arrivalLevel: 0, appointmentDueAt: remind && remind > now ? remind : null,
      },
    });
    if (won.count === 0) return err(ticket.status === "cancelled" ? "TICKET_NOT_OPEN" : ticket.assigneeId === technicianId ? "INVALID_STATE" : "ALREADY_TAKEN");
    await tx.offer.updateMany({ where: { id: offer.id, status: "offered" }, data: { status: "accepted", respondedAt: now } });
    const view = (await ticketView(tx, ticketId))!;
    await logEvent(tx, { ticketId, actorId: technicianId, action: "accepted", at: now });
    await closeOtherOffers(tx, ticketId, technicianId, now, "offer-taken", noticeParams(view));
    const technician = await tx.person.findUniqueOrThrow({ where: { id: technicianId } });
    // the promise matches the booking: a booked time is said as such, "as soon as possible" gets the minutes
    const booked = ticket.appointmentAt !== null && ticket.appointmentAt > now;
    await notify(tx, now, ticket.reporterId, {
      key: "owner-accepted",
      params: {
        ...noticeParams(view), techphone: technician.phone || "none", booked: booked ? "yes" : "no",
        minutes: ticket.emergency ? ARRIVAL_MINUTES.emergency : ARRIVAL_MINUTES.general,
      },
    });
    return ok({ ticketId, number: ticket.number, arrivalDueAt, phone: ticket.phone, place: view.place });
  });
}

/** A technician declines an offer; it is not offered to them again in later rounds. */
export async function declineJob(database: Database, technicianId: number, ticketId: number, now: Date): Promise<Result<{ number: string }>> {
  return database.tx(async (tx) => {
    const allowed = await authorize(tx, technicianId, ticketId, "decline");
    if (!allowed.ok) return allowed;
    const res = await tx.offer.updateMany({ where: { id: allowed.value.offer!.id, status: "offered" }, data: { status: "declined", respondedAt: now } });
    if (res.count === 0) return err("OFFER_CLOSED");
    const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    await logEvent(tx, { ticketId, actorId: technicianId, action: "declined", at: now });
    return ok({ number: ticket.number });
  });
}

