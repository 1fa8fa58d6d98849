// Tick: the callback ladder (回访): request, reminder, phone task.
import { runCallbacks } from "../domain/scheduled/callbacks.ts";
import type { Job } from "./job.ts";

export const callbacksJob: Job = { name: "callbacks", cron: "*/30 * * * * *", run: runCallbacks };
