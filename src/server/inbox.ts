// The durable inbox between Telegram and the bot. `accept` writes updates into the database and
// resolves only once they are written: the caller acknowledges them to Telegram after that (the
// next getUpdates, or the webhook's 200). They are then handled from the inbox, one chat at a time
// in order (different chats at once) and marked handled. A kill -9 at any instant loses nothing:
// what was acknowledged is in the inbox, and what was being handled is handled again on restart
// (handlers are safe to repeat). Processes sharing a database share the inbox: a chat's unhandled
// updates are claimed by one of them (renewed while it works, taken over when the claim lapses).
import { BotError } from "grammy";
import type { Update } from "grammy/types";
import { randomUUID } from "node:crypto";
import { DatabaseUnavailable, markInboxed } from "../bot/inboxed.ts";
import type { InboxRow, InboxStore } from "../db/bookkeeping.ts";
import { outageLog, type Logger, type OutageLog } from "../log.ts";

export type InboxOptions = {
  store: InboxStore;
  /** Handles one update (bot.handleUpdate); a DatabaseUnavailable leaves it in the inbox for later. */
  handle: (update: Update) => Promise<void>;
  clock: () => Date;
  log: Logger;
  /** How long a claim holds without renewal (default 10 s: a dead process's chats resume within it). */
  claimMs?: number;
  /** How often unheld chats are looked for, and claims renewed (default 1 s). */
  sweepMs?: number;
  /**
   * The key of a chat's conversation state (the bot's storage): an update of a chat nobody is handling
   * is then claimed where it is written, with that state read in the same statement (see AcceptClaim).
   */
  sessionKey?: (chatKey: string) => string;
};

export type Inbox = {
  /** Writes the updates (throws when the database cannot take them: do not acknowledge them then). */
  accept: (updates: Update[]) => Promise<void>;
  start: () => void;
  /** Resolves when nothing is being handled. */
  idle: () => Promise<void>;
  /** Stops taking up chats; waits for the updates in hand. */
  stop: () => Promise<void>;
  holder: string;
  /** The database outage as the inbox sees it (one line when it starts, one when it ends). */
  outage: OutageLog;
};


/** The chat an update belongs to: updates of one chat are handled one at a time, in order. */
export function chatKeyOf(update: Update): string {
  const { update_id: _id, ...kinds } = update;
  const body = Object.values(kinds)[0] as
    { chat?: { id: number }; message?: { chat?: { id: number } }; from?: { id: number } } | undefined;
  return String(body?.chat?.id ?? body?.message?.chat?.id ?? body?.from?.id ?? "");
}

/** Ids this far below the highest one seen are not reordering but numbering that started over. */
const REORDER_SLACK = 100; // getUpdates hands out at most 100 at a time

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createInbox(opts: InboxOptions): Inbox {
  const { store, clock, log } = opts;
  const claimMs = opts.claimMs ?? 10_000;
  const sweepMs = opts.sweepMs ?? 1_000;
  const holder = randomUUID();
  /** The chats this process is handling: rows claimed at the write, and whether to claim again. */
  type Lane = { again: boolean; inHand: InboxRow[] };
  const lanes = new Map<string, Lane>();
  const tasks = new Set<Promise<void>>();
  const outage = outageLog(log, "inbox: database unreachable (unacknowledged updates stay with Telegram)");
  let stopped = true;
  let last = 0;
  let timer: NodeJS.Timeout | undefined;

  const until = () => new Date(clock().getTime() + claimMs);

  /** Handles one update; false when it must stay in the inbox (the database is away). */
  async function handleOne(raw: string): Promise<boolean> {
    const update = JSON.parse(raw) as Update;
    markInboxed(update);
    try {
      await opts.handle(update);
    } catch (e) {
      const error = e instanceof BotError ? e.error : e;
      if (error instanceof DatabaseUnavailable) return false;
      log.error("update failed", { update: update.update_id, error: String(error) });
    }
    return true;
  }

  /** Marks it handled; a database that is away is waited for (else it would be handled again). */
  async function markDone(updateId: number) {
    for (let wait = 100; ; wait = Math.min(wait * 2, 5_000)) {
      try {
        return await store.done(updateId, clock());
      } catch (e) {
        if (stopped) throw e; // the claim lapses: the update is handled again by whoever comes next
        outage.failed(e);
        await sleep(wait);
      }
    }
  }

  /**
   * Handles the chat's unhandled updates in order: those in hand (claimed at the write) first, then
   * what a claim finds while woken again. The lane leaves the map in the same step as it decides to
   * stop, so a row handed to it is never left behind.
   */
  async function runLane(chat: string, lane: Lane) {
    // a row claimed at the write may also come back from a claim running meanwhile (claimedBy is us)
    const handled = new Set<number>();
    for (;;) {
      let rows = lane.inHand.splice(0);
      if (rows.length === 0 && lane.again && !stopped) {
        lane.again = false;
        rows = await store.claim(chat, holder, until(), clock());
      }
      if (rows.length === 0 && (lane.inHand.length === 0 && !lane.again || stopped)) {
        if (lanes.get(chat) === lane) lanes.delete(chat);
        return;
      }
      for (const row of rows) {
        if (handled.has(row.updateId)) continue;
        handled.add(row.updateId);
        if (stopped || !(await handleOne(row.raw))) {
          await store.release(chat, holder).catch(() => undefined);
          return;
        }
        await markDone(row.updateId);
      }
    }
  }

  function wake(chat: string, inHand: InboxRow[] = []) {
    const lane = lanes.get(chat);
    if (lane) {
      lane.inHand.push(...inHand);
      if (inHand.length === 0) lane.again = true;
      return;
    }
    const fresh: Lane = { again: inHand.length === 0, inHand };
    lanes.set(chat, fresh);
    const task: Promise<void> = runLane(chat, fresh)
      .catch((e) => outage.failed(e))
      .finally(() => {
        if (lanes.get(chat) === fresh) lanes.delete(chat);
        tasks.delete(task);
      });
    tasks.add(task);
  }

  /** Chats nobody holds (after a restart, an outage, another process's death), and claims renewed. */
  let sweepFailing = false;
  async function sweep() {
    try {
      if (lanes.size > 0) await store.renew(holder, until());
      for (const chat of await store.waiting(clock(), 100)) if (!lanes.has(chat)) wake(chat);
      if (sweepFailing) outage.ok(); // (a sweep that works says nothing of writes: accept says when they do)
      sweepFailing = false;
    } catch (e) {
      sweepFailing = true;
      outage.failed(e);
    }
  }

  const loop = () => {
    timer = undefined;
    if (stopped) return;
    void sweep().finally(() => {
      if (!stopped) timer = setTimeout(loop, sweepMs);
    });
  };

  return {
    holder,
    outage,
    async accept(updates) {
      if (updates.length === 0) return;
      const rows = updates.map((u) => ({ updateId: u.update_id, chatKey: chatKeyOf(u), raw: JSON.stringify(u) }));
      const sessionKey = opts.sessionKey;
      const claim = sessionKey && !stopped ? { holder, until: until(), sessionKey } : undefined;
      const fresh = new Map((await store.accept(rows, clock(), claim)).map((a) => [a.updateId, a.claimed]));
      for (const row of rows) {
        const { updateId: id, chatKey } = row;
        const claimed = fresh.get(id);
        if (claimed === undefined) continue; // a redelivery: already in the inbox
        if (last - id > REORDER_SLACK) log.warn("update ids went back: numbering started over, serving them", { last, update: id });
        last = last - id > REORDER_SLACK ? id : Math.max(last, id);
        if (stopped) continue;
        // claimed where it was written (nothing else of the chat is unhandled): in hand, no claim of its own
        wake(chatKey, claimed ? [row] : []);
      }
    },
    start() {
      if (!stopped) return;
      stopped = false;
      timer = setTimeout(loop, 0);
    },
    idle: async () => {
      while (tasks.size > 0) await Promise.allSettled([...tasks]);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      while (tasks.size > 0) await Promise.allSettled([...tasks]);
    },
  };
}
