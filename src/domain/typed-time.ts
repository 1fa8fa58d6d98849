// A time an owner or technician types ("周六上午", "明天 9 点", "下午3点半", "tomorrow 2pm") read as
// an instant in the property's time zone. Pure: the clock is a parameter. Null when it cannot be
// read with confidence: then people agree the time (the desk is asked).
import { localInstant } from "./schedule.ts";
import { zonedParts } from "./time.ts";

const WEEKDAYS: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const NUMERALS: Record<string, number> = { 零: 0, 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/** A part of the day and the hour it starts at when no hour is given. */
const PERIODS: [RegExp, number, "am" | "pm"][] = [
  [/上午|早上|早晨|morning|(\d|\b)am\b/, 9, "am"],
  [/中午|noon/, 12, "pm"],
  [/下午|afternoon|(\d|\b)pm\b/, 14, "pm"],
  [/晚上|傍晚|evening|tonight/, 19, "pm"],
];

/** "三" → 3, "十一" → 11, "12" → 12. */
function numberOf(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return NUMERALS[s] ?? NaN;
  const [a, b] = [...s];
  if (a === "十") return 10 + (NUMERALS[b!] ?? NaN);
  if (b === "十") return (NUMERALS[a!] ?? NaN) * 10;
  return NaN;
}

/** Days from today named by the text (今天 0, 明天 1, 后天 2, 周六 → the next Saturday), or null when none. */
function dayOffset(text: string, todayWeekday: number): number | null {
  if (/今天|今日|today|tonight/.test(text)) return 0;
  if (/后天|後天|day after tomorrow/.test(text)) return 2;
  if (/明天|明日|tomorrow/.test(text)) return 1;
  const w = /(?:周|週|星期|礼拜|禮拜)([一二三四五六日天])/.exec(text);
  if (!w) return null;
  const diff = (WEEKDAYS[w[1]!]! - todayWeekday + 7) % 7;
  return diff; // today's weekday: today (a past time moves on a week below)
}

/** The instant a typed time names, or null when it cannot be read. */
export function parseTypedTime(raw: string, now: Date, tz: string): Date | null {
  const text = raw.trim().toLowerCase();
  const today = zonedParts(now, tz);
  const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
  const offset = dayOffset(text, weekday);
  const period = PERIODS.find(([re]) => re.test(text));
  const clock = /(\d{1,2}|[零一两二三四五六七八九十]{1,3})\s*(?:点|點|时|時|[:：]|\s*(?=am|pm))\s*(半|\d{1,2})?/.exec(text);
  if (offset === null && !clock) return null; // "上午" alone names no day
  let hour = clock ? numberOf(clock[1]!) : period ? period[1] : NaN;
  const minute = clock?.[2] === "半" ? 30 : clock?.[2] ? Number(clock[2]) : 0;
  if (clock && period?.[2] === "pm" && hour < 12) hour += 12;
  if (!Number.isFinite(hour) || hour > 23 || minute > 59) return null;
  const at = (days: number) => localInstant(shift(today, days), hour * 60 + minute, tz);
  if (offset !== null) {
    const when = at(offset);
    if (when > now) return when;
    return /周|週|星期|礼拜|禮拜/.test(text) ? at(offset + 7) : null; // "今天 9 点" already past: ask
  }
  return at(0) > now ? at(0) : at(1); // only an hour: its next occurrence
}

function shift(d: { year: number; month: number; day: number }, days: number) {
  const u = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: u.getUTCFullYear(), month: u.getUTCMonth() + 1, day: u.getUTCDate() };
}
