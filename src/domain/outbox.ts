// The outbox's data (the bot's sender renders and sends; this module decides what is due, claims
// it and keeps the books). Rows are claimed in one statement per batch with a conditional update,
// so two senders never send a row twice; a crashed sender's claim expires after CLAIM_MS (the
// sender renews its claims while a send takes long), so a message in flight at a kill -9 goes again
// within seconds: at least once, at most twice.
import type { Db } from "../db/client.ts";
import { notifyAll } from "./notify.ts";
import { staffOf } from "./staff.ts";

/** How long a claim holds before another sender may take the row over (renewed while sending). */
export const CLAIM_MS = 10_000;
const BACKOFF_BASE_MS = 5_000;
/** No retry waits longer: after Telegram recovers, queued notices go out within a minute. */
const BACKOFF_CAP_MS = 60_000;
/** How long a notification is retried through 5xx and network failures before the desk is told. */
export const DEFAULT_GIVE_UP_MS = 24 * 3_600_000;

export type OutboxRow = {
  id: number; chatId: bigint; personId: number | null; kind: string; key: string; params: string; buttons: string;
  photos: string; ref: string | null; attempts: number; createdAt: Date;
  /** The recipient's language (null: no person row). */
  language: string | null;
  /** For an `edit`: the message it changes (caption: a photo sent with the text as its caption). */
  original: { messageId: number; caption: boolean } | null;
};

const FIELDS = {
  id: true, chatId: true, personId: true, kind: true, key: true, params: true, buttons: true, photos: true, ref: true,
  attempts: true, createdAt: true, status: true, lockedUntil: true,
} as const;
const QUEUED = ["pending", "sending"];

/** 5 s, 10 s, 20 s … capped at 60 s, for the n-th failed attempt (n ≥ 1). */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/** Pending rows already due (for logs and the bench). */
export function outboxBacklog(db: Db, now: Date): Promise<number> {
  return db.outbox.count({ where: { status: "pending", dueAt: { lte: now } } });
}

export type ClaimOptions = {
  /** Unique per claim (a sender tick): marks the rows this claim got. */
  holder: string;
  limit: number;
  /** Due rows read to find `limit` chats that may be sent to. */
  scan: number;
  /** False for a chat that must wait (its per-chat interval or its own 429). */
  chatReady: (chat: string) => boolean;
};

/**
 * Claims up to `limit` due rows, at most one per chat and always that chat's oldest (per-chat order
 * holds); chats another sender is writing to are left alone. An edit whose original is still
 * queued waits for it (the original goes first, even if due later).
 */
export async function claimDue(db: Db, now: Date, o: ClaimOptions): Promise<OutboxRow[]> {
  const due = await db.outbox.findMany({
    where: { dueAt: { lte: now }, status: { in: QUEUED } },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }], take: o.scan, select: FIELDS,
  });
  // Per chat its oldest row by id (a row due again after a 429 comes before newer ones), chats in
  // the order their first row is due; a chat with a live claim belongs to another sender.
  const firstOf = new Map<string, (typeof due)[number] | null>();
  for (const row of due) {
    const chat = String(row.chatId);
    const busy = row.status === "sending" && row.lockedUntil !== null && row.lockedUntil >= now;
    const first = firstOf.get(chat);
    if (busy || first === null) firstOf.set(chat, null);
    else if (first === undefined || row.id < first.id) firstOf.set(chat, row);
  }
  let picks: typeof due = [];
  for (const [chat, row] of firstOf) {
    if (picks.length >= o.limit) break;
    if (row && o.chatReady(chat)) picks.push(row);
  }
  // A chat whose older row waits (a 429, a backoff, the text after its photos) sends nothing newer.
  const chats = [...new Set(picks.map((r) => r.chatId))];
  const held = picks.length === 0 ? [] : await db.outbox.findMany({
    where: { chatId: { in: chats }, status: { in: QUEUED }, dueAt: { gt: now } }, select: { id: true, chatId: true },
  });
  if (held.length > 0) picks = picks.filter((r) => !held.some((x) => x.chatId === r.chatId && x.id < r.id));
  const refs = [...new Set(picks.filter((r) => r.kind === "edit" && r.ref !== null).map((r) => r.ref!))];
  const originals = refs.length === 0 ? [] : await db.outbox.findMany({
    where: { ref: { in: refs }, kind: "send" }, orderBy: { id: "asc" },
    select: { ...FIELDS, status: true, messageId: true, dueAt: true },
  });
  const originalOf = new Map<number, OutboxRow["original"]>();
  picks = picks.flatMap((row) => {
    if (row.kind !== "edit" || row.ref === null) return [row];
    const mine = originals.filter((x) => x.ref === row.ref && x.chatId === row.chatId && x.id < row.id);
    const queued = mine.find((x) => QUEUED.includes(x.status));
    if (queued) return queued.dueAt <= now && queued.status === "pending" ? [queued] : [];
    const sent = mine.filter((x) => x.status === "sent" && x.messageId !== null).at(-1);
    originalOf.set(row.id, sent ? { messageId: sent.messageId!, caption: sent.photos !== "[]" } : null);
    return [row];
  });
  if (picks.length === 0) return [];

  const ids = picks.map((r) => r.id);
  const claimed = await db.outbox.updateMany({
    where: { id: { in: ids }, OR: [{ status: "pending" }, { status: "sending", lockedUntil: { lt: now } }] },
    data: { status: "sending", lockedUntil: new Date(now.getTime() + CLAIM_MS), claimedBy: o.holder },
  });
  let mine = picks;
  if (claimed.count < ids.length) {
    const got = await db.outbox.findMany({
      where: { id: { in: ids }, claimedBy: o.holder, status: "sending" }, select: { id: true },
    });
    const gotIds = new Set(got.map((r) => r.id));
    mine = picks.filter((r) => gotIds.has(r.id));
  }
  const personIds = [...new Set(mine.flatMap((r) => (r.personId === null ? [] : [r.personId])))];
  const people = personIds.length === 0 ? [] : await db.person.findMany({
    where: { id: { in: personIds } }, select: { id: true, language: true, blockedAt: true },
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  const blocked = mine.filter((r) => r.personId !== null && byId.get(r.personId)?.blockedAt);
  if (blocked.length > 0) {
    await db.outbox.updateMany({
      where: { id: { in: blocked.map((r) => r.id) } },
      data: { status: "dead", lockedUntil: null, claimedBy: null, lastError: "recipient has blocked the bot" },
    });
  }
  return mine.filter((r) => !blocked.includes(r)).map(({ status: _s, lockedUntil: _l, ...r }) => ({
    ...r,
    language: r.personId === null ? null : (byId.get(r.personId)?.language ?? null),
    original: originalOf.get(r.id) ?? null,
  }));
}

/** Extends a sender's live claims (one tick's rows while it is still sending them). */
export async function renewClaims(db: Db, holder: string, now: Date): Promise<void> {
  await db.outbox.updateMany({
    where: { claimedBy: holder, status: "sending" }, data: { lockedUntil: new Date(now.getTime() + CLAIM_MS) },
  });
}

/** Rows whose message went out: sent, with the message id later edits will change. */
export async function recordSent(db: Db, now: Date, sent: { id: number; messageId: number }[]): Promise<void> {
  if (sent.length === 0) return;
  await db.outbox.updateMany({
    where: { id: { in: sent.map((s) => s.id) } },
    data: { status: "sent", sentAt: now, lockedUntil: null, claimedBy: null, lastError: null },
  });
  // One statement for all message ids (integers only, so the SQL is built safely).
  const cases = sent.map((s) => `WHEN ${Math.trunc(s.id)} THEN ${Math.trunc(s.messageId)}`).join(" ");
  const ids = sent.map((s) => Math.trunc(s.id)).join(",");
  await db.$executeRawUnsafe(`UPDATE "Outbox" SET "messageId" = CASE "id" ${cases} END WHERE "id" IN (${ids})`);
}

/**
 * A message the bot sent itself as a direct reply (a question with buttons), booked like a sent
 * row under `ref`, so that a later `edit` notice (e.g. the answer given another way) can find it.
 */
export async function rememberReply(
  db: Db, r: { chatId: number; personId: number; key: string; ref: string; messageId: number; now: Date },
): Promise<void> {
  await db.outbox.create({
    data: {
      chatId: BigInt(r.chatId), personId: r.personId, key: r.key, ref: r.ref, status: "sent", messageId: r.messageId,
      dueAt: r.now, createdAt: r.now, sentAt: r.now,
    },
  });
}

/**
 * A reply Telegram would not take in time, handed over as it was rendered (its Bot API method and
 * payload): the sender sends it in the chat's turn, like any notice.
 */
export async function queueReply(
  db: Db, now: Date, r: { method: string; payload: Record<string, unknown> },
): Promise<void> {
  const chatId = BigInt(String(r.payload.chat_id));
  const params = JSON.stringify(r.payload);
  await db.outbox.create({ data: { chatId, kind: "reply", key: r.method, params, dueAt: now, createdAt: now } });
}

/** Claimed rows that were not tried (the tick ran out of budget): due again at once. */
export async function releaseClaims(db: Db, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.outbox.updateMany({
    where: { id: { in: ids }, status: "sending" }, data: { status: "pending", lockedUntil: null, claimedBy: null },
  });
}

/** What became of a row that was not (fully) sent. */
export type Outcome =
  /** Photos went out, the text follows in the chat's next turn. */
  | { kind: "photos-sent"; at: Date }
  /** Telegram asked to wait (429): due again then, not counted as a failure. */
  | { kind: "later"; at: Date }
  /** The person blocked the bot (403): never retried. */
  | { kind: "blocked" }
  /** Telegram refused the message itself (400): never retried. */
  | { kind: "rejected" }
  /** 5xx or network: retried with backoff for as long as the notice matters. */
  | { kind: "failed" };

export type SettleOptions = { lastError: string; photosSent: boolean; giveUpAfterMs?: number };

/** Books the outcome of a send that did not complete; true when the row was given up. */
export async function settleRow(
  db: Db, now: Date, row: OutboxRow, outcome: Outcome, o: SettleOptions,
): Promise<boolean> {
  const base = {
    lockedUntil: null, claimedBy: null, lastError: o.lastError.slice(0, 500), ...(o.photosSent ? { photos: "[]" } : {}),
  };
  const where = { id: row.id };
  switch (outcome.kind) {
    case "photos-sent":
      await db.outbox.update({ where, data: { ...base, status: "pending", dueAt: outcome.at, lastError: null } });
      return false;
    case "later":
      await db.outbox.update({ where, data: { ...base, status: "pending", dueAt: outcome.at } });
      return false;
    case "blocked":
      if (row.personId !== null) {
        await db.person.updateMany({ where: { id: row.personId, blockedAt: null }, data: { blockedAt: now } });
      }
      await db.outbox.update({ where, data: { ...base, status: "dead" } });
      return true;
    case "rejected":
      await db.outbox.update({ where, data: { ...base, status: "dead" } });
      return true;
    case "failed": {
      const attempts = row.attempts + 1;
      const next = now.getTime() + backoffMs(attempts);
      if (next - row.createdAt.getTime() <= (o.giveUpAfterMs ?? DEFAULT_GIVE_UP_MS)) {
        await db.outbox.update({ where, data: { ...base, status: "pending", attempts, dueAt: new Date(next) } });
        return false;
      }
      await db.outbox.update({ where, data: { ...base, status: "dead", attempts } });
      await tellDesk(db, now, row);
      return true;
    }
  }
}

/** A notice that could not be delivered in time goes to the desk of the property it concerns. */
async function tellDesk(db: Db, now: Date, row: OutboxRow): Promise<void> {
  if (row.key === "outbox-undelivered") return; // never about itself
  const params = JSON.parse(row.params) as Record<string, unknown>;
  const number = typeof params.number === "string" ? params.number : "";
  const ticket = number ? await db.ticket.findFirst({ where: { number }, select: { propertyId: true } }) : null;
  const grant = ticket || row.personId === null ? null
    : await db.roleGrant.findFirst({
      where: { personId: row.personId, propertyId: { not: null } }, select: { propertyId: true },
    });
  const propertyId = ticket?.propertyId ?? grant?.propertyId;
  if (propertyId == null) return;
  const person = row.personId === null ? null
    : await db.person.findUnique({ where: { id: row.personId }, select: { name: true } });
  const desk = (await staffOf(db, propertyId, "desk")).filter((id) => id !== row.personId);
  const notice = { name: person?.name ?? String(row.chatId), number: number || "-" };
  await notifyAll(db, now, desk, { key: "outbox-undelivered", params: notice });
}
