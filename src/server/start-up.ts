// Start-up calls to Telegram (getMe, setMyCommands) on a loop of our own: grammY 1.38.4's `bot.init`
// retry waits 0, 100, 300, 700 s and logs nothing (TRAPS.md). Here every failed try logs one line,
// the wait doubles up to 60 s, and a stop (SIGTERM) ends the wait at once.
import { GrammyError } from "grammy";
import type { Logger } from "../log.ts";

/** The longest wait between two tries of any retry loop (start-up, polling, the outbox sender). */
export const RETRY_CAP_MS = 60_000;

export type RetryOptions = {
  log: Logger;
  firstMs?: number;
  capMs?: number;
  /** Aborted: give up waiting (resolves undefined). */
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
};

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done);
  });
}

/** 401 (a revoked or wrong token) and other 4xx but 429 do not get better by waiting. */
const isFinal = (e: unknown) => e instanceof GrammyError && e.error_code >= 400 && e.error_code < 500 && e.error_code !== 429;

/** Runs fn until it works; undefined when stopped first. A final error (a wrong token) is thrown. */
export async function retryUntilUp<T>(what: string, fn: () => Promise<T>, opts: RetryOptions): Promise<T | undefined> {
  const cap = opts.capMs ?? RETRY_CAP_MS;
  const sleep = opts.sleep ?? abortableSleep;
  for (let attempt = 1, wait = opts.firstMs ?? 1_000; ; attempt++, wait = Math.min(cap, wait * 2)) {
    if (opts.signal?.aborted) return undefined;
    try {
      return await fn();
    } catch (e) {
      if (opts.signal?.aborted) return undefined;
      if (isFinal(e)) throw e;
      const retryAfter = e instanceof GrammyError ? (e.parameters.retry_after ?? 0) * 1000 : 0;
      const next = Math.min(cap, Math.max(wait, retryAfter));
      opts.log.warn(`start-up: ${what} failed, trying again`, { attempt, retryInS: next / 1000, error: String(e) });
      await sleep(next, opts.signal);
    }
  }
}
