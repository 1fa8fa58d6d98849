// Staff intake as the office uses it: a phone report for an owner without Telegram going the whole
// way to the desk's phone callback; a report for an owner on Telegram (found by phone) who then gets
// every owner step; a patrol report confirmed by the staff member; intake refused to others.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCallbacks } from "../../src/domain/scheduled/callbacks.ts";
import { markArrived, markDone } from "../../src/domain/tickets/work.ts";
import { createHarness, textOf, type Harness } from "../helpers/bot-harness.ts";
import { makeStaff, makeUnit, value } from "../helpers/fixtures.ts";
import { makeDesk, type Desk } from "../jobs/site.ts";

let h: Harness;
let s: Desk;
beforeEach(async () => {
  h = await createHarness();
  s = await makeDesk(h.database);
});
afterEach(async () => { await h.close(); });

const chatOf = (p: { telegramId: bigint | null; name: string }, lang = "zh-hans") => h.user(Number(p.telegramId), p.name, lang);

describe("/intake by the desk", () => {
  it("registers a phone report for an owner without Telegram, and the confirmation becomes a phone callback", async () => {
    const unit = await makeUnit(h.database.db, s.property.id, "3-1-502");
    const owner = await h.database.db.person.create({ data: { name: "李伯伯", phone: "13912345678" } });
    await h.database.db.unitMember.create({ data: { personId: owner.id, unitId: unit.id } });
    const desk = chatOf(s.desk);
    await desk.send("/intake");
    await desk.press("电话报修");
    expect(desk.lastText()).toContain("请输入房号");
    await desk.send("9-9-999");
    expect(desk.inbox().at(-2) && textOf(desk.inbox().at(-2))).toContain("未找到「9-9-999」");
    await desk.send("3-1-502");
    await desk.press("给排水");
    await desk.send("卫生间地漏堵了");
    await desk.press("跳过");
    await desk.press("不紧急");
    await desk.press("家里有人");
    await desk.press("尽快");
    await desk.press("13912345678");
    expect(desk.lastText()).toContain("业主：李伯伯");
    await desk.press("确认提交");
    expect(desk.lastText()).toContain("业主未使用 Telegram");
    const ticket = await h.database.db.ticket.findFirstOrThrow({ where: { unitId: unit.id } });
    expect(ticket).toMatchObject({ channel: "phone", registeredById: s.desk.id, reporterId: owner.id, phone: "13912345678" });
    expect(desk.lastText()).toContain(ticket.number);

    await h.flush();
    const tech = chatOf(s.technicians[0]!);
    await tech.press("接单");
    value(await markArrived(h.database, s.technicians[0]!.id, ticket.id, h.now()));
    value(await markDone(h.database, s.technicians[0]!.id, ticket.id, { note: "疏通了" }, h.now()));
    await runCallbacks(h.database, h.now());
    await h.flush();
    expect(desk.lastText()).toContain("请电话回访");
    expect(desk.lastText()).toContain("13912345678");
    await desk.send("/callbacks");
    await desk.press(ticket.number);
    await desk.press("5 很满意");
    await desk.press("跳过");
    expect(desk.lastText()).toContain(`已记录工单 ${ticket.number} 的电话回访`);
    expect(await h.database.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ status: "closed" });
    const events = await h.database.db.event.findMany({ where: { ticketId: ticket.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["reported", "callback-phone-task", "confirmed", "rated"]));
    expect(h.errors).toEqual([]);
  });

  it("in English: finds the home by the owner's phone, and the owner on Telegram gets the number", async () => {
    await h.database.db.person.update({ where: { id: s.owner.id }, data: { phone: "13800138000" } });
    const desk = chatOf(s.desk, "en");
    await h.database.db.person.update({ where: { id: s.desk.id }, data: { language: "en" } });
    await desk.send("/intake");
    await desk.press("At the counter");
    await desk.send("138 0013 8000");
    await desk.press("Electricity");
    await desk.send("No power in the kitchen");
    await desk.press("Skip");
    expect(desk.lastText()).toContain("emergency");
    await desk.press("✔ Emergency");
    await desk.press("Someone is at home");
    await desk.press("As soon as possible");
    await desk.press("13800138000");
    await desk.press("Submit");
    expect(desk.lastText()).toContain("The owner got the number on Telegram");
    const ticket = await h.database.db.ticket.findFirstOrThrow({ where: { channel: "counter" } });
    expect(ticket).toMatchObject({ reporterId: s.owner.id, registeredById: s.desk.id, emergency: true });
    await h.flush();
    expect(chatOf(s.owner).lastText()).toContain(`物业客服已为您登记报修，编号 ${ticket.number}`);
  });

  it("a patrol report on a public area is confirmed by the staff member who found it; others may not register", async () => {
    const room = chatOf(s.control);
    await room.send("/intake");
    await room.press("巡查发现");
    await room.press("公共区域");
    await room.send("2栋大堂灯不亮");
    await room.press("照明");
    await room.send("大堂吸顶灯坏了两盏");
    await room.press("跳过");
    await room.press("不紧急");
    await room.press("尽快");
    expect(room.lastText()).toContain("联系电话");
    await room.send("021-12345678");
    await room.press("确认提交");
    expect(room.lastText()).toContain("巡查报修");
    const ticket = await h.database.db.ticket.findFirstOrThrow({ where: { channel: "patrol" } });
    expect(ticket).toMatchObject({ reporterId: s.control.id, registeredById: s.control.id, unitId: null, location: "2栋大堂灯不亮" });
    await h.flush();
    await chatOf(s.technicians[1]!).press("接单");
    value(await markDone(h.database, s.technicians[1]!.id, ticket.id, { note: "换灯管" }, h.now()));
    await h.flush();
    await room.press("已修好");
    expect(await h.database.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ status: "closed" });

    const tech = chatOf(s.technicians[0]!);
    expect(textOf((await tech.send("/intake")).at(-1))).toContain("仅限客服、中控室和主管");
    const outsider = await makeStaff(h.database.db, (await h.database.db.property.create({ data: { code: "OT", name: "Other" } })).id, "desk", "外人");
    const other = chatOf(outsider);
    await other.send("/intake");
    await other.press("电话报修");
    await other.send("1-2-301");
    expect(other.inbox().some((c) => textOf(c).includes("未找到"))).toBe(true);
    expect(h.errors).toEqual([]);
  });
});
