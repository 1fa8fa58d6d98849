// Tick: accepted jobs without arrival: technician, then supervisor.
import { runArrivalWatch } from "../domain/scheduled/arrival-watch.ts";
import type { Job } from "./job.ts";

export const arrivalWatchJob: Job = { name: "arrival-watch", cron: "*/30 * * * * *", run: runArrivalWatch };
