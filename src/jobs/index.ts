// Starts the scheduled jobs as node-cron ticks in the configured time zone; stop() waits for the
// ticks in progress. node-cron only decides when a tick happens: what is due lives in the database.
import cron from "node-cron";
import { DEFAULT_TIMEZONE } from "../domain/schedule.ts";
import { appointmentReminderJob } from "./appointment-reminder.ts";
import { arrivalWatchJob } from "./arrival-watch.ts";
import { callbacksJob } from "./callbacks.ts";
import { closeOutJob } from "./close-out.ts";
import { deadlinesJob } from "./deadlines.ts";
import { dispatchEscalationJob } from "./dispatch-escalation.ts";
import { summariesJob } from "./summaries.ts";
import { assignTimeoutsJob } from "./assign-timeouts.ts";
import { completionClockJob } from "./completion-clock.ts";
import { handoverJob } from "./handover.ts";
import { jobCardsJob } from "./job-cards.ts";
import { pruneJob } from "./prune.ts";
import { createTicker, type Job, type JobDeps } from "./job.ts";

export type { Job, JobDeps } from "./job.ts";
export { createTicker } from "./job.ts";

export const JOBS: Job[] = [
  dispatchEscalationJob, assignTimeoutsJob, arrivalWatchJob, appointmentReminderJob, callbacksJob, deadlinesJob,
  closeOutJob, completionClockJob, jobCardsJob, handoverJob, summariesJob, pruneJob,
];

type Task = { stop: () => void | Promise<void>; destroy?: () => void | Promise<void> };
type Schedule = (expression: string, fn: () => Promise<unknown>, options: { name: string; timezone: string; noOverlap: boolean }) => Task;

export type StartOptions = {
  jobs?: Job[];
  /** node-cron's schedule (tests pass a fake to fire ticks by hand). */
  schedule?: Schedule;
};

/** Starts one ticker per job; returns stop(), which waits for running ticks to finish. */
export function startJobs(deps: JobDeps, options: StartOptions = {}): { stop(): Promise<void> } {
  const timezone = deps.timezone ?? DEFAULT_TIMEZONE;
  const schedule: Schedule = options.schedule ?? ((expression, fn, opts) => cron.schedule(expression, fn, opts));
  const jobs = options.jobs ?? JOBS;
  const tickers = jobs.map((job) => createTicker(job, { ...deps, timezone }));
  const tasks = tickers.map((t, i) => schedule(jobs[i]!.cron, t.tick, { name: t.name, timezone, noOverlap: true }));
  deps.log.info("jobs started", { jobs: tickers.map((t) => t.name), timezone });
  return {
    stop: async () => {
      for (const task of tasks) {
        await task.stop();
        await task.destroy?.();
      }
      await Promise.all(tickers.map((t) => t.idle()));
      deps.log.info("jobs stopped");
    },
  };
}
