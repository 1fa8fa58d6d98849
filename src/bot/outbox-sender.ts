// The outbox worker: sends the notification intents the domain wrote into the Outbox table.
//
// - Durable: a row is claimed with a conditional update (status + version columns), so two senders
//   (two processes) never send the same row twice; a crashed sender's claim expires after 60 s.
// - Throttled (TRAPS.md, Telegram): at most `globalPerSecond` API sends per second across all
//   chats, one message per chat per `perChatIntervalMs`, sends one at a time, never in parallel;
//   a 429 pauses all sending for `retry_after`. Time is the injected clock (tests move it).
// - Rendered here, in the recipient's language (their Person row), from the locale key.
//
// Limits and per-chat memory live in this process, so only one process sends at a time: the
// sender holds the "outbox-sender" lease (renewed every tick, released on stop, taken over by
// another process within `leaseMs` if this one dies). The row claims stay as the second guard:
// even two senders without the lease never send a row twice and keep per-chat order.
import { GrammyError, HttpError, type Api } from "grammy";
import type { InlineKeyboardMarkup, MessageEntity } from "grammy/types";
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client.ts";
import { acquireLease, releaseLease } from "../domain/lease.ts";
import type { ButtonIntent } from "../domain/types.ts";
import type { Logger } from "../log.ts";
import { t, type Params } from "./i18n.ts";
import { renderKeyboard } from "./keyboards.ts";

export type OutboxSender = { tick(): Promise<number>; start(): void; stop(): Promise<void> };

export type OutboxSenderOptions = {
  db: Db;
  api: Api;
  clock: () => Date;
  log?: Logger;
  /** API sends per second over all chats (default 25, under Telegram's ~30/s). */
  globalPerSecond?: number;
  /** Minimum gap between two messages to one chat (default 1000 ms). */
  perChatIntervalMs?: number;
  /** Pause between ticks of start() (default 500 ms, real time). */
  intervalMs?: number;
  /** Rows read per query (default 50). */
  batch?: number;
  /** The single-sender lease: its lifetime (default 15 s), or false to run without it. */
  leaseMs?: number | false;
};

export const LEASE = "outbox-sender";

/** Keys sent as one monospace `pre` block, so their aligned table columns stay aligned. */
export const MONOSPACE_KEYS: ReadonlySet<string> = new Set([
  "closeout-report", "report-monthly", "reconciliation-weekly", "handover-digest",
  "paid-quote-owner", "paid-quote-review", "paid-quote-phone",
]);

export const MAX_TEXT = 4096;
/** How long a claim holds before another sender may take the row over. */
export const CLAIM_MS = 60_000;
/** 5xx / network failures before a row is given up. */
export const MAX_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 5_000;
const BACKOFF_CAP_MS = 15 * 60_000;
/** Pages of `batch` rows one tick may read when early rows wait for their chat's interval. */
const MAX_PAGES = 10;
const FALLBACK_LANGUAGE = "zh-CN";

type Row = NonNullable<Awaited<ReturnType<Db["outbox"]["findFirst"]>>>;
type Recipient = { language: string; blockedAt: Date | null } | null;

/** Pending rows already due (for logs and the bench). */
export function outboxBacklog(db: Db, now: Date): Promise<number> {
  return db.outbox.count({ where: { status: "pending", dueAt: { lte: now } } });
}

/** 5 s, 10 s, 20 s … capped at 15 min, for the n-th failed attempt (n ≥ 1). */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/** Cuts a text to Telegram's limit (UTF-16 units, as entity offsets count) without splitting a pair. */
export function fitText(text: string, max = MAX_TEXT): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

const parseJson = <T>(s: string, fallback: T): T => {
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
};

/** What to do with a row after a failed send. */
type Verdict =
  | { kind: "flood"; retryAfterS: number }
  | { kind: "blocked" }
  | { kind: "dead" }
  | { kind: "retry" };

function classify(error: unknown): Verdict {
  if (error instanceof GrammyError) {
    if (error.error_code === 429) return { kind: "flood", retryAfterS: error.parameters.retry_after ?? 5 };
    if (error.error_code === 403) return { kind: "blocked" };
    if (error.error_code >= 400 && error.error_code < 500) return { kind: "dead" };
    return { kind: "retry" };
  }
  // HttpError (network), a body that is not JSON, a database hiccup: try again later.
  return { kind: "retry" };
}

const describe = (error: unknown): string =>
  error instanceof GrammyError ? `${error.error_code}: ${error.description}`
  : error instanceof HttpError ? `network: ${error.message}`
  : String(error);

const isNotModified = (e: unknown) => e instanceof GrammyError && e.error_code === 400 && /message is not modified/i.test(e.description);
/** The message to edit is gone or too old: the news goes out as a new message instead. */
const isUneditable = (e: unknown) =>
  e instanceof GrammyError && e.error_code === 400 && /message to edit not found|message can't be edited|message_id_invalid/i.test(e.description);

export function createOutboxSender(opts: OutboxSenderOptions): OutboxSender {
  const { db, api, clock, log } = opts;
  const globalPerSecond = Math.max(1, opts.globalPerSecond ?? 25);
  const perChatMs = Math.max(0, opts.perChatIntervalMs ?? 1000);
  const intervalMs = opts.intervalMs ?? 500;
  const batch = Math.max(1, opts.batch ?? 50);
  const leaseMs = opts.leaseMs ?? 15_000;
  const holder = randomUUID();

  /** Clock times (ms) of the API sends of the last second. */
  let recentSends: number[] = [];
  /** chatId → clock time (ms) of the last send to it. */
  const lastToChat = new Map<string, number>();
  /** No sending before this clock time (a 429 applies to the whole bot). */
  let pausedUntil = 0;

  const budgetLeft = (nowMs: number) => {
    recentSends = recentSends.filter((at) => at > nowMs - 1000);
    return globalPerSecond - recentSends.length;
  };
  const chatReady = (chat: string, nowMs: number) => {
    const last = lastToChat.get(chat);
    return last === undefined || nowMs - last >= perChatMs;
  };

  async function oneTick(): Promise<number> {
    const now = clock();
    const nowMs = now.getTime();
    if (nowMs < pausedUntil) return 0;
    if (leaseMs !== false && !(await acquireLease(db, LEASE, holder, now, leaseMs))) return 0;
    for (const [chat, at] of lastToChat) if (nowMs - at >= perChatMs) lastToChat.delete(chat);
    if (budgetLeft(nowMs) <= 0) return 0;

    /** Chats done for this tick: sent to, waiting for their interval, or an earlier row held back. */
    const skip = new Set<string>();
    const recipients = new Map<number, Recipient>();
    /** chat → the ref of a queued original an `edit` row of that chat is waiting for. */
    const waitingFor = new Map<string, string>();
    let sent = 0;
    let cursor: { dueAt: Date; id: number } | undefined;

    for (let page = 0; page < MAX_PAGES; page++) {
      const rows = await db.outbox.findMany({
        where: {
          dueAt: { lte: now },
          OR: [{ status: "pending" }, { status: "sending", lockedUntil: { lt: now } }],
          ...(cursor ? { AND: [{ OR: [{ dueAt: { gt: cursor.dueAt } }, { dueAt: cursor.dueAt, id: { gt: cursor.id } }] }] } : {}),
        },
        orderBy: [{ dueAt: "asc" }, { id: "asc" }],
        take: batch,
      });
      // Chats another sender is writing to right now: their later rows wait (per-chat order). Read
      // after the rows: a row claimed before our read shows up here, one claimed after it fails
      // our claim below; either way the chat is skipped.
      const inFlight = await db.outbox.findMany({ where: { status: "sending", lockedUntil: { gte: now } }, select: { chatId: true } });
      for (const r of inFlight) skip.add(String(r.chatId));
      for (const row of rows) {
        if (clock().getTime() < pausedUntil) return sent;
        const chat = String(row.chatId);
        const awaitedOriginal = row.kind === "send" && row.ref !== null && waitingFor.get(chat) === row.ref;
        if (skip.has(chat) && !awaitedOriginal) continue;
        if (awaitedOriginal) waitingFor.delete(chat);
        skip.add(chat); // one message per chat per tick, and nothing after a row held back
        if (!chatReady(chat, nowMs)) continue;
        // An `edit` whose original is still queued (e.g. retrying) waits for it, else the original
        // would arrive later, stale; the original may go first although it is due later.
        if (row.kind === "edit" && row.ref !== null && (await originalQueued(row))) {
          waitingFor.set(chat, row.ref);
          continue;
        }
        const photos = parseJson<string[]>(row.photos, []);
        const cost = Math.min(globalPerSecond, 1 + (row.kind === "send" ? Math.min(photos.length, 10) : 0));
        if (budgetLeft(clock().getTime()) < cost) return sent;
        try {
          if (await processRow(row, photos, now, recipients)) sent++;
        } catch (error) {
          log?.warn("outbox: row failed", { id: row.id, error: describe(error) });
        }
      }
      if (rows.length < batch) break;
      const last = rows.at(-1)!;
      cursor = { dueAt: last.dueAt, id: last.id };
    }
    return sent;
  }

  async function originalQueued(row: Row): Promise<boolean> {
    const n = await db.outbox.count({
      where: { ref: row.ref, chatId: row.chatId, kind: "send", status: { in: ["pending", "sending"] }, id: { lt: row.id } },
    });
    return n > 0;
  }

  async function recipientOf(row: Row, cache: Map<number, Recipient>): Promise<Recipient> {
    if (row.personId === null) return null;
    if (!cache.has(row.personId)) {
      cache.set(row.personId, await db.person.findUnique({ where: { id: row.personId }, select: { language: true, blockedAt: true } }));
    }
    return cache.get(row.personId) ?? null;
  }

  /** Claims, renders, sends and records one row; true when a message went out (or was edited). */
  async function processRow(row: Row, photos: string[], now: Date, recipients: Map<number, Recipient>): Promise<boolean> {
    const claimed = await db.outbox.updateMany({
      where: { id: row.id, status: row.status, attempts: row.attempts, dueAt: row.dueAt, lockedUntil: row.lockedUntil },
      data: { status: "sending", lockedUntil: new Date(now.getTime() + CLAIM_MS) },
    });
    if (claimed.count !== 1) return false; // another sender has it

    const recipient = await recipientOf(row, recipients);
    if (recipient?.blockedAt) {
      await db.outbox.update({ where: { id: row.id }, data: { status: "dead", lockedUntil: null, lastError: "recipient has blocked the bot" } });
      return false;
    }
    const chatId = Number(row.chatId);
    const chat = String(row.chatId);
    const lang = recipient?.language ?? FALLBACK_LANGUAGE;
    let photosSent = false;
    let messageId: number | undefined;
    const note = () => {
      const at = clock().getTime();
      recentSends.push(at);
      lastToChat.set(chat, at);
    };

    try {
      const params = parseJson<Params>(row.params, {});
      const buttons = parseJson<ButtonIntent[][]>(row.buttons, []);
      const text = fitText(t(lang, row.key, params));
      const keyboard = renderKeyboard(lang, buttons, params);
      const entities: MessageEntity[] | undefined = MONOSPACE_KEYS.has(row.key) ? [{ type: "pre", offset: 0, length: text.length }] : undefined;

      if (row.kind === "edit") {
        const original = row.ref === null ? null : await db.outbox.findFirst({
          where: { chatId: row.chatId, ref: row.ref, status: "sent", messageId: { not: null }, id: { not: row.id } },
          orderBy: { id: "desc" },
        });
        if (original?.messageId != null) {
          const markup: InlineKeyboardMarkup = keyboard ?? { inline_keyboard: [] };
          try {
            note();
            await api.editMessageText(chatId, original.messageId, text, { reply_markup: markup, ...(entities ? { entities } : {}) });
            messageId = original.messageId;
          } catch (e) {
            if (isNotModified(e)) messageId = original.messageId;
            else if (!isUneditable(e)) throw e;
          }
        }
      }

      if (messageId === undefined) {
        // A `send`, or an `edit` whose original never went out / can no longer be edited.
        const fileIds = photos.slice(0, 10);
        if (fileIds.length === 1) {
          note();
          await api.sendPhoto(chatId, fileIds[0]!);
          photosSent = true;
        } else if (fileIds.length > 1) {
          for (let i = 0; i < fileIds.length; i++) note();
          await api.sendMediaGroup(chatId, fileIds.map((media) => ({ type: "photo" as const, media })));
          photosSent = true;
        }
        note();
        const message = await api.sendMessage(chatId, text, { ...(keyboard ? { reply_markup: keyboard } : {}), ...(entities ? { entities } : {}) });
        messageId = message.message_id;
      }
    } catch (error) {
      await settleFailure(row, error, photosSent, now);
      return false;
    }

    // The message is out: record it. Never treat a failed write as a failed send (that would send
    // it again at once); if the write keeps failing the claim expires and the row goes out again.
    for (let attempt = 1; ; attempt++) {
      try {
        await db.outbox.update({
          where: { id: row.id },
          data: { status: "sent", messageId, sentAt: clock(), lockedUntil: null, lastError: null },
        });
        return true;
      } catch (error) {
        if (attempt >= 3) {
          log?.error("outbox: sent but cannot record it", { id: row.id, error: describe(error) });
          return true;
        }
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }

  async function settleFailure(row: Row, error: unknown, photosSent: boolean, now: Date): Promise<void> {
    const verdict = classify(error);
    const lastError = describe(error).slice(0, 500);
    // Photos already delivered are not sent again on the retry (only the text is missing).
    const photos = photosSent ? { photos: "[]" } : {};
    log?.warn("outbox: send failed", { id: row.id, chatId: String(row.chatId), key: row.key, verdict: verdict.kind, error: lastError });
    switch (verdict.kind) {
      case "flood": {
        const until = now.getTime() + verdict.retryAfterS * 1000;
        pausedUntil = Math.max(pausedUntil, until);
        await db.outbox.update({ where: { id: row.id }, data: { status: "pending", dueAt: new Date(until), lockedUntil: null, lastError, ...photos } });
        return;
      }
      case "blocked":
        if (row.personId !== null) await db.person.updateMany({ where: { id: row.personId, blockedAt: null }, data: { blockedAt: now } });
        await db.outbox.update({ where: { id: row.id }, data: { status: "dead", lockedUntil: null, lastError } });
        return;
      case "dead":
        await db.outbox.update({ where: { id: row.id }, data: { status: "dead", lockedUntil: null, lastError } });
        return;
      case "retry": {
        const attempts = row.attempts + 1;
        await db.outbox.update({
          where: { id: row.id },
          data: attempts >= MAX_ATTEMPTS
            ? { status: "dead", attempts, lockedUntil: null, lastError, ...photos }
            : { status: "pending", attempts, dueAt: new Date(now.getTime() + backoffMs(attempts)), lockedUntil: null, lastError, ...photos },
        });
        return;
      }
    }
  }

  // One tick at a time per sender (the limits above are this sender's memory).
  let running: Promise<unknown> = Promise.resolve();
  const tick = (): Promise<number> => {
    const next = running.then(oneTick, oneTick);
    running = next.catch(() => undefined);
    return next;
  };

  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  let current: Promise<unknown> = Promise.resolve();
  const loop = () => {
    timer = undefined;
    if (stopped) return;
    current = tick()
      .catch((error) => log?.error("outbox: tick failed", { error: describe(error) }))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, intervalMs);
      });
  };

  return {
    tick,
    start() {
      if (!stopped) return;
      stopped = false;
      timer = setTimeout(loop, 0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await current;
      if (leaseMs !== false) await releaseLease(db, LEASE, holder, clock()).catch(() => undefined);
    },
  };
}
