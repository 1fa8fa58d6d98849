// Tick: 30 minutes before an agreed time: technician and owner.
import { runAppointmentReminders } from "../domain/scheduled/appointment-reminder.ts";
import type { Job } from "./job.ts";

export const appointmentReminderJob: Job = { name: "appointment-reminder", cron: "0 * * * * *", run: runAppointmentReminders };
