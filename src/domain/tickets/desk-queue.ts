// The console's queue (issue 20): a property's unfinished tickets as one table, what needs the desk
// first (not accepted, or past a clock: oldest first), then the rest oldest first; filters by group,
// category, technician and priority; the count of every group. Each line carries the clock that runs
// now (dispatch, arrival or completion) with its minutes left (negative: overdue).
import type { DbOrTx } from "../../db/client.ts";
import { DISPATCH_MINUTES } from "../figures/headline.ts";
import { holdsRoleAt, OFFICE_ROLES } from "../staff.ts";
import { addMinutes } from "../time.ts";
import { ACTIVE_WORK, err, ok, type Result, type TicketStatus } from "../types.ts";
import { groupCounts, groupWhere, type QueueGroup } from "./queue.ts";
import { placeOf } from "./view.ts";

/** Lines shown at most (the rest are counted): a desk works from the top. */
export const DESK_QUEUE_LIMIT = 50;

export type DeskFilter = {
  group?: QueueGroup; category?: string; technicianId?: number; priority?: string;
  /** The property's technicians for the filter too (the page asks once per property). */
  withTechnicians?: boolean;
};
export type DeskClock = { kind: "dispatch" | "arrival" | "completion"; dueAt: string; minutesLeft: number };
export type DeskLine = {
  id: number; number: string; place: string; category: string; status: TicketStatus; priority: string;
  reportedAt: string; ageMin: number; clock: DeskClock | null; technician: string; technicianId: number | null;
  emergency: boolean; needsDesk: boolean;
  flags: { rework: boolean; incident: number; paid: boolean; urged: number; late: boolean };
};
export type DeskQueue = {
  propertyId: number; counts: Record<QueueGroup, number>;
  total: number; lines: DeskLine[]; technicians: { id: number; name: string }[];
};

const pastClock = (now: Date) => [{ arrivalDueAt: { lte: now } }, { completionDueAt: { lte: now } }];
const minutesBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / 60_000);

type Row = {
  id: number; number: string; category: string; status: string; priority: string; reportedAt: Date; emergency: boolean;
  arrivalDueAt: Date | null; appointmentDueAt: Date | null; completionDueAt: Date | null; assigneeId: number | null;
  reworkOfId: number | null; chargeable: boolean; urgeCount: number; completionLevel: number; location: string | null;
  unit: { building: string; entrance: string; room: string } | null; assignee: { name: string } | null;
};

/** The columns a line shows (not the description, photos, …). */
const SELECT = {
  id: true, number: true, category: true, status: true, priority: true, reportedAt: true, emergency: true,
  arrivalDueAt: true, appointmentDueAt: true, completionDueAt: true, assigneeId: true, reworkOfId: true,
  chargeable: true, urgeCount: true, completionLevel: true, location: true,
  unit: { select: { building: true, entrance: true, room: true } }, assignee: { select: { name: true } },
} as const;

/** The clock that runs now: dispatch while open, arrival until on site, then completion. */
function clockOf(t: Row, now: Date): DeskClock | null {
  const due = t.status === "open" ? addMinutes(t.reportedAt, DISPATCH_MINUTES)
    : t.status === "arrived" ? t.completionDueAt
    : t.appointmentDueAt ?? t.arrivalDueAt ?? t.completionDueAt;
  if (!due) return null;
  const kind = t.status === "open" ? "dispatch"
    : t.status === "arrived" || due === t.completionDueAt ? "completion" : "arrival";
  return { kind, dueAt: due.toISOString(), minutesLeft: minutesBetween(now, due) };
}

function lineOf(t: Row, now: Date, linked: Map<number, number>): DeskLine {
  const past = (d: Date | null) => d !== null && d <= now;
  const active = (ACTIVE_WORK as string[]).includes(t.status);
  return {
    id: t.id, number: t.number, place: placeOf(t), category: t.category, status: t.status as TicketStatus,
    priority: t.priority, reportedAt: t.reportedAt.toISOString(), ageMin: minutesBetween(t.reportedAt, now),
    clock: clockOf(t, now), technician: t.assignee?.name ?? "", technicianId: t.assigneeId, emergency: t.emergency,
    needsDesk: t.status === "open" || (active && (past(t.arrivalDueAt) || past(t.completionDueAt))),
    flags: {
      rework: t.reworkOfId !== null, incident: linked.get(t.id) ?? 0, paid: t.chargeable, urged: t.urgeCount,
      late: t.completionLevel >= 2,
    },
  };
}

/** The console's queue of one property, for its desk, supervisors and control room. */
export async function deskQueue(
  db: DbOrTx, personId: number, propertyId: number, filter: DeskFilter, now: Date,
): Promise<Result<DeskQueue>> {
  if (!(await holdsRoleAt(db, personId, propertyId, OFFICE_ROLES))) return err("FORBIDDEN");
  const narrow = {
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.technicianId ? { assigneeId: filter.technicianId } : {}),
    ...(filter.priority ? { priority: filter.priority } : {}),
  };
  const include = SELECT;
  const asc = { reportedAt: "asc" } as const;
  // the counts first: unnarrowed, the group's count (or all unfinished) is the total too
  const { counts, unfinished } = await groupCounts(db, propertyId, now);
  const narrowed = Object.keys(narrow).length > 0;
  let rows: Row[];
  let total: number;
  if (filter.group) {
    const where = { ...groupWhere(propertyId, filter.group, now), ...narrow };
    rows = await db.ticket.findMany({ where, select: include, orderBy: asc, take: DESK_QUEUE_LIMIT });
    total = rows.length < DESK_QUEUE_LIMIT ? rows.length
      : narrowed ? await db.ticket.count({ where }) : counts[filter.group];
  } else {
    const late = { status: { in: ACTIVE_WORK }, OR: pastClock(now) };
    const needs = { propertyId, ...narrow, OR: [{ status: "open" }, late] };
    const rest = { propertyId, ...narrow, status: { in: ACTIVE_WORK }, NOT: { OR: pastClock(now) } };
    const first = await db.ticket.findMany({ where: needs, select: include, orderBy: asc, take: DESK_QUEUE_LIMIT });
    const more = DESK_QUEUE_LIMIT - first.length;
    const then = more > 0 ? await db.ticket.findMany({ where: rest, select: include, orderBy: asc, take: more }) : [];
    rows = [...first, ...then];
    total = rows.length < DESK_QUEUE_LIMIT ? rows.length : !narrowed ? unfinished
      : await db.ticket.count({ where: { propertyId, ...narrow, status: { in: ["open", ...ACTIVE_WORK] } } });
  }
  // only public-area reports gather others into one incident
  const ids = rows.filter((r) => r.unit === null).map((r) => r.id);
  const linked = ids.length === 0 ? [] : await db.ticket.groupBy({
    by: ["incidentOfId"], where: { incidentOfId: { in: ids }, status: "linked" }, _count: true,
  });
  const technicians = !filter.withTechnicians ? [] : await db.roleGrant.findMany({
    where: { role: "technician", revokedAt: null, OR: [{ propertyId }, { propertyId: null }] },
    select: { person: { select: { id: true, name: true } } }, orderBy: { personId: "asc" },
  });
  const incident = new Map(linked.map((l) => [l.incidentOfId!, l._count]));
  return ok({
    propertyId, counts,
    total, lines: rows.map((r) => lineOf(r, now, incident)),
    technicians: [...new Map(technicians.map((g) => [g.person.id, g.person])).values()],
  });
}

/**
 * What the queue's answer depends on besides the minute and the filter, read in one cheap statement
 * pair: the property's tickets (how many, the last change: every ticket write sets updatedAt) and the
 * waiting phone callbacks (how many, the newest). The same stamp at the same minute means the same
 * answer, so an unchanged poll is answered 304 without building the list. (A technician renamed
 * shows at the next change of a ticket or minute.)
 */
export async function deskQueueStamp(db: DbOrTx, personId: number, propertyId: number): Promise<Result<string>> {
  if (!(await holdsRoleAt(db, personId, propertyId, OFFICE_ROLES))) return err("FORBIDDEN");
  const tickets = await db.ticket.aggregate({ where: { propertyId }, _count: true, _max: { updatedAt: true } });
  // every property's waiting callbacks (a few rows by the status index): another property's only costs a body
  const phone = await db.survey.aggregate({ where: { status: "phone" }, _count: true, _max: { phoneTaskAt: true } });
  const at = (d: Date | null | undefined) => d?.getTime() ?? 0;
  return ok(`${tickets._count}.${at(tickets._max.updatedAt)}.${phone._count}.${at(phone._max.phoneTaskAt)}`);
}
