import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCloseOut } from "../../src/domain/scheduled/close-out.ts";
import { alignRows, cellWidth } from "../../src/domain/text-table.ts";
import { runCallbacks } from "../../src/domain/scheduled/callbacks.ts";
import { runArrivalWatch } from "../../src/domain/scheduled/arrival-watch.ts";
import { acceptJob } from "../../src/domain/tickets/dispatch.ts";
import { cannotFinish } from "../../src/domain/tickets/work.ts";
import { t } from "../../src/bot/i18n.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { makeOwner, makeStaff, makeUnit } from "../helpers/fixtures.ts";
import { captureLog, completed, count, makeDesk, min, poisonedSite, reported, secondScheduler, sent, sh, value, type Desk } from "./site.ts";

let d: TestDatabase;
let s: Desk;
beforeEach(async () => {
  d = await testDatabase();
  s = await makeDesk(d);
});
afterEach(async () => { await d.drop(); });

const closeOutAt = sh("2026-11-23T17:30:00");

describe("the daily close-out", () => {
  it("initialises the due time, then sends one report per property to desk and supervisors at 17:30", async () => {
    expect((await runCloseOut(d, sh("2026-11-23T09:00:00"))).due).toBe(0);
    expect((await d.db.property.findUniqueOrThrow({ where: { id: s.property.id } })).nextCloseOutDueAt).toEqual(closeOutAt);
    await runCloseOut(d, sh("2026-11-23T17:29:00"));
    expect(await count(d, "closeout-report")).toBe(0);

    await runCloseOut(d, closeOutAt);
    expect((await sent(d, "closeout-report")).map((m) => m.personId).sort()).toEqual([s.supervisor.id, s.desk.id].sort());
    expect(await count(d, "closeout-report", s.technicians[0]!.id)).toBe(0);
    expect((await d.db.property.findUniqueOrThrow({ where: { id: s.property.id } })).nextCloseOutDueAt).toEqual(sh("2026-11-24T17:30:00"));

    await runCloseOut(d, sh("2026-11-23T17:31:00"));
    await runCloseOut(d, sh("2026-11-23T23:59:00"));
    expect(await count(d, "closeout-report")).toBe(2);
    await runCloseOut(d, sh("2026-11-24T17:30:00"));
    expect(await count(d, "closeout-report")).toBe(4);
  });

  it("is sent even when all is well", async () => {
    await runCloseOut(d, sh("2026-11-23T09:00:00"));
    await runCloseOut(d, closeOutAt);
    const [report] = await sent(d, "closeout-report", s.desk.id);
    expect(JSON.parse(report!.params)).toEqual({
      property: "BX Garden", date: "2026-11-23", reported: 0, completed: 0, open: 0,
      overdueCount: 0, postponedCount: 0, callbackCount: 0, overdue: "-", postponed: "-", callbacks: "-",
      lateCompletionCount: 0, lateCompletion: "-",
      quotesSent: 0, approved: 0, declined: 0, received: "0.00", outstandingCount: 0, outstanding: "0.00",
    });
  });

  it("lists today's figures, overdue jobs with their technician, postponed jobs with their new time, and unanswered callbacks", async () => {
    const tech = s.technicians[0]!;
    // yesterday: an accepted job never finished (carried over), and a completed one whose callback is unanswered
    const carried = await reported(d, s, sh("2026-11-22T15:00:00"));
    value(await acceptJob(d, tech.id, carried, sh("2026-11-22T15:01:00")));
    await d.db.ticket.update({ where: { id: carried }, data: { arrivedAt: sh("2026-11-22T15:20:00"), status: "arrived", arrivalDueAt: null } });
    await completed(d, s, sh("2026-11-22T11:00:00"));
    await runCallbacks(d, sh("2026-11-22T13:00:00"));
    // today: done, still open past its dispatch limit, accepted but late on site, postponed
    await completed(d, s, sh("2026-11-23T09:00:00"));
    await reported(d, s, sh("2026-11-23T16:00:00"));
    const late = await reported(d, s, sh("2026-11-23T10:00:00"), { category: "electricity" }); // not rework of the water jobs
    value(await acceptJob(d, s.technicians[1]!.id, late, sh("2026-11-23T10:01:00")));
    await runArrivalWatch(d, sh("2026-11-23T10:31:00"));
    const postponed = await reported(d, s, sh("2026-11-23T11:00:00"));
    value(await acceptJob(d, tech.id, postponed, sh("2026-11-23T11:01:00")));
    value(await cannotFinish(d, tech.id, postponed, { reason: "需要订购配件", window: "tomorrow_am", newTimeText: "明天上午" }, sh("2026-11-23T12:00:00")));

    await runCloseOut(d, sh("2026-11-23T09:00:00"));
    await runCloseOut(d, closeOutAt);
    const [report] = await sent(d, "closeout-report", s.supervisor.id);
    const p = JSON.parse(report!.params);
    expect(p).toMatchObject({ date: "2026-11-23", reported: 4, completed: 1, open: 4, overdueCount: 3, postponedCount: 1, callbackCount: 1 });
    expect(p.overdue.split("\n")).toEqual([
      "BX-20261122-0001  师傅1  1-2-301  11-22 15:00",
      "BX-20261123-0003  师傅2  1-2-301  11-23 10:00",
      "BX-20261123-0002  -      1-2-301  11-23 16:00",
    ]);
    expect(p.postponed).toBe("BX-20261123-0004  师傅1  11-24 09:00");
    expect(p.callbacks).toBe("BX-20261122-0002  王阿姨  13800138000  11-22 11:00");
    // the carried-over job is past its 24-hour completion deadline (reported 11-22 15:00)
    expect(p).toMatchObject({ lateCompletionCount: 1, lateCompletion: "BX-20261122-0001  师傅1  11-23 15:00" });

    const text = t("zh-CN", "closeout-report", p);
    expect(text).toContain("今日报修  4");
    expect(text).toContain("BX-20261123-0004  师傅1  11-24 09:00");
    expect(text).toContain("⌛ 超过完工时限（1）：\nBX-20261122-0001  师傅1  11-23 15:00");
    expect(t("en", "closeout-report", p)).toContain("Still open       4");
  });

  it("reports each property's own day in one tick, when their zones and close-out times differ", async () => {
    // Tokyo is an hour ahead: 23:30 in Shanghai on the 22nd is already the 23rd there
    const tk = await d.db.property.create({ data: { code: "TK", name: "TK Heights", timezone: "Asia/Tokyo", closeOutAt: "16:30" } });
    const tkUnit = await makeUnit(d.db, tk.id);
    const t = { ...s, property: tk, unit: tkUnit, owner: await makeOwner(d.db, tkUnit.id, "李先生") };
    await d.db.roleGrant.create({ data: { personId: s.technicians[0]!.id, role: "technician", propertyId: tk.id } });
    const tkDesk = await makeStaff(d.db, tk.id, "desk", "周客服");
    for (const site of [s, t]) {
      await completed(d, site, sh("2026-11-22T23:40:00"));
      await reported(d, site, sh("2026-11-23T09:00:00"));
    }
    await runCloseOut(d, sh("2026-11-23T09:00:00"));
    expect((await d.db.property.findUniqueOrThrow({ where: { id: tk.id } })).nextCloseOutDueAt).toEqual(sh("2026-11-23T15:30:00"));
    expect(await runCloseOut(d, closeOutAt)).toMatchObject({ due: 2, done: 2 });
    const figures = async (personId: number) => (await sent(d, "closeout-report", personId)).map((m) => JSON.parse(m.params) as Record<string, unknown>);
    expect(await figures(s.desk.id)).toMatchObject([{ property: "BX Garden", date: "2026-11-23", reported: 1, completed: 0, open: 1 }]);
    expect(await figures(tkDesk.id)).toMatchObject([{ property: "TK Heights", date: "2026-11-23", reported: 2, completed: 1, open: 1 }]);
  });

  it("sends exactly one report per day per property with two schedulers racing", async () => {
    await runCloseOut(d, sh("2026-11-23T09:00:00"));
    const other = await secondScheduler(d);
    try {
      const [a, b] = await Promise.all([runCloseOut(d, closeOutAt), runCloseOut(other.database, closeOutAt)]);
      expect(a.done + b.done).toBe(1);
    } finally {
      await other.close();
    }
    expect(await count(d, "closeout-report", s.desk.id)).toBe(1);
    expect(await count(d, "closeout-report", s.supervisor.id)).toBe(1);
  });

  it("after downtime sends one report for the last missed day, then keeps the daily rhythm", async () => {
    await runCloseOut(d, sh("2026-11-23T09:00:00"));
    await runCloseOut(d, sh("2026-11-25T10:00:00")); // down from Monday morning to Wednesday morning
    const reports = await sent(d, "closeout-report", s.desk.id);
    expect(reports.map((r) => JSON.parse(r.params).date)).toEqual(["2026-11-24"]);
    expect((await d.db.property.findUniqueOrThrow({ where: { id: s.property.id } })).nextCloseOutDueAt).toEqual(sh("2026-11-25T17:30:00"));
  });

  it("retries a property whose report fails, without holding up the others", async () => {
    const z = await poisonedSite(d, s);
    await runCloseOut(d, sh("2026-11-23T09:00:00"));
    await z.poison();
    const { lines, log } = captureLog();
    const r = await runCloseOut(d, closeOutAt, { log });
    expect(r).toMatchObject({ due: 2, done: 1, failed: 1 });
    expect(lines.some((l) => l.level === "error")).toBe(true);
    expect((await d.db.property.findUniqueOrThrow({ where: { id: z.site.property.id } })).nextCloseOutDueAt).toEqual(min(closeOutAt, 5));
    await z.heal();
    await runCloseOut(d, min(closeOutAt, 5));
    expect((await sent(d, "closeout-report", s.supervisor.id)).map((m) => JSON.parse(m.params).property).sort()).toEqual(["BX Garden", "ZZ Court"]);
  });
});

describe("monospace tables", () => {
  it("aligns columns by display width (a Chinese character takes two cells)", () => {
    expect(cellWidth("王阿姨")).toBe(6);
    expect(cellWidth("Li")).toBe(2);
    expect(alignRows([["A-1", "王阿姨", "x"], ["A-22", "Li", "y"]])).toBe("A-1   王阿姨  x\nA-22  Li      y");
    expect(alignRows([], 0)).toBe("-");
    expect(alignRows([["a", "b"]], 3)).toBe("a  b\n+ 3");
  });
});
