// The desk at the edges of its tools (issue 22): a ticket back in the pool after 转单, flows started
// while another is open, who did what on the timeline, offers that say what they are, the desk at
// night, 催单 on a late ticket, the desk's own 催办, and /find for the office only.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runDispatchEscalation } from "../../src/domain/scheduled/dispatch-escalation.ts";
import { runCompletionClock } from "../../src/domain/scheduled/completion-clock.ts";
import { runAssignTimeouts } from "../../src/domain/scheduled/assign-timeouts.ts";
import { acceptJob } from "../../src/domain/tickets/dispatch.ts";
import { markArrived, markDone } from "../../src/domain/tickets/work.ts";
import { answerSurvey } from "../../src/domain/surveys.ts";
import { createHarness, buttonsOf, textOf, type Harness } from "../helpers/bot-harness.ts";
import { completed, count, makeDesk, min, reported, sh, value, type Desk } from "../jobs/site.ts";

let h: Harness;
let s: Desk;
beforeEach(async () => {
  h = await createHarness();
  s = await makeDesk(h.database, 3);
});
afterEach(async () => { await h.close(); });

const chatOf = (p: { telegramId: bigint | null; name: string }) => h.user(Number(p.telegramId), p.name);
const ticketOf = (id: number) => h.database.db.ticket.findUniqueOrThrow({ where: { id } });

describe("back to the pool after 指派 → 接单 → 转单 → 接单", () => {
  async function assignedAndReassigned() {
    const id = await reported(h.database, s, h.now());
    const desk = chatOf(s.desk);
    const [t1, t2] = [chatOf(s.technicians[0]!), chatOf(s.technicians[1]!)];
    await desk.pressData(`card|${id}`);
    await desk.press("指派");
    await desk.press("师傅1");
    await h.flush();
    await t1.press("接单");
    await desk.pressData(`card|${id}`);
    await desk.press("转单");
    await desk.press("师傅2");
    await desk.send("师傅1 去了急修");
    await h.flush();
    await t2.press("接单");
    expect((await ticketOf(id)).assigneeId).toBe(s.technicians[1]!.id);
    return { id, desk };
  }

  it("offers it at once to those on duty with the skill (the one taken off before too), says how many, and escalates again", async () => {
    const { id, desk } = await assignedAndReassigned();
    await desk.pressData(`card|${id}`);
    await desk.press("退回抢单池");
    await desk.send("需要两个人");
    expect(desk.lastText()).toContain("已发给 2 位在岗维修人员");
    await h.flush();
    const offered = (await h.database.db.offer.findMany({ where: { ticketId: id, status: "offered" } })).map((o) => o.technicianId);
    expect(offered.sort()).toEqual([s.technicians[0]!.id, s.technicians[2]!.id].sort());
    expect(buttonsOf(chatOf(s.technicians[0]!).inbox().at(-1)).map((b) => b.text)).toContain("接单");
    expect(textOf(chatOf(s.technicians[2]!).inbox().at(-1))).toContain("BX-20261123-0001");
    // nobody takes it: the escalation clock runs again and the supervisor is alerted
    const t = await ticketOf(id);
    expect(t.status).toBe("open");
    h.advance(5);
    expect((await runDispatchEscalation(h.database, h.now())).done).toBe(1);
    await h.flush();
    expect(chatOf(s.supervisor).lastText()).toContain("BX-20261123-0001");
    expect(h.errors).toEqual([]);
  });

  it("warns the desk when nobody could be reached", async () => {
    const { id, desk } = await assignedAndReassigned();
    await h.database.db.person.updateMany({ where: { id: { in: [s.technicians[0]!.id, s.technicians[2]!.id] } }, data: { onDuty: false } });
    await desk.pressData(`card|${id}`);
    await desk.press("退回抢单池");
    await desk.send("需要两个人");
    expect(desk.lastText()).toContain("⚠️");
    expect(desk.lastText()).toContain("没有在岗且有此技能的维修人员");
    expect((await ticketOf(id)).dispatchDueAt).not.toBeNull();
  });
});

describe("a flow started while another is open", () => {
  it("💰 pressed after ✅ 已完成 ends the completion politely and starts the quote", async () => {
    const id = await reported(h.database, s, h.now());
    value(await acceptJob(h.database, s.technicians[0]!.id, id, h.now()));
    value(await markArrived(h.database, s.technicians[0]!.id, id, h.now()));
    const tech = chatOf(s.technicians[0]!);
    await tech.pressData(`done|${id}`);
    const calls = await tech.pressData(`paid|${id}`);
    const texts = calls.map(textOf).join("\n");
    expect(texts).toContain("上一步「完工登记」还没有完成，已为您结束");
    expect(texts).toContain("需要业主付费的原因是");
    // and the other way round, with names for every flow: the quote is ended by the next one
    const again = (await tech.pressData(`cannot|${id}`)).map(textOf).join("\n");
    expect(again).toContain("上一步「有偿服务报价」还没有完成");
    expect(again).not.toContain("flow-name");
    expect(h.errors).toEqual([]);
  });
});

describe("/find and a quote's 退回 are the office's", () => {
  it("refuses technicians, wildcards and a 退回 pressed by anyone but the property's supervisor, before reading", async () => {
    const id = await reported(h.database, s, h.now());
    await reported(h.database, s, h.now(), { description: "另一户" });
    const tech = chatOf(s.technicians[0]!);
    expect(textOf((await tech.send("/find 0001")).at(-1))).toContain("仅限客服、主管和中控室");
    const desk = chatOf(s.desk);
    for (const q of ["%%%", "___", "%", "_0_1"]) {
      const reply = textOf((await desk.send(`/find ${q}`)).at(-1));
      expect(reply, q).toContain("请发送「/find 编号");
      expect(reply, q).not.toContain("BX-20261123");
    }
    expect(textOf((await chatOf(s.control).send("/find 0001")).at(-1))).toContain("BX-20261123-0001");
    const quote = await h.database.db.quote.create({ data: {
      ticketId: id, propertyId: s.property.id, version: 1, status: "review", totalFen: 3500, createdById: s.technicians[0]!.id, createdAt: h.now(),
    } });
    for (const who of [tech, desk, chatOf(s.owner)]) {
      const calls = await who.pressData(`qno|${quote.id}`);
      expect(calls.find((c) => c.method === "answerCallbackQuery")?.payload.show_alert).toBe(true);
      expect(calls.map(textOf).join("\n")).not.toContain("BX-20261123-0001");
    }
    await chatOf(s.supervisor).pressData(`qno|${quote.id}`);
    expect(chatOf(s.supervisor).lastText()).toContain("BX-20261123-0001");
    expect(h.errors).toEqual([]);
  });
});

describe("催单 and 催办", () => {
  it("outside office hours the control room is the desk: a 催单 at 21:00, a night emergency's completion warning", async () => {
    h.setNow(sh("2026-11-23T21:00:00"));
    const id = await reported(h.database, s, h.now());
    value(await acceptJob(h.database, s.technicians[0]!.id, id, h.now()));
    await chatOf(s.owner).pressData(`urge|${id}`);
    expect(await count(h.database, "urge-desk", s.control.id)).toBe(1);
    expect(await count(h.database, "urge-desk", s.desk.id)).toBe(0);
    // an emergency at 21:05 nobody has taken: its 80 % warning falls at 03:29
    const night = await reported(h.database, s, sh("2026-11-23T21:05:00"), { emergency: true, category: "electricity" });
    const due = (await ticketOf(night)).completionCheckAt!;
    expect(due.toISOString()).toBe(sh("2026-11-24T03:29:00").toISOString());
    await runCompletionClock(h.database, due);
    expect(await count(h.database, "completion-warning-desk", s.control.id)).toBe(1);
    expect(await count(h.database, "completion-warning-desk", s.desk.id)).toBe(0);
    // in office hours it is the desk again
    const day = await reported(h.database, s, h.now());
    value(await acceptJob(h.database, s.technicians[0]!.id, day, h.now()));
    h.setNow(sh("2026-11-24T09:00:00"));
    await chatOf(s.owner).pressData(`urge|${day}`);
    expect(await count(h.database, "urge-desk", s.desk.id)).toBe(1);
  });

  it("a 催单 on a ticket past its own dispatch deadline reaches the supervisor, though the escalation moved its next look", async () => {
    const id = await reported(h.database, s, h.now());
    expect((await runDispatchEscalation(h.database, min(h.now(), 5))).done).toBe(1);
    expect((await ticketOf(id)).dispatchDueAt!.getTime()).toBeGreaterThan(min(h.now(), 7).getTime());
    h.advance(7);
    await chatOf(s.owner).pressData(`urge|${id}`);
    expect(await count(h.database, "urge-supervisor", s.supervisor.id)).toBe(1);
    // not late: nobody bothers the supervisor
    const fresh = await reported(h.database, s, h.now());
    await chatOf(s.owner).pressData(`urge|${fresh}`);
    expect(await count(h.database, "urge-supervisor", s.supervisor.id)).toBe(1);
  });

  it("the desk's own 催办 on the card chases the technician, once every two hours, as the owner's", async () => {
    const id = await reported(h.database, s, h.now());
    value(await acceptJob(h.database, s.technicians[0]!.id, id, h.now()));
    const desk = chatOf(s.desk);
    await desk.pressData(`card|${id}`);
    await desk.press("催办");
    expect(desk.lastText()).toContain("已催促工单 BX-20261123-0001 的维修人员");
    await h.flush();
    expect(chatOf(s.technicians[0]!).lastText()).toContain("客服催办");
    const again = await desk.pressData(`cchase|${id}`);
    expect(again.find((c) => c.method === "answerCallbackQuery")?.payload.text).toContain("2 小时内已催过");
    // the owner's 催单 shares the limit; two hours later it goes through
    const owner = await chatOf(s.owner).pressData(`urge|${id}`);
    expect(owner.find((c) => c.method === "answerCallbackQuery")?.payload.show_alert).toBe(true);
    const urged = await h.database.db.event.findMany({ where: { ticketId: id, action: "urged" } });
    expect(urged.map((e) => e.actorId)).toEqual([s.desk.id]);
    expect((await ticketOf(id)).urgeCount).toBe(1);
    // nobody outside the office may press it
    const tech = await chatOf(s.technicians[1]!).pressData(`cchase|${id}`);
    expect(tech.find((c) => c.method === "answerCallbackQuery")?.payload.show_alert).toBe(true);
    expect(h.errors).toEqual([]);
  });
});

describe("who did it", () => {
  it("is who pressed: the desk registering a phone report, the desk turning a rating into a complaint", async () => {
    const id = await reported(h.database, s, h.now(), { registeredById: s.desk.id, channel: "phone" });
    const desk = chatOf(s.desk);
    await desk.pressData(`card|${id}`);
    const timeline = desk.lastText();
    expect(timeline).toMatch(/\d 钱客服 · 提交报修/);
    expect(timeline).not.toMatch(/\d 王阿姨 · /);
    value(await acceptJob(h.database, s.technicians[0]!.id, id, h.now()));
    value(await markArrived(h.database, s.technicians[0]!.id, id, h.now()));
    value(await markDone(h.database, s.technicians[0]!.id, id, { note: "ok" }, h.now()));
    value(await answerSurvey(h.database, { ticketId: id, actorId: s.desk.id, rating: 1, comment: "弄得很脏", channel: "phone" }, h.now()));
    await desk.send("/tocomplaint BX-20261123-0001");
    const filed = await h.database.db.event.findFirstOrThrow({ where: { action: "complaint-filed" } });
    expect(filed.actorId).toBe(s.desk.id);
    const reportedBy = await h.database.db.event.findFirstOrThrow({ where: { ticketId: id, action: "reported" } });
    expect(reportedBy.actorId).toBe(s.desk.id);
    expect(h.errors).toEqual([]);
  });
});

describe("offers that say what they are", () => {
  const texts = (p: { telegramId: bigint | null; name: string }) => chatOf(p).inbox().map(textOf).join("\n");

  it("a desk assignment says 客服指派, and the named technician's own pool offer is not edited away first", async () => {
    const id = await reported(h.database, s, h.now());
    await h.flush();
    const desk = chatOf(s.desk);
    await desk.pressData(`card|${id}`);
    await desk.press("指派");
    await desk.press("师傅1");
    await h.flush();
    expect(texts(s.technicians[0]!)).toContain("客服指派给您的工单 BX-20261123-0001");
    expect(texts(s.technicians[0]!)).not.toContain("已另行安排");
    expect(texts(s.technicians[1]!)).toContain("已另行安排");
    await chatOf(s.technicians[0]!).press("接单");
    expect((await ticketOf(id)).assigneeId).toBe(s.technicians[0]!.id);
  });

  it("round robin says it is their turn, an expired turn says it went on, and the escalation never says 'offered to 0'", async () => {
    await h.database.db.property.update({ where: { id: s.property.id }, data: { dispatchMode: "round_robin" } });
    const id = await reported(h.database, s, h.now());
    await h.flush();
    const first = (await ticketOf(id)).offeredToId!;
    const firstRow = s.technicians.find((t) => t.id === first)!;
    expect(texts(firstRow)).toContain("轮到您接单");
    h.advance(4);
    expect((await runAssignTimeouts(h.database, h.now())).done).toBe(1);
    await h.flush();
    expect(chatOf(firstRow).lastText()).toContain("已轮给下一位维修人员");
    h.advance(2);
    expect((await runDispatchEscalation(h.database, h.now())).done).toBe(1);
    await h.flush();
    const alert = chatOf(s.supervisor).lastText();
    expect(alert).toContain("正按轮询单独派给一位维修人员");
    expect(alert).not.toContain("发给 0 位");
  });

  it("a rework offer says 返修, and when it runs out it says the job went to the pool", async () => {
    await completed(h.database, s, h.now());
    h.advance(60);
    const again = await reported(h.database, s, h.now(), { description: "还是漏水" });
    await h.flush();
    expect((await ticketOf(again)).offeredToId).toBe(s.technicians[0]!.id);
    expect(chatOf(s.technicians[0]!).lastText()).toContain("返修工单 BX-20261123-0002");
    h.advance(6);
    expect((await runAssignTimeouts(h.database, h.now())).done).toBe(1);
    await h.flush();
    const edited = chatOf(s.technicians[0]!).inbox().map(textOf).filter((t) => t.includes("0002"));
    expect(edited.at(-1)).toContain("已发给其他在岗维修人员抢单");
    expect(edited.join("\n")).not.toContain("退回客服");
    expect(texts(s.technicians[1]!)).toContain("BX-20261123-0002");
  });
});
