// Working days: China's official calendar (statutory holidays and the 调休 working weekends, from the
// maintained `chinese-days` data) for properties in mainland China, weekends elsewhere; the property's
// own holidays and extra working days always win. Pure: dates are local "YYYY-MM-DD" strings.
import chineseDays from "chinese-days";

/** Zones of mainland China (Hong Kong, Macau and Taiwan keep their own calendars). */
const MAINLAND_ZONES = new Set(["Asia/Shanghai", "Asia/Chongqing", "Asia/Chungking", "Asia/Harbin", "Asia/Urumqi", "Asia/Kashgar", "PRC"]);

export const OFFICIAL_CALENDARS = ["auto", "cn", "none"] as const;
export type OfficialCalendar = (typeof OFFICIAL_CALENDARS)[number];

/** Whether a property follows China's official calendar: "cn" yes, "none" no, "auto" by its zone. */
export function followsOfficialCalendar(setting: string | null | undefined, tz: string): boolean {
  if (setting === "cn") return true;
  if (setting === "none") return false;
  return MAINLAND_ZONES.has(tz);
}

export type DayRules = {
  official: boolean;
  /** The property's own rest days and working days, "YYYY-MM-DD". */
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
};

/** Whether a local date (with its weekday, 0 = Sunday) is a working day under the rules. */
export function isWorkingDate(iso: string, weekday: number, rules: DayRules): boolean {
  if (rules.workdays.has(iso)) return true;
  if (rules.holidays.has(iso)) return false;
  if (rules.official) return chineseDays.isWorkday(iso);
  return weekday !== 0 && weekday !== 6;
}
