// Tick: the night handover to the desk at the start of office hours.
import { runHandover } from "../domain/scheduled/handover.ts";
import type { Job } from "./job.ts";

export const handoverJob: Job = { name: "handover", cron: "0 * * * * *", run: runHandover };
