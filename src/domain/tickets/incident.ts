// One incident for many reporters (public areas): a later report of the same public-area fault
// (same property, place and category, while the first is unfinished, within the property's window)
// is linked to the first report, its primary. A linked report is not dispatched; its reporter gets
// the primary's number and every progress message, and at completion a rating request of their own.
// The desk merges two tickets by hand, and unmerges one (with a reason) back into dispatch.
import type { Database, DbOrTx, Tx } from "../../db/client.ts";
import { logEvent } from "../events.ts";
import { notify, notifyEach, type Notice } from "../notify.ts";
import { holdsRoleAt } from "../staff.ts";
import { addMinutes } from "../time.ts";
import { err, ok, MAX_NOTE, type ErrorCode, type Result, type Role } from "../types.ts";
import { completionClock, completionDeadline, dispatchClock, reminderHours, UNFINISHED } from "./deadline.ts";
import { closeOtherOffers, offerTicket } from "./dispatch.ts";
import { noticeParams, placeOf, ticketView } from "./view.ts";

/** Minutes after the first report within which a same-place report joins it (a property may change it; 0 = never). */
export const DEFAULT_INCIDENT_WINDOW_MIN = 120;
/** The status of a report linked to an incident's primary: out of every queue and clock. */
export const LINKED = "linked";
/** Who may merge and unmerge tickets at a property. */
const MERGE_ROLES: Role[] = ["desk", "supervisor"];

/** A public-area place as compared: "3栋 1单元，电梯" and "3栋1单元电梯" are one place. */
export const placeKey = (s: string | null): string => (s ?? "").normalize("NFKC").toLowerCase().replace(/[\s\p{P}\p{S}]/gu, "");

/** The columns of a linked report: nothing of its own to dispatch, chase or complete. */
const linkedColumns = (primaryId: number) => ({
  status: LINKED, incidentOfId: primaryId, dispatchDueAt: null, dispatchLevel: 0, assignDueAt: null, offeredToId: null,
  assigneeId: null, acceptedAt: null, arrivedAt: null, arrivalDueAt: null, arrivalLevel: 0, appointmentDueAt: null,
  postponedUntil: null, completionDueAt: null, completionCheckAt: null, completionLevel: 0,
});

type Row = NonNullable<Awaited<ReturnType<Tx["ticket"]["findUnique"]>>>;

/** A new public-area report joins the unfinished first report of its place and category; the primary's number, or null. */
export async function linkAtReport(
  tx: Tx, t: Row, property: { incidentWindowMin: number | null }, now: Date,
): Promise<{ id: number; number: string } | null> {
  const window = property.incidentWindowMin ?? DEFAULT_INCIDENT_WINDOW_MIN;
  if (t.unitId !== null || window <= 0 || !placeKey(t.location)) return null;
  const candidates = await tx.ticket.findMany({
    where: {
      propertyId: t.propertyId, unitId: null, category: t.category, incidentOfId: null, id: { not: t.id },
      status: { in: UNFINISHED }, reportedAt: { gte: addMinutes(now, -window) },
    },
    orderBy: { id: "asc" },
  });
  // an emergency does not wait behind a general report of the same place
  const primary = candidates.find((c) => placeKey(c.location) === placeKey(t.location) && (c.emergency || !t.emergency));
  if (!primary) return null;
  await tx.ticket.update({ where: { id: t.id }, data: linkedColumns(primary.id) });
  await logEvent(tx, { ticketId: t.id, actorId: null, action: "incident-linked", at: now, data: { of: primary.number, auto: true } });
  await logEvent(tx, { ticketId: primary.id, actorId: null, action: "incident-joined", at: now, data: { from: t.number, auto: true } });
  return { id: primary.id, number: primary.number };
}

/** The reports linked to a primary that still follow it (not cancelled, not unmerged). */
export async function linkedReports(db: DbOrTx, primaryId: number, status = LINKED) {
  return db.ticket.findMany({ where: { incidentOfId: primaryId, status }, orderBy: { id: "asc" } });
}

/**
 * Tells every reporter of an incident: the primary's reporter, then each linked report's (once per
 * person). A function notice is given the ticket it is about (its buttons act on that ticket).
 * Returns whether the primary's reporter was reached.
 */
export async function notifyReporters(
  tx: DbOrTx, now: Date, primary: { id: number; reporterId: number }, notice: Notice | ((ticketId: number) => Notice), status = LINKED,
): Promise<boolean> {
  const of = (id: number) => (typeof notice === "function" ? notice(id) : notice);
  const reporters = (await reportersOf(tx, [primary], status)).get(primary.id)!;
  const reached = await notifyEach(tx, now, reporters.map((r) => [r.personId, of(r.ticketId)]));
  return reached.has(primary.reporterId);
}

/**
 * The reporters of many incidents in one read: per primary, its own reporter first, then each
 * linked report's (once per person), with the ticket each is about.
 */
export async function reportersOf(
  db: DbOrTx, primaries: { id: number; reporterId: number }[], status = LINKED,
): Promise<Map<number, { personId: number; ticketId: number }[]>> {
  const found = new Map(primaries.map((p) => [p.id, [{ personId: p.reporterId, ticketId: p.id }]]));
  if (primaries.length === 0) return found;
  const linked = await db.ticket.findMany({
    where: { incidentOfId: { in: primaries.map((p) => p.id) }, status }, orderBy: { id: "asc" },
    select: { id: true, incidentOfId: true, reporterId: true },
  });
  for (const l of linked) {
    const reporters = found.get(l.incidentOfId!)!;
    if (!reporters.some((r) => r.personId === l.reporterId)) reporters.push({ personId: l.reporterId, ticketId: l.id });
  }
  return found;
}

/**
 * The primary is done: each linked report is completed with it (the same technician, the same time)
 * and gets its own callback survey, due with the primary's; a reporter counted already gets none.
 * A reporter the bot cannot reach (a phone report) is due now: the desk's phone task, as for an unlinked one.
 */
export async function completeLinked(tx: Tx, primary: Row, primaryDueAt: Date, now: Date): Promise<void> {
  const linked = await linkedReports(tx, primary.id);
  const asked = new Set([primary.reporterId]);
  const inChat = new Set((await tx.person.findMany({
    where: { id: { in: linked.map((l) => l.reporterId) }, telegramId: { not: null }, blockedAt: null },
    select: { id: true },
  })).map((p) => p.id));
  for (const l of linked) {
    const dueAt = inChat.has(l.reporterId) ? primaryDueAt : now;
    const res = await tx.ticket.updateMany({
      where: { id: l.id, status: LINKED }, data: { status: "completed", completedAt: now, assigneeId: primary.assigneeId },
    });
    if (res.count === 0) continue;
    const once = !asked.has(l.reporterId);
    asked.add(l.reporterId);
    await tx.survey.upsert({
      where: { ticketId: l.id },
      create: { ticketId: l.id, status: once ? "scheduled" : "void", dueAt: once ? dueAt : null, createdAt: now },
      update: { status: once ? "scheduled" : "void", dueAt: once ? dueAt : null, attempts: 0, requestedAt: null, remindedAt: null, phoneTaskAt: null },
    });
    await logEvent(tx, { ticketId: l.id, actorId: primary.assigneeId, action: "completed", at: now, data: { incident: primary.number } });
  }
}

/** The primary is reopened ("not fixed"): linked reports not yet confirmed follow it again; their callbacks stop. */
export async function reopenLinked(tx: Tx, primary: { id: number; number: string }, now: Date): Promise<void> {
  for (const l of await linkedReports(tx, primary.id, "completed")) {
    await tx.ticket.update({ where: { id: l.id }, data: { status: LINKED, completedAt: null, assigneeId: null } });
    await tx.survey.updateMany({ where: { ticketId: l.id, status: { not: "answered" } }, data: { status: "void", dueAt: null } });
    await logEvent(tx, { ticketId: l.id, actorId: null, action: "reopened", at: now, data: { incident: primary.number } });
  }
}

/** The primary is cancelled by the desk: its linked reports end with it (their reporters were told). */
export async function cancelLinked(tx: Tx, primary: { id: number; number: string }, actorId: number, reason: string, now: Date): Promise<void> {
  for (const l of await linkedReports(tx, primary.id)) {
    await tx.ticket.update({ where: { id: l.id }, data: { status: "cancelled", cancelledAt: now } });
    await logEvent(tx, { ticketId: l.id, actorId, action: "cancelled", at: now, data: { reason, by: "staff", incident: primary.number } });
  }
}

/** The primary's own reporter withdrew: the oldest linked report becomes the incident's primary, back in dispatch. */
export async function handOverIncident(tx: Tx, primary: { id: number; number: string }, now: Date): Promise<void> {
  const [next, ...rest] = await linkedReports(tx, primary.id);
  if (!next) return;
  await tx.ticket.updateMany({ where: { id: { in: rest.map((r) => r.id) } }, data: { incidentOfId: next.id } });
  // read in this transaction a moment ago: changed since only by a concurrent press, which then rolls this back
  if (!(await backToDispatch(tx, next, now))) throw new Error(`incident ${primary.number}: ${next.number} changed meanwhile`);
  await logEvent(tx, { ticketId: next.id, actorId: null, action: "incident-primary", at: now, data: { from: primary.number, linked: rest.length } });
  // every reporter still following knew it as the first number: they are told the one it goes on under
  const params = { ...noticeParams((await ticketView(tx, next.id))!), old: primary.number };
  await notifyReporters(tx, now, next, { key: "owner-incident-renumbered", params });
}

/**
 * A linked report stands alone again: open, its own clocks from now, offered as a new report is.
 * Only while it is still linked to the same incident (null when something else changed it first).
 */
async function backToDispatch(tx: Tx, t: Row, now: Date): Promise<number[] | null> {
  const p = await tx.property.findUniqueOrThrow({ where: { id: t.propertyId } });
  const moved = await tx.ticket.updateMany({
    where: { id: t.id, status: LINKED, incidentOfId: t.incidentOfId },
    data: {
      status: "open", incidentOfId: null, ...dispatchClock(p, t.emergency, now),
      ...completionClock(now, completionDeadline(p, t.priority, t.unitId === null, now), reminderHours(p, t.emergency)),
    },
  });
  return moved.count === 0 ? null : offerTicket(tx, t.id, now, 0);
}

/** The primary of the ticket's incident (itself when it is not linked). */
export async function primaryOf(db: DbOrTx, t: Row): Promise<Row> {
  return t.incidentOfId ? (await db.ticket.findUnique({ where: { id: t.incidentOfId } })) ?? t : t;
}

async function mergeable(db: DbOrTx, actorId: number, ticketId: number): Promise<Result<Row>> {
  const t = await db.ticket.findUnique({ where: { id: ticketId } });
  if (!t) return err("NOT_FOUND");
  if (!(await holdsRoleAt(db, actorId, t.propertyId, MERGE_ROLES))) return err("FORBIDDEN");
  return ok(t);
}

/** A ticket of the property by its number, or by the end of it ("0007") when only one ends so. */
async function byNumber(db: DbOrTx, propertyId: number, raw: string): Promise<Row | null> {
  const q = raw.trim().toUpperCase();
  if (q.length < 3) return null;
  const rows = await db.ticket.findMany({ where: { propertyId, number: { endsWith: q } }, take: 2 });
  return rows.find((r) => r.number === q) ?? (rows.length === 1 ? rows[0]! : null);
}

/** The desk merges a ticket into another (by number) as one incident: the ticket stops being dispatched, its reporter follows the other. */
export async function mergeTickets(
  database: Database, input: { actorId: number; ticketId: number; into: string; reason?: string }, now: Date,
): Promise<Result<{ number: string; into: string }, ErrorCode | "MERGE_SELF" | "MERGE_OTHER_PROPERTY">> {
  const reason = (input.reason ?? "").trim();
  if (reason.length > MAX_NOTE) return err("INVALID_INPUT");
  return database.tx(async (tx) => {
    const r = await mergeable(tx, input.actorId, input.ticketId);
    if (!r.ok) return r;
    const t = r.value;
    const target = await byNumber(tx, t.propertyId, input.into);
    if (!target) {
      const number = input.into.trim().toUpperCase();
      const elsewhere = await tx.ticket.count({ where: { number, propertyId: { not: t.propertyId } } });
      return err(elsewhere > 0 ? "MERGE_OTHER_PROPERTY" : "INVALID_INPUT");
    }
    const primary = await primaryOf(tx, target);
    if (primary.id === t.id) return err("MERGE_SELF");
    if (t.incidentOfId !== null || !UNFINISHED.includes(t.status) || !UNFINISHED.includes(primary.status)) return err("INVALID_STATE");
    const moved = await tx.ticket.updateMany({ where: { id: t.id, status: t.status, incidentOfId: null }, data: linkedColumns(primary.id) });
    if (moved.count === 0) return err("INVALID_STATE");
    // its own followers follow the incident now, and are told so (the merge event remembers them for an unmerge)
    const followers = await linkedReports(tx, t.id);
    await tx.ticket.updateMany({ where: { incidentOfId: t.id }, data: { incidentOfId: primary.id } });
    const params = { ...noticeParams((await ticketView(tx, t.id))!), primary: primary.number };
    const followed = [...new Set(followers.map((f) => f.reporterId))].filter((id) => id !== t.reporterId);
    await notifyEach(tx, now, followed.map((id): [number, Notice] => [id, { key: "owner-linked", params }]));
    await closeOtherOffers(tx, t.id, null, now, "offer-merged", params);
    if (t.assigneeId) await notify(tx, now, t.assigneeId, { key: "tech-merged", params });
    const data = { into: primary.number, reason, followers: followers.map((f) => f.id) };
    await logEvent(tx, { ticketId: t.id, actorId: input.actorId, action: "merged", at: now, data });
    await logEvent(tx, { ticketId: primary.id, actorId: input.actorId, action: "incident-joined", at: now, data: { from: t.number, reason } });
    await notify(tx, now, t.reporterId, { key: "owner-linked", params });
    return ok({ number: t.number, into: primary.number });
  });
}

/** The desk takes a linked report out of its incident, with a reason: it is dispatched on its own. */
export async function unmergeTicket(
  database: Database, input: { actorId: number; ticketId: number; reason: string }, now: Date,
): Promise<Result<{ number: string; of: string; offered: number }>> {
  const reason = input.reason.trim();
  if (!reason || reason.length > MAX_NOTE) return err("INVALID_INPUT");
  return database.tx(async (tx) => {
    const r = await mergeable(tx, input.actorId, input.ticketId);
    if (!r.ok) return r;
    const t = r.value;
    if (t.status !== LINKED || t.incidentOfId === null) return err("INVALID_STATE");
    const primary = await tx.ticket.findUniqueOrThrow({ where: { id: t.incidentOfId } });
    const offered = await backToDispatch(tx, t, now);
    if (!offered) return err("INVALID_STATE");
    // the reports that followed it before a hand merge follow it again, if still with that incident
    const merged = await tx.event.findFirst({ where: { ticketId: t.id, action: "merged" }, orderBy: { id: "desc" } });
    const followers: number[] = merged ? (JSON.parse(merged.data) as { followers?: number[] }).followers ?? [] : [];
    await tx.ticket.updateMany({
      where: { id: { in: followers }, status: LINKED, incidentOfId: primary.id }, data: { incidentOfId: t.id },
    });
    await logEvent(tx, { ticketId: t.id, actorId: input.actorId, action: "unmerged", at: now, data: { from: primary.number, reason, offered } });
    await logEvent(tx, { ticketId: primary.id, actorId: input.actorId, action: "incident-left", at: now, data: { from: t.number, reason } });
    const params = { ...noticeParams((await ticketView(tx, t.id))!), reason };
    await notifyReporters(tx, now, t, { key: "owner-unlinked", params });
    return ok({ number: t.number, of: primary.number, offered: offered.length });
  });
}

/** For a staff card: the incident this ticket belongs to, or the reports linked to it. */
export async function incidentOfCard(db: DbOrTx, t: { id: number; incidentOfId: number | null }) {
  const primary = t.incidentOfId ? await db.ticket.findUnique({ where: { id: t.incidentOfId }, include: { unit: true } }) : null;
  const linked = await db.ticket.findMany({ where: { incidentOfId: t.id, status: { not: "cancelled" } }, orderBy: { id: "asc" }, select: { id: true, number: true } });
  return { incidentOf: primary ? { id: primary.id, number: primary.number, place: placeOf(primary) } : null, linked };
}

export const canMergeAt = (db: DbOrTx, personId: number, propertyId: number) => holdsRoleAt(db, personId, propertyId, MERGE_ROLES);

/** Tickets the desk may merge this one into: unfinished, same property and category, not linked themselves; newest first. */
export async function mergeCandidates(db: DbOrTx, actorId: number, ticketId: number, limit = 5): Promise<Result<{ number: string; place: string }[]>> {
  const r = await mergeable(db, actorId, ticketId);
  if (!r.ok) return r;
  const rows = await db.ticket.findMany({
    where: { propertyId: r.value.propertyId, category: r.value.category, incidentOfId: null, status: { in: UNFINISHED }, id: { not: ticketId } },
    include: { unit: true }, orderBy: { id: "desc" }, take: limit,
  });
  return ok(rows.map((t) => ({ number: t.number, place: placeOf(t) })));
}

/** The number a reporter knows their ticket by: a linked report's is its incident's first report's. */
export async function shownNumber(db: DbOrTx, t: { number: string; incidentOfId: number | null }): Promise<string> {
  if (t.incidentOfId === null) return t.number;
  return (await db.ticket.findUnique({ where: { id: t.incidentOfId }, select: { number: true } }))?.number ?? t.number;
}
