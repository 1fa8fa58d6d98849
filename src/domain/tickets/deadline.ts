// The completion deadline of a ticket (seed 001 §3.2 and 制度4, seed 004): minutes per priority,
// public areas in working days (the calendar's working-day function), a warning at 80 %.
import { addWorkingDays, calendarOf } from "../schedule.ts";
import { addMinutes } from "../time.ts";

export const PRIORITIES = ["urgent", "important", "normal"] as const;
export type Priority = (typeof PRIORITIES)[number];
export const UNFINISHED = ["open", "accepted", "arrived", "postponed"];
/** The share of the time to completion after which the technician is warned. */
export const WARN_AT = 0.8;

type Limits = {
  timezone: string | null; officeStart: string; officeEnd: string; holidays: string;
  completionUrgentMin: number; completionImportantMin: number; completionNormalMin: number; publicWorkingDays: number;
};

/** The completion deadline of a ticket from `from`: minutes per priority, public areas in working days. */
export function completionDeadline(p: Limits, priority: string, publicArea: boolean, from: Date): Date {
  if (publicArea && priority !== "urgent") return addWorkingDays(from, p.publicWorkingDays, calendarOf(p));
  const minutes = priority === "urgent" ? p.completionUrgentMin : priority === "important" ? p.completionImportantMin : p.completionNormalMin;
  return addMinutes(from, minutes);
}

/** When to warn before `due` (at 80 % of the time from `from`). */
export const warnAt = (from: Date, due: Date) => new Date(from.getTime() + (due.getTime() - from.getTime()) * WARN_AT);

/** The clock columns of a ticket whose deadline starts (again) now. */
export const completionClock = (from: Date, due: Date) => ({ completionDueAt: due, completionCheckAt: warnAt(from, due), completionLevel: 0 });

type DispatchLimits = { emergencyDispatchMin: number; dispatchTimeoutMin: number };

/** Minutes within which a ticket must be dispatched (accepted): emergencies have their own. */
export const dispatchMinutes = (p: DispatchLimits, emergency: boolean) =>
  (emergency ? p.emergencyDispatchMin : p.dispatchTimeoutMin);

/** The clock columns of a ticket that is (again) waiting for a technician: the escalation starts over. */
export const dispatchClock = (p: DispatchLimits, emergency: boolean, now: Date) =>
  ({ dispatchLevel: 0, dispatchDueAt: addMinutes(now, dispatchMinutes(p, emergency)) });
