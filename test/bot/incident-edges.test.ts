// One incident for many reporters, at its edges (issue 22, 29-32): reporters follow their own
// report when the first withdraws, when the desk merges by hand and when it unmerges; a linked phone
// reporter's callback task comes at once under the number they were given; a refused merge says why.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCallbacks } from "../../src/domain/scheduled/callbacks.ts";
import { acceptJob } from "../../src/domain/tickets/dispatch.ts";
import { mergeTickets } from "../../src/domain/tickets/incident.ts";
import { reportFault } from "../../src/domain/tickets/report.ts";
import { markArrived, markDone } from "../../src/domain/tickets/work.ts";
import { createHarness, textOf, type Harness } from "../helpers/bot-harness.ts";
import { makeOwner, makeProperty, makeUnit, value } from "../helpers/fixtures.ts";
import { makeDesk, type Desk } from "../jobs/site.ts";

let h: Harness;
let s: Desk;
let second: Awaited<ReturnType<typeof makeOwner>>;
let third: Awaited<ReturnType<typeof makeOwner>>;
beforeEach(async () => {
  h = await createHarness();
  s = await makeDesk(h.database);
  second = await makeOwner(h.database.db, (await makeUnit(h.database.db, s.property.id, "3-1-502")).id, "李先生");
  third = await makeOwner(h.database.db, (await makeUnit(h.database.db, s.property.id, "3-1-503")).id, "张女士");
});
afterEach(async () => { await h.close(); });

const chatOf = (p: { telegramId: bigint | null; name: string }) => h.user(Number(p.telegramId), p.name);
const pub = (reporterId: number, over: Record<string, unknown> = {}) => ({
  reporterId, unitId: null, propertyId: s.property.id, location: "6号楼大堂", category: "lighting",
  description: "大堂灯不亮", emergency: false, access: "public", preferredTime: "asap", phone: "13800138000", photos: [] as string[], ...over,
});
const report = async (reporterId: number, over: Record<string, unknown> = {}) => value(await reportFault(h.database, pub(reporterId, over), h.now()));
const ticket = (id: number) => h.database.db.ticket.findUniqueOrThrow({ where: { id } });

describe("reporters follow their own report", () => {
  it("the first withdraws: the others are told the number it goes on under; a linked reporter's cancel names the number they saw", async () => {
    const first = await report(s.owner.id);
    const two = await report(second.id);
    const three = await report(third.id);
    expect((await ticket(two.ticketId)).incidentOfId).toBe(first.ticketId);
    await h.flush();
    await chatOf(s.owner).pressData(`cancelok|${first.ticketId}`);
    await h.flush();
    for (const p of [second, third]) {
      expect(chatOf(p).lastText()).toContain(`改按报修编号 ${two.number}（原 ${first.number}）`);
    }
    expect(chatOf(s.owner).inbox().map(textOf).join("\n")).not.toContain("改按报修编号");
    // the third reporter withdraws too: the reply names the number they know (the incident's), not their own
    const calls = await chatOf(third).pressData(`cancelok|${three.ticketId}`);
    expect(calls.map(textOf).join("\n")).toContain(`报修单 ${two.number} 已取消`);
  });

  it("a hand merge tells every moved reporter; unmerge takes back the reporters who were linked to it", async () => {
    const a = await report(s.owner.id);
    const b = await report(second.id);
    expect((await ticket(b.ticketId)).incidentOfId).toBe(a.ticketId);
    const c = await report(third.id, { location: "6号楼电梯厅" });
    await h.flush();
    const desk = chatOf(s.desk);
    await desk.pressData(`card|${a.ticketId}`);
    await desk.press("合并报修");
    await desk.send(`${c.number} 同一条线路`);
    expect(desk.lastText()).toContain(`已并入工单 ${c.number}`);
    await h.flush();
    for (const p of [s.owner, second]) expect(chatOf(p).lastText()).toContain(`按报修编号 ${c.number} 一并处理`);
    expect((await ticket(b.ticketId)).incidentOfId).toBe(c.ticketId);

    await desk.pressData(`card|${a.ticketId}`);
    await desk.press("取消合并");
    await desk.send("不是同一处");
    await h.flush();
    expect((await ticket(b.ticketId)).incidentOfId).toBe(a.ticketId);
    for (const p of [s.owner, second]) {
      expect(chatOf(p).lastText()).toContain(`您的报修 ${a.number}`);
      expect(chatOf(p).lastText()).toContain("不是同一处");
    }
    expect(h.errors).toEqual([]);
  });

  it("a linked phone reporter's callback task comes at once and names the number the caller was given", async () => {
    const caller = await h.database.db.person.create({ data: { name: "刘阿姨", phone: "13911112222" } });
    const home = await makeUnit(h.database.db, s.property.id, "6-1-101");
    await h.database.db.unitMember.create({ data: { personId: caller.id, unitId: home.id } });
    const first = await report(s.owner.id);
    const linked = await report(caller.id, { phone: "13911112222", channel: "phone", registeredById: s.desk.id });
    expect((await ticket(linked.ticketId)).incidentOfId).toBe(first.ticketId);
    value(await acceptJob(h.database, s.technicians[0]!.id, first.ticketId, h.now()));
    value(await markArrived(h.database, s.technicians[0]!.id, first.ticketId, h.now()));
    value(await markDone(h.database, s.technicians[0]!.id, first.ticketId, { note: "换了灯管" }, h.now()));
    h.advance(1);
    await runCallbacks(h.database, h.now());
    const tasks = await h.database.db.outbox.findMany({ where: { key: "callback-phone-task" } });
    expect(tasks).toHaveLength(1);
    expect(JSON.parse(tasks[0]!.params)).toMatchObject({ number: first.number, owner: "刘阿姨" });
  });
});

describe("a refused merge says why", () => {
  it("into itself, or into another property's ticket", async () => {
    const a = await report(s.owner.id);
    const other = await makeProperty(h.database.db, "OT");
    const stranger = await makeOwner(h.database.db, (await makeUnit(h.database.db, other.id)).id, "外人");
    const there = value(await reportFault(h.database, { ...pub(stranger.id), propertyId: other.id }, h.now()));
    expect(await mergeTickets(h.database, { actorId: s.desk.id, ticketId: a.ticketId, into: a.number }, h.now()))
      .toEqual({ ok: false, error: "MERGE_SELF" });
    const desk = chatOf(s.desk);
    await desk.pressData(`card|${a.ticketId}`);
    await desk.press("合并报修");
    await desk.send(a.number);
    expect(desk.lastText()).toContain("不能并入它自己");
    await desk.pressData(`card|${a.ticketId}`);
    await desk.press("合并报修");
    await desk.send(there.number);
    expect(desk.lastText()).toContain("不能跨项目合并");
  });

  it("/report's callback rate says it counts each reporter", async () => {
    const texts = (await chatOf(s.supervisor).send("/report BX")).map(textOf).join("\n");
    expect(texts).toContain("回访率（按报修人）");
  });
});
