// Tick: the nightly prune of processed update ids, sent notifications and stale conversation state.
import { runPrune } from "../domain/scheduled/prune.ts";
import type { Job } from "./job.ts";

export const pruneJob: Job = { name: "prune", cron: "0 30 3 * * *", run: runPrune };
