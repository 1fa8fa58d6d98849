// The outbox worker: renders and sends the notification intents the domain wrote into the Outbox
// table. Which rows are due, their claims and their retry books live in src/domain/outbox.ts.
//
// - Throttled (TRAPS.md, Telegram): at most `globalPerSecond` messages per second across all
//   chats, one message per chat per `perChatIntervalMs`, sends one at a time, never in parallel;
//   a 429 delays that chat only (by `retry_after`). Time is the injected clock (tests move it).
// - A photo goes with its text as one message (the text as its caption, with the buttons); several
//   photos go as a media group, the text in the chat's next turn.
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
import {
  CLAIM_MS, claimDue, recordSent, releaseClaims, renewClaims, settleRow, type Outcome, type OutboxRow,
} from "../domain/outbox.ts";
import type { ButtonIntent } from "../domain/types.ts";
import { outageLog, type Logger } from "../log.ts";
import { t, type Params } from "./i18n.ts";
import { expandWords } from "./words.ts";
import { renderKeyboard } from "./keyboards.ts";

export type OutboxSender = {
  tick(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
  /** This sender's id in the lease row (for /healthz). */
  holder: string;
};

export type OutboxSenderOptions = {
  db: Db;
  api: Api;
  clock: () => Date;
  log?: Logger;
  /** API sends per second over all chats (default 25, under Telegram's ~30/s). */
  globalPerSecond?: number;
  /** Minimum gap between two messages to one chat (default 1000 ms). */
  perChatIntervalMs?: number;
  /** Minimum gap between two messages to one group (default 3000 ms: Telegram's 20 per minute). */
  perGroupIntervalMs?: number;
  /** Pause between ticks of start() (default 500 ms, real time). */
  intervalMs?: number;
  /** Due rows read per tick, to find chats that may be sent to (default 500). */
  scan?: number;
  /** How long a notice is retried through 5xx / network failures before the desk is told (24 h). */
  giveUpAfterMs?: number;
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
export const MAX_CAPTION = 1024;
const FALLBACK_LANGUAGE = "zh-CN";
/** Shortest pause between two ticks while there is work. */
const MIN_TICK_MS = 20;

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

/** What a failed send means for its row (retry_after in ms for a 429). */
function classify(error: unknown): { kind: "flood"; retryMs: number } | { kind: "blocked" | "rejected" | "failed" } {
  if (error instanceof GrammyError) {
    if (error.error_code === 429) return { kind: "flood", retryMs: (error.parameters.retry_after ?? 5) * 1000 };
    if (error.error_code === 403) return { kind: "blocked" };
    if (error.error_code >= 400 && error.error_code < 500) return { kind: "rejected" };
  }
  // 5xx, HttpError (network), a body that is not JSON: try again later.
  return { kind: "failed" };
}

const describe = (error: unknown): string =>
  error instanceof GrammyError ? `${error.error_code}: ${error.description}`
  : error instanceof HttpError ? `network: ${error.message}`
  : String(error);

const isNotModified = (e: unknown) => e instanceof GrammyError && e.error_code === 400 && /message is not modified/i.test(e.description);
/** The message to edit is gone or too old: the news goes out as a new message instead. */
const isUneditable = (e: unknown) =>
  e instanceof GrammyError && e.error_code === 400 && /message to edit not found|message can't be edited|message_id_invalid/i.test(e.description);

/** A row's message, rendered in the recipient's language. */
function render(row: OutboxRow, max: number) {
  const lang = row.language ?? FALLBACK_LANGUAGE;
  const params = parseJson<Params>(row.params, {});
  const text = fitText(expandWords(lang, t(lang, row.key, params)), max);
  const keyboard = renderKeyboard(lang, parseJson<ButtonIntent[][]>(row.buttons, []), params);
  const entities: MessageEntity[] | undefined =
    MONOSPACE_KEYS.has(row.key) ? [{ type: "pre", offset: 0, length: text.length }] : undefined;
  return { text, keyboard, entities };
}

export function createOutboxSender(opts: OutboxSenderOptions): OutboxSender {
  const { db, api, clock, log } = opts;
  const globalPerSecond = Math.max(1, opts.globalPerSecond ?? 25);
  const perChatMs = Math.max(0, opts.perChatIntervalMs ?? 1000);
  const perGroupMs = Math.max(perChatMs, opts.perGroupIntervalMs ?? 3000);
  const intervalMs = opts.intervalMs ?? 500;
  const scan = Math.max(1, opts.scan ?? 500);
  const leaseMs = opts.leaseMs ?? 15_000;
  const holder = randomUUID();
  let claims = 0;

  /** Clock times (ms) of the messages of the last second. */
  let recentSends: number[] = [];
  /** chat → the clock time (ms) before which nothing more goes to it (its interval, or its 429). */
  const readyAt = new Map<string, number>();

  const budgetLeft = (nowMs: number) => {
    recentSends = recentSends.filter((at) => at > nowMs - 1000);
    return globalPerSecond - recentSends.length;
  };
  const note = (chat: string, messages: number) => {
    const at = clock().getTime();
    for (let i = 0; i < messages; i++) recentSends.push(at);
    // a group's posts are paced to its 20 a minute (the waiting edits of one post merge meanwhile)
    const gap = chat.startsWith("-") ? perGroupMs : perChatMs;
    readyAt.set(chat, Math.max(readyAt.get(chat) ?? 0, at + gap));
  };

  /**
   * While there is work: the next tick comes when a fifth of the budget is free again (a tick costs
   * a few statements: claiming one row at a time as each slot frees would spend the time on claims).
   */
  const nextBudgetIn = () => {
    const nowMs = clock().getTime();
    const want = Math.max(1, Math.ceil(globalPerSecond / 2));
    const free = budgetLeft(nowMs);
    if (free >= want) return MIN_TICK_MS;
    const at = recentSends[want - free - 1]! + 1000;
    return Math.min(intervalMs, Math.max(MIN_TICK_MS, at - nowMs));
  };

  /** The last tick stopped at the global budget (so there is more to send as soon as it frees). */
  let limited = false;

  /** Real milliseconds until `cost` more messages fit in the last second's budget. */
  const budgetIn = (cost: number) => {
    const nowMs = clock().getTime();
    const missing = cost - budgetLeft(nowMs);
    return missing <= 0 ? 0 : recentSends[missing - 1]! + 1000 - nowMs;
  };

  /**
   * One round: claims what may go now and sends it. `pipelined` (the start() loop, real time) claims a
   * second's worth and waits inside the round for the budget to free, instead of a claim per slot.
   */
  async function oneTick(pipelined = false): Promise<number> {
    const now = clock();
    const nowMs = now.getTime();
    if (leaseMs !== false && !(await acquireLease(db, LEASE, holder, now, leaseMs))) return 0;
    for (const [chat, at] of readyAt) if (at <= nowMs) readyAt.delete(chat);
    const budget = pipelined ? globalPerSecond : budgetLeft(nowMs);
    limited = budget <= 0;
    if (limited) return 0;
    const claim = `${holder}:${++claims}`;
    const rows = await claimDue(db, now, {
      holder: claim, limit: budget, scan, chatReady: (chat) => (readyAt.get(chat) ?? 0) <= nowMs,
    });
    // A long round (a hung request, the budget) keeps its claims; a killed one's lapse in seconds.
    const renewal = rows.length === 0 ? undefined : setInterval(() => {
      renewClaims(db, claim, clock()).catch(() => undefined);
    }, CLAIM_MS / 3);
    if (rows.length >= budget) limited = true; // more may be waiting for the budget
    try {
      return await sendAll(rows, pipelined);
    } finally {
      clearInterval(renewal);
    }
  }

  async function sendAll(rows: OutboxRow[], pipelined: boolean): Promise<number> {
    const sent: { id: number; messageId: number }[] = [];
    let i = 0;
    for (; i < rows.length; i++) {
      const row = rows[i]!;
      const photos = row.kind === "send" ? parseJson<string[]>(row.photos, []).slice(0, 10) : [];
      const wait = budgetIn(Math.min(globalPerSecond, Math.max(1, photos.length)));
      if (wait > 0 && (!pipelined || stopped || wait > 1000)) {
        limited = true;
        break;
      }
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 1));
      try {
        const messageId = await deliver(row, photos, clock());
        if (messageId !== undefined) sent.push({ id: row.id, messageId });
      } catch (error) {
        log?.warn("outbox: row failed", { id: row.id, error: describe(error) });
      }
    }
    await releaseClaims(db, rows.slice(i).map((r) => r.id));
    await record(sent);
    return sent.length;
  }

  /** Sends one row; the id of the message it ended in, or undefined when it is not done yet. */
  async function deliver(row: OutboxRow, photos: string[], now: Date): Promise<number | undefined> {
    const chatId = Number(row.chatId);
    const chat = String(row.chatId);
    let photosSent = false;
    try {
      if (row.kind === "reply") return await sendReply(row);
      if (row.kind === "edit" && row.original) {
        const { text, keyboard, entities } = render(row, row.original.caption ? MAX_CAPTION : MAX_TEXT);
        const markup: InlineKeyboardMarkup = keyboard ?? { inline_keyboard: [] };
        const { messageId, caption } = row.original;
        try {
          note(chat, 1);
          if (caption) {
            await api.editMessageCaption(chatId, messageId, {
              caption: text, reply_markup: markup, ...(entities ? { caption_entities: entities } : {}),
            });
          } else {
            await api.editMessageText(chatId, messageId, text, { reply_markup: markup, ...(entities ? { entities } : {}) });
          }
          return messageId;
        } catch (e) {
          if (isNotModified(e)) return messageId;
          if (!isUneditable(e)) throw e;
        }
      }
      // A `send`, or an `edit` whose original never went out / can no longer be edited.
      const { text, keyboard, entities } = render(row, MAX_TEXT);
      const markup = keyboard ? { reply_markup: keyboard } : {};
      if (photos.length === 1 && text.length <= MAX_CAPTION) {
        note(chat, 1);
        const m = await api.sendPhoto(chatId, photos[0]!, {
          caption: text, ...markup, ...(entities ? { caption_entities: entities } : {}),
        });
        return m.message_id;
      }
      if (photos.length > 0) {
        note(chat, photos.length);
        if (photos.length === 1) await api.sendPhoto(chatId, photos[0]!);
        else await api.sendMediaGroup(chatId, photos.map((media) => ({ type: "photo" as const, media })));
        photosSent = true;
        // The text goes in the chat's next turn (within Telegram's 1 message/s per chat).
        const next = { kind: "photos-sent", at: new Date(readyAt.get(chat)!) } as const;
        await settleRow(db, now, row, next, { lastError: "", photosSent });
        return undefined;
      }
      note(chat, 1);
      const m = await api.sendMessage(chatId, text, { ...markup, ...(entities ? { entities } : {}) });
      return m.message_id;
    } catch (error) {
      await settleFailure(row, error, photosSent, now);
      return undefined;
    }
  }

  /** A reply handed over as rendered (see queueReply): its method and payload as they were. */
  async function sendReply(row: OutboxRow): Promise<number> {
    note(String(row.chatId), 1);
    const call = (api.raw as unknown as Record<string, (p: unknown) => Promise<unknown>>)[row.key];
    if (!call) throw new Error(`outbox: no Bot API method ${row.key}`);
    const m = await call(parseJson<Record<string, unknown>>(row.params, {}));
    return typeof m === "object" && m !== null && "message_id" in m ? Number(m.message_id) : 0;
  }

  async function settleFailure(row: OutboxRow, error: unknown, photosSent: boolean, now: Date): Promise<void> {
    const verdict = classify(error);
    const lastError = describe(error);
    const chat = String(row.chatId);
    log?.warn("outbox: send failed", {
      id: row.id, chatId: chat, key: row.key, verdict: verdict.kind, error: lastError,
    });
    let outcome: Outcome;
    if (verdict.kind === "flood") {
      // A 429 delays this chat only; the other chats go on.
      const at = now.getTime() + verdict.retryMs;
      readyAt.set(chat, Math.max(readyAt.get(chat) ?? 0, at));
      outcome = { kind: "later", at: new Date(at) };
    } else outcome = { kind: verdict.kind };
    const gaveUp = await settleRow(db, now, row, outcome, { lastError, photosSent, giveUpAfterMs: opts.giveUpAfterMs });
    if (gaveUp && verdict.kind === "failed") {
      log?.error("outbox: gave up on a notice, the desk is told", { id: row.id, key: row.key });
    }
  }

  /**
   * The messages are out: record them. Never treat a failed write as a failed send (that would send
   * them again at once); if the write keeps failing the claims expire and the rows go out again.
   */
  async function record(sent: { id: number; messageId: number }[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await recordSent(db, clock(), sent);
      } catch (error) {
        if (attempt >= 3) {
          const ids = sent.map((s) => s.id);
          return log?.error("outbox: sent but cannot record it", { ids, error: describe(error) });
        }
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }

  // One tick at a time per sender (the limits above are this sender's memory).
  let running: Promise<unknown> = Promise.resolve();
  const tick = (pipelined = false): Promise<number> => {
    const round = () => oneTick(pipelined);
    const next = running.then(round, round);
    running = next.catch(() => undefined);
    return next;
  };

  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  const outage = outageLog(log ?? { info: () => undefined, warn: () => undefined, error: () => undefined }, "outbox");
  let current: Promise<unknown> = Promise.resolve();
  const loop = () => {
    timer = undefined;
    if (stopped) return;
    let busy = false;
    current = tick(true)
      .then((n) => { busy = n > 0 || limited; outage.ok(); })
      .catch((error) => outage.failed(describe(error)))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, busy ? nextBudgetIn() : intervalMs);
      });
  };

  return {
    tick,
    holder,
    start() {
      if (!stopped) return;
      stopped = false;
      timer = setTimeout(loop, 0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      // A round stuck on an unreachable Telegram is not waited for: its rows stay claimed (no other
      // sender sends them before the claim expires), and the lease is released for a successor now.
      await Promise.race([current, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      if (leaseMs !== false) await releaseLease(db, LEASE, holder, clock()).catch(() => undefined);
    },
  };
}
