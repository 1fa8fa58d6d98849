// The completion deadline of a ticket (seed 001 §3.2 and 制度4, seed 004): minutes per priority,
// public areas in working days (the calendar's working-day function), a warning at 80 %.
import { addWorkingDays, calendarOf, officeTime, type Calendar } from "../schedule.ts";
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

/**
 * When to warn before `due`: at 80 % of the time from `from`. Given the property's calendar (work
 * that is not an emergency), a warning out of office hours waits for the next office start of a
 * working day, when that still comes before the due.
 */
export function warnAt(from: Date, due: Date, office: Calendar | null = null): Date {
  const at = new Date(from.getTime() + (due.getTime() - from.getTime()) * WARN_AT);
  const held = office ? officeTime(at, office) : at;
  return held < due ? held : at;
}

/** The calendar that holds a ticket's staff reminders to office hours; none for an emergency. */
export const reminderHours = (p: Parameters<typeof calendarOf>[0], emergency: boolean) =>
  (emergency ? null : calendarOf(p));

/** The clock columns of a ticket whose deadline starts (again) now. */
export const completionClock = (from: Date, due: Date, office: Calendar | null = null) =>
  ({ completionDueAt: due, completionCheckAt: warnAt(from, due, office), completionLevel: 0 });

type DispatchLimits = { emergencyDispatchMin: number; dispatchTimeoutMin: number };

/** Minutes within which a ticket must be dispatched (accepted): emergencies have their own. */
export const dispatchMinutes = (p: DispatchLimits, emergency: boolean) =>
  (emergency ? p.emergencyDispatchMin : p.dispatchTimeoutMin);

/** The clock columns of a ticket that is (again) waiting for a technician: the escalation starts over. */
export const dispatchClock = (p: DispatchLimits, emergency: boolean, now: Date) =>
  ({ dispatchLevel: 0, dispatchDueAt: addMinutes(now, dispatchMinutes(p, emergency)) });
