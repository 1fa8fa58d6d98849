// The office's live queue as the desk and the team lead use it: groups with counts, a ticket's card
// and its actions (assign to a named technician and its timeout, 转单, back to the pool, cancel,
// note, owner's phone), /find, and nobody outside the property's staff seeing or acting.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runAssignTimeouts } from "../../src/domain/scheduled/assign-timeouts.ts";
import { acceptJob } from "../../src/domain/tickets/dispatch.ts";
import { markDone } from "../../src/domain/tickets/work.ts";
import { createHarness, buttonsOf, textOf, type Harness } from "../helpers/bot-harness.ts";
import { makeProperty, makeStaff, value } from "../helpers/fixtures.ts";
import { makeDesk, reported, secondScheduler, type Desk } from "../jobs/site.ts";

let h: Harness;
let s: Desk;
beforeEach(async () => {
  h = await createHarness();
  s = await makeDesk(h.database);
});
afterEach(async () => { await h.close(); });

const chatOf = (p: { telegramId: bigint | null; name: string }) => h.user(Number(p.telegramId), p.name);
const events = async (ticketId: number) => (await h.database.db.event.findMany({ where: { ticketId }, orderBy: { id: "asc" } }));

describe("/queue", () => {
  it("groups open tickets with counts; assigning to a named technician who lets it run out brings it back and tells the supervisor", async () => {
    const open = await reported(h.database, s, h.now(), { description: "阳台水管漏水" });
    const taken = await reported(h.database, s, h.now());
    value(await acceptJob(h.database, s.technicians[0]!.id, taken, h.now()));
    const done = await reported(h.database, s, h.now());
    value(await acceptJob(h.database, s.technicians[0]!.id, done, h.now()));
    value(await markDone(h.database, s.technicians[0]!.id, done, { note: "ok" }, h.now()));
    await h.flush();
    const desk = chatOf(s.desk);
    const q = (await desk.send("/queue")).at(-1);
    expect(textOf(q)).toContain("未接单：1");
    expect(textOf(q)).toContain("已接单未到场：1");
    expect(textOf(q)).toContain("待业主确认：1");
    expect(textOf(q)).toContain("【未接单】第 1／1 页");
    expect(buttonsOf(q).map((b) => b.text)).toContain("已接单未到场（1）");

    await desk.press("BX-20261123-0001");
    expect(desk.lastText()).toContain("阳台水管漏水");
    expect(desk.lastText()).toContain("王阿姨");
    await desk.press("指派");
    expect(buttonsOf(desk.inbox().at(-1)).map((b) => b.text)).toEqual(["师傅2（0）", "师傅1（1）"]);
    await desk.press("师傅2");
    expect(desk.lastText()).toContain("已指派给 师傅2");
    await h.flush();
    const [t1, t2] = [chatOf(s.technicians[0]!), chatOf(s.technicians[1]!)];
    expect(t2.lastText()).toContain("仅限您接单");
    expect(t1.inbox().some((c) => textOf(c).includes("已另行安排"))).toBe(true);
    const stolen = await t1.pressData(`accept|${open}`);
    expect(stolen.find((c) => c.method === "answerCallbackQuery")?.payload.text).toContain("不再派给您");

    h.advance(6);
    const other = await secondScheduler(h.database);
    const reports = [await runAssignTimeouts(h.database, h.now()), await runAssignTimeouts(other.database, h.now())];
    await other.close();
    expect(reports.map((r) => r.done)).toEqual([1, 0]);
    await h.flush();
    expect(chatOf(s.supervisor).lastText()).toContain("超时未接单，已退回待办");
    expect(t2.lastText()).toContain("指派已超时");
    const late = await t2.pressData(`accept|${open}`);
    expect(late.find((c) => c.method === "answerCallbackQuery")?.payload.show_alert).toBe(true);
    expect((await h.database.db.ticket.findUniqueOrThrow({ where: { id: open } })).status).toBe("open");
    const actions = (await events(open)).map((e) => [e.action, e.actorId]);
    expect(actions).toEqual(expect.arrayContaining([["assigned", s.desk.id], ["assign-returned", null]]));
    expect(h.errors).toEqual([]);
  });

  it("in English: 转单 with a reason, the owner's phone, a note, back to the pool, and cancel with a reason the owner hears", async () => {
    await h.database.db.person.update({ where: { id: s.supervisor.id }, data: { language: "en" } });
    const id = await reported(h.database, s, h.now());
    value(await acceptJob(h.database, s.technicians[0]!.id, id, h.now()));
    await h.flush();
    const boss = chatOf(s.supervisor);
    await boss.send("/queue");
    await boss.press("BX-20261123-0001");
    expect(boss.lastText()).toContain("Technician: 师傅1");
    await boss.press("Owner's phone");
    expect(boss.lastText()).toContain("13800138000");
    await boss.press("Reassign");
    await boss.press("师傅2");
    await boss.send("师傅1 is off sick");
    expect(boss.lastText()).toContain("reassigned to 师傅2");
    await h.flush();
    expect(chatOf(s.technicians[0]!).inbox().some((c) => textOf(c).includes("已由客服转给其他维修人员"))).toBe(true);
    await chatOf(s.technicians[1]!).press("接单");
    expect((await h.database.db.ticket.findUniqueOrThrow({ where: { id } })).assigneeId).toBe(s.technicians[1]!.id);

    await boss.send("/find 0001");
    await boss.press("BX-20261123-0001");
    await boss.press("Note");
    await boss.send("Owner asks for a call first");
    expect(boss.lastText()).toContain("Note added");
    await boss.send("/find 1-2-301");
    await boss.press("BX-20261123-0001");
    expect(boss.lastText()).toContain("Owner asks for a call first");
    await boss.press("Back to pool");
    await boss.send("Needs two people");
    expect(boss.lastText()).toContain("back in the pool");
    await boss.send("/find 13800138000");
    await boss.press("BX-20261123-0001");
    await boss.press("Cancel ticket");
    await boss.send("Duplicate of a call");
    expect(boss.lastText()).toContain("cancelled; the owner was told");
    await h.flush();
    expect(chatOf(s.owner).lastText()).toContain("Duplicate of a call");
    const rows = (await events(id)).filter((e) => e.actorId === s.supervisor.id).map((e) => [e.action, JSON.parse(e.data).reason ?? JSON.parse(e.data).text]);
    expect(rows).toEqual([
      ["reassigned", "师傅1 is off sick"], ["note", "Owner asks for a call first"],
      ["returned-to-pool", "Needs two people"], ["cancelled", "Duplicate of a call"],
    ]);
    // a card button pressed after the ticket changed answers politely
    const stale = await boss.pressData(`cassign|${id}`);
    expect(stale.find((c) => c.method === "answerCallbackQuery")?.payload.show_alert).toBe(true);
    const staleCancel = await boss.pressData(`cpick|${id}|${s.technicians[0]!.id}`);
    expect(staleCancel.find((c) => c.method === "answerCallbackQuery")?.payload.show_alert).toBe(true);
    expect(h.errors).toEqual([]);
  });

  it("is not seen or acted on by anyone outside the property's staff", async () => {
    const id = await reported(h.database, s, h.now());
    const elsewhere = await makeProperty(h.database.db, "OT");
    const stranger = chatOf(await makeStaff(h.database.db, elsewhere.id, "desk", "外人"));
    expect(textOf((await stranger.send("/queue")).at(-1))).toContain("这一组目前没有工单");
    expect(textOf((await stranger.send("/find 0001")).at(-1))).toContain("没有找到");
    await stranger.pressData(`card|${id}`);
    expect(stranger.lastText()).toContain("无权查看");
    for (const data of [`cassign|${id}`, `ccancel|${id}`, `cphone|${id}`, `cpick|${id}|${s.technicians[0]!.id}`]) {
      const calls = await stranger.pressData(data);
      expect(calls.find((c) => c.method === "answerCallbackQuery")?.payload.show_alert, data).toBe(true);
    }
    const owner = chatOf(s.owner);
    expect(textOf((await owner.send("/queue")).at(-1))).toContain("仅限本项目的客服");
    const tech = chatOf(s.technicians[0]!);
    expect(textOf((await tech.send("/find 0001")).at(-1))).toContain("仅限客服、主管和中控室");
    await tech.pressData(`card|${id}`);
    expect(buttonsOf(tech.inbox().at(-1))).toEqual([]);
    expect((await h.database.db.ticket.findUniqueOrThrow({ where: { id } })).status).toBe("open");
    expect(h.errors).toEqual([]);
  });
});
