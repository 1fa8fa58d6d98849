// Tick: the daily close-out per property (Property.closeOutAt).
import { runCloseOut } from "../domain/scheduled/close-out.ts";
import type { Job } from "./job.ts";

export const closeOutJob: Job = { name: "close-out", cron: "0 * * * * *", run: runCloseOut };
