// Tick: completion deadlines: the technician warned at 80 %, the supervisors at the breach.
import { runCompletionClock } from "../domain/scheduled/completion-clock.ts";
import type { Job } from "./job.ts";

export const completionClockJob: Job = { name: "completion-clock", cron: "*/30 * * * * *", run: runCompletionClock };
