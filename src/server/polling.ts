// Long polling (the default): one getUpdates at a time, each batch written into the durable inbox
// before the next getUpdates acknowledges it (Telegram forgets an update once a later call's
// offset passes it). While the database cannot take a batch it waits in memory and nothing more is
// fetched: Telegram keeps the rest, and after a kill -9 hands the unacknowledged batch out again.
// A 409 Conflict (another process polls with the same token) neither crashes the process nor stops
// the jobs and the outbox sender: it logs one line and retries with a capped backoff.
import { GrammyError, type Bot } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext } from "../bot/context.ts";
import { outageLog, type Logger } from "../log.ts";
import type { Inbox } from "./inbox.ts";
import { keptNotice } from "./kept-notice.ts";
import { ALLOWED_UPDATES } from "./updates.ts";

export type PollingOptions = {
  log: Logger;
  inbox: Inbox;
  /** How long the database may be away before the people waiting are told (default 10 s). */
  keptNoticeAfterMs?: number;
  /** Seconds Telegram holds a getUpdates open (default 30). */
  pollTimeoutS?: number;
  /** Backoff after a 409 Conflict: first wait and cap (default 1 s doubling to 60 s). */
  retryMs?: { first: number; max: number };
};

export type Polling = { stop: () => Promise<void>; task: () => Promise<void> | undefined };

type Signal = AbortSignal;
/** grammY's signal type (abort-controller's shim); the platform's AbortSignal is what it uses. */
type GrammySignal = Parameters<Bot["api"]["getUpdates"]>[1];

const isConflict = (e: unknown) => e instanceof GrammyError && e.error_code === 409;
const isUnauthorized = (e: unknown) => e instanceof GrammyError && e.error_code === 401;

function sleep(ms: number, signal: Signal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done);
  });
}

/**
 * getUpdates with the offset kept across calls; retries every failure but 401 (a revoked token).
 * Conflicts are one episode until none came for 10 × `max`: one warning (and one "polling again") per
 * episode, and the wait keeps growing across the successful polls in between. Telegram ends the older
 * of two polls, so two pollers take turns; the growing wait keeps their turns long and the log quiet.
 */
/** Telegram unreachable (network, 5xx): poll again at most this long after it returns. */
export const FAILURE_RETRY_CAP_MS = 3_000;

export function createFetcher(bot: Bot<BotContext>, opts: PollingOptions) {
  const { log } = opts;
  const { first, max } = opts.retryMs ?? { first: 1_000, max: 60_000 };
  let offset = 0;
  let webhookDeleted = false;
  let failing: "error" | "conflict" | false = false;
  let announced = false; // "polling again" said in this conflict episode
  let lastConflictAt = -Infinity;
  let conflictWait = first;
  const outage = outageLog(log, "getUpdates (Telegram unreachable)");
  return async (batchSize: number, signal: Signal): Promise<Update[]> => {
    for (let wait = Math.min(first, FAILURE_RETRY_CAP_MS); ; wait = Math.min(FAILURE_RETRY_CAP_MS, wait * 2)) {
      try {
        // A webhook left from webhook mode makes every getUpdates a 409 (updates stay queued).
        if (!webhookDeleted) webhookDeleted = await bot.api.deleteWebhook();
        const limit = Math.max(1, Math.min(batchSize, 100));
        const args = { offset, limit, timeout: opts.pollTimeoutS ?? 30, allowed_updates: [...ALLOWED_UPDATES] };
        const updates = await bot.api.getUpdates(args, signal as unknown as GrammySignal);
        if (failing === "conflict" && !announced) log.info("polling again");
        outage.ok();
        if (failing === "conflict") announced = true;
        failing = false;
        const lastId = updates.at(-1)?.update_id;
        if (lastId !== undefined) offset = lastId + 1;
        return updates;
      } catch (e) {
        if (signal.aborted || isUnauthorized(e)) throw e;
        let retryIn = wait;
        if (isConflict(e)) {
          failing = "conflict";
          if (Date.now() - lastConflictAt > 10 * max) {
            conflictWait = first;
            announced = false;
            log.warn("another process is polling with this bot token (409 Conflict): jobs and outbox sender go on, " +
              `polling retries with backoff up to ${max / 1000} s; run only one polling instance or use WEBHOOK_URL`,
            { description: (e as GrammyError).description });
          }
          lastConflictAt = Date.now();
          retryIn = conflictWait;
          conflictWait = Math.min(max, conflictWait * 2);
        } else {
          failing = "error";
          outage.failed(e, { retryInMs: wait });
        }
        await sleep(retryIn, signal);
        if (signal.aborted) throw e;
      }
    }
  };
}

/** Longest wait between two tries to write a batch into the inbox while the database is away. */
export const ACCEPT_RETRY_CAP_MS = 5_000;

/** Starts polling; stop() stops fetching (a batch not yet in the inbox stays with Telegram). */
export function startPolling(bot: Bot<BotContext>, opts: PollingOptions): Polling {
  const { log, inbox } = opts;
  const fetch = createFetcher(bot, opts);
  const abort = new AbortController();
  const outage = inbox.outage;
  const kept = keptNotice(bot.api, opts.keptNoticeAfterMs);

  /** Writes the batch into the inbox, waiting for the database; false when stopped first. */
  async function keep(updates: Update[]): Promise<boolean> {
    for (let wait = 100; ; wait = Math.min(ACCEPT_RETRY_CAP_MS, wait * 2)) {
      try {
        await inbox.accept(updates);
        outage.ok({ updates: updates.length });
        kept.ok();
        return true;
      } catch (e) {
        outage.failed(e, { updates: updates.length });
        await kept.failed(updates);
        await sleep(wait, abort.signal);
        if (abort.signal.aborted) return false;
      }
    }
  }

  const task = (async () => {
    while (!abort.signal.aborted) {
      let updates: Update[];
      try {
        updates = await fetch(100, abort.signal);
      } catch (e) {
        if (abort.signal.aborted) return;
        throw e;
      }
      if (!(await keep(updates))) return;
    }
  })();
  return {
    stop: async () => {
      abort.abort();
      await task.catch(() => undefined);
    },
    task: () => task,
  };
}
