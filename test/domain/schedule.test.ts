import { describe, expect, it } from "vitest";
import {
  addWorkingDays, calendarOf, inOfficeHours, isOfficeHours, isWorkingDay, localDayStart, localInstant,
  nextDailyAt, nextOfficeStart, parseHolidays, reminderBefore,
} from "../../src/domain/schedule.ts";

const shanghai = calendarOf({ timezone: "Asia/Shanghai", officeStart: "08:00", officeEnd: "17:30", holidays: "2026-10-01,2026-10-02" });
const at = (iso: string) => new Date(iso);

describe("office hours in the property's time zone", () => {
  it("is open 08:00-17:30 local (start inclusive, end exclusive), every day of the week", () => {
    expect(isOfficeHours(at("2026-11-23T00:00:00+08:00"), shanghai)).toBe(false);
    expect(isOfficeHours(at("2026-11-23T07:59:00+08:00"), shanghai)).toBe(false);
    expect(isOfficeHours(at("2026-11-23T08:00:00+08:00"), shanghai)).toBe(true);
    expect(isOfficeHours(at("2026-11-23T17:29:00+08:00"), shanghai)).toBe(true);
    expect(isOfficeHours(at("2026-11-23T17:30:00+08:00"), shanghai)).toBe(false);
    expect(isOfficeHours(at("2026-11-28T10:00:00+08:00"), shanghai)).toBe(true); // a Saturday
  });

  it("finds the next office start: later today before 08:00, tomorrow after it", () => {
    expect(nextOfficeStart(at("2026-11-23T06:10:00+08:00"), shanghai)).toEqual(at("2026-11-23T08:00:00+08:00"));
    expect(nextOfficeStart(at("2026-11-23T22:00:00+08:00"), shanghai)).toEqual(at("2026-11-24T08:00:00+08:00"));
    expect(nextOfficeStart(at("2026-11-23T08:00:00+08:00"), shanghai)).toEqual(at("2026-11-24T08:00:00+08:00"));
    expect(inOfficeHours(at("2026-11-23T10:00:00+08:00"), shanghai)).toEqual(at("2026-11-23T10:00:00+08:00"));
    expect(inOfficeHours(at("2026-11-23T23:00:00+08:00"), shanghai)).toEqual(at("2026-11-24T08:00:00+08:00"));
  });

  it("uses the zone, not the server's clock: 20:00 in Shanghai is 13:00 in Berlin", () => {
    const berlin = calendarOf({ timezone: "Europe/Berlin", officeStart: "08:00", officeEnd: "17:30", holidays: "" });
    const t = at("2026-11-23T12:00:00Z");
    expect(isOfficeHours(t, shanghai)).toBe(false);
    expect(isOfficeHours(t, berlin)).toBe(true);
    expect(nextOfficeStart(t, berlin)).toEqual(at("2026-11-24T07:00:00Z"));
  });

  it("falls back to the configured zone and rejects a bad one", () => {
    const p = { timezone: null, officeStart: "08:00", officeEnd: "17:30", holidays: "" };
    expect(calendarOf(p, "Europe/London").tz).toBe("Europe/London");
    expect(() => calendarOf({ ...p, timezone: "Mars/Base" })).toThrow();
    expect(() => calendarOf({ ...p, officeStart: "8am" })).toThrow(/HH:MM/);
  });

  it("keeps wall-clock times across a DST change", () => {
    // Berlin moves to summer time on 2026-03-29 at 02:00
    expect(localInstant({ year: 2026, month: 3, day: 28 }, 8 * 60, "Europe/Berlin")).toEqual(at("2026-03-28T07:00:00Z"));
    expect(localInstant({ year: 2026, month: 3, day: 30 }, 8 * 60, "Europe/Berlin")).toEqual(at("2026-03-30T06:00:00Z"));
    expect(localDayStart(at("2026-11-23T20:00:00Z"), "Asia/Shanghai")).toEqual(at("2026-11-24T00:00:00+08:00"));
  });

  it("finds the next daily time, e.g. the 17:30 close-out", () => {
    expect(nextDailyAt(at("2026-11-23T10:00:00+08:00"), "17:30", "Asia/Shanghai")).toEqual(at("2026-11-23T17:30:00+08:00"));
    expect(nextDailyAt(at("2026-11-23T17:30:00+08:00"), "17:30", "Asia/Shanghai")).toEqual(at("2026-11-23T17:30:00+08:00"));
    expect(nextDailyAt(at("2026-11-23T17:30:00+08:00"), "17:30", "Asia/Shanghai", true)).toEqual(at("2026-11-24T17:30:00+08:00"));
  });
});

describe("working days", () => {
  it("skips weekends and the property's holidays", () => {
    expect(isWorkingDay(at("2026-11-23T10:00:00+08:00"), shanghai)).toBe(true); // Monday
    expect(isWorkingDay(at("2026-11-28T10:00:00+08:00"), shanghai)).toBe(false); // Saturday
    expect(isWorkingDay(at("2026-10-01T10:00:00+08:00"), shanghai)).toBe(false); // National Day
    expect(isWorkingDay(at("2026-10-01T01:00:00Z"), shanghai)).toBe(false); // 09:00 local on the holiday
  });

  it("adds working days at the same local time", () => {
    expect(addWorkingDays(at("2026-11-23T10:00:00+08:00"), 1, shanghai)).toEqual(at("2026-11-24T10:00:00+08:00"));
    expect(addWorkingDays(at("2026-11-27T10:00:00+08:00"), 1, shanghai)).toEqual(at("2026-11-30T10:00:00+08:00")); // Fri → Mon
    expect(addWorkingDays(at("2026-11-28T10:00:00+08:00"), 1, shanghai)).toEqual(at("2026-11-30T10:00:00+08:00")); // Sat → Mon
    expect(addWorkingDays(at("2026-11-26T15:00:00+08:00"), 3, shanghai)).toEqual(at("2026-12-01T15:00:00+08:00")); // Thu → Tue
    expect(addWorkingDays(at("2026-11-30T10:00:00+08:00"), -1, shanghai)).toEqual(at("2026-11-27T10:00:00+08:00")); // Mon → Fri
  });

  it("skips holidays: Wednesday 30 September + 1 working day is Thursday 8 October (official calendar)", () => {
    expect(addWorkingDays(at("2026-09-30T10:00:00+08:00"), 1, shanghai)).toEqual(at("2026-10-08T10:00:00+08:00"));
    const ownList = calendarOf({ timezone: "Asia/Shanghai", officeStart: "08:00", officeEnd: "17:30", holidays: "2026-10-01,2026-10-02", officialCalendar: "none" });
    expect(addWorkingDays(at("2026-09-30T10:00:00+08:00"), 1, ownList)).toEqual(at("2026-10-05T10:00:00+08:00"));
    const noHolidays = calendarOf({ timezone: "Asia/Shanghai", officeStart: "08:00", officeEnd: "17:30", holidays: "", officialCalendar: "none" });
    expect(addWorkingDays(at("2026-09-30T10:00:00+08:00"), 1, noHolidays)).toEqual(at("2026-10-01T10:00:00+08:00"));
  });

  it("counts working days by the local date, not the UTC date", () => {
    // 01:00 Saturday in Shanghai is still Friday in UTC
    expect(addWorkingDays(at("2026-11-28T01:00:00+08:00"), 1, shanghai)).toEqual(at("2026-11-30T01:00:00+08:00"));
  });

  it("parses the holiday list and refuses a malformed one", () => {
    expect([...parseHolidays(" 2026-10-01, 2026-10-02 ,")]).toEqual(["2026-10-01", "2026-10-02"]);
    expect(() => parseHolidays("2026-10-01,Oct 3")).toThrow(/holiday/);
  });

  it("reminds one working day before a deadline, or two hours before a one-day deadline", () => {
    const now = at("2026-11-23T10:00:00+08:00");
    expect(reminderBefore(at("2026-11-26T10:00:00+08:00"), now, shanghai)).toEqual(at("2026-11-25T10:00:00+08:00"));
    expect(reminderBefore(at("2026-11-24T10:00:00+08:00"), now, shanghai)).toEqual(at("2026-11-24T08:00:00+08:00"));
    expect(reminderBefore(at("2026-11-23T11:00:00+08:00"), now, shanghai)).toEqual(at("2026-11-23T11:00:00+08:00"));
  });
});
