// The night handover: at the start of office hours the desk gets what came in since the close,
// what was done and what is still open, once across two schedulers.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runHandover } from "../../src/domain/scheduled/handover.ts";
import { acceptJob } from "../../src/domain/tickets/dispatch.ts";
import { markDone } from "../../src/domain/tickets/work.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { count, makeDesk, reported, secondScheduler, sent, sh, value, type Desk } from "./site.ts";

let d: TestDatabase;
let s: Desk;
beforeEach(async () => {
  d = await testDatabase();
  s = await makeDesk(d);
});
afterEach(async () => { await d.drop(); });

describe("night handover", () => {
  it("tells the desk at 08:00 what came in at night, what was done and what is open, once", async () => {
    await runHandover(d, sh("2026-11-22T20:00:00")); // schedules the first one for 08:00
    await reported(d, s, sh("2026-11-22T17:00:00")); // during the day: not in the night's list
    const burst = await reported(d, s, sh("2026-11-22T22:10:00"), { emergency: true, description: "水管爆裂" });
    value(await acceptJob(d, s.technicians[0]!.id, burst, sh("2026-11-22T22:12:00")));
    value(await markDone(d, s.technicians[0]!.id, burst, { note: "关阀更换管段" }, sh("2026-11-22T23:30:00")));
    await reported(d, s, sh("2026-11-23T06:40:00"), { category: "lighting", description: "楼道灯不亮" });
    expect((await runHandover(d, sh("2026-11-23T07:59:00"))).done).toBe(0);
    const other = await secondScheduler(d);
    const reports = await Promise.all([runHandover(d, sh("2026-11-23T08:00:00")), runHandover(other.database, sh("2026-11-23T08:00:00"))]);
    await other.close();
    expect(reports.map((r) => r.done).sort()).toEqual([0, 1]);
    expect(await count(d, "handover-digest")).toBe(1);
    const [digest] = await sent(d, "handover-digest", s.desk.id);
    const p = JSON.parse(digest!.params);
    expect(p).toMatchObject({ came: 2, done: 1, open: 1, since: "2026-11-22 17:30" });
    expect(p.table.split("\n")).toHaveLength(2);
    expect(p.table).toContain("!");
  });

  it("covers the office's close to its opening when it is sent late (a restart across 08:00)", async () => {
    await runHandover(d, sh("2026-11-22T20:00:00"));
    await reported(d, s, sh("2026-11-22T17:40:00"), { description: "厨房水管滴水" });
    await reported(d, s, sh("2026-11-22T22:10:00"), { description: "楼道灯不亮" });
    await reported(d, s, sh("2026-11-23T06:40:00"), { description: "门锁坏了" });
    await reported(d, s, sh("2026-11-23T09:10:00"), { description: "白天报的" }); // after the opening: the day's
    expect((await runHandover(d, sh("2026-11-23T09:20:00"))).done).toBe(1);
    const [digest] = await sent(d, "handover-digest", s.desk.id);
    expect(JSON.parse(digest!.params)).toMatchObject({ came: 3, since: "2026-11-22 17:30" });
  });
});
