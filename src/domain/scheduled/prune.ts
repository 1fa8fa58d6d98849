// The prune sweep: bookkeeping rows that only grow are removed once they are older than the
// retention (configuration, RETENTION_DAYS). Events are the audit trail and are never pruned.
import type { Database } from "../../db/client.ts";
import { nothingDue, type JobOptions, type TickReport } from "./batch.ts";

export const DEFAULT_RETENTION_DAYS = 30;
/** Handled updates stay in the inbox this long (redeliveries come within minutes, never after a day). */
export const UPDATE_ID_WINDOW_MS = 24 * 3_600_000;
const DAY = 86_400_000;

/** Deletes handled inbox updates past the window; sent/dead outbox rows and stale conversation state past the retention. */
export async function runPrune(database: Database, now: Date, opts: JobOptions = {}): Promise<TickReport> {
  const db = database.db;
  const cutoff = new Date(now.getTime() - (opts.retentionDays ?? DEFAULT_RETENTION_DAYS) * DAY);
  const window = new Date(now.getTime() - UPDATE_ID_WINDOW_MS);
  const probe = await database.anyDue([
    { table: "InboundUpdate", column: "handledAt", at: window },
    { table: "Outbox", column: "createdAt", status: ["sent", "dead"], at: cutoff },
    { table: "Session", column: "updatedAt", orNull: true, at: cutoff },
  ]);
  if (!probe) return nothingDue("prune");
  // Handled updates leave the inbox once past the dedupe window (unhandled ones are never pruned).
  const updates = await db.inboundUpdate.deleteMany({ where: { handledAt: { lt: window } } });
  const outbox = await db.outbox.deleteMany({ where: { status: { in: ["sent", "dead"] }, createdAt: { lt: cutoff } } });
  // Conversations in progress are rewritten on every update (and dropped after 30 min unanswered).
  const sessions = await db.session.deleteMany({ where: { updatedAt: { lt: cutoff } } });
  // Rows written before Session.updatedAt existed get a date now, and go one retention later.
  await db.session.updateMany({ where: { updatedAt: null }, data: { updatedAt: now } });
  const done = updates.count + outbox.count + sessions.count;
  if (done > 0) opts.log?.info?.("prune", { updates: updates.count, outbox: outbox.count, sessions: sessions.count });
  return { job: "prune", due: done, done, held: 0, skipped: 0, failed: 0 };
}
