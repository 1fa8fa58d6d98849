// Tick: a job offered to one technician alone that ran out (or was declined).
import { runAssignTimeouts } from "../domain/scheduled/assign-timeouts.ts";
import type { Job } from "./job.ts";

export const assignTimeoutsJob: Job = { name: "assign-timeouts", cron: "*/15 * * * * *", run: runAssignTimeouts };
