// What an owner can see and do with their tickets: list, detail, cancel, confirm, not fixed.
import type { Database, DbOrTx } from "../../db/client.ts";
import { authorize } from "../authorize.ts";
import { logEvent } from "../events.ts";
import { notify } from "../notify.ts";
import { addMinutes, formatLocal } from "../time.ts";
import { zoneOf } from "../schedule.ts";
import { err, ok, MAX_NOTE, type Result, type TicketStatus } from "../types.ts";
import { closeOtherOffers, ARRIVAL_MINUTES } from "./dispatch.ts";
import { noticeParams, placeOf, ticketView, timeline, type TicketView, type TimelineEntry } from "./view.ts";
import { handOverIncident, LINKED, reopenLinked, shownNumber } from "./incident.ts";

/** Tickets an owner may see: those of their units, public-area ones they reported, and their patrol finds. */
export async function visibleWhere(db: DbOrTx, personId: number) {
  const units = await db.unitMember.findMany({ where: { personId }, select: { unitId: true } });
  return {
    OR: [{ unitId: { in: units.map((u) => u.unitId) } }, { unitId: null, reporterId: personId }, { channel: "patrol", reporterId: personId }],
  };
}

/** The ticket when the owner may act on it now (see authorize), else null. */
export async function ownTicket(db: DbOrTx, personId: number, ticketId: number) {
  const allowed = await authorize(db, personId, ticketId, "owner");
  return allowed.ok ? db.ticket.findUnique({ where: { id: ticketId } }) : null;
}

/** What an owner sees of a ticket's history: their own steps and the technician's visits, not the
 *  desk's internals (offers, declines, escalations, reminders). */
export const OWNER_ACTIONS = ["reported", "accepted", "arrived", "postponed", "completed", "confirmed", "reopened", "cancelled", "rated", "commented", "follow-up-closed"];

export type TicketLine = {
  id: number; number: string; status: TicketStatus; category: string; place: string; lastAction: string; lastAt: Date;
  /** The last event's time as the property's clock shows it. */
  at: string;
};

/** The owner's tickets, newest first, with the last event. */
export async function listOwnerTickets(db: DbOrTx, personId: number, limit = 10): Promise<TicketLine[]> {
  const tickets = await db.ticket.findMany({
    where: await visibleWhere(db, personId),
    include: {
      unit: true, property: true,
      events: { where: { action: { in: OWNER_ACTIONS } }, orderBy: { id: "desc" }, take: 1 },
    },
    orderBy: { id: "desc" }, take: limit,
  });
  // a report linked to an incident shows the incident's number and progress while it follows it
  const primaryIds = tickets.filter((t) => t.incidentOfId !== null).map((t) => t.incidentOfId!);
  const primaries = new Map((primaryIds.length ? await db.ticket.findMany({
    where: { id: { in: primaryIds } },
    include: { events: { where: { action: { in: INCIDENT_STEPS } }, orderBy: { id: "desc" }, take: 1 } },
  }) : []).map((p) => [p.id, p]));
  return tickets.map((own) => {
    const incident = primaries.get(own.incidentOfId ?? 0);
    const p = own.status === LINKED ? incident : undefined;
    const last = [own.events[0], p?.events[0]].filter((e) => e !== undefined).sort((a, b) => b.at.getTime() - a.at.getTime())[0];
    return {
      id: own.id, number: incident?.number ?? own.number, status: (p?.status ?? own.status) as TicketStatus, category: own.category, place: placeOf(own),
      lastAction: last?.action ?? "reported", lastAt: last?.at ?? own.reportedAt,
      at: formatLocal(last?.at ?? own.reportedAt, zoneOf(own.property)),
    };
  });
}

/** The steps of an incident's job a linked reporter follows (not the first reporter's own answers). */
const INCIDENT_STEPS = ["accepted", "arrived", "postponed", "completed", "reopened"];

/** When the technician is expected, on the property's clock: by a time, or within the booked window. */
export type Expected = { kind: "by" | "window" | "none"; from: string; by: string };

/** The technician's promised arrival while they are on their way (none once on site, or past it). */
export function expectedArrival(
  t: { status: string; arrivalDueAt: Date | null; arrivalLevel: number; appointmentAt: Date | null }, tz: string,
): Expected {
  const by = t.arrivalDueAt;
  if (!["accepted", "postponed"].includes(t.status) || !by || t.arrivalLevel > 0) return { kind: "none", from: "", by: "" };
  const from = t.appointmentAt && t.appointmentAt < by ? formatLocal(t.appointmentAt, tz) : null;
  const end = formatLocal(by, tz);
  if (!from) return { kind: "by", from: "", by: end };
  return { kind: "window", from, by: from.slice(0, 10) === end.slice(0, 10) ? end.slice(11) : end };
}

/** One ticket with its timeline and when the technician is expected, only if the owner may see it. */
export async function ownerTicketDetail(db: DbOrTx, personId: number, ticketId: number): Promise<Result<{
  ticket: TicketView; timeline: TimelineEntry[]; canCancel: boolean; canReopen: boolean; expected: Expected;
}>> {
  const t = await ownTicket(db, personId, ticketId);
  if (!t) return err("NOT_FOUND");
  const own = (await ticketView(db, ticketId))!;
  const tz = zoneOf(await db.property.findUniqueOrThrow({ where: { id: t.propertyId }, select: { timezone: true } }));
  const steps = (await timeline(db, ticketId)).filter((e) => OWNER_ACTIONS.includes(e.action));
  const canReopen = t.status === "completed";
  if (t.incidentOfId === null) {
    const canCancel = t.status === "open" || (t.status === "accepted" && !t.arrivedAt);
    return ok({ ticket: own, timeline: steps, canCancel, canReopen, expected: expectedArrival(t, tz) });
  }
  if (t.status !== LINKED) {
    // done (or withdrawn) with its incident: its own state, under the number its reporter knows
    const ticket = { ...own, number: await shownNumber(db, t) };
    return ok({ ticket, timeline: steps, canCancel: false, canReopen, expected: expectedArrival(t, tz) });
  }
  // a linked report: the incident's number, status, technician and job steps, with the owner's own report
  const incident = (await ticketView(db, t.incidentOfId))!;
  const first = await db.ticket.findUniqueOrThrow({ where: { id: t.incidentOfId } });
  const jobSteps = (await timeline(db, t.incidentOfId)).filter((e) => INCIDENT_STEPS.includes(e.action));
  const merged = [...steps, ...jobSteps].sort((a, b) => a.at.localeCompare(b.at));
  const ticket = { ...own, number: incident.number, status: incident.status, assignee: incident.assignee, time: incident.time };
  return ok({ ticket, timeline: merged, canCancel: true, canReopen, expected: expectedArrival(first, tz) });
}

/** Cancels a ticket no technician has started (arrived at) yet. */
export async function cancelTicket(database: Database, personId: number, ticketId: number, now: Date): Promise<Result<{ number: string }>> {
  return database.tx(async (tx) => {
    const t = await ownTicket(tx, personId, ticketId);
    if (!t) return err("NOT_FOUND");
    const res = await tx.ticket.updateMany({
      where: { id: ticketId, OR: [{ status: "open" }, { status: LINKED }, { status: "accepted", arrivedAt: null }] },
      data: { status: "cancelled", cancelledAt: now, dispatchDueAt: null, arrivalDueAt: null, appointmentDueAt: null },
    });
    if (res.count === 0) return err("INVALID_STATE");
    const view = (await ticketView(tx, ticketId))!;
    await logEvent(tx, { ticketId, actorId: personId, action: "cancelled", at: now });
    await closeOtherOffers(tx, ticketId, null, now, "offer-withdrawn", noticeParams(view));
    if (t.assigneeId) await notify(tx, now, t.assigneeId, { key: "tech-cancelled", params: noticeParams(view) });
    // the others who reported the same fault still need it fixed
    await handOverIncident(tx, t, now);
    // a linked reporter knows their report by the incident's number
    return ok({ number: await shownNumber(tx, t) });
  });
}

/** The owner confirms the work (DOMAIN step 6); the rating is asked next. */
export async function confirmFixed(database: Database, personId: number, ticketId: number, now: Date): Promise<Result<{ number: string }>> {
  return database.tx(async (tx) => {
    const t = await ownTicket(tx, personId, ticketId);
    if (!t) return err("NOT_FOUND");
    const res = await tx.ticket.updateMany({ where: { id: ticketId, status: "completed" }, data: { status: "closed", confirmedAt: now } });
    if (res.count === 0) return err(t.status === "closed" ? "ALREADY_RATED" : "INVALID_STATE");
    await logEvent(tx, { ticketId, actorId: personId, action: "confirmed", at: now });
    return ok({ number: await shownNumber(tx, t) });
  });
}

/** "Not fixed": the job goes back to the same technician with the owner's reason. */
export async function reportNotFixed(database: Database, personId: number, ticketId: number, reason: string, now: Date): Promise<Result<{ number: string }>> {
  const text = reason.trim();
  if (!text || text.length > MAX_NOTE) return err("INVALID_INPUT");
  return database.tx(async (tx) => {
    const own = await ownTicket(tx, personId, ticketId);
    if (!own) return err("NOT_FOUND");
    // a report linked to an incident: the incident's job is what was not fixed
    const linked = own.incidentOfId !== null && own.status === "completed";
    const t = linked ? await tx.ticket.findUniqueOrThrow({ where: { id: own.incidentOfId! } }) : own;
    ticketId = t.id;
    const res = await tx.ticket.updateMany({
      where: { id: ticketId, status: { in: linked ? ["completed", "closed"] : ["completed"] } },
      data: { status: "accepted", completedAt: null, arrivedAt: null, arrivalLevel: 0, arrivalDueAt: addMinutes(now, t.emergency ? ARRIVAL_MINUTES.emergency : ARRIVAL_MINUTES.general) },
    });
    if (res.count === 0) return err("INVALID_STATE");
    await tx.survey.updateMany({ where: { ticketId, status: { not: "answered" } }, data: { status: "void", dueAt: null } });
    await logEvent(tx, { ticketId, actorId: personId, action: "reopened", at: now, data: { reason: text } });
    await reopenLinked(tx, t, now);
    const view = (await ticketView(tx, ticketId))!;
    if (t.assigneeId) {
      await notify(tx, now, t.assigneeId, {
        key: "tech-reopened", params: { ...noticeParams(view), reason: text },
        buttons: [[{ label: "btn-job-open", action: "job", id: ticketId }]],
      });
    }
    return ok({ number: t.number });
  });
}
