// Long polling (the default): grammY's runner with a fetcher of our own, so that a 409 Conflict
// (another process polls with the same token) neither crashes the process nor stops the jobs and
// the outbox sender: it logs one line and retries with a capped backoff until the other one stops.
import {
  createConcurrentSink, createRunner, createSource, type RunnerHandle, type UpdateSupplier,
} from "@grammyjs/runner";
import { GrammyError, type Bot } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext } from "../bot/context.ts";
import type { Logger } from "../log.ts";
import { ALLOWED_UPDATES } from "./updates.ts";

export type PollingOptions = {
  log: Logger;
  /** Seconds Telegram holds a getUpdates open (default 30). */
  pollTimeoutS?: number;
  /** Backoff after a 409 Conflict: first wait and cap (default 1 s doubling to 60 s). */
  retryMs?: { first: number; max: number };
};

export type Polling = { stop: () => Promise<void>; task: () => Promise<void> | undefined };

/** The runner's AbortSignal type (a shim's, not the DOM one). */
type Signal = Parameters<UpdateSupplier<Update>["supply"]>[1];

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
  return async (batchSize: number, signal: Signal): Promise<Update[]> => {
    for (let wait = Math.min(first, FAILURE_RETRY_CAP_MS); ; wait = Math.min(FAILURE_RETRY_CAP_MS, wait * 2)) {
      try {
        // A webhook left from webhook mode makes every getUpdates a 409 (updates stay queued).
        if (!webhookDeleted) webhookDeleted = await bot.api.deleteWebhook();
        const limit = Math.max(1, Math.min(batchSize, 100));
        const args = { offset, limit, timeout: opts.pollTimeoutS ?? 30, allowed_updates: [...ALLOWED_UPDATES] };
        const updates = await bot.api.getUpdates(args, signal);
        if (failing === "error" || (failing === "conflict" && !announced)) log.info("polling again");
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
          log.warn("getUpdates failed, retrying", { error: String(e), retryInMs: wait });
        }
        await sleep(retryIn, signal);
        if (signal.aborted) throw e;
      }
    }
  };
}

/** Starts polling; stop() stops fetching and waits for the updates in hand. */
export function startPolling(bot: Bot<BotContext>, opts: PollingOptions): Polling {
  const source = createSource({ supply: createFetcher(bot, opts) });
  const sink = createConcurrentSink<Update>({ consume: (u) => bot.handleUpdate(u) }, async (error) => {
    try {
      await bot.errorHandler(error as never);
    } catch (e) {
      opts.log.error("update error handler failed", { error: String(e) });
    }
  });
  const runner: RunnerHandle = createRunner(source, sink);
  runner.start();
  return { stop: () => runner.stop(), task: () => runner.task() };
}
