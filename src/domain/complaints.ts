// Complaints (投诉, DOMAIN "Complaints"): filed by an owner in the chat (against a ticket, a person
// or the service) or turned into one by the desk from a callback or a low rating. The desk records
// its class, urgency and validity and names a handler within an hour (complaint-desk.ts); handled
// within 3 working days (urgent: 1), answered within 4; the owner is told the result and asked
// whether satisfied — a dissatisfied answer reopens it to the supervisors. Deadlines:
// src/domain/scheduled/deadlines.ts.
import type { Database, DbOrTx, Tx } from "../db/client.ts";
import { isUniqueViolation } from "../db/client.ts";
import { authorize } from "./authorize.ts";
import { logEvent } from "./events.ts";
import { notify, notifyAll } from "./notify.ts";
import { addWorkingDays, calendarOf, reminderBefore, zoneOf, type Calendar } from "./schedule.ts";
import { holdsRoleAt, mayHandle, staffOf } from "./staff.ts";
import { placeOf } from "./tickets/view.ts";
import { addMinutes, formatLocal } from "./time.ts";
import { err, ok, MAX_DESCRIPTION, MAX_NOTE, MAX_PHOTOS, STAFF_ROLES, type ButtonIntent, type Result } from "./types.ts";

export const COMPLAINT_CATEGORIES = ["attitude", "quality", "fees", "management", "other"] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export const isComplaintCategory = (s: string): s is ComplaintCategory => (COMPLAINT_CATEGORIES as readonly string[]).includes(s);
/** Working days to handle a complaint, and to answer every complaint. */
export const COMPLAINT_DAYS = { urgent: 1, general: 3, answer: 4 } as const;
/** Minutes within which the desk names a handler (seed 004 ch. 8). */
export const ASSIGN_WITHIN_MIN = 60;
/** open (with the desk or its handler) → answered (owner asked) → closed; a dissatisfied owner reopens it. */
export type ComplaintStatus = "open" | "answered" | "closed";
export type ComplaintSource = "owner" | "callback" | "rating";

/** The number an owner quotes: the property code, TS (投诉) and the id. */
export const complaintNumber = (code: string, id: number) => `${code}-TS${String(id).padStart(4, "0")}`;
/** The answer deadline: four working days after the complaint was filed. */
export const answerDeadline = (createdAt: Date, cal: Calendar) => addWorkingDays(createdAt, COMPLAINT_DAYS.answer, cal);
/** The handling deadline: 1 working day when urgent, 3 otherwise, from `from`. */
export const handleDeadline = (from: Date, urgent: boolean, cal: Calendar) =>
  addWorkingDays(from, urgent ? COMPLAINT_DAYS.urgent : COMPLAINT_DAYS.general, cal);

export type ComplaintInput = {
  propertyId: number;
  complainantId: number;
  /** Who filed it when not the complainant (the desk turning a rating into a complaint): the event's actor. */
  actorId?: number;
  ticketId?: number;
  against?: string;
  /** Set by the desk when it files; an owner's complaint is classified by the desk later. */
  category?: string;
  description: string;
  urgent?: boolean;
  photos?: string[];
  source?: ComplaintSource;
  /** The flow instance filing it: the same key again returns the complaint it made. */
  submitKey?: string;
};
/** `answerByLocal`: the answer deadline on the property's clock, as the complainant reads it. */
export type Filed = {
  complaintId: number; number: string; dueAt: Date; answerBy: Date; answerByLocal: string;
  /** Filed before by the same flow (a second press): nothing new was made. */
  again?: boolean;
};

/** Records a complaint with its working-day deadlines and tells the desk. */
export async function fileComplaint(database: Database, input: ComplaintInput, now: Date): Promise<Result<Filed>> {
  const description = input.description.trim();
  const photos = input.photos ?? [];
  if (input.category !== undefined && !isComplaintCategory(input.category)) return err("INVALID_INPUT");
  if (!description || description.length > MAX_DESCRIPTION || (input.against ?? "").length > MAX_NOTE) return err("INVALID_INPUT");
  if (photos.length > MAX_PHOTOS) return err("INVALID_INPUT");
  return database.tx(async (tx) => {
    const property = await tx.property.findUnique({ where: { id: input.propertyId } });
    if (!property) return err("NOT_FOUND");
    const member = await tx.unitMember.count({ where: { personId: input.complainantId, unit: { propertyId: property.id } } });
    const staff = await holdsRoleAt(tx, input.complainantId, property.id, ["desk", "supervisor"]);
    if (member === 0 && !staff) return err("FORBIDDEN");
    if (input.ticketId !== undefined) {
      // an owner complains about a ticket of their own home; the desk about any ticket of the property
      const own = staff ? { ok: true } : await authorize(tx, input.complainantId, input.ticketId, "owner");
      if (!own.ok || !(await tx.ticket.count({ where: { id: input.ticketId, propertyId: property.id } }))) return err("NOT_FOUND");
    }
    return ok(await createComplaint(tx, property, { ...input, description, photos }, now));
  }).catch(async (e: unknown) => {
    // the same flow submitted again: its complaint, nothing new (settled by the unique key)
    const key = isUniqueViolation(e) ? input.submitKey : undefined;
    const before = key ? await complaintSubmitted(database.db, key) : null;
    if (!before) throw e;
    return ok(before);
  });
}

/** The complaint a flow instance filed already, as its first submit answered (null: none). */
async function complaintSubmitted(db: DbOrTx, submitKey: string): Promise<Filed | null> {
  const c = await db.complaint.findUnique({ where: { submitKey }, include: { property: true } });
  if (!c) return null;
  const cal = calendarOf(c.property);
  const answerBy = answerDeadline(c.createdAt, cal);
  const number = complaintNumber(c.property.code, c.id);
  const answerByLocal = formatLocal(answerBy, cal.tz);
  return { complaintId: c.id, number, dueAt: c.dueAt, answerBy, answerByLocal, again: true };
}

type PropertyRow = Parameters<typeof calendarOf>[0] & { id: number; code: string };

/** Writes the complaint, its event and the desk's notice (inside the caller's transaction). */
export async function createComplaint(tx: Tx, property: PropertyRow, input: ComplaintInput, now: Date): Promise<Filed> {
  const cal = calendarOf(property);
  const urgent = input.urgent ?? false;
  const dueAt = handleDeadline(now, urgent, cal);
  const c = await tx.complaint.create({
    data: {
      propertyId: property.id, complainantId: input.complainantId, ticketId: input.ticketId ?? null,
      against: input.against?.trim() ?? "", category: input.category ?? "", description: input.description, urgent,
      photos: JSON.stringify(input.photos ?? []), source: input.source ?? "owner", submitKey: input.submitKey ?? null,
      dueAt, remindAt: reminderBefore(dueAt, now, cal), assignDueAt: addMinutes(now, ASSIGN_WITHIN_MIN), createdAt: now,
    },
  });
  const number = complaintNumber(property.code, c.id);
  await logEvent(tx, {
    complaintId: c.id, ticketId: input.ticketId ?? null, actorId: input.actorId ?? input.complainantId,
    action: "complaint-filed", at: now, data: { number, source: c.source, category: c.category },
  });
  const ticket = input.ticketId ? await tx.ticket.findUnique({ where: { id: input.ticketId } }) : null;
  await notifyAll(tx, now, await staffOf(tx, property.id, "desk"), {
    key: "complaint-new",
    params: {
      id: c.id, number, category: c.category || "none", urgent: urgent ? "yes" : "no", description: input.description,
      against: c.against || "-", ticket: ticket?.number ?? "-", source: c.source ?? "owner", due: formatLocal(dueAt, cal.tz),
    },
    photos: input.photos ?? [],
    buttons: [[{ label: "btn-complaint-handle", action: "cph", id: c.id }]],
  });
  const answerBy = answerDeadline(now, cal);
  return { complaintId: c.id, number, dueAt, answerBy, answerByLocal: formatLocal(answerBy, cal.tz) };
}

export type ComplaintAnswer = { complaintId: number; actorId: number; result: string; valid?: boolean };



/** The buttons the owner answers a result with. */
export const satisfiedButtons = (complaintId: number): ButtonIntent[][] => [[
  { label: "btn-complaint-satisfied", action: "cps", id: complaintId, arg: "y" },
  { label: "btn-complaint-dissatisfied", action: "cps", id: complaintId, arg: "n" },
]];

/** The handler (or the desk, a supervisor) records the result; the owner is told and asked if satisfied. */
export async function answerComplaint(database: Database, input: ComplaintAnswer, now: Date): Promise<Result<{ complaintId: number; number: string }>> {
  const result = input.result.trim();
  if (!result || result.length > MAX_NOTE) return err("INVALID_INPUT");
  return database.tx(async (tx) => {
    const c = await tx.complaint.findUnique({ where: { id: input.complaintId }, include: { property: true } });
    if (!c) return err("NOT_FOUND");
    if (!(await mayHandle(tx, c.propertyId, c.handlerId, input.actorId))) return err("FORBIDDEN");
    const res = await tx.complaint.updateMany({
      where: { id: c.id, status: "open" },
      data: { status: "answered", answeredAt: now, result, ...(input.valid !== undefined ? { valid: input.valid } : {}), remindAt: null, assignDueAt: null },
    });
    if (res.count === 0) return err("INVALID_STATE");
    const number = complaintNumber(c.property.code, c.id);
    await logEvent(tx, { complaintId: c.id, ticketId: c.ticketId, actorId: input.actorId, action: "complaint-answered", at: now, data: { result, valid: input.valid } });
    await notify(tx, now, c.complainantId, { key: "complaint-answered", params: { id: c.id, number, result }, buttons: satisfiedButtons(c.id) });
    return ok({ complaintId: c.id, number });
  });
}

/** The owner's answer to the result: satisfied closes it, dissatisfied reopens it to the supervisors. */
export async function rateComplaintAnswer(database: Database, input: { complaintId: number; actorId: number; satisfied: boolean }, now: Date): Promise<Result<{ number: string; satisfied: boolean }>> {
  return database.tx(async (tx) => {
    const c = await tx.complaint.findUnique({ where: { id: input.complaintId }, include: { property: true } });
    if (!c || c.complainantId !== input.actorId) return err("NOT_FOUND");
    // still an owner at the property (or its staff, for a complaint the desk filed for them)
    const member = await tx.unitMember.count({ where: { personId: input.actorId, unit: { propertyId: c.propertyId } } });
    if (member === 0 && !(await holdsRoleAt(tx, input.actorId, c.propertyId, STAFF_ROLES))) return err("NOT_FOUND");
    const cal = calendarOf(c.property);
    const dueAt = handleDeadline(now, c.urgent, cal);
    const res = await tx.complaint.updateMany({
      where: { id: c.id, status: "answered" },
      data: input.satisfied ? { status: "closed", satisfied: true }
        : { status: "open", satisfied: false, reopenedAt: now, dueAt, remindAt: reminderBefore(dueAt, now, cal), alertedAt: null },
    });
    if (res.count === 0) return err("INVALID_STATE");
    const number = complaintNumber(c.property.code, c.id);
    await logEvent(tx, { complaintId: c.id, ticketId: c.ticketId, actorId: input.actorId, action: input.satisfied ? "complaint-closed" : "complaint-reopened", at: now });
    if (!input.satisfied) {
      await notifyAll(tx, now, await staffOf(tx, c.propertyId, "supervisor"), {
        key: "complaint-reopened", params: { id: c.id, number, result: c.result ?? "-", description: c.description, due: formatLocal(dueAt, cal.tz) },
        buttons: [[{ label: "btn-complaint-handle", action: "cph", id: c.id }]],
      });
    }
    return ok({ number, satisfied: input.satisfied });
  });
}

/** A ticket an owner may complain about, as the picker shows it: home (or place), category, local date. */
export type ComplaintTicket = {
  id: number; number: string; propertyId: number; place: string; category: string; date: string;
};
export type ComplaintTargets = { properties: { id: number; name: string }[]; tickets: ComplaintTicket[] };

/** What an owner may complain about: the properties of their homes and their latest tickets there. */
export async function complaintTargets(db: DbOrTx, personId: number, limit = 6): Promise<ComplaintTargets> {
  const homes = await db.unitMember.findMany({ where: { personId }, include: { unit: { include: { property: true } } } });
  const properties = [...new Map(homes.map((m) => [m.unit.propertyId, { id: m.unit.propertyId, name: m.unit.property.name }])).values()];
  const rows = await db.ticket.findMany({
    where: {
      propertyId: { in: properties.map((p) => p.id) }, status: { not: "cancelled" },
      OR: [{ reporterId: personId }, { unitId: { in: homes.map((m) => m.unitId) } }],
    },
    orderBy: { reportedAt: "desc" }, take: limit, include: { unit: true, property: true },
  });
  const tickets = rows.map((t) => ({
    id: t.id, number: t.number, propertyId: t.propertyId, place: placeOf(t), category: t.category,
    date: formatLocal(t.reportedAt, zoneOf(t.property)).slice(5, 10),
  }));
  return { properties, tickets };
}
