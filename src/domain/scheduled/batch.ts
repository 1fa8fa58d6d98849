// What every scheduled job shares: options, the tick report, the per-item error boundary, backoff,
// and who to alert. A job finds due rows with an indexed `due <= now` query (LIMIT batch), claims
// them with a conditional update inside a transaction (the ids changed are ours), then acts in the
// same transaction; a failure rolls the items back and pushes their due time later.
import type { Database, Tx } from "../../db/client.ts";
import { eventRow, logEvents, type EventInput } from "../events.ts";
import { messageRow, notifyEach, replacePendingEdits, type Notice } from "../notify.ts";
import { cardWakes } from "../tickets/job-card.ts";
import { calendarOf, DEFAULT_TIMEZONE, type Calendar } from "../schedule.ts";

export type JobLog = {
  error: (msg: string, extra?: object) => void;
  info?: (msg: string, extra?: object) => void;
};

export type JobOptions = {
  /** Items handled per tick (the rest wait for the next tick). */
  batch?: number;
  log?: JobLog;
  /** Time zone of properties that have none (from configuration). */
  defaultTimezone?: string;
  /** Days sent notifications and stale conversation state are kept (from configuration). */
  retentionDays?: number;
};

/** What a tick did: rows found due, acted on, only rescheduled (night hold), lost to another scheduler, failed. */
export type TickReport = { job: string; due: number; done: number; held: number; skipped: number; failed: number };

export type Outcome = "done" | "held" | "skipped";

export const DEFAULT_BATCH = 100;
const MINUTE = 60_000;
const MAX_BACKOFF_MIN = 60;

export const batchOf = (opts: JobOptions = {}) => Math.max(1, opts.batch ?? DEFAULT_BATCH);

/** Exponential retry delay in minutes for the n-th failure (0-based): 1, 2, 4 … capped at 60. */
export const backoffMinutes = (failures: number) => Math.min(MAX_BACKOFF_MIN, 2 ** Math.max(0, failures));

/** Retry delay from the time of the first failure: the gap doubles with each retry (1, 1, 2, 4 … 60 min). */
export function backoffSince(firstFailureAt: Date | null, now: Date): Date {
  const since = firstFailureAt ? now.getTime() - firstFailureAt.getTime() : 0;
  return new Date(now.getTime() + Math.min(MAX_BACKOFF_MIN * MINUTE, Math.max(MINUTE, since)));
}

/**
 * Runs `handle` for each due item, one at a time. A throw is logged with the item's id, `retry`
 * pushes the item later, and the batch goes on.
 */
export async function eachDue<T extends { id: number }>(
  job: string, items: T[], opts: JobOptions,
  handle: (item: T) => Promise<Outcome>,
  retry: (item: T, error: unknown) => Promise<void>,
): Promise<TickReport> {
  const report: TickReport = { job, due: items.length, done: 0, held: 0, skipped: 0, failed: 0 };
  for (const item of items) {
    try {
      report[await handle(item)]++;
    } catch (error) {
      report.failed++;
      opts.log?.error(`job ${job}: item failed, retrying later`, { id: item.id, error: String(error) });
      try {
        await retry(item, error);
      } catch (again) {
        opts.log?.error(`job ${job}: could not reschedule item`, { id: item.id, error: String(again) });
      }
    }
  }
  return report;
}

/** The calendar of a loaded property row, with the configured default time zone. */
export const calendarFor = (p: Parameters<typeof calendarOf>[0], opts: JobOptions): Calendar =>
  calendarOf(p, opts.defaultTimezone ?? DEFAULT_TIMEZONE);


/** Minutes between two instants, rounded down. */
export const minutesBetween = (from: Date, to: Date) => Math.max(0, Math.floor((to.getTime() - from.getTime()) / MINUTE));

/** The report of a tick that found nothing due (the job's "anything due?" probe said no). */
export const nothingDue = (job: string): TickReport => ({ job, due: 0, done: 0, held: 0, skipped: 0, failed: 0 });

/** What an item's action writes besides its claim: queued, then written with one statement each. */
export type Writes = {
  notify: (personId: number, n: Notice) => void;
  notifyAll: (personIds: number[], n: Notice) => void;
  /** An edit of a message (kind "edit", ref) that replaces an edit of the ref still waiting to go out. */
  edit: (personId: number, n: Notice & { ref: string }) => void;
  event: (e: EventInput) => void;
  /** A read shared by the tick's items (who is on duty at a property): loaded once per key. */
  once: <T>(key: string, load: () => Promise<T>) => Promise<T>;
};

function collect(now: Date) {
  const notices: { personId: number; notice: Notice }[] = [];
  const edits: [number, Notice][] = [];
  const events: EventInput[] = [];
  const loaded = new Map<string, Promise<unknown>>();
  const writes: Writes = {
    notify: (personId, notice) => void notices.push({ personId, notice }),
    notifyAll: (ids, notice) => { for (const personId of new Set(ids)) notices.push({ personId, notice }); },
    edit: (personId, notice) => void edits.push([personId, { ...notice, kind: "edit" }]),
    event: (e) => void events.push(e),
    once: <T>(key: string, load: () => Promise<T>) => {
      if (!loaded.has(key)) loaded.set(key, load());
      return loaded.get(key) as Promise<T>;
    },
  };
  const flush = async (tx: Tx) => {
    const unreplaced = edits.length === 0 ? [] : await replacePendingEdits(tx, edits);
    await notifyEach(tx, now, [...notices.map(({ personId, notice }): [number, Notice] => [personId, notice]), ...unreplaced]);
    await logEvents(tx, events);
  };
  const offers: TickOffer[] = [];
  const offer = (o: TickOffer) => void offers.push(o);
  /** The same writes as rows for the sweep's commit (no edits there). */
  const rows = () => {
    if (edits.length > 0) throw new Error("an edit needs the transaction's path (act), not write");
    const messages = notices.map(({ personId, notice }) => messageRow(personId, notice, now));
    const written = offers.length > 0 ? { offers: offerRows(offers, now) } : {};
    return { messages, events: events.map(eventRow), wake: cardWakes(events), ...written };
  };
  return { writes: { ...writes, offer }, flush, rows };
}

/**
 * A round of offers of one ticket written with its claim: its existing offer rows renewed (by id),
 * new ones for the technicians named, and the message of each offer written (by its id).
 */
export type TickOffer = {
  ticketId: number; round: number; renew: number[]; create: number[];
  notices: (offerIdOf: (technicianId: number) => number | undefined) => [personId: number, n: Notice][];
};

/** The tick's offers as the sweep's commit writes them: one update per round, one insert, their messages. */
function offerRows(offers: TickOffer[], now: Date) {
  const rounds = [...new Set(offers.map((o) => o.round))];
  return {
    renew: rounds.map((round) => ({ round, ids: offers.filter((o) => o.round === round).flatMap((o) => o.renew) })),
    create: offers.flatMap((o) => o.create.map((technicianId) => ({ ticketId: o.ticketId, technicianId, round: o.round, createdAt: now }))),
    messages: (offerIdOf: (ticketId: number, technicianId: number) => number | undefined) => offers.flatMap((o) => o
      .notices((technicianId) => offerIdOf(o.ticketId, technicianId))
      .map(([personId, n]) => messageRow(personId, n, now))),
  };
}

/** What an item's write may do on the sweep's path: messages, events, offers (what they need was read before the claim). */
export type TickWrites = Pick<Writes, "notify" | "notifyAll" | "event"> & { offer: (o: TickOffer) => void };

/** One item's claim: the values it was read with (they must still hold) and what the claim sets. */
export type Plan = { where: Record<string, unknown>; data: Record<string, unknown>; outcome: Outcome };

export type Claims<T> = {
  job: string;
  plan: (item: T) => Plan;
  /** Pushes a failed item later (outside any transaction). */
  retry: (item: T, error: unknown) => Promise<void>;
} & ({
  /**
   * The sweep's path (src/db/sweep.ts), off Prisma: the claims of `model`'s rows, then, in the same
   * short transaction, what `write` queues for each item won, without reads.
   */
  model: "ticket" | "survey" | "followUp" | "complaint" | "property" | "jobCard";
  write: (item: T, outcome: Outcome, w: TickWrites) => void;
} | {
  /** The conditional update of many rows (`where` is an OR of the items' conditions); the ids won. */
  claim: (tx: Tx, where: { OR: Record<string, unknown>[] }, data: Record<string, unknown>) => Promise<{ id: number }[]>;
} & ({
  /** What happens once the claim is won: reads through tx, messages and events through w. */
  act: (tx: Tx, item: T, outcome: Outcome, w: Writes) => Promise<void>;
} | {
  /** The same for all the items won at once, when their reads and writes are shared (set-based). */
  actAll: (tx: Tx, won: { item: T; outcome: Outcome }[], w: Writes) => Promise<void>;
}));

/**
 * Claims and acts on the due items of a tick in one transaction: one conditional update per
 * distinct claim (an item lost to another scheduler is skipped), then one insert for all the
 * messages and one for all the events. When that transaction fails, the items are taken again one
 * by one, each in its own transaction, so one bad item only delays itself.
 */
export async function claimDue<T extends { id: number }>(
  database: Database, items: T[], now: Date, opts: JobOptions, spec: Claims<T>,
): Promise<TickReport> {
  if (items.length === 0) return nothingDue(spec.job);
  /** The items' plans, grouped by what their claim sets (one conditional update per group). */
  const planned = (batch: T[]) => {
    const plans = batch.map((item) => ({ item, ...spec.plan(item) }));
    const groups = new Map<string, typeof plans>();
    for (const p of plans) {
      const key = JSON.stringify(p.data);
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    return { plans, groups: [...groups.values()].map((g) => ({ where: { OR: g.map((p) => ({ ...p.where, id: p.item.id })) }, data: g[0]!.data })) };
  };
  const counted = (plans: { item: T; outcome: Outcome }[], won: Set<number>) => {
    const report = { ...nothingDue(spec.job), due: plans.length };
    for (const p of plans) report[won.has(p.item.id) ? p.outcome : "skipped"]++;
    return report;
  };
  const tick = async (batch: T[]): Promise<TickReport> => {
    const { plans, groups } = planned(batch);
    if ("write" in spec) {
      const won = await database.sweep.commit(groups.map((g) => ({ model: spec.model, ...g })), (won) => {
        const { writes, rows } = collect(now);
        for (const p of plans) if (won.has(p.item.id)) spec.write(p.item, p.outcome, writes);
        return rows();
      });
      return counted(plans, won);
    }
    return database.tx(async (tx) => {
      const won = new Set<number>();
      for (const g of groups) for (const r of await spec.claim(tx, g.where, g.data)) won.add(r.id);
      const { writes, flush } = collect(now);
      const ours = plans.filter((p) => won.has(p.item.id));
      if ("actAll" in spec) await spec.actAll(tx, ours, writes);
      if ("act" in spec) for (const p of ours) await spec.act(tx, p.item, p.outcome, writes);
      await flush(tx);
      return counted(plans, won);
    });
  };
  if (items.length > 1) {
    try {
      return await tick(items);
    } catch {
      // rolled back whole; the item that failed is logged (with its id) on the way below
    }
  }
  return eachDue(spec.job, items, opts, async (item) => {
    const r = await tick([item]);
    return r.done ? "done" : r.held ? "held" : "skipped";
  }, spec.retry);
}
