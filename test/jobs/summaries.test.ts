// The monthly summary on the 1st and the weekly reconciliation on Mondays, at office start in the
// property's zone, once each even with two schedulers racing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { t } from "../../src/bot/i18n.ts";
import { runSummaries } from "../../src/domain/scheduled/summaries.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { november } from "../helpers/figures-month.ts";
import { makeStaff } from "../helpers/fixtures.ts";
import { makeDesk, secondScheduler, sent, sh, type Desk } from "./site.ts";

let d: TestDatabase;
let s: Desk;
beforeEach(async () => { d = await testDatabase(); s = await makeDesk(d); });
afterEach(async () => { await d.drop(); });

describe("the monthly summary", () => {
  it("reaches supervisors and admins on the 1st at office start, once, with last month's figures", async () => {
    const admin = await makeStaff(d.db, s.property.id, "admin", "管理员");
    await d.db.roleGrant.updateMany({ where: { personId: admin.id }, data: { propertyId: null } });
    await november(d, s);
    await runSummaries(d, sh("2026-11-30T10:00:00")); // schedules: 1 Dec 08:00 and Monday 7 Dec 08:00
    expect(await d.db.property.findUniqueOrThrow({ where: { id: s.property.id } })).toMatchObject({
      nextMonthlyDueAt: sh("2026-12-01T08:00:00"), nextWeeklyDueAt: sh("2026-12-07T08:00:00"),
    });
    await runSummaries(d, sh("2026-12-01T07:59:00"));
    expect(await sent(d, "report-monthly")).toHaveLength(0);
    const other = await secondScheduler(d);
    try {
      await Promise.all([runSummaries(d, sh("2026-12-01T08:00:00")), runSummaries(other.database, sh("2026-12-01T08:00:00"))]);
    } finally {
      await other.close();
    }
    const rows = await sent(d, "report-monthly");
    expect(rows.map((r) => r.personId).sort()).toEqual([s.supervisor.id, admin.id].sort());
    const params = JSON.parse(rows[0]!.params);
    expect(params).toMatchObject({ period: "2026-11", satisfaction: "66.7% (2/3)  ≥95%  ❌", emergency: "100.0% (1/1)  ≥100%  ✅", completion: "—  ≥100%", paid: "50.00" });
    expect(t("zh-CN", "report-monthly", params)).toContain("满意率              66.7% (2/3)  ≥95%  ❌");
    expect(t("en", "report-monthly", params)).toContain("Satisfaction         66.7% (2/3)  ≥95%  ❌");
    expect((await d.db.property.findUniqueOrThrow({ where: { id: s.property.id } })).nextMonthlyDueAt).toEqual(sh("2027-01-01T08:00:00"));
  });

  it("follows the property's zone: Berlin's 1st at 08:00 Berlin time", async () => {
    await d.db.property.update({ where: { id: s.property.id }, data: { timezone: "Europe/Berlin" } });
    await runSummaries(d, new Date("2026-11-30T12:00:00Z"));
    expect((await d.db.property.findUniqueOrThrow({ where: { id: s.property.id } })).nextMonthlyDueAt).toEqual(new Date("2026-12-01T07:00:00Z"));
  });
});

describe("the weekly reconciliation", () => {
  it("lists the unfinished work to the desk and supervisors on Monday, once", async () => {
    await november(d, s);
    await runSummaries(d, sh("2026-11-30T10:00:00"));
    await runSummaries(d, sh("2026-12-07T08:00:00"));
    await runSummaries(d, sh("2026-12-07T08:01:00"));
    const rows = await sent(d, "reconciliation-weekly");
    expect(rows.map((r) => r.personId).sort()).toEqual([s.supervisor.id, s.desk.id].sort());
    const params = JSON.parse(rows[0]!.params);
    expect(params).toMatchObject({ count: 2, complaints: 1, date: "2026-12-07" }); // the rework in progress and December's open ticket
    expect(params.table.split("\n").map((l: string) => l.split(/\s+/)[0])).toEqual(["BX-T6", "BX-T8"]);
    expect(t("zh-CN", "reconciliation-weekly", params)).toContain("未完成工单 2 张，未办结投诉 1 件");
  });
});
