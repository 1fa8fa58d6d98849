// Tick: follow-up and complaint deadlines in working days.
import { runDeadlines } from "../domain/scheduled/deadlines.ts";
import type { Job } from "./job.ts";

export const deadlinesJob: Job = { name: "deadlines", cron: "0 */5 * * * *", run: runDeadlines };
