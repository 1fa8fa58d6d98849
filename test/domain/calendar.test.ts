// The working-day calendar with real 2026 dates: China's statutory holidays and 调休 working weekends
// for mainland properties, plain weekends elsewhere, the property's own lists on top.
import { describe, expect, it } from "vitest";
import { addWorkingDays, calendarOf, isWorkingDay } from "../../src/domain/schedule.ts";

const base = { officeStart: "08:00", officeEnd: "17:30", holidays: "" };
const shanghai = calendarOf({ ...base, timezone: "Asia/Shanghai" });
const hongKong = calendarOf({ ...base, timezone: "Asia/Hong_Kong" });
const at = (local: string, offset = "+08:00") => new Date(`${local}${offset}`);

describe("mainland China: the official calendar", () => {
  it("counts a 调休 Saturday as a working day and the Spring Festival days as rest days", () => {
    expect(isWorkingDay(at("2026-02-14T10:00:00"), shanghai)).toBe(true); // Saturday, 调休
    expect(isWorkingDay(at("2026-02-16T10:00:00"), shanghai)).toBe(false); // Monday, 春节
    expect(isWorkingDay(at("2026-09-20T10:00:00"), shanghai)).toBe(true); // Sunday, 调休 for 国庆
    expect(isWorkingDay(at("2026-10-01T10:00:00"), shanghai)).toBe(false);
    expect(isWorkingDay(at("2026-11-28T10:00:00"), shanghai)).toBe(false); // an ordinary Saturday
  });

  it("adds working days across the holidays: Friday + 1 is the 调休 Saturday, + 2 is after the festival", () => {
    expect(addWorkingDays(at("2026-02-13T10:00:00"), 1, shanghai)).toEqual(at("2026-02-14T10:00:00"));
    expect(addWorkingDays(at("2026-02-13T10:00:00"), 2, shanghai)).toEqual(at("2026-02-24T10:00:00"));
    expect(addWorkingDays(at("2026-09-30T10:00:00"), 1, shanghai)).toEqual(at("2026-10-08T10:00:00"));
    expect(addWorkingDays(at("2026-10-09T10:00:00"), 1, shanghai)).toEqual(at("2026-10-10T10:00:00")); // Saturday 调休
  });

  it("puts the property's own lists on top: an extra working day, an own holiday", () => {
    const own = calendarOf({ ...base, timezone: "Asia/Shanghai", workdays: "2026-02-21", holidays: "2026-02-14" });
    expect(addWorkingDays(at("2026-02-13T10:00:00"), 1, own)).toEqual(at("2026-02-21T10:00:00"));
    expect(isWorkingDay(at("2026-02-14T10:00:00"), own)).toBe(false);
  });

  it("can be switched by the setting: none uses weekends, cn applies it in another zone", () => {
    const none = calendarOf({ ...base, timezone: "Asia/Shanghai", officialCalendar: "none" });
    expect(isWorkingDay(at("2026-02-14T10:00:00"), none)).toBe(false);
    expect(isWorkingDay(at("2026-02-16T10:00:00"), none)).toBe(true);
    const cnInHk = calendarOf({ ...base, timezone: "Asia/Hong_Kong", officialCalendar: "cn" });
    expect(isWorkingDay(at("2026-02-14T10:00:00"), cnInHk)).toBe(true);
  });
});

describe("elsewhere: weekends and the property's own list", () => {
  it("Hong Kong ignores the mainland 调休: Friday + 1 is Monday, unless the property lists a holiday", () => {
    expect(addWorkingDays(at("2026-02-13T10:00:00"), 1, hongKong)).toEqual(at("2026-02-16T10:00:00"));
    const own = calendarOf({ ...base, timezone: "Asia/Hong_Kong", holidays: "2026-02-16,2026-02-17" });
    expect(addWorkingDays(at("2026-02-13T10:00:00"), 1, own)).toEqual(at("2026-02-18T10:00:00"));
  });
});
