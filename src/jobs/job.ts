// A scheduled job: a node-cron expression deciding when to tick, and the domain function that
// does the work over due-time columns (the database is the schedule; a missed tick loses nothing).
import type { Database } from "../db/client.ts";
import type { JobOptions, TickReport } from "../domain/scheduled/batch.ts";
import type { Logger } from "../log.ts";

export type Job = {
  name: string;
  /** node-cron expression (six fields: with seconds). */
  cron: string;
  run: (database: Database, now: Date, opts?: JobOptions) => Promise<TickReport>;
};

export type JobDeps = { database: Database; clock: () => Date; log: Logger; timezone?: string; retentionDays?: number };

/**
 * Wraps a job for node-cron: a tick while the previous one still runs is skipped (ticks never
 * overlap), and a tick never throws (errors are logged; the due rows stay due).
 */
export function createTicker(job: Job, deps: JobDeps) {
  let running: Promise<TickReport | null> | null = null;
  const once = async (): Promise<TickReport | null> => {
    try {
      const report = await job.run(deps.database, deps.clock(), { log: deps.log, defaultTimezone: deps.timezone, retentionDays: deps.retentionDays });
      if (report.done + report.failed + report.held > 0) deps.log.info(`job ${job.name}`, report);
      return report;
    } catch (error) {
      deps.log.error(`job ${job.name}: tick failed`, { error: String(error) });
      return null;
    }
  };
  return {
    name: job.name,
    /** Runs one tick unless one is running; resolves with its report (null if skipped or failed). */
    tick: async (): Promise<TickReport | null> => {
      if (running) return null;
      running = once();
      try {
        return await running;
      } finally {
        running = null;
      }
    },
    /** Resolves when the tick in progress (if any) has finished. */
    idle: async () => { await running; },
  };
}
