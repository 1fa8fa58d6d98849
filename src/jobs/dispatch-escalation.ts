// Tick: jobs not accepted in time: re-offer and alert.
import { runDispatchEscalation } from "../domain/scheduled/dispatch-escalation.ts";
import type { Job } from "./job.ts";

export const dispatchEscalationJob: Job = { name: "dispatch-escalation", cron: "*/15 * * * * *", run: runDispatchEscalation };
