// Tick: the technicians' job cards show the time left to their next deadline.
import { runJobCards } from "../domain/scheduled/job-cards.ts";
import type { Job } from "./job.ts";

export const jobCardsJob: Job = { name: "job-cards", cron: "*/20 * * * * *", run: runJobCards };
