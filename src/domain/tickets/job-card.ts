// The technician's job card keeps its clock: the time left to the next deadline (arrival until the
// technician is on site, then completion), edited as it runs down, red at the breach with the
// supervisors who were alerted. The value is coarse (minutes under an hour, then about-hours, then
// about-days), so it changes - and the message is edited - at most once a minute, and a card an hour
// away costs one edit an hour. The scheduled job is src/domain/scheduled/job-cards.ts.
import type { Db, DbOrTx } from "../../db/client.ts";
import { authorize } from "../authorize.ts";
import { notify } from "../notify.ts";
import { recordSent, releaseClaims, rememberReply } from "../outbox.ts";
import { zoneOf } from "../schedule.ts";
import { formatLocal, zonedParts } from "../time.ts";
import { ACTIVE_WORK, ok, type ButtonIntent, type Result, type TicketStatus } from "../types.ts";
import { noticeParams, viewOf } from "./view.ts";

const MINUTE = 60_000;
/** The least time between two edits of one card. */
export const MIN_EDIT_MS = MINUTE;
/** What an ended card shows (its clock line is gone). */
export const ENDED = "ended";

/** The buttons of a job the technician holds. */
export const jobButtons = (ticketId: number): ButtonIntent[][] => [
  [{ label: "btn-arrived", action: "arrived", id: ticketId }, { label: "btn-done", action: "done", id: ticketId }],
  [{ label: "btn-cannot-finish", action: "cannot", id: ticketId }],
  [{ label: "btn-paid", action: "paid", id: ticketId }],
];

/** The ref of a technician's card of a ticket: edits find its newest message by it. */
export const cardRef = (ticketId: number, personId: number) => `job:${ticketId}:${personId}`;

export type ClockTicket = {
  status: string; arrivalDueAt: Date | null; arrivalLevel: number;
  completionDueAt: Date | null; completionLevel: number;
};
export type ClockParams = {
  clock: "arrival" | "completion" | "none"; late: "yes" | "no"; due: string; left: number; unit: "min" | "hour" | "day";
  alerted: string; alertedCount: number;
};
export type CardClock = {
  params: ClockParams;
  /** What the card shows, compared with what it showed last. */
  shown: string;
  /** When the shown value changes by itself (null: only an event of the ticket changes it). */
  changesAt: Date | null;
};

export type Deadline = { clock: "arrival" | "completion"; due: Date | null; late: boolean };

/** The deadline the card counts down to, and whether it has passed (see the watches' levels). */
export function nextDeadline(t: ClockTicket, now: Date): Deadline | null {
  if (t.status === "accepted" || t.status === "postponed") {
    // level 1+: the arrival watch has fired (and moved arrivalDueAt on to its own next step)
    if (t.arrivalLevel > 0) return { clock: "arrival", due: null, late: true };
    return t.arrivalDueAt ? { clock: "arrival", due: t.arrivalDueAt, late: t.arrivalDueAt <= now } : null;
  }
  if (t.status === "arrived" && t.completionDueAt) {
    return { clock: "completion", due: t.completionDueAt, late: t.completionLevel >= 2 || t.completionDueAt <= now };
  }
  return null;
}

/** The time left, coarse: whole minutes (rounded up) to an hour, then about-hours to 48, then about-days. */
export function timeLeft(due: Date, now: Date): { left: number; unit: ClockParams["unit"]; changesAt: Date } {
  const m = Math.ceil((due.getTime() - now.getTime()) / MINUTE);
  let left: number, unit: ClockParams["unit"], low: number;
  if (m <= 60) [left, unit, low] = [m, "min", m];
  else if (m <= 48 * 60) { left = Math.round(m / 60); unit = "hour"; low = Math.max(61, left * 60 - 30); }
  else { left = Math.round(m / 1440); unit = "day"; low = Math.max(48 * 60 + 1, left * 1440 - 720); }
  // the value holds while the minutes left (rounded up) are at least `low`
  return { left, unit, changesAt: new Date(due.getTime() - (low - 1) * MINUTE) };
}

/** "14:30" today on the property's clock, else "11-24 14:30". */
function clockTime(at: Date, now: Date, tz: string): string {
  const full = formatLocal(at, tz);
  const a = zonedParts(at, tz);
  const n = zonedParts(now, tz);
  return a.year === n.year && a.month === n.month && a.day === n.day ? full.slice(11) : full.slice(5);
}

/** The clock line of a card: what it shows now and when that changes. */
export function cardClock(t: ClockTicket, now: Date, tz: string, alerted: string[]): CardClock {
  const next = nextDeadline(t, now);
  const who = { alerted: alerted[0] ?? "", alertedCount: alerted.length };
  const base = { late: "no", due: "", left: 0, unit: "min", ...who } as const;
  if (!next) return { params: { ...base, clock: "none" }, shown: "none", changesAt: null };
  const due = next.due ? clockTime(next.due, now, tz) : "";
  if (next.late || !next.due) {
    const shown = `${next.clock}:late:${alerted.join(",")}`;
    return { params: { ...base, clock: next.clock, late: "yes", due }, shown, changesAt: null };
  }
  const { left, unit, changesAt } = timeLeft(next.due, now);
  const shown = `${next.clock}:${due}:${left}${unit}`;
  return { params: { ...base, clock: next.clock, due, left, unit }, shown, changesAt };
}

/** Names of the supervisors alerted at the breach of the card's deadline (none before it). */
export async function alertedAtBreach(db: DbOrTx, t: ClockTicket & { id: number }): Promise<string[]> {
  return (await alertedAtBreachOf(db, [t])).get(t.id) ?? [];
}

/** alertedAtBreach of many tickets in two reads (none when no deadline was breached); by ticket id. */
export async function alertedAtBreachOf(db: DbOrTx, tickets: (ClockTicket & { id: number })[]): Promise<Map<number, string[]>> {
  const actionOf = new Map<number, string>();
  for (const t of tickets) {
    const level = t.status === "arrived" ? t.completionLevel : t.arrivalLevel;
    if (level >= 2 && ACTIVE_WORK.includes(t.status as TicketStatus)) actionOf.set(t.id, t.status === "arrived" ? "completion-breached" : "arrival-overdue");
  }
  const found = new Map<number, string[]>();
  if (actionOf.size === 0) return found;
  const events = await db.event.findMany({
    where: { ticketId: { in: [...actionOf.keys()] }, action: { in: [...new Set(actionOf.values())] } },
    orderBy: { id: "desc" }, select: { ticketId: true, action: true, data: true },
  });
  const idsOf = new Map<number, number[]>();
  for (const e of events) {
    // the newest event of the ticket's own breach
    if (e.ticketId === null || idsOf.has(e.ticketId) || actionOf.get(e.ticketId) !== e.action) continue;
    idsOf.set(e.ticketId, (JSON.parse(e.data) as { supervisors?: number[] }).supervisors ?? []);
  }
  const all = [...new Set([...idsOf.values()].flat())];
  if (all.length === 0) return found;
  const people = await db.person.findMany({ where: { id: { in: all } }, select: { id: true, name: true } });
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  for (const [ticketId, ids] of idsOf) found.set(ticketId, ids.flatMap((id) => (nameOf.has(id) ? [nameOf.get(id)!] : [])));
  return found;
}

type CardTicket = Parameters<typeof viewOf>[0] & ClockTicket & { phone: string };

/** Everything a card message says: the ticket, the owner's phone and the clock line. */
export function cardParams(t: CardTicket, clock: ClockParams): Record<string, string | number> {
  return { ...noticeParams(viewOf(t)), phone: t.phone, ...clock };
}

export type OpenCard = {
  params: Record<string, string | number>; buttons: ButtonIntent[][];
  card: {
    ticketId: number; personId: number; shown: string; nextEditAt: Date | null;
    /** What an older card message of the job shows once this one takes over: no clock. */
    stale: Record<string, string | number>;
  };
};

/** A job card for the technician who holds the job (see authorize), with its clock as of `now`. */
export async function openJobCard(
  db: DbOrTx, technicianId: number, ticketId: number, now: Date,
): Promise<Result<OpenCard>> {
  const allowed = await authorize(db, technicianId, ticketId, "job");
  if (!allowed.ok) return allowed;
  const include = { unit: true, property: true, assignee: true } as const;
  const t = await db.ticket.findUniqueOrThrow({ where: { id: ticketId }, include });
  const clock = cardClock(t, now, zoneOf(t.property), await alertedAtBreach(db, t));
  return ok({
    params: cardParams(t, clock.params), buttons: jobButtons(ticketId),
    card: {
      ticketId, personId: technicianId, shown: clock.shown, nextEditAt: clock.changesAt,
      stale: cardParams(t, { ...clock.params, clock: "none" }),
    },
  });
}

/** The card went out as `messageId`: its clock runs from now on (a newer card of the job takes over). */
export async function jobCardShown(
  db: Db, card: OpenCard["card"], sent: { chatId: number; messageId: number }, now: Date,
): Promise<void> {
  const ref = cardRef(card.ticketId, card.personId);
  // the card shown before keeps no clock that nobody edits any more: it gets a ref of its own and
  // one edit without the clock line (its buttons still work)
  const older = await db.outbox.findFirst({
    where: { ref, status: "sent", messageId: { not: null } }, orderBy: { id: "desc" },
  });
  if (older) {
    const olderRef = `${ref}:${older.id}`;
    await db.outbox.updateMany({ where: { ref, status: "sent" }, data: { ref: olderRef } });
    const buttons = jobButtons(card.ticketId);
    const edit = { kind: "edit", ref: olderRef, key: "job-card", params: card.stale, buttons } as const;
    await notify(db, now, card.personId, edit);
  }
  const reply = { chatId: sent.chatId, personId: card.personId, key: "job-card", ref, messageId: sent.messageId, now };
  await rememberReply(db, reply);
  const state = { shown: card.shown, nextEditAt: card.nextEditAt, editedAt: now, endedAt: null };
  await db.jobCard.upsert({
    where: { ticketId_personId: { ticketId: card.ticketId, personId: card.personId } },
    create: { ticketId: card.ticketId, personId: card.personId, ref, createdAt: now, ...state },
    update: state,
  });
}

/** How long the accept's reply holds its card row before the sender may send it (beyond a reply's retries). */
const REPLY_HOLD_MS = 60_000;

export type QueuedCard = { outboxId: number; params: Record<string, string | number>; buttons: ButtonIntent[][] };

/**
 * The card of a job just accepted, written in the accept's transaction: an outbox row held for the
 * reply that sends it at once (cardSent), and the card's clock. A process killed before that reply
 * loses nothing: the hold expires and the sender sends the card.
 */
export async function queueJobCard(
  tx: DbOrTx, t: CardTicket & { id: number; property: Parameters<typeof zoneOf>[0] },
  technician: { id: number; telegramId: bigint | null }, now: Date,
): Promise<QueuedCard | null> {
  if (technician.telegramId === null) return null;
  const clock = cardClock(t, now, zoneOf(t.property), []); // no breach yet: the job was just taken
  const params = cardParams(t, clock.params);
  const buttons = jobButtons(t.id);
  const ref = cardRef(t.id, technician.id);
  const row = await tx.outbox.create({
    data: {
      chatId: technician.telegramId, personId: technician.id, key: "job-card-accepted", params: JSON.stringify(params),
      buttons: JSON.stringify(buttons), ref, status: "sending", lockedUntil: new Date(now.getTime() + REPLY_HOLD_MS),
      claimedBy: "reply", dueAt: now, createdAt: now,
    },
    select: { id: true },
  });
  const state = { shown: clock.shown, nextEditAt: clock.changesAt, editedAt: now, endedAt: null };
  await tx.jobCard.upsert({
    where: { ticketId_personId: { ticketId: t.id, personId: technician.id } },
    create: { ticketId: t.id, personId: technician.id, ref, createdAt: now, ...state },
    update: state,
  });
  return { outboxId: row.id, params, buttons };
}

/** The accept's reply sent the queued card (its message id), or could not: the sender sends it now. */
export async function cardSent(db: Db, outboxId: number, messageId: number | null, now: Date): Promise<void> {
  if (messageId === null) await releaseClaims(db, [outboxId]);
  else await recordSent(db, now, [{ id: outboxId, messageId }]);
}

/** Events after which a card shows something else (a step, a new deadline, a breach, the end). */
const CARD_EVENTS = new Set([
  "arrived", "completed", "postponed", "cancelled", "released", "reassigned", "returned-to-pool",
  "priority-changed", "arrival-overdue", "completion-breached", "reopened", "merged",
]);

/** The ticket's live cards look again at the next tick (called for every ticket event). */
export async function wakeJobCards(db: DbOrTx, ticketId: number, action: string, now: Date): Promise<void> {
  if (!CARD_EVENTS.has(action)) return;
  await db.jobCard.updateMany({ where: { ticketId, endedAt: null }, data: { nextEditAt: now } });
}

/** The job cards that events wake: the tickets' ids per event time (see wakeJobCards). */
export function cardWakes(events: { ticketId?: number | null; action: string; at: Date }[]): { ticketIds: number[]; at: Date }[] {
  const byTime = new Map<number, Set<number>>();
  for (const e of events) {
    if (!e.ticketId || !CARD_EVENTS.has(e.action)) continue;
    byTime.set(e.at.getTime(), (byTime.get(e.at.getTime()) ?? new Set()).add(e.ticketId));
  }
  return [...byTime].map(([at, ids]) => ({ ticketIds: [...ids], at: new Date(at) }));
}

/** wakeJobCards for many events at once (a scheduled job's tick): one statement per distinct time. */
export async function wakeJobCardsOf(db: DbOrTx, events: { ticketId?: number | null; action: string; at: Date }[]): Promise<void> {
  for (const { ticketIds, at } of cardWakes(events)) {
    await db.jobCard.updateMany({ where: { ticketId: { in: ticketIds }, endedAt: null }, data: { nextEditAt: at } });
  }
}
