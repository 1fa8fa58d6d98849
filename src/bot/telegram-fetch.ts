// The HTTP layer under the bot's Bot API calls (grammY's `client.fetch`), replies inside
// conversations included: transformers on bot.api do not reach inside conversations, and a
// transformer passed in through their `plugins` sits above the conversations' replay log, so it
// would wait again for every past 429 on every replay. Below grammY, waiting happens once.
//
// - Paces messages per chat: a second message to a chat within `perChatMs` waits for its turn
//   (the /repair phone step sends two messages at once).
// - On 429 waits `retry_after` and sends again, as long as the call's total wait stays under
//   `maxWaitMs` (a reply is useless if it comes much later; the update then fails politely).
// - Everything else (403, 5xx, network errors) goes up to grammY unchanged.
import { createRequire } from "node:module";

type Init = { body?: unknown; [key: string]: unknown };
type Res = { status: number; clone(): Res; json(): Promise<unknown> };
export type Fetch = (url: string, init?: Init) => Promise<Res>;

export type TelegramFetchOptions = {
  /** Minimum gap between two messages to one chat (default 1000 ms; 0 = no pacing). */
  perChatMs?: number;
  /** Longest a call waits in total for its turn and for 429s (default 8000 ms). */
  maxWaitMs?: number;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** The fetch underneath (default: grammY's own, node-fetch). */
  fetch?: Fetch;
};

const require = createRequire(import.meta.url);
/** grammY's default fetch on Node (node-fetch, resolved from grammY's own dependencies). */
const grammyFetch = (): Fetch => createRequire(require.resolve("grammy"))("node-fetch") as Fetch;

/** Timers may fire a little early against the clock: a wait is this much longer. */
const MARGIN_MS = 25;

const isMessage = (method: string) => /^(send|copy|forward)/.test(method) && method !== "sendChatAction";
const chatOf = (body: unknown): string | undefined => {
  if (typeof body !== "string") return undefined;
  try {
    const id = (JSON.parse(body) as { chat_id?: unknown }).chat_id;
    return id === undefined ? undefined : String(id);
  } catch {
    return undefined;
  }
};

export function createTelegramFetch(opts: TelegramFetchOptions = {}): Fetch {
  const perChatMs = opts.perChatMs ?? 1000;
  const maxWaitMs = opts.maxWaitMs ?? 8000;
  const clock = opts.clock ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const inner = opts.fetch ?? grammyFetch();
  /** chat → the earliest time its next message may go. */
  const turn = new Map<string, number>();

  const takeTurn = (chat: string, now: number): number => {
    if (turn.size > 10_000) for (const [c, at] of turn) if (at < now) turn.delete(c);
    const at = Math.max(now, turn.get(chat) ?? 0);
    turn.set(chat, at + perChatMs);
    return at - now;
  };

  return async (url, init) => {
    const method = /\/([A-Za-z]+)$/.exec(url)?.[1] ?? "";
    const chat = isMessage(method) ? chatOf(init?.body) : undefined;
    let waited = 0;
    if (chat !== undefined && perChatMs > 0) {
      const wait = Math.min(maxWaitMs, takeTurn(chat, clock()));
      if (wait > 0) await sleep(wait + MARGIN_MS);
      waited += wait;
    }
    for (;;) {
      const res = await inner(url, init);
      // Telegram counts from when it received the message, a little after it left here.
      if (chat !== undefined) turn.set(chat, Math.max(turn.get(chat) ?? 0, clock() + perChatMs));
      if (res.status !== 429 || typeof init?.body !== "string") return res;
      const body = (await res.clone().json().catch(() => ({}))) as { parameters?: { retry_after?: number } };
      const retryMs = (body.parameters?.retry_after ?? Infinity) * 1000;
      if (waited + retryMs > maxWaitMs) return res;
      if (chat !== undefined) turn.set(chat, Math.max(turn.get(chat) ?? 0, clock() + retryMs + perChatMs));
      await sleep(retryMs + MARGIN_MS);
      waited += retryMs;
    }
  };
}
