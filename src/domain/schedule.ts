// Office hours and working days in a property's time zone. Pure: the clock is always a parameter.
// Office hours apply every day (the desk and the control room work weekends in shifts); working
// days (complaint and follow-up deadlines) follow src/domain/calendar.ts: the official calendar with
// its 调休 weekends in mainland China, weekends elsewhere, the property's own lists on top.
import { followsOfficialCalendar, isWorkingDate as isWorkingDay_ } from "./calendar.ts";
import { zonedParts } from "./time.ts";

export const DEFAULT_TIMEZONE = "Asia/Shanghai";

/** A property's time zone, or the default when it has none. */
export const zoneOf = (p: { timezone: string | null }) => p.timezone ?? DEFAULT_TIMEZONE;

export type Calendar = {
  tz: string;
  /** Minutes after local midnight. */
  officeStart: number;
  officeEnd: number;
  /** Local dates "YYYY-MM-DD" that are not working days. */
  holidays: ReadonlySet<string>;
  /** Local dates that are working days whatever the calendar says. */
  workdays: ReadonlySet<string>;
  /** China's official calendar (holidays, 调休 working weekends) instead of plain weekends. */
  official: boolean;
};

type PropertyHours = {
  timezone: string | null; officeStart: string; officeEnd: string; holidays: string;
  workdays?: string | null; officialCalendar?: string | null;
};

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "08:30" → 510. Throws on anything else (a property's configuration is wrong). */
export function minutesOf(hhmm: string): number {
  const m = HHMM.exec(hhmm.trim());
  if (!m) throw new Error(`invalid time of day "${hhmm}" (expected HH:MM)`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** "2026-10-01,2026-10-02" → a set; blanks are ignored, anything else is a configuration error. */
export function parseHolidays(list: string): Set<string> {
  const days = list.split(/[\s,;]+/).filter(Boolean);
  for (const d of days) if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`invalid holiday "${d}" (expected YYYY-MM-DD)`);
  return new Set(days);
}

/** Zones already checked (building a formatter to check one costs about a hundred times more than using it). */
const knownZones = new Set<string>();

/** The calendar of a property; its time zone falls back to the configured default. */
export function calendarOf(p: PropertyHours, defaultTz = DEFAULT_TIMEZONE): Calendar {
  const tz = p.timezone ?? defaultTz;
  if (!knownZones.has(tz)) {
    new Intl.DateTimeFormat("en", { timeZone: tz }); // throws RangeError on an unknown zone
    knownZones.add(tz);
  }
  return {
    tz, officeStart: minutesOf(p.officeStart), officeEnd: minutesOf(p.officeEnd), holidays: parseHolidays(p.holidays),
    workdays: parseHolidays(p.workdays ?? ""), official: followsOfficialCalendar(p.officialCalendar, tz),
  };
}

type LocalDate = { year: number; month: number; day: number };
const d2 = (n: number) => String(n).padStart(2, "0");
const isoDate = (d: LocalDate) => `${d.year}-${d2(d.month)}-${d2(d.day)}`;

/** The instant at which the wall clock in tz shows the given local date and minute of the day. */
export function localInstant(d: LocalDate, minuteOfDay: number, tz: string, second = 0): Date {
  const wall = Date.UTC(d.year, d.month - 1, d.day, 0, minuteOfDay, second);
  const offsetAt = (t: number) => {
    const p = zonedParts(new Date(t), tz);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
  };
  const first = wall - offsetAt(wall);
  const second_ = wall - offsetAt(first); // differs only next to a DST change
  return new Date(second_);
}

/** The local date `days` after d (negative: before). */
function shiftDate(d: LocalDate, days: number): LocalDate & { weekday: number } {
  const u = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: u.getUTCFullYear(), month: u.getUTCMonth() + 1, day: u.getUTCDate(), weekday: u.getUTCDay() };
}

function isWorkingDate(d: LocalDate & { weekday: number }, cal: Calendar): boolean {
  return isWorkingDay_(isoDate(d), d.weekday, cal);
}

/** Whether the local day of `at` is a working day under the property's calendar. */
export function isWorkingDay(at: Date, cal: Calendar): boolean {
  return isWorkingDate(shiftDate(zonedParts(at, cal.tz), 0), cal);
}

/** Whether `at` falls inside office hours (start inclusive, end exclusive), any day of the week. */
export function isOfficeHours(at: Date, cal: Calendar): boolean {
  const p = zonedParts(at, cal.tz);
  const m = p.hour * 60 + p.minute;
  return cal.officeStart <= cal.officeEnd
    ? m >= cal.officeStart && m < cal.officeEnd
    : m >= cal.officeStart || m < cal.officeEnd; // a desk open across midnight
}

/** The first start of office hours strictly after `at`. */
export function nextOfficeStart(at: Date, cal: Calendar): Date {
  const today = zonedParts(at, cal.tz);
  for (let i = 0; i <= 2; i++) {
    const start = localInstant(shiftDate(today, i), cal.officeStart, cal.tz);
    if (start > at) return start;
  }
  throw new Error("unreachable: an office start within two days");
}

/**
 * The office's last night before `at`: from the close (office end) to the latest opening at or before
 * `at`. It does not depend on when it is asked (a late tick, a restart across the opening).
 */
export function lastNight(at: Date, cal: Calendar): { from: Date; to: Date } {
  const today = zonedParts(at, cal.tz);
  const to = [0, -1, -2].map((i) => localInstant(shiftDate(today, i), cal.officeStart, cal.tz)).find((t) => t <= at)!;
  const day = zonedParts(to, cal.tz);
  const from = [0, -1, -2].map((i) => localInstant(shiftDate(day, i), cal.officeEnd, cal.tz)).find((t) => t < to)!;
  return { from, to };
}

/**
 * `at` itself when it falls in office hours on a working day, otherwise the next office start of a
 * working day: when a staff reminder that is not about an emergency may go out.
 */
export function officeTime(at: Date, cal: Calendar): Date {
  if (isOfficeHours(at, cal) && isWorkingDay(at, cal)) return at;
  let start = nextOfficeStart(at, cal);
  for (let i = 0; !isWorkingDay(start, cal); i++) {
    if (i > 366 * 2) throw new Error("no working days within two years: check the holiday list");
    start = nextOfficeStart(start, cal);
  }
  return start;
}

/** `at` itself inside office hours, otherwise the next office start (the night hold). */
export function inOfficeHours(at: Date, cal: Calendar): Date {
  return isOfficeHours(at, cal) ? at : nextOfficeStart(at, cal);
}

/** The start of the local day of `at`. */
export function localDayStart(at: Date, tz: string): Date {
  return localInstant(zonedParts(at, tz), 0, tz);
}

/** A property's own time range [from, to) (its local day, in its zone). */
export type PropertyRange = { propertyId: number; from: Date; to: Date };

/**
 * One query over many properties' own ranges (zones and days may differ): an OR with one term per
 * distinct range, over the properties that share it. Each property has one range, so grouping the
 * rows by property gives each its own figures.
 */
export function byRange<W>(ranges: PropertyRange[], where: (propertyId: { in: number[] }, range: { gte: Date; lt: Date }) => W): { OR: W[] } {
  const groups = new Map<string, { range: { gte: Date; lt: Date }; ids: number[] }>();
  for (const r of ranges) {
    const key = `${r.from.getTime()}:${r.to.getTime()}`;
    const group = groups.get(key) ?? { range: { gte: r.from, lt: r.to }, ids: [] };
    group.ids.push(r.propertyId);
    groups.set(key, group);
  }
  return { OR: [...groups.values()].map((g) => where({ in: g.ids }, g.range)) };
}

/** "YYYY-MM-DD" of the local day of `at`. */
export function localDate(at: Date, tz: string): string {
  return isoDate(zonedParts(at, tz));
}

/** The next local time-of-day ("17:30") at or after `from` (strictly after when `strict`). */
export function nextDailyAt(from: Date, hhmm: string, tz: string, strict = false): Date {
  const minute = minutesOf(hhmm);
  const today = zonedParts(from, tz);
  for (let i = 0; i <= 2; i++) {
    const at = localInstant(shiftDate(today, i), minute, tz);
    if (strict ? at > from : at >= from) return at;
  }
  throw new Error("unreachable: a daily time within two days");
}

/**
 * `n` working days after `at` at the same local time of day (negative n: before). Counting starts
 * with the next day, so Friday 10:00 + 1 is Monday 10:00, and Saturday 10:00 + 1 too.
 */
export function addWorkingDays(at: Date, n: number, cal: Calendar): Date {
  const p = zonedParts(at, cal.tz);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let k = 0;
  while (left > 0) {
    k += step;
    if (isWorkingDate(shiftDate(p, k), cal)) left--;
    if (Math.abs(k) > 366 * 2) throw new Error("no working days within two years: check the holiday list");
  }
  const day = shiftDate(p, k);
  return new Date(localInstant(day, p.hour * 60 + p.minute, cal.tz, p.second).getTime() + at.getMilliseconds());
}

/**
 * When to remind the assignee of a deadline: one working day before it; when that is already past
 * (a one-working-day deadline), two hours before; when even that is past, at the deadline itself.
 * A reminder waits for office hours on a working day, as long as that comes before the deadline.
 */
export function reminderBefore(dueAt: Date, now: Date, cal: Calendar): Date {
  const dayBefore = addWorkingDays(dueAt, -1, cal);
  const shortly = new Date(dueAt.getTime() - 2 * 3_600_000);
  const at = dayBefore > now ? dayBefore : shortly > now ? shortly : dueAt;
  const office = officeTime(at, cal);
  return office < dueAt ? office : at;
}
