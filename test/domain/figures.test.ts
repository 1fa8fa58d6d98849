// The managers' figures over a hand-made November 2026 whose every number is known (see the table in
// each expectation): six tickets, two technicians, two complaints, one rework, one fee.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parsePeriod } from "../../src/domain/figures/period.ts";
import { propertyReport, type Report } from "../../src/domain/figures/report.ts";
import { pct } from "../../src/domain/figures/headline.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { makeDesk, sh, value, type Desk } from "../jobs/site.ts";
import { makeStaff } from "../helpers/fixtures.ts";
import { november } from "../helpers/figures-month.ts";

let d: TestDatabase;
let s: Desk;
beforeEach(async () => { d = await testDatabase(); s = await makeDesk(d); });
afterEach(async () => { await d.drop(); });

const fig = (r: Report, key: string) => r.headline.figures.find((f) => f.key === key)!;

describe("the headline figures of a hand-made month", () => {
  it("counts every figure against its target", async () => {
    await november(d, s);
    const r = value(await propertyReport(d.db, s.supervisor.id, "bx", "2026-11", sh("2026-12-01T09:00:00")));
    const show = (key: string) => { const f = fig(r, key); return [f.num, f.den, f.met, !!f.missing]; };
    expect(show("reported")).toEqual([6, 1, null, false]);
    expect(show("completed")).toEqual([4, 1, null, false]);
    expect(show("satisfaction")).toEqual([2, 3, false, false]); // 5, 4 of 5, 4, 2
    expect(show("callback")).toEqual([3, 4, false, false]); // T4 never called back
    expect(show("dispatch")).toEqual([4, 5, false, false]); // T2 late
    expect(show("arrival")).toEqual([3, 4, false, false]); // T2 late; T4 at exactly 30 minutes counts
    expect(show("completion")).toEqual([0, 0, null, true]); // no completion clock recorded: "—"
    expect(show("emergency")).toEqual([1, 1, true, false]);
    expect(show("rework")).toEqual([1, 5, false, false]); // of the 5 not cancelled
    expect(show("complaints")).toEqual([2, 1, null, false]);
    expect(show("complaintAnswer")).toEqual([1, 2, false, false]);
    expect(show("validComplaints")).toEqual([1, 6, false, false]);
    expect(show("urges")).toEqual([2, 1, null, false]); // the rework ticket was chased twice
    expect(show("paid")).toEqual([5000, 1, null, false]);
    expect(pct(fig(r, "satisfaction"))).toBeCloseTo(66.67, 2);
    expect(r.headline.byCategory).toEqual([["water", 2], ["electricity", 2], ["other", 1], ["doors_locks", 1]]);
    expect(r.headline.byChannel).toEqual([["chat", 5], ["phone", 1]]);
  });

  it("gives each technician their line", async () => {
    await november(d, s);
    const r = value(await propertyReport(d.db, s.supervisor.id, "BX", "2026-11", sh("2026-12-01T09:00:00")));
    expect(r.technicians).toEqual([
      { id: s.technicians[0]!.id, name: "师傅1", done: 2, medianArrivalMin: 35, onTime: null, avgRating: 4.5, rework: 0, complaints: 0 },
      { id: s.technicians[1]!.id, name: "师傅2", done: 2, medianArrivalMin: 23.5, onTime: null, avgRating: 2, rework: 1, complaints: 1 },
    ]);
  });

  it("has a point per day: reports, completions (the October ticket on 1 Nov) and satisfaction", async () => {
    await november(d, s);
    const r = value(await propertyReport(d.db, s.supervisor.id, "BX", "2026-11", sh("2026-12-01T09:00:00")));
    expect(r.daily).toHaveLength(30);
    expect(r.daily.slice(0, 6)).toEqual([
      { day: "2026-11-01", reported: 0, completed: 1, satisfaction: null },
      { day: "2026-11-02", reported: 1, completed: 1, satisfaction: 100 },
      { day: "2026-11-03", reported: 1, completed: 1, satisfaction: 100 },
      { day: "2026-11-04", reported: 1, completed: 1, satisfaction: 0 },
      { day: "2026-11-05", reported: 1, completed: 1, satisfaction: null },
      { day: "2026-11-06", reported: 2, completed: 0, satisfaction: null },
    ]);
  });

  it("is for the property's supervisors and admins only", async () => {
    const other = await d.db.property.create({ data: { code: "QT", name: "QT", timezone: "Asia/Shanghai" } });
    const stranger = await makeStaff(d.db, other.id, "supervisor", "别处主管");
    const now = sh("2026-12-01T09:00:00");
    expect(await propertyReport(d.db, stranger.id, "BX", "month", now)).toEqual({ ok: false, error: "FORBIDDEN" });
    expect(await propertyReport(d.db, s.desk.id, "BX", "month", now)).toEqual({ ok: false, error: "FORBIDDEN" });
    expect(await propertyReport(d.db, s.supervisor.id, "NOPE", "month", now)).toEqual({ ok: false, error: "NOT_FOUND" });
    expect(await propertyReport(d.db, s.supervisor.id, "BX", "2026-13", now)).toEqual({ ok: false, error: "INVALID_INPUT" });
  });
});

describe("periods in the property's zone", () => {
  const now = new Date("2026-11-25T17:00:00Z"); // Thursday 01:00 in Shanghai, still Wednesday in UTC
  it("reads day, week (from Monday), this month and a named month", () => {
    expect(parsePeriod("day", now, "Asia/Shanghai")).toMatchObject({ label: "2026-11-26", from: sh("2026-11-26T00:00:00"), to: sh("2026-11-27T00:00:00") });
    expect(parsePeriod("week", now, "Asia/Shanghai")).toMatchObject({ label: "2026-11-23 ~ 2026-11-29", from: sh("2026-11-23T00:00:00") });
    expect(parsePeriod("", now, "Asia/Shanghai")).toMatchObject({ label: "2026-11", to: sh("2026-12-01T00:00:00") });
    expect(parsePeriod("2026-02", now, "Asia/Shanghai")!.days).toHaveLength(28);
    expect(parsePeriod("2026-12", now, "Europe/Berlin")!.from).toEqual(new Date("2026-11-30T23:00:00Z"));
    expect(parsePeriod("yesterday", now, "Asia/Shanghai")).toBeUndefined();
  });
});
