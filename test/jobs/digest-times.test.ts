// Changing office hours, the close-out time or the time zone moves every scheduled digest to its new
// local time: nothing is sent twice, and after a zone change the first ones come at the new local time.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { updatePropertySetting } from "../../src/domain/properties.ts";
import { runCloseOut } from "../../src/domain/scheduled/close-out.ts";
import { runHandover } from "../../src/domain/scheduled/handover.ts";
import { runSummaries } from "../../src/domain/scheduled/summaries.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { makeStaff } from "../helpers/fixtures.ts";
import { count, makeDesk, min, sh, value, type Desk } from "./site.ts";

let d: TestDatabase;
let s: Desk;
let admin: number;
beforeEach(async () => {
  d = await testDatabase();
  s = await makeDesk(d);
  admin = (await makeStaff(d.db, s.property.id, "admin", "管理员")).id;
  await d.db.roleGrant.updateMany({ where: { personId: admin }, data: { propertyId: null } });
});
afterEach(async () => { await d.drop(); });

const tick = async (at: Date) => {
  await runHandover(d, at);
  await runSummaries(d, at);
  await runCloseOut(d, at);
};
/** Ticks every 10 minutes from `from` to `to` (inclusive). */
const ticks = async (from: Date, to: Date) => {
  for (let at = from; at <= to; at = min(at, 10)) await tick(at);
};
const set = async (key: string, v: string, at: Date) => value(await updatePropertySetting(d.db, admin, s.property.id, key, v, at));
const digests = async () => ({
  handover: await count(d, "handover-digest", s.desk.id),
  weekly: await count(d, "reconciliation-weekly", s.desk.id),
  monthly: await count(d, "report-monthly", s.supervisor.id),
  closeOut: await count(d, "closeout-report", s.desk.id),
});

describe("digest times after a change of hours or zone", () => {
  it("a later office start sends the handover, the weekly list and the monthly figures once, at the new time", async () => {
    await tick(sh("2026-11-29T20:00:00")); // Sunday: handover and weekly list Monday 08:00, figures 1 Dec 08:00
    await set("officeStart", "08:30", sh("2026-11-30T07:00:00"));
    await ticks(sh("2026-11-30T07:50:00"), sh("2026-11-30T08:20:00"));
    expect(await digests()).toMatchObject({ handover: 0, weekly: 0 });
    await ticks(sh("2026-11-30T08:30:00"), sh("2026-11-30T09:30:00"));
    expect(await digests()).toMatchObject({ handover: 1, weekly: 1, monthly: 0 });
    await ticks(sh("2026-12-01T07:50:00"), sh("2026-12-01T09:30:00"));
    expect(await digests()).toMatchObject({ handover: 2, weekly: 1, monthly: 1 });
  });

  it("a close-out time changed after today's close-out does not send it again today", async () => {
    await tick(sh("2026-11-30T10:00:00"));
    await ticks(sh("2026-11-30T17:30:00"), sh("2026-11-30T17:40:00"));
    expect((await digests()).closeOut).toBe(1);
    await set("closeOutAt", "18:00", sh("2026-11-30T17:45:00"));
    await ticks(sh("2026-11-30T17:50:00"), sh("2026-11-30T23:50:00"));
    expect((await digests()).closeOut).toBe(1);
    await ticks(sh("2026-12-01T17:50:00"), sh("2026-12-01T18:00:00"));
    expect((await digests()).closeOut).toBe(2);
  });

  it("after a zone change the first handover comes at office start in the new zone", async () => {
    await tick(sh("2026-11-30T10:00:00")); // handover due 1 Dec 08:00 Shanghai
    await set("timezone", "Asia/Tokyo", sh("2026-11-30T11:00:00"));
    const p = await d.db.property.findUniqueOrThrow({ where: { id: s.property.id } });
    expect(p.nextHandoverDueAt).toEqual(new Date("2026-12-01T08:00:00+09:00"));
    expect(p.nextCloseOutDueAt).toEqual(new Date("2026-11-30T17:30:00+09:00"));
    await ticks(sh("2026-12-01T06:50:00"), sh("2026-12-01T09:00:00"));
    expect((await digests()).handover).toBe(1);
    expect((await d.db.outbox.findFirstOrThrow({ where: { key: "handover-digest" } })).createdAt)
      .toEqual(sh("2026-12-01T07:00:00"));
  });
});
