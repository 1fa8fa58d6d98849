// Tick: the monthly summary on the 1st and the weekly reconciliation on Mondays (Property due columns).
import { runSummaries } from "../domain/scheduled/summaries.ts";
import type { Job } from "./job.ts";

export const summariesJob: Job = { name: "summaries", cron: "30 * * * * *", run: runSummaries };
