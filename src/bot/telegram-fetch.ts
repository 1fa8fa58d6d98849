// The HTTP layer under the bot's Bot API calls (grammY's `client.fetch`), replies inside
// conversations included: transformers on bot.api do not reach inside conversations, and a
// transformer passed in through their `plugins` sits above the conversations' replay log, so it
// would wait again for every past 429 on every replay. Below grammY, waiting happens once.
//
// - Paces messages per chat: a second message to a chat within `perChatMs` waits for its turn
//   (the /repair phone step sends two messages at once).
// - A message (send/edit/copy/forward) outlasts Telegram's faults: on 429 it waits `retry_after`,
//   on 5xx and network errors it tries again with capped backoff, as long as the call's total wait
//   stays under `maxWaitMs`. Then it is handed over (`handOver`: the durable outbox sends it later)
//   and grammY is told it went, so a flow goes on and work that was done is never apologised for.
// - Everything else (403, 400, other methods) goes up to grammY unchanged.
import { createRequire } from "node:module";
import { withHttpFetch } from "./http-fetch.ts";

type Init = { body?: unknown; [key: string]: unknown };
type Res = { status: number; clone(): Res; json(): Promise<unknown> };
export type Fetch = (url: string, init?: Init) => Promise<Res>;

export type TelegramFetchOptions = {
  /** Minimum gap between two messages to one chat (default 1000 ms; 0 = no pacing). */
  perChatMs?: number;
  /** Longest a message waits in total for its turn, 429s and retries (default 25 s). */
  maxWaitMs?: number;
  /** Takes a message that still cannot go (method and payload) to send it later; none: the error goes up. */
  handOver?: (method: string, payload: Record<string, unknown>) => Promise<void>;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** The fetch underneath (default: the lean node:http fetch for JSON calls, grammY's own node-fetch for uploads; see http-fetch.ts). */
  fetch?: Fetch;
  /** Presses answered as they arrived (webhook mode, see answerAtReceipt): their answers go no further. */
  answeredEarly?: (callbackQueryId: string) => { chat: number } | undefined;
};

const require = createRequire(import.meta.url);
/** grammY's default fetch on Node (node-fetch, resolved from grammY's own dependencies). */
const grammyFetch = (): Fetch => createRequire(require.resolve("grammy"))("node-fetch") as Fetch;

/** Timers may fire a little early against the clock: a wait is this much longer. */
const MARGIN_MS = 25;
/** Backoff between tries after a 5xx or a network error: 500 ms doubling, at most this. */
const RETRY_CAP_MS = 8000;

/**
 * Spread into a message's options: it is never handed over (the caller books a failure itself).
 * The mark travels in the payload and is taken out here before the call goes (an AsyncLocalStorage
 * would carry it too, but it turns on promise hooks for the whole process: ~5 % of the CPU).
 */
const NO_HAND_OVER = "repair_desk_no_hand_over";
export const withoutHandOver = { [NO_HAND_OVER]: true } as const;
const NO_HAND_OVER_JSON = `"${NO_HAND_OVER}":true`;

/** What grammY reads of a response: a message handed over is answered as sent (message id 0). */
const handedOver = (method: string, payload: Record<string, unknown>): Res => {
  const message = { message_id: 0, date: 0, chat: { id: payload.chat_id, type: "private" }, text: payload.text };
  const body = { ok: true, result: method.startsWith("edit") ? true : message };
  const res: Res = { status: 200, clone: () => res, json: async () => body };
  return res;
};

/**
 * A sent or edited message as the bot's code reads it: its id, date, chat (id and type), topic and
 * media. The rest (text, entities, keyboard, the bot's own user…) is what the bot itself sent; a
 * conversation records every call's answer in its state, read and written on each of the chat's
 * updates, and those copies made /repair's state 11 kB by its last step.
 */
const KEPT = ["message_id", "date", "message_thread_id", "media_group_id", "photo", "document", "video", "voice", "audio"] as const;
const slimMessage = (m: unknown): unknown => {
  if (m === null || typeof m !== "object" || Array.isArray(m)) return Array.isArray(m) ? m.map(slimMessage) : m;
  const full = m as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const k of KEPT) if (full[k] !== undefined) kept[k] = full[k];
  const chat = full.chat as { id?: unknown; type?: unknown } | undefined;
  if (chat) kept.chat = { id: chat.id, type: chat.type };
  return kept;
};
const slim = async (res: Res): Promise<Res> => {
  const body = (await res.json()) as { ok?: boolean; result?: unknown };
  const slimmed = body.ok ? { ...body, result: slimMessage(body.result) } : body;
  const out: Res = { status: res.status, clone: () => out, json: async () => slimmed };
  return out;
};

const answeredAlready: Res = { status: 200, clone: () => answeredAlready, json: async () => ({ ok: true, result: true }) };

const isMessage = (method: string) => /^(send|copy|forward)/.test(method) && method !== "sendChatAction";
/** grammY writes a message's payload with chat_id first: read there without parsing the rest. */
const LEADING_CHAT = /^\{"chat_id":(-?\d+|"(?:[^"\\]|\\.)*")[,}]/;
const chatOf = (body: unknown): string | undefined => {
  if (typeof body !== "string") return undefined;
  const leading = LEADING_CHAT.exec(body)?.[1];
  if (leading !== undefined) return leading.startsWith('"') ? (JSON.parse(leading) as string) : leading;
  try {
    const id = (JSON.parse(body) as { chat_id?: unknown }).chat_id;
    return id === undefined ? undefined : String(id);
  } catch {
    return undefined;
  }
};

export function createTelegramFetch(opts: TelegramFetchOptions = {}): Fetch {
  const perChatMs = opts.perChatMs ?? 1000;
  const maxWaitMs = opts.maxWaitMs ?? 25_000;
  const clock = opts.clock ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  // JSON calls on a lean node:http path (http-fetch.ts), uploads through node-fetch as grammY would
  const inner = opts.fetch ?? withHttpFetch(grammyFetch());
  /** chat → the earliest time its next message may go. */
  const turn = new Map<string, number>();

  const takeTurn = (chat: string, now: number): number => {
    if (turn.size > 10_000) for (const [c, at] of turn) if (at < now) turn.delete(c);
    const at = Math.max(now, turn.get(chat) ?? 0);
    turn.set(chat, at + perChatMs);
    return at - now;
  };

  const send: Fetch = async (url, init) => {
    const method = /\/([A-Za-z]+)$/.exec(url)?.[1] ?? "";
    if (method === "answerCallbackQuery" && opts.answeredEarly && typeof init?.body === "string") {
      const answer = JSON.parse(init.body) as { callback_query_id?: string; text?: string };
      const early = answer.callback_query_id === undefined ? undefined : opts.answeredEarly(answer.callback_query_id);
      if (early) {
        // answered already; a toast it would have shown comes as a message
        if (answer.text) await send(url.replace(/answerCallbackQuery$/, "sendMessage"), { ...init, body: JSON.stringify({ chat_id: early.chat, text: answer.text }) });
        return answeredAlready;
      }
    }
    let own = false;
    if (typeof init?.body === "string" && init.body.includes(NO_HAND_OVER_JSON)) {
      const { [NO_HAND_OVER]: _, ...payload } = JSON.parse(init.body) as Record<string, unknown>;
      init = { ...init, body: JSON.stringify(payload) };
      own = true;
    }
    const chat = isMessage(method) ? chatOf(init?.body) : undefined;
    // only JSON bodies can be sent again (a multipart upload is a stream)
    const json = typeof init?.body === "string";
    const message = json && (isMessage(method) || method.startsWith("edit"));
    let waited = 0;
    if (chat !== undefined && perChatMs > 0) {
      const wait = Math.min(maxWaitMs, takeTurn(chat, clock()));
      if (wait > 0) await sleep(wait + MARGIN_MS);
      waited += wait;
    }
    for (let tries = 0; ; tries++) {
      let res: Res | undefined;
      let failure: unknown;
      try {
        res = await inner(url, init);
      } catch (e) {
        if (!message) throw e;
        failure = e;
      }
      // Telegram counts from when it received the message, a little after it left here.
      if (chat !== undefined) turn.set(chat, Math.max(turn.get(chat) ?? 0, clock() + perChatMs));
      if (res && !(res.status === 429 && json) && !(res.status >= 500 && message)) return message && res.status === 200 ? slim(res) : res;
      let retryMs = Math.min(RETRY_CAP_MS, 500 * 2 ** tries);
      if (res?.status === 429) {
        const body = (await res.clone().json().catch(() => ({}))) as { parameters?: { retry_after?: number } };
        retryMs = (body.parameters?.retry_after ?? Infinity) * 1000;
        if (chat !== undefined) turn.set(chat, Math.max(turn.get(chat) ?? 0, clock() + retryMs + perChatMs));
      }
      if (waited + retryMs > maxWaitMs) return message ? giveUp(method, init!.body as string, res, failure, own) : res!;
      await sleep(retryMs + MARGIN_MS);
      waited += retryMs;
    }
  };

  return send;

  /** The message still cannot go: handed over when it may be, else the last answer or error. */
  async function giveUp(method: string, body: string, res: Res | undefined, failure: unknown, own: boolean): Promise<Res> {
    // a media group is answered with several messages: it is not handed over
    if (opts.handOver && !own && method !== "sendMediaGroup") {
      const payload = JSON.parse(body) as Record<string, unknown>;
      const handed = await opts.handOver(method, payload).then(() => true, () => false);
      if (handed) return handedOver(method, payload);
    }
    if (res) return res;
    throw failure;
  }
}
