// Dispatch within 5 minutes (emergency 2, DOMAIN step 3): a ticket still open at its dispatchDueAt
// is offered again (round + 1) and the on-duty supervisors are alerted; at night emergencies also
// go to the control room. After MAX_REOFFERS rounds the supervisors get a last "assign by hand"
// alert and the ticket stops escalating. A general job reported at night waits for office hours.
import type { Database, Tx } from "../../db/client.ts";
import { onDutyStaffAt, techniciansAt, type StaffAt } from "../staff.ts";
import { isOfficeHours, nextOfficeStart } from "../schedule.ts";
import { offeredEvent, offerNotices, offerTickets, planOffer, reachedOf, roundKind, type OfferPlan } from "../tickets/dispatch.ts";
import { onBoard } from "../tickets/group-board.ts";
import type { Category } from "../types.ts";
import { placeOf, viewInclude, withView } from "../tickets/view.ts";
import { addMinutes } from "../time.ts";
import {
  backoffSince, batchOf, calendarFor, claimDue, minutesBetween, nothingDue,
  type JobOptions, type Plan, type TickReport, type TickWrites, type Writes,
} from "./batch.ts";

/** Re-offer rounds after the first offer; the round after them only alerts. */
export const MAX_REOFFERS = 3;

type Due = Awaited<ReturnType<typeof findDue>>[number];

function findDue(database: Database, now: Date, take: number) {
  return database.sweep.findMany("ticket", {
    where: { status: "open", dispatchDueAt: { lte: now } },
    orderBy: [{ dispatchDueAt: "asc" }, { id: "asc" }], take, include: viewInclude,
  });
}

/** The claim: a general job at night waits for office hours; otherwise the next round (the last one only alerts). */
function plan(t: Due, now: Date, opts: JobOptions): Plan {
  const cal = calendarFor(t.property, opts);
  // unchanged since it was read (updatedAt): the offers go out from that read
  const where = { status: "open", dispatchLevel: t.dispatchLevel, dispatchDueAt: t.dispatchDueAt, updatedAt: t.updatedAt };
  if (!isOfficeHours(now, cal) && !t.emergency) return { where, data: { retryAt: null, dispatchDueAt: nextOfficeStart(now, cal) }, outcome: "held" };
  const round = t.dispatchLevel + 1;
  const every = t.emergency ? t.property.emergencyDispatchMin : t.property.dispatchTimeoutMin;
  return { where, data: { retryAt: null, dispatchLevel: round, dispatchDueAt: round > MAX_REOFFERS ? null : addMinutes(now, every) }, outcome: "done" };
}

/** What a won round offers: nothing (held for one technician or the desk, or the last round), the pool, or the next in turn. */
function offersOf(t: Due, now: Date, opts: JobOptions): "none" | "turn" | "pool" {
  try {
    return plan(t, now, opts).outcome === "done" && t.dispatchLevel + 1 <= MAX_REOFFERS ? roundKind(t, now) : "none";
  } catch {
    return "none"; // its plan throws again inside claimDue, which logs the item and pushes it later
  }
}

/** Rounds that stay on Prisma's path (in the claim's transaction): the next in turn alone, or a post on a group's board. */
const onPrismaPath = (t: Due, now: Date, opts: JobOptions) => {
  const kind = offersOf(t, now, opts);
  return kind === "turn" || (kind === "pool" && onBoard(t.property));
};

/** The supervisors' alert (on duty; at night, for an emergency, the control room too) and the round's event. */
function alert(
  t: Due, reached: number[], now: Date, opts: JobOptions, duty: StaffAt, w: Pick<Writes, "notifyAll" | "event">,
): void {
  const night = !isOfficeHours(now, calendarFor(t.property, opts));
  const round = t.dispatchLevel + 1;
  const final = round > MAX_REOFFERS;
  const alerted = [...duty(t.propertyId, "supervisor"), ...(night && t.emergency ? duty(t.propertyId, "control_room") : [])];
  // not broadcast: offered to one technician alone (their turn, or the desk's choice), or kept for the desk to assign
  const mode = t.property.dispatchMode;
  const held = t.assignDueAt && t.assignDueAt > now ? (mode === "round_robin" ? "turn" : "desk")
    : !t.emergency && mode === "assign" ? "queue" : "no";
  w.notifyAll(alerted, {
    key: final ? "dispatch-unassigned" : "dispatch-overdue",
    params: {
      number: t.number, place: placeOf(t), category: t.category, emergency: t.emergency ? "yes" : "no",
      minutes: minutesBetween(t.reportedAt, now), round, offered: reached.length, held,
    },
  });
  w.event({
    ticketId: t.id, actorId: null, action: final ? "dispatch-unassigned" : "dispatch-escalated", at: now,
    data: { round, offered: reached, alerted },
  });
}

/** Who a pool round may reach, read before the claim: the technicians on duty, their chats, the tickets' offers so far. */
async function poolReads(database: Database, tickets: Due[]) {
  if (tickets.length === 0) return { techniciansOf: () => [], reachable: new Set<number>(), offers: [] };
  const techniciansOf = await techniciansAt(database.sweep, tickets.map((t) => t.propertyId));
  const ids = [...new Set(tickets.flatMap((t) => techniciansOf(t.propertyId, t.category as Category, t.emergency)))];
  const people = ids.length === 0 ? []
    : await database.sweep.findMany("person", { where: { id: { in: ids }, telegramId: { not: null }, blockedAt: null } });
  const offers = await database.sweep.findMany("offer", { where: { ticketId: { in: tickets.map((t) => t.id) } } });
  return { techniciansOf, reachable: new Set(people.map((p) => p.id)), offers };
}

/** A won round on the sweep's path: the pool's offers (rows, messages, the "offered" event) written with the claim, then the alert. */
function write(
  t: Due, now: Date, opts: JobOptions, duty: StaffAt, pool: Awaited<ReturnType<typeof poolReads>>, w: TickWrites,
): void {
  let reached: number[] = [];
  if (offersOf(t, now, opts) === "pool") {
    const round = t.dispatchLevel + 1;
    const technicians = pool.techniciansOf(t.propertyId, t.category as Category, t.emergency);
    const p: OfferPlan = { ticketId: t.id, round, ...withView(t), ...planOffer({ ticketId: t.id }, technicians, pool.offers) };
    w.offer({
      ticketId: t.id, round,
      renew: p.again.map((id) => p.existing.get(id)!.id), create: p.toOffer.filter((id) => !p.existing.has(id)),
      notices: (offerIdOf) => offerNotices(p, offerIdOf, now),
    });
    w.event(offeredEvent(p, now));
    reached = reachedOf(p, (id) => pool.reachable.has(id));
  }
  alert(t, reached, now, opts, duty, w);
}

/** Re-offers the tickets won on Prisma's path (one batch for all) and alerts their properties' supervisors on duty. */
async function escalate(tx: Tx, tickets: Due[], now: Date, opts: JobOptions, duty: StaffAt, w: Writes): Promise<void> {
  if (tickets.length === 0) return;
  const rounds = tickets.filter((t) => t.dispatchLevel + 1 <= MAX_REOFFERS)
    .map((t) => ({ ticketId: t.id, round: t.dispatchLevel + 1, loaded: withView(t) }));
  const offered = await offerTickets(tx, rounds, now);
  for (const t of tickets) alert(t, offered.get(t.id) ?? [], now, opts, duty, w);
}

/** Reports of one tick's parts, added up. */
const sum = (a: TickReport, b: TickReport): TickReport => ({
  job: a.job, due: a.due + b.due, done: a.done + b.done, held: a.held + b.held, skipped: a.skipped + b.skipped, failed: a.failed + b.failed,
});

/**
 * One tick of the dispatch escalation. Most rounds (the pool's, the held ones, the last alerts) take
 * the sweep's path: reads before the claim, then the claims, offers, messages and events in one short
 * transaction. A round-robin turn and a group's board stay in the claim's transaction on Prisma's path.
 */
export async function runDispatchEscalation(database: Database, now: Date, opts: JobOptions = {}): Promise<TickReport> {
  if (!(await database.anyDue([{ table: "Ticket", column: "dispatchDueAt", status: ["open"], at: now }]))) return nothingDue("dispatch-escalation");
  const due = await findDue(database, now, batchOf(opts));
  // who is alerted, read before the claim on the sweep's path
  const duty = due.length === 0 ? () => [] : await onDutyStaffAt(database.sweep, due.map((t) => t.propertyId), ["supervisor", "control_room"]);
  const slow = due.filter((t) => onPrismaPath(t, now, opts));
  const fast = due.filter((t) => !onPrismaPath(t, now, opts));
  const pool = await poolReads(database, fast.filter((t) => offersOf(t, now, opts) === "pool"));
  const retry = async (t: Due) => {
    await database.db.ticket.updateMany({
      where: { id: t.id, status: "open", dispatchDueAt: t.dispatchDueAt },
      data: { dispatchDueAt: backoffSince(t.retryAt, now), retryAt: t.retryAt ?? now },
    });
  };
  const swept = await claimDue(database, fast, now, opts, {
    job: "dispatch-escalation", plan: (t) => plan(t, now, opts), retry,
    model: "ticket",
    write: (t, outcome, w) => { if (outcome === "done") write(t, now, opts, duty, pool, w); },
  });
  if (slow.length === 0) return swept;
  return sum(swept, await claimDue(database, slow, now, opts, {
    job: "dispatch-escalation", plan: (t) => plan(t, now, opts), retry,
    claim: (tx, where, data) => tx.ticket.updateManyAndReturn({ where, data, select: { id: true } }),
    actAll: (tx, won, w) => escalate(tx, won.filter((x) => x.outcome === "done").map((x) => x.item), now, opts, duty, w),
  }));
}
