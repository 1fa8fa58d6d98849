// Step 3-4: offers to technicians; the first to accept wins, the others' offers are updated.
import type { Database, Tx } from "../../db/client.ts";
import { logEvent, logEvents, type EventInput } from "../events.ts";
import { notify, notifyEach, type Notice } from "../notify.ts";
import { authorize } from "../authorize.ts";
import { techniciansAt, techniciansFor } from "../staff.ts";
import { addMinutes } from "../time.ts";
import { ACTIVE_WORK, err, ok, type Category, type Result, type TicketStatus } from "../types.ts";
import { noticeParams, placeOf, ticketsWithView, ticketView, type LoadedTicket, type TicketView } from "./view.ts";
import { queueJobCard, type QueuedCard } from "./job-card.ts";
import { notifyReporters } from "./incident.ts";
import { boardNews, boardRound } from "./group-board.ts";
import { offerButtons, offerNotice, offerRef } from "./offer-notice.ts";

export const ARRIVAL_MINUTES = { emergency: 15, general: 30 } as const;
/** A booked window lasts three hours (14:00-17:00): arrival is due by its end. */
export const SLOT_MINUTES = 180;
/** How long a named technician alone may accept an assigned job before it returns to the queue. */
export const ASSIGN_OFFER_MINUTES = 5;
export const DISPATCH_MODES = ["pool", "assign", "round_robin", "group"] as const;
export type DispatchMode = (typeof DISPATCH_MODES)[number];

/**
 * When the technician must be on site: an emergency counts from the report (seed 001 制度4); a
 * booked window from its start, alarming only after its end (14:00-17:00 → 17:00); otherwise 30 minutes.
 */
export function arrivalDue(t: { emergency: boolean; reportedAt: Date; appointmentAt: Date | null }, now: Date): Date {
  if (t.emergency) return addMinutes(t.reportedAt, ARRIVAL_MINUTES.emergency);
  if (t.appointmentAt && t.appointmentAt > now) return addMinutes(t.appointmentAt, SLOT_MINUTES);
  return addMinutes(now, ARRIVAL_MINUTES.general);
}

const minutesSince = (from: Date, now: Date) => Math.max(0, Math.round((now.getTime() - from.getTime()) / 60_000));

/**
 * (Re)offers an open ticket to the technicians on duty; returns who can be reached (has a chat).
 * A technician who still holds the first offer gets one reminder that says it is one, not a second
 * "new job"; after that reminder, later rounds leave them alone.
 */
export async function offerTicket(
  tx: Tx, ticketId: number, now: Date, round: number, loaded?: { ticket: LoadedTicket; view: TicketView },
  except?: number[],
): Promise<number[]> {
  return (await offerTickets(tx, [{ ticketId, round, loaded, except }], now)).get(ticketId) ?? [];
}

export type OfferRound = {
  ticketId: number; round: number; loaded?: { ticket: LoadedTicket; view: TicketView };
  /** Left out of this round only (the technician the desk just took the job from). */
  except?: number[];
};

/**
 * `offerTicket` for many tickets at once, in a few statements whatever their number: the tickets,
 * the technicians of their properties, their offers, one insert of the new offers, one update per
 * round of the renewed ones, one insert of the messages and one of the events (a round-robin
 * ticket goes to the next in turn on its own). Returns, per ticket, who can be reached.
 */
export async function offerTickets(tx: Tx, rounds: OfferRound[], now: Date): Promise<Map<number, number[]>> {
  const reached = new Map(rounds.map((r) => [r.ticketId, [] as number[]]));
  const fresh = new Map((await ticketsWithView(tx, rounds.filter((r) => !r.loaded).map((r) => r.ticketId))).map((l) => [l.ticket.id, l]));
  const pool: (OfferRound & { ticket: LoadedTicket; view: TicketView })[] = [];
  for (const r of rounds) {
    const l = r.loaded ?? fresh.get(r.ticketId);
    // a job offered to one technician alone (assigned, or round-robin) waits for them or the clock
    const kind = l && l.ticket.status === "open" ? roundKind(l.ticket, now) : "none";
    if (!l || kind === "none") continue;
    if (kind === "turn") {
      const next = await nextInTurn(tx, r.ticketId, now);
      reached.set(r.ticketId, next ? [next] : []);
      continue;
    }
    pool.push({ ...r, ...l });
  }
  if (pool.length === 0) return reached;
  const techniciansOf = await techniciansAt(tx, pool.map((p) => p.ticket.propertyId));
  const offers = await tx.offer.findMany({ where: { ticketId: { in: pool.map((p) => p.ticketId) } } });
  const plans = pool.map((p) => {
    const technicians = techniciansOf(p.ticket.propertyId, p.ticket.category as Category, p.ticket.emergency);
    return { ...p, ...planOffer(p, technicians, offers) };
  });
  // renewed offers: one statement per round; new offers: one statement
  const renewedRounds = [...new Set(plans.filter((p) => p.again.length > 0).map((p) => p.round))];
  for (const round of renewedRounds) {
    const where = plans.filter((p) => p.round === round && p.again.length > 0).map((p) => ({ ticketId: p.ticketId, technicianId: { in: p.again } }));
    await tx.offer.updateMany({ where: { OR: where }, data: { round, status: "offered" } });
  }
  const toCreate = plans.flatMap((p) => p.toOffer.filter((id) => !p.existing.has(id)).map((technicianId) => ({ ticketId: p.ticketId, technicianId, round: p.round, createdAt: now })));
  const created = toCreate.length > 0 ? await tx.offer.createManyAndReturn({ data: toCreate, select: { id: true, ticketId: true, technicianId: true } }) : [];
  const offerId = new Map([
    ...offers.map((o) => [`${o.ticketId}:${o.technicianId}`, o.id] as const),
    ...created.map((o) => [`${o.ticketId}:${o.technicianId}`, o.id] as const),
  ]);
  // group mode: the job's post in the technicians' group first; its general jobs offer nobody privately
  const quiet = await boardRound(tx, plans, now);
  const sent = await notifyEach(tx, now, plans.filter((p) => !quiet.has(p.ticketId))
    .flatMap((p) => offerNotices(p, (technicianId) => offerId.get(`${p.ticketId}:${technicianId}`), now)));
  await logEvents(tx, plans.map((p) => offeredEvent(p, now)));
  for (const p of plans) {
    // on the board, everyone on duty sees the job
    reached.set(p.ticketId, quiet.has(p.ticketId) ? p.targets : reachedOf(p, (id) => sent.has(id)));
  }
  return reached;
}

/**
 * What a dispatch round of an open ticket does: nothing while it is offered to one technician alone
 * (assigned, or round-robin) or kept for the desk (assign mode), the next in turn alone (round-robin),
 * or offers to everyone on duty (the pool; emergencies always).
 */
export function roundKind(
  t: { emergency: boolean; assignDueAt: Date | null; property: { dispatchMode: string } }, now: Date,
): "none" | "turn" | "pool" {
  if (t.assignDueAt && t.assignDueAt > now) return "none";
  if (t.emergency) return "pool";
  return t.property.dispatchMode === "assign" ? "none" : t.property.dispatchMode === "round_robin" ? "turn" : "pool";
}

type OfferRow = { id: number; ticketId: number; technicianId: number; status: string; round: number };

/**
 * A pool round of one ticket, planned from its offers so far (the read part of offerTickets): the
 * targets (who may take it, minus those who declined or are left out), those holding the first
 * offer (reminded once, then left alone), who is offered (anew, or `again` on their existing row).
 */
export function planOffer(r: { ticketId: number; except?: number[] }, technicians: number[], offers: OfferRow[]) {
  const existing = new Map(offers.filter((o) => o.ticketId === r.ticketId).map((o) => [o.technicianId, o]));
  const targets = technicians.filter((id) => existing.get(id)?.status !== "declined" && !r.except?.includes(id));
  const holding = targets.filter((id) => existing.get(id)?.status === "offered");
  const reminded = holding.filter((id) => existing.get(id)!.round > 0);
  const toOffer = targets.filter((id) => !reminded.includes(id));
  return { existing, targets, holding, reminded, toOffer, again: toOffer.filter((id) => existing.has(id)) };
}
export type OfferPlan = ReturnType<typeof planOffer> & { ticketId: number; round: number; ticket: LoadedTicket; view: TicketView };

/** The offer messages of a planned round (the write part): one per technician offered whose offer row is known. */
export function offerNotices(
  p: OfferPlan, offerIdOf: (technicianId: number) => number | undefined, now: Date,
): [number, Notice][] {
  const minutes = minutesSince(p.ticket.reportedAt, now);
  return p.toOffer.flatMap((technicianId): [number, Notice][] => {
    const id = offerIdOf(technicianId);
    if (id === undefined) return [];
    return [[technicianId, offerNotice(p.view, { id, round: p.round }, minutes, p.holding.includes(technicianId))]];
  });
}

/** Who a planned round reaches privately: those reminded before, and those offered who have a chat. */
export const reachedOf = (p: OfferPlan, reachable: (technicianId: number) => boolean) =>
  p.targets.filter((id) => p.reminded.includes(id) || reachable(id));

/** The "offered" event of a planned round. */
export const offeredEvent = (p: OfferPlan, now: Date): EventInput =>
  ({ ticketId: p.ticketId, actorId: null, action: "offered", at: now, data: { round: p.round, technicians: p.targets } });

/** Why a job is offered to one technician alone: the desk named them, their turn (round-robin), or rework. */
export type AloneKind = "desk" | "turn" | "rework";

/**
 * A personal offer: other offers are withdrawn (not this technician's own, which stays theirs),
 * only this technician may accept until it runs out; the offer says why it is theirs.
 */
export async function offerAlone(
  tx: Tx, ticketId: number, technicianId: number, now: Date, minutes = ASSIGN_OFFER_MINUTES, kind: AloneKind = "desk",
): Promise<void> {
  const t = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId } });
  const view = (await ticketView(tx, ticketId))!;
  await closeOtherOffers(tx, ticketId, technicianId, now, "offer-reassigned", noticeParams(view), "withdrawn");
  const offer = await tx.offer.upsert({
    where: { ticketId_technicianId: { ticketId, technicianId } },
    create: { ticketId, technicianId, round: t.dispatchLevel, createdAt: now },
    update: { status: "offered", round: t.dispatchLevel, respondedAt: null },
  });
  await tx.ticket.update({ where: { id: ticketId }, data: { assignDueAt: addMinutes(now, minutes), offeredToId: technicianId } });
  await notify(tx, now, technicianId, {
    key: "assign-offer", params: { ...noticeParams(view), minutes, kind }, photos: view.photos,
    ref: offerRef({ id: offer.id, round: t.dispatchLevel }), buttons: offerButtons(ticketId),
  });
  await logEvent(tx, { ticketId, actorId: null, action: "offered", at: now, data: { round: t.dispatchLevel, technicians: [technicianId], alone: true } });
}

/**
 * Round-robin (轮训): the on-duty technician with the skill and the fewest open jobs who has not had
 * this ticket yet gets it alone for the property's few minutes; null when everyone has had it.
 */
export async function nextInTurn(tx: Tx, ticketId: number, now: Date): Promise<number | null> {
  const t = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, include: { property: true } });
  const had = new Set((await tx.offer.findMany({ where: { ticketId }, select: { technicianId: true } })).map((o) => o.technicianId));
  const techs = (await techniciansFor(tx, t.propertyId, t.category as Category, false)).filter((id) => !had.has(id));
  if (techs.length === 0) return null;
  const open = await tx.ticket.groupBy({ by: ["assigneeId"], where: { assigneeId: { in: techs }, status: { in: ACTIVE_WORK } }, _count: true });
  const load = new Map(open.map((o) => [o.assigneeId, o._count]));
  const next = [...techs].sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || a - b)[0]!;
  await offerAlone(tx, ticketId, next, now, t.property.roundRobinMin, "turn");
  return next;
}

/**
 * Replaces the text of every other offer message of a ticket (taken by someone, or withdrawn); the
 * open ones become `status` (lost to the one who took it, by default, or withdrawn).
 */
export async function closeOtherOffers(
  tx: Tx, ticketId: number, exceptTechnicianId: number | null, now: Date, key: string,
  params: Record<string, string | number>, status: "lost" | "withdrawn" = exceptTechnicianId ? "lost" : "withdrawn",
) {
  const others = await tx.offer.findMany({ where: { ticketId, status: { in: ["offered", "declined"] }, NOT: exceptTechnicianId ? { technicianId: exceptTechnicianId } : undefined } });
  const open = { id: { in: others.map((o) => o.id) }, status: "offered" };
  await tx.offer.updateMany({ where: open, data: { status, respondedAt: now } });
  await notifyEach(tx, now, others.map((o) => [o.technicianId, { kind: "edit", ref: offerRef(o), key, params }]));
  await boardNews(tx, ticketId, key, params, now);
}

export type Accepted = {
  ticketId: number; number: string; arrivalDueAt: Date; phone: string; place: string;
  /** The job card written with the accept (see queueJobCard); none when asked without one or on `again`. */
  card?: QueuedCard | null;
  /** The job was already this technician's (a second press): nothing was written. */
  again?: boolean;
};

/** A technician takes an offered job. Exactly one wins when many press at once. */
export async function acceptJob(
  database: Database, technicianId: number, ticketId: number, now: Date, opts: { card?: boolean } = {},
): Promise<Result<Accepted>> {
  return database.tx(async (tx): Promise<Result<Accepted>> => {
    const allowed = await authorize(tx, technicianId, ticketId, "accept");
    // their offer was accepted already: a second press answers what the first did
    if (!allowed.ok) {
      return allowed.error === "INVALID_STATE" ? acceptedBefore(tx, technicianId, ticketId, now) : allowed;
    }
    const offer = allowed.value.offer!;
    const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    // offered to another technician alone (assigned from the queue, round-robin, rework)
    if (ticket.status === "open" && ticket.assignDueAt && ticket.offeredToId !== technicianId) return err("NOT_OFFERED");
    const arrivalDueAt = arrivalDue(ticket, now);
    const remind = ticket.appointmentAt ? addMinutes(ticket.appointmentAt, -30) : null;
    const won = await tx.ticket.updateMany({
      where: { id: ticketId, status: "open" },
      data: {
        status: "accepted", assigneeId: technicianId, acceptedAt: now, dispatchDueAt: null,
        arrivalDueAt, arrivalLevel: 0, appointmentDueAt: remind && remind > now ? remind : null,
        assignDueAt: null, offeredToId: null,
      },
    });
    if (won.count === 0) return err(ticket.status === "cancelled" ? "TICKET_NOT_OPEN" : ticket.assigneeId === technicianId ? "INVALID_STATE" : "ALREADY_TAKEN");
    await tx.offer.updateMany({ where: { id: offer.id, status: "offered" }, data: { status: "accepted", respondedAt: now } });
    const [{ ticket: accepted, view }] = (await ticketsWithView(tx, [ticketId])) as [Loaded];
    await logEvent(tx, { ticketId, actorId: technicianId, action: "accepted", at: now });
    await closeOtherOffers(tx, ticketId, technicianId, now, "offer-taken", noticeParams(view));
    const technician = await tx.person.findUniqueOrThrow({ where: { id: technicianId } });
    // the promise matches the booking: a booked time is said as such, "as soon as possible" gets the minutes
    const booked = ticket.appointmentAt !== null && ticket.appointmentAt > now;
    await notifyReporters(tx, now, ticket, {
      key: "owner-accepted",
      params: {
        ...noticeParams(view), techphone: technician.phone || "none", booked: booked ? "yes" : "no",
        minutes: ticket.emergency ? ARRIVAL_MINUTES.emergency : ARRIVAL_MINUTES.general,
      },
    });
    const card = opts.card ? await queueJobCard(tx, accepted, technician, now) : null;
    return ok({ ticketId, number: ticket.number, arrivalDueAt, phone: ticket.phone, place: view.place, card });
  });
}

type Loaded = { ticket: LoadedTicket; view: TicketView };

/** A job this technician holds already: what their accept made, nothing written. */
async function acceptedBefore(tx: Tx, technicianId: number, ticketId: number, now: Date): Promise<Result<Accepted>> {
  const t = await tx.ticket.findUnique({ where: { id: ticketId }, include: { unit: true } });
  const held = t && t.assigneeId === technicianId && ACTIVE_WORK.includes(t.status as TicketStatus);
  if (!t || !held) return err("INVALID_STATE");
  const arrivalDueAt = t.arrivalDueAt ?? now;
  return ok({ ticketId, number: t.number, arrivalDueAt, phone: t.phone, place: placeOf(t), again: true });
}

/** A technician declines an offer; it is not offered to them again in later rounds. */
export async function declineJob(database: Database, technicianId: number, ticketId: number, now: Date): Promise<Result<{ number: string }>> {
  return database.tx(async (tx) => {
    const allowed = await authorize(tx, technicianId, ticketId, "decline");
    if (!allowed.ok) return allowed;
    const res = await tx.offer.updateMany({ where: { id: allowed.value.offer!.id, status: "offered" }, data: { status: "declined", respondedAt: now } });
    if (res.count === 0) return err("OFFER_CLOSED");
    const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    if (ticket.offeredToId === technicianId && ticket.assignDueAt) {
      // a job offered to them alone: the assign sweep hands it on now (queue or next in turn)
      await tx.ticket.updateMany({ where: { id: ticketId, offeredToId: technicianId }, data: { assignDueAt: now } });
    }
    await logEvent(tx, { ticketId, actorId: technicianId, action: "declined", at: now });
    return ok({ number: ticket.number });
  });
}

