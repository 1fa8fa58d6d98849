// Reporting periods in a property's time zone: today, this week (from Monday), this month.
import { localDate, localDayStart, localInstant } from "../schedule.ts";
import { addMinutes, zonedParts } from "../time.ts";

export const PERIODS = ["day", "week", "month"] as const;
export type Period = (typeof PERIODS)[number];
export const isPeriod = (s: string): s is Period => (PERIODS as readonly string[]).includes(s);

const WEEKDAY = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
/** The local day start `days` days after the day of `at` (noon steps keep clear of DST edges). */
const shiftDays = (at: Date, days: number, tz: string) =>
  localDayStart(addMinutes(localDayStart(at, tz), days * 1440 + 720), tz);

/** [from, to) of the period containing `now`, with its first and last local dates for people. */
export type Range = { from: Date; to: Date; first: string; last: string };

export function periodRange(period: Period, now: Date, tz: string): Range {
  const p = zonedParts(now, tz);
  const from = period === "day" ? localDayStart(now, tz)
    : period === "week" ? shiftDays(now, -WEEKDAY.indexOf(p.weekday), tz)
    : localInstant({ year: p.year, month: p.month, day: 1 }, 0, tz);
  const to = period === "day" ? shiftDays(now, 1, tz)
    : period === "week" ? shiftDays(from, 7, tz)
    : localInstant(p.month === 12 ? { year: p.year + 1, month: 1, day: 1 } : { year: p.year, month: p.month + 1, day: 1 }, 0, tz);
  return { from, to, first: localDate(from, tz), last: localDate(addMinutes(to, -1), tz) };
}
