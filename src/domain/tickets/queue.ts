// The office's live queue (seed 002 §3.1.4, §3.3.1): a property's open tickets grouped by what
// needs a person now, newest trouble first, paged; a ticket's card; /find by number, home or phone.
import type { DbOrTx } from "../../db/client.ts";
import { zoneOf } from "../schedule.ts";
import { holdsRoleAt, OFFICE_ROLES } from "../staff.ts";
import { formatLocal } from "../time.ts";
import { ACTIVE_WORK, err, ok, STAFF_ROLES, type Result, type TicketStatus } from "../types.ts";
import { normalizePhone } from "./report.ts";
import { UNFINISHED } from "./deadline.ts";
import { canMergeAt, incidentOfCard, LINKED } from "./incident.ts";
import { placeOf, ticketView, timeline, type TicketView, type TimelineEntry } from "./view.ts";

export const QUEUE_GROUPS = ["unaccepted", "not_arrived", "overdue", "waiting_owner", "phone"] as const;
export type QueueGroup = (typeof QUEUE_GROUPS)[number];
export const isQueueGroup = (s: string): s is QueueGroup => (QUEUE_GROUPS as readonly string[]).includes(s);
export const PAGE_SIZE = 8;

/** Past its arrival or its completion clock. */
const pastClock = (now: Date) => [{ arrivalDueAt: { lte: now } }, { completionDueAt: { lte: now } }];

/** The tickets of one group (a Prisma where on Ticket). */
export function groupWhere(propertyId: number, group: QueueGroup, now: Date) {
  switch (group) {
    case "unaccepted": return { propertyId, status: "open" };
    case "not_arrived": return { propertyId, status: { in: ["accepted", "postponed"] }, NOT: { OR: pastClock(now) } };
    case "overdue": return { propertyId, status: { in: ACTIVE_WORK }, OR: pastClock(now) };
    case "waiting_owner": return { propertyId, status: "completed" };
    case "phone": return { propertyId, status: { in: ["completed", "closed"] }, survey: { status: "phone" } };
  }
}

export type QueueLine = {
  id: number; number: string; place: string; category: string; emergency: boolean; status: TicketStatus;
  reportedAt: string; assignee: string; reworkOfId: number | null; priority: string; urges: number; late: boolean;
};
const lineInclude = { unit: true, assignee: true, property: true } as const;
type LineRow = {
  id: number; number: string; category: string; emergency: boolean; status: string; reportedAt: Date; reworkOfId: number | null;
  priority: string; urgeCount: number; completionLevel: number;
  location: string | null; unit: { building: string; entrance: string; room: string } | null;
  assignee: { name: string } | null; property: { timezone: string | null };
};
const lineOf = (t: LineRow): QueueLine => ({
  id: t.id, number: t.number, place: placeOf(t), category: t.category, emergency: t.emergency, status: t.status as TicketStatus,
  reportedAt: formatLocal(t.reportedAt, zoneOf(t.property)), assignee: t.assignee?.name ?? "", reworkOfId: t.reworkOfId,
  priority: t.priority, urges: t.urgeCount, late: t.completionLevel >= 2,
});

export type Queue = {
  propertyId: number; propertyName: string; group: QueueGroup; page: number; pages: number;
  counts: Record<QueueGroup, number>; lines: QueueLine[];
};

/** The properties where the person may use the queue (the first is shown by default). */
async function queueProperties(db: DbOrTx, personId: number): Promise<{ id: number; name: string; timezone: string | null }[]> {
  const grants = await db.roleGrant.findMany({ where: { personId, role: { in: OFFICE_ROLES }, revokedAt: null } });
  if (grants.length === 0) return [];
  const global = grants.some((g) => g.propertyId === null);
  return db.property.findMany({
    where: global ? {} : { id: { in: grants.map((g) => g.propertyId!) } }, select: { id: true, name: true, timezone: true }, orderBy: { id: "asc" },
  });
}

/** Every group's count in four statements: per status, not arrived, past a clock, phone tasks. */
export const countGroups = async (db: DbOrTx, propertyId: number, now: Date): Promise<Record<QueueGroup, number>> =>
  (await groupCounts(db, propertyId, now)).counts;

/** The count of every group, and of the unfinished tickets (open or at work) from the same statement. */
export async function groupCounts(
  db: DbOrTx, propertyId: number, now: Date,
): Promise<{ counts: Record<QueueGroup, number>; unfinished: number }> {
  const byStatus = await db.ticket.groupBy({
    by: ["status"], where: { propertyId, status: { in: ["open", "completed", ...ACTIVE_WORK] } }, _count: true,
  });
  const n = (status: string) => byStatus.find((r) => r.status === status)?._count ?? 0;
  const count = (g: QueueGroup) => db.ticket.count({ where: groupWhere(propertyId, g, now) });
  const counts = {
    unaccepted: n("open"), not_arrived: await count("not_arrived"), overdue: await count("overdue"),
    waiting_owner: n("completed"), phone: await count("phone"),
  };
  return { counts, unfinished: n("open") + ACTIVE_WORK.reduce((sum, s) => sum + n(s), 0) };
}

/** One page of one group of a property's queue, with the count of every group. */
export async function queueOf(
  db: DbOrTx, personId: number, at: { propertyId?: number; group?: QueueGroup; page?: number }, now: Date,
): Promise<Result<Queue>> {
  const properties = await queueProperties(db, personId);
  const property = at.propertyId === undefined ? properties[0] : properties.find((p) => p.id === at.propertyId);
  if (!property) return err("FORBIDDEN");
  const counts = await countGroups(db, property.id, now);
  const group = at.group ?? QUEUE_GROUPS.find((g) => counts[g] > 0) ?? "unaccepted";
  const pages = Math.max(1, Math.ceil(counts[group] / PAGE_SIZE));
  const page = Math.min(Math.max(0, at.page ?? 0), pages - 1);
  const rows = await db.ticket.findMany({
    where: groupWhere(property.id, group, now), include: { unit: true, assignee: true },
    orderBy: { reportedAt: "desc" }, skip: page * PAGE_SIZE, take: PAGE_SIZE,
  });
  return ok({ propertyId: property.id, propertyName: property.name, group, page, pages, counts, lines: rows.map((t) => lineOf({ ...t, property })) });
}

export type TicketCard = {
  ticket: TicketView; timeline: TimelineEntry[]; channel: string; registeredBy: string; owner: string; ownerPhone: string;
  reworkOf: string; priority: string; urges: number; deadline: string; late: boolean; canAct: boolean; canAssign: boolean; canReassign: boolean; canCancel: boolean;
  /** One incident for many reporters: the first report this one follows, and the reports that follow this one. */
  incidentOf: { id: number; number: string } | null; linked: { id: number; number: string }[];
  canMerge: boolean; canUnmerge: boolean;
  /** The desk's 催办: a technician holds (or is offered) the unfinished job. */
  canChase: boolean;
};

/** A ticket for its property's staff: the view, the timeline, the owner and what may be done now. */
export async function ticketCard(db: DbOrTx, personId: number, ticketId: number): Promise<Result<TicketCard>> {
  const t = await db.ticket.findUnique({ where: { id: ticketId }, include: { reporter: true, property: true } });
  if (!t || !(await holdsRoleAt(db, personId, t.propertyId, STAFF_ROLES))) return err("NOT_FOUND");
  const canAct = await holdsRoleAt(db, personId, t.propertyId, OFFICE_ROLES);
  const registeredBy = t.registeredById ? (await db.person.findUnique({ where: { id: t.registeredById } }))?.name ?? "" : "";
  const reworkOf = t.reworkOfId ? (await db.ticket.findUnique({ where: { id: t.reworkOfId } }))?.number ?? "" : "";
  const status = t.status as TicketStatus;
  const { incidentOf, linked } = await incidentOfCard(db, t);
  const merger = await canMergeAt(db, personId, t.propertyId);
  return ok({
    incidentOf, linked,
    canMerge: merger && t.incidentOfId === null && UNFINISHED.includes(status),
    canUnmerge: merger && status === LINKED,
    ticket: (await ticketView(db, ticketId))!, timeline: await timeline(db, ticketId), channel: t.channel,
    registeredBy, owner: t.reporter.name, ownerPhone: t.phone || t.reporter.phone || "", reworkOf, canAct,
    priority: t.priority, urges: t.urgeCount, late: t.completionLevel >= 2,
    deadline: t.completionDueAt ? formatLocal(t.completionDueAt, zoneOf(t.property)) : "-",
    canAssign: canAct && status === "open",
    canReassign: canAct && ACTIVE_WORK.includes(status),
    canCancel: canAct && UNFINISHED.includes(status),
    canChase: canAct && UNFINISHED.includes(status) && (t.assigneeId ?? t.offeredToId) !== null,
  });
}

/** Tickets of the person's properties by number (or its end), home label, or phone; newest first. */
export async function findTickets(db: DbOrTx, personId: number, query: string, limit = 10): Promise<Result<QueueLine[]>> {
  // the office only (README): technicians do not search the property's owners and histories
  const grants = await db.roleGrant.findMany({ where: { personId, role: { in: OFFICE_ROLES }, revokedAt: null } });
  if (grants.length === 0) return err("FORBIDDEN");
  const scope = grants.some((g) => g.propertyId === null) ? {} : { propertyId: { in: grants.map((g) => g.propertyId!) } };
  const q = query.trim();
  const label = /^([^\s-]+)-([^\s-]+)-([^\s-]+)$/.exec(q);
  const phone = normalizePhone(q);
  // a number's end is letters, digits and dashes only: "%" or "_" would match every ticket (LIKE)
  const where = phone ? { phone }
    : label && !/^[A-Za-z]+-\d{8}-\d+$/.test(q) ? { unit: { building: label[1]!, entrance: label[2]!, room: label[3]! } }
    : /^[A-Za-z0-9-]{3,}$/.test(q) && /\d/.test(q) ? { number: { endsWith: q.toUpperCase() } } : null;
  if (!where) return err("INVALID_INPUT");
  const rows = await db.ticket.findMany({
    where: { ...scope, ...where }, include: lineInclude, orderBy: { id: "desc" }, take: limit,
  });
  return ok(rows.map(lineOf));
}
