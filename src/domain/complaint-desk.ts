// The desk's side of complaints: the open list, classifying (class, urgency, valid or 沟通性),
// naming a handler of the property within the hour, and turning a callback or a low rating into a
// complaint linked to its ticket. Every call re-checks the actor's role at the complaint's property.
import type { Database, DbOrTx } from "../db/client.ts";
import { complaintNumber, createComplaint, handleDeadline, isComplaintCategory, type Filed } from "./complaints.ts";
import { logEvent } from "./events.ts";
import { notify } from "./notify.ts";
import { calendarOf, reminderBefore, zoneOf } from "./schedule.ts";
import { deskScope, holdsRoleAt, mayHandle } from "./staff.ts";
import { formatLocal } from "./time.ts";
import { err, ok, STAFF_ROLES, type Result } from "./types.ts";

export type ComplaintLine = {
  id: number; number: string; status: string; category: string; urgent: boolean; valid: boolean | null;
  description: string; against: string; ticket: string; handler: string; due: string; reopened: boolean;
  /** Past its handling deadline (the list marks it). */
  overdue: boolean;
};

const isDesk = (db: DbOrTx, personId: number, propertyId: number) => holdsRoleAt(db, personId, propertyId, ["desk", "supervisor"]);

/** Open complaints of the person's properties (desk, supervisor), the earliest deadline first. */
export async function listOpenComplaints(
  db: DbOrTx, personId: number, now: Date, limit = 20,
): Promise<Result<ComplaintLine[]>> {
  const scope = await deskScope(db, personId);
  if (!scope) return err("FORBIDDEN");
  const rows = await db.complaint.findMany({
    where: { status: { in: ["open", "answered"] }, ...(scope === "all" ? {} : { propertyId: { in: scope } }) },
    include: { property: true }, orderBy: [{ dueAt: "asc" }, { id: "asc" }], take: limit,
  });
  return ok(await Promise.all(rows.map((c) => lineOf(db, c, now))));
}

type Loaded = Awaited<ReturnType<typeof loadComplaint>> & object;

async function lineOf(db: DbOrTx, c: Loaded, now?: Date): Promise<ComplaintLine> {
  const ticket = c.ticketId ? await db.ticket.findUnique({ where: { id: c.ticketId }, select: { number: true } }) : null;
  const handler = c.handlerId ? await db.person.findUnique({ where: { id: c.handlerId }, select: { name: true } }) : null;
  return {
    id: c.id, number: complaintNumber(c.property.code, c.id), status: c.status, category: c.category || "none", urgent: c.urgent,
    valid: c.valid, description: c.description, against: c.against || "-", ticket: ticket?.number ?? "-",
    handler: handler?.name ?? "-", due: formatLocal(c.dueAt, zoneOf(c.property)), reopened: c.reopenedAt !== null,
    overdue: !!now && c.status === "open" && c.dueAt <= now,
  };
}

const loadComplaint = (db: DbOrTx, id: number) => db.complaint.findUnique({ where: { id }, include: { property: true } });

/** One complaint for the desk (the handle card), if the person is desk or supervisor of its property. */
export async function complaintForDesk(db: DbOrTx, personId: number, complaintId: number): Promise<Result<ComplaintLine>> {
  const c = await loadComplaint(db, complaintId);
  if (!c) return err("NOT_FOUND");
  if (!(await isDesk(db, personId, c.propertyId))) return err("FORBIDDEN");
  if (c.status !== "open") return err("INVALID_STATE");
  return ok(await lineOf(db, c));
}

export type Classification = { complaintId: number; actorId: number; category: string; urgent: boolean; valid: boolean };

/** Records class, urgency and validity; the handling deadline follows the urgency (from filing). */
export async function classifyComplaint(database: Database, input: Classification, now: Date): Promise<Result<{ number: string; due: string }>> {
  if (!isComplaintCategory(input.category)) return err("INVALID_INPUT");
  return database.tx(async (tx) => {
    const c = await loadComplaint(tx, input.complaintId);
    if (!c) return err("NOT_FOUND");
    if (!(await isDesk(tx, input.actorId, c.propertyId))) return err("FORBIDDEN");
    const cal = calendarOf(c.property);
    const dueAt = handleDeadline(c.reopenedAt ?? c.createdAt, input.urgent, cal);
    const res = await tx.complaint.updateMany({
      where: { id: c.id, status: "open" },
      data: { category: input.category, urgent: input.urgent, valid: input.valid, classifiedAt: now, dueAt, remindAt: c.alertedAt ? c.remindAt : reminderBefore(dueAt, now, cal) },
    });
    if (res.count === 0) return err("INVALID_STATE");
    await logEvent(tx, { complaintId: c.id, ticketId: c.ticketId, actorId: input.actorId, action: "complaint-classified", at: now, data: { category: input.category, urgent: input.urgent, valid: input.valid } });
    return ok({ number: complaintNumber(c.property.code, c.id), due: formatLocal(dueAt, cal.tz) });
  });
}

/** Named staff of the property who may handle a complaint (desk, supervisor, technician, control room). */
export async function complaintHandlers(db: DbOrTx, complaintId: number): Promise<{ id: number; name: string }[]> {
  const c = await db.complaint.findUnique({ where: { id: complaintId } });
  if (!c) return [];
  const grants = await db.roleGrant.findMany({
    where: { role: { in: [...STAFF_ROLES] }, revokedAt: null, propertyId: c.propertyId, person: { blockedAt: null } },
    include: { person: true }, orderBy: { personId: "asc" },
  });
  return [...new Map(grants.map((g) => [g.personId, { id: g.personId, name: g.person.name }])).values()];
}

/** Names the handler; they are told with a button to record the result. */
export async function assignComplaint(database: Database, input: { complaintId: number; actorId: number; handlerId: number }, now: Date): Promise<Result<{ number: string; handler: string }>> {
  return database.tx(async (tx) => {
    const c = await loadComplaint(tx, input.complaintId);
    if (!c) return err("NOT_FOUND");
    if (!(await isDesk(tx, input.actorId, c.propertyId))) return err("FORBIDDEN");
    const handler = (await complaintHandlers(tx, c.id)).find((h) => h.id === input.handlerId);
    if (!handler) return err("INVALID_INPUT");
    const res = await tx.complaint.updateMany({ where: { id: c.id, status: "open" }, data: { handlerId: handler.id, assignedAt: now, assignDueAt: null } });
    if (res.count === 0) return err("INVALID_STATE");
    const number = complaintNumber(c.property.code, c.id);
    await logEvent(tx, { complaintId: c.id, ticketId: c.ticketId, actorId: input.actorId, action: "complaint-assigned", at: now, data: { handlerId: handler.id } });
    await notify(tx, now, handler.id, {
      key: "complaint-assigned",
      params: { id: c.id, number, description: c.description, against: c.against || "-", due: formatLocal(c.dueAt, zoneOf(c.property)) },
      buttons: [[{ label: "btn-complaint-result", action: "cpr", id: c.id }]],
    });
    return ok({ number, handler: handler.name });
  });
}

/** Whether the person is the named handler, or desk / supervisor of the complaint's property, and it is open. */
export async function mayRecordResult(db: DbOrTx, personId: number, complaintId: number): Promise<Result<{ number: string }>> {
  const c = await loadComplaint(db, complaintId);
  if (!c) return err("NOT_FOUND");
  if (!(await mayHandle(db, c.propertyId, c.handlerId, personId))) return err("FORBIDDEN");
  if (c.status !== "open") return err("INVALID_STATE");
  return ok({ number: complaintNumber(c.property.code, c.id) });
}

/** Ratings that may be turned into a complaint (不满意, 很不满意). */
export const COMPLAINT_RATINGS = [1, 2];

/**
 * The desk turns a low rating (1-2) or a phone callback's complaint (the owner's words on the phone)
 * into a complaint of its owner, linked to the ticket. `text` is what it says when the owner gave no
 * words, in the desk's language.
 */
export async function complaintFromTicket(
  database: Database, input: { ticketNumber: string; actorId: number; text: string }, now: Date,
): Promise<Result<Filed & { ticket: string }>> {
  return database.tx(async (tx) => {
    const t = await tx.ticket.findUnique({ where: { number: input.ticketNumber.trim().toUpperCase() }, include: { survey: true, property: true } });
    if (!t) return err("NOT_FOUND");
    if (!(await isDesk(tx, input.actorId, t.propertyId))) return err("FORBIDDEN");
    const survey = t.survey;
    if (survey?.rating == null) return err("INVALID_STATE");
    const callbackComplaint = survey.channel === "phone" && !!survey.comment;
    if (!COMPLAINT_RATINGS.includes(survey.rating) && !callbackComplaint) return err("INVALID_RATING");
    if (await tx.complaint.count({ where: { ticketId: t.id, source: { in: ["callback", "rating"] } } })) return err("DUPLICATE");
    const source = survey.channel === "phone" ? "callback" : "rating";
    const description = survey.comment || input.text;
    const filed = await createComplaint(tx, t.property, {
      propertyId: t.propertyId, complainantId: t.reporterId, actorId: input.actorId, ticketId: t.id,
      description, source,
    }, now);
    return ok({ ...filed, ticket: t.number });
  });
}
