// The period of a report in the property's zone: today, this week (from Monday), this month, or a
// named month "YYYY-MM". Pure: the clock and the zone are parameters.
import { localInstant } from "../schedule.ts";
import { zonedParts } from "../time.ts";

export type PeriodKind = "day" | "week" | "month";
export type Period = { kind: PeriodKind; from: Date; to: Date; label: string; days: string[] };

const d2 = (n: number) => String(n).padStart(2, "0");
type Ymd = { year: number; month: number; day: number };
const ymd = (u: Date): Ymd => ({ year: u.getUTCFullYear(), month: u.getUTCMonth() + 1, day: u.getUTCDate() });
const iso = (d: Ymd) => `${d.year}-${d2(d.month)}-${d2(d.day)}`;
const dayAfter = (d: Ymd, n: number) => ymd(new Date(Date.UTC(d.year, d.month - 1, d.day + n)));

/** Local days from `first` for `count` days, as "YYYY-MM-DD". */
const daysFrom = (first: Ymd, count: number) => Array.from({ length: count }, (_, i) => iso(dayAfter(first, i)));

/**
 * "day" | "week" | "month" | "YYYY-MM" (default month) → the period, or undefined when unreadable
 * or a named month outside 2000 … next year (no figures there; 9999-12 would end past year 9999).
 */
export function parsePeriod(arg: string, now: Date, tz: string): Period | undefined {
  const a = arg.trim().toLowerCase() || "month";
  const today = zonedParts(now, tz);
  const start = (d: Ymd) => localInstant(d, 0, tz);
  const named = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(a);
  if (a === "day") {
    return { kind: "day", from: start(today), to: start(dayAfter(today, 1)), label: iso(today), days: [iso(today)] };
  }
  if (a === "week") {
    const back = (new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() + 6) % 7;
    const monday = dayAfter(today, -back);
    return { kind: "week", from: start(monday), to: start(dayAfter(monday, 7)), label: `${iso(monday)} ~ ${iso(dayAfter(monday, 6))}`, days: daysFrom(monday, 7) };
  }
  if (a !== "month" && !named) return undefined;
  if (named && (Number(named[1]) < 2000 || Number(named[1]) > today.year + 1)) return undefined;
  const year = named ? Number(named[1]) : today.year;
  const month = named ? Number(named[2]) : today.month;
  const first = { year, month, day: 1 };
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { kind: "month", from: start(first), to: start(dayAfter(first, length)), label: `${year}-${d2(month)}`, days: daysFrom(first, length) };
}

/** The month before the one `now` falls in (the monthly summary on the 1st). */
export function previousMonth(now: Date, tz: string): Period {
  const p = zonedParts(now, tz);
  const prev = p.month === 1 ? `${p.year - 1}-12` : `${p.year}-${d2(p.month - 1)}`;
  return parsePeriod(prev, now, tz)!;
}
