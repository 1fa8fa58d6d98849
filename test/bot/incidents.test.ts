// One incident for many reporters (public areas): a second report of the same public-area fault
// joins the first (one job offered, every reporter told every step and asked for a rating once);
// the desk merges and unmerges by hand from the ticket's card; figures count the job once.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { propertyReport, type Report } from "../../src/domain/figures/report.ts";
import { runCallbacks } from "../../src/domain/scheduled/callbacks.ts";
import { answerSurvey } from "../../src/domain/surveys.ts";
import { acceptJob } from "../../src/domain/tickets/dispatch.ts";
import { mergeTickets, unmergeTicket } from "../../src/domain/tickets/incident.ts";
import { reportFault } from "../../src/domain/tickets/report.ts";
import { cannotFinish, markDone } from "../../src/domain/tickets/work.ts";
import { cancelTicket, reportNotFixed } from "../../src/domain/tickets/owner.ts";
import { cancelByStaff } from "../../src/domain/tickets/assign.ts";
import { floodWait } from "../../src/fake-bot-api/server.ts";
import { createHarness, buttonsOf, textOf, type Harness } from "../helpers/bot-harness.ts";
import { makeOwner, makeUnit, value } from "../helpers/fixtures.ts";
import { makeDesk, type Desk } from "../jobs/site.ts";

let h: Harness;
let s: Desk;
let neighbour: Awaited<ReturnType<typeof makeOwner>>;
beforeEach(async () => {
  h = await createHarness();
  s = await makeDesk(h.database);
  neighbour = await makeOwner(h.database.db, (await makeUnit(h.database.db, s.property.id, "3-1-502")).id, "李先生");
});
afterEach(async () => { await h.close(); });

const chatOf = (p: { telegramId: bigint | null; name: string }) => h.user(Number(p.telegramId), p.name);
const pub = (reporterId: number, over: Record<string, unknown> = {}) => ({
  reporterId, unitId: null, propertyId: s.property.id, location: "3栋1单元电梯", category: "public_facilities",
  description: "电梯门关不上", emergency: false, access: "public", preferredTime: "asap", phone: "13800138000", photos: [] as string[], ...over,
});
const ticket = (id: number) => h.database.db.ticket.findUniqueOrThrow({ where: { id } });
const texts = (chat: ReturnType<typeof chatOf>) => chat.inbox().map(textOf);
const fig = (r: Report, key: string) => { const f = r.headline.figures.find((x) => x.key === key)!; return [f.num, f.den]; };

describe("one incident for many reporters", () => {
  it("under Telegram's limits (enforcing fake, a 429 storm): every reporter hears the accept once", async () => {
    await h.close();
    h = await createHarness({ enforce: true });
    s = await makeDesk(h.database);
    const others = [];
    for (let i = 0; i < 3; i++) others.push(await makeOwner(h.database.db, (await makeUnit(h.database.db, s.property.id, `3-1-60${i}`)).id, `业主${i}`));
    const first = value(await reportFault(h.database, pub(s.owner.id), h.now()));
    for (const o of others) value(await reportFault(h.database, pub(o.id), h.now()));
    await h.flush();
    h.fake.failNext("*", floodWait(1), 4);
    value(await acceptJob(h.database, s.technicians[0]!.id, first.ticketId, h.now()));
    await h.flush();
    expect(h.fake.floods().length).toBeGreaterThanOrEqual(4);
    for (const p of [s.owner, ...others]) {
      const delivered = chatOf(p).inbox().filter((c) => c.result).map(textOf);
      const told = delivered.filter((t) => t.includes(first.number) && t.includes(s.technicians[0]!.name));
      expect(told).toHaveLength(1);
    }
    expect(await h.database.db.outbox.count({ where: { status: { not: "sent" } } })).toBe(0);
  });

  it("links a second public-area report to the first: one job offered, every step and one rating request to each reporter", async () => {
    const first = value(await reportFault(h.database, pub(s.owner.id), h.now()));
    expect(first.offeredTo).toBe(2);
    h.advance(10);
    const li = chatOf(neighbour);
    await li.send("/repair");
    await li.press("公共区域");
    await li.send("3栋 1单元，电梯"); // the same place, written differently
    await li.press("公共设施");
    await li.send("电梯门一直开着");
    for (const label of ["跳过", "不紧急", "尽快"]) await li.press(label);
    await li.send("13900139000");
    await li.press("确认提交");
    expect(li.lastText()).toContain(`已有业主报修，我们正在按报修编号 ${first.number} 一并处理`);
    const second = await h.database.db.ticket.findFirstOrThrow({ where: { reporterId: neighbour.id } });
    expect([second.status, second.incidentOfId, second.dispatchDueAt, second.completionCheckAt]).toEqual(["linked", first.ticketId, null, null]);
    expect(await h.database.db.offer.count({ where: { ticketId: second.id } })).toBe(0);
    expect(await h.database.db.offer.count()).toBe(2); // the first report's offers only

    const [tech] = s.technicians;
    value(await acceptJob(h.database, tech!.id, first.ticketId, h.now()));
    value(await cannotFinish(h.database, tech!.id, first.ticketId, { reason: "等配件", newTimeText: "明天上午", window: "tomorrow_am" }, h.now()));
    await h.flush();
    const wang = chatOf(s.owner);
    for (const chat of [wang, li]) {
      expect(texts(chat).some((t) => t.includes(`您的报修 ${first.number} 已为您安排`))).toBe(true);
      expect(texts(chat).some((t) => t.includes(`报修 ${first.number} 今天暂时无法修完`) && t.includes("等配件"))).toBe(true);
    }
    // /my shows the number the neighbour was given, and the job's progress
    const my = textOf((await li.send("/my")).at(-1));
    expect(my).toContain(first.number);
    expect(my).not.toContain(second.number);

    h.advance(60 * 20);
    value(await markDone(h.database, tech!.id, first.ticketId, { note: "更换门机" }, h.now()));
    await h.flush();
    const done = [...li.inbox()].reverse().find((c) => textOf(c).includes(`已完成报修单 ${first.number}`));
    expect(buttonsOf(done).map((b) => b.data)).toContain(`confirm|${second.id}`);
    expect(wang.inbox().some((c) => textOf(c).includes(`已完成报修单 ${first.number}`))).toBe(true);
    expect([(await ticket(second.id)).status, (await ticket(second.id)).assigneeId]).toEqual(["completed", tech!.id]);
    expect((await h.database.db.survey.findMany({ orderBy: { ticketId: "asc" } })).map((x) => [x.ticketId, x.status]))
      .toEqual([[first.ticketId, "scheduled"], [second.id, "scheduled"]]);

    h.advance(s.property.callbackDelayMin + 1);
    await runCallbacks(h.database, h.now());
    await runCallbacks(h.database, h.now()); // a second tick asks nobody twice
    await h.flush();
    for (const [person, chat] of [[s.owner, wang], [neighbour, li]] as const) {
      expect(await h.database.db.outbox.count({ where: { key: "callback-ask-fixed", personId: person.id } })).toBe(1);
      expect(chat.lastText()).toContain(`维修单 ${first.number}`);
    }
    await li.press("5 很满意");
    expect(texts(li).some((t) => t.includes(`已收到您的评价：5 分（${first.number}）`))).toBe(true);
    value(await answerSurvey(h.database, { ticketId: first.ticketId, actorId: s.owner.id, rating: 2, channel: "bot" }, h.now()));

    // the job is counted once for timeliness; each reporter's rating counts for satisfaction
    const r = value(await propertyReport(h.database.db, s.supervisor.id, "BX", "2026-11", h.now()));
    expect(fig(r, "reported")).toEqual([2, 1]);
    expect(fig(r, "completed")).toEqual([1, 1]);
    expect(fig(r, "dispatch")).toEqual([0, 1]); // accepted 10 minutes after the first report: late, once
    expect(fig(r, "satisfaction")).toEqual([1, 2]);
    expect(fig(r, "callback")).toEqual([2, 2]);
    expect(r.technicians.map((l) => [l.name, l.done, l.avgRating])).toEqual([["师傅1", 1, 3.5]]);
    expect(h.errors).toEqual([]);
  });

  it("does not link another place, a report after the window, or at a property that turned it off", async () => {
    value(await reportFault(h.database, pub(s.owner.id), h.now()));
    expect(value(await reportFault(h.database, pub(neighbour.id, { location: "5栋车库入口" }), h.now())).incidentOf).toBeUndefined();
    h.advance(121);
    const later = value(await reportFault(h.database, pub(neighbour.id), h.now()));
    expect(later.incidentOf).toBeUndefined();
    await h.database.db.property.update({ where: { id: s.property.id }, data: { incidentWindowMin: 0 } });
    expect(value(await reportFault(h.database, pub(neighbour.id, { location: "3栋1单元电梯", category: "lighting" }), h.now())).incidentOf).toBeUndefined();
    await h.database.db.property.update({ where: { id: s.property.id }, data: { incidentWindowMin: null } });
    expect(value(await reportFault(h.database, pub(neighbour.id), h.now())).incidentOf).toBe(later.number);
  });

  it("lets the desk merge a ticket into another from its card and take it out again with a reason; others may not", async () => {
    const a = value(await reportFault(h.database, pub(s.owner.id, { location: "3栋电梯" }), h.now()));
    const b = value(await reportFault(h.database, pub(neighbour.id, { location: "3号楼电梯轿厢" }), h.now()));
    expect(b.incidentOf).toBeUndefined();
    await h.flush();
    const desk = chatOf(s.desk);
    await desk.send(`/find ${b.number.slice(-4)}`);
    await desk.press(b.number);
    await desk.press("合并报修");
    expect(desk.lastText()).toContain("请输入要并入的工单编号");
    expect(desk.lastText()).toContain(`同类未完成工单：${a.number}（3栋电梯）`);
    await desk.send(`${a.number.slice(-4)} 同一部电梯`);
    expect(desk.lastText()).toContain(`工单 ${b.number} 已并入工单 ${a.number}，不再单独派单`);
    await h.flush();
    expect([(await ticket(b.ticketId)).status, (await ticket(b.ticketId)).incidentOfId]).toEqual(["linked", a.ticketId]);
    expect((await h.database.db.offer.findMany({ where: { ticketId: b.ticketId } })).map((o) => o.status)).toEqual(["withdrawn", "withdrawn"]);
    expect(texts(chatOf(s.technicians[0]!)).some((t) => t.includes(`工单 ${b.number} 已与工单 ${a.number} 合并处理`))).toBe(true);
    const li = chatOf(neighbour);
    expect(li.lastText()).toContain(`我们正在按报修编号 ${a.number} 一并处理`);
    const merged = await h.database.db.event.findFirstOrThrow({ where: { ticketId: b.ticketId, action: "merged" } });
    expect([merged.actorId, JSON.parse(merged.data)]).toEqual([s.desk.id, { into: a.number, reason: "同一部电梯", followers: [] }]);

    await desk.send(`/find ${a.number.slice(-4)}`);
    await desk.press(a.number);
    expect(desk.lastText()).toContain(`同一报修还有：${b.number}`);
    await desk.press(`🔗 ${b.number}`);
    expect(desk.lastText()).toContain(`同一报修：已并入 ${a.number}`);
    expect(buttonsOf(desk.inbox().at(-1)).map((x) => x.text)).not.toContain("🔗 合并报修");

    // a control-room operator sees the card but may not merge or unmerge; a technician may not either
    const room = chatOf(s.control);
    await room.send(`/find ${b.number.slice(-4)}`);
    await room.press(b.number);
    expect(buttonsOf(room.inbox().at(-1)).map((x) => x.text)).not.toContain("✂️ 取消合并");
    const refused = await room.pressData(`cmerge|${b.ticketId}|out`);
    expect(refused.find((c) => c.method === "answerCallbackQuery")?.payload.text).toContain("没有权限");
    const tech = await chatOf(s.technicians[0]!).pressData(`cmerge|${a.ticketId}`);
    expect(tech.find((c) => c.method === "answerCallbackQuery")?.payload.show_alert).toBe(true);
    expect(await mergeTickets(h.database, { actorId: s.technicians[0]!.id, ticketId: a.ticketId, into: b.number }, h.now())).toEqual({ ok: false, error: "FORBIDDEN" });

    await desk.press("取消合并");
    expect(desk.lastText()).toContain("请输入取消合并的原因");
    await desk.send("不是同一部电梯");
    expect(desk.lastText()).toContain(`工单 ${b.number} 已从工单 ${a.number} 中拆出`);
    await h.flush();
    const back = await ticket(b.ticketId);
    expect([back.status, back.incidentOfId, back.dispatchDueAt !== null]).toEqual(["open", null, true]);
    expect((await h.database.db.offer.findMany({ where: { ticketId: b.ticketId } })).map((o) => o.status)).toEqual(["offered", "offered"]);
    expect(li.lastText()).toContain(`您的报修 ${b.number}（3号楼电梯轿厢）将单独为您安排维修人员，原因：不是同一部电梯`);
    const unmerged = await h.database.db.event.findFirstOrThrow({ where: { ticketId: b.ticketId, action: "unmerged" } });
    expect([unmerged.actorId, JSON.parse(unmerged.data).reason]).toEqual([s.desk.id, "不是同一部电梯"]);
    expect(h.errors).toEqual([]);
  });

  it("unmerges once when the desk and a supervisor press at the same moment", async () => {
    const a = value(await reportFault(h.database, pub(s.owner.id), h.now()));
    const b = value(await reportFault(h.database, pub(neighbour.id), h.now()));
    expect((await ticket(b.ticketId)).status).toBe("linked");
    const press = (actorId: number) => unmergeTicket(h.database, { actorId, ticketId: b.ticketId, reason: "不是同一处" }, h.now());
    const results = await Promise.all([press(s.desk.id), press(s.supervisor.id)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: "INVALID_STATE" });
    expect(await h.database.db.event.count({ where: { ticketId: b.ticketId, action: "unmerged" } })).toBe(1);
    expect(await h.database.db.offer.count({ where: { ticketId: b.ticketId } })).toBe(2); // one round of offers
    expect((await ticket(a.ticketId)).status).toBe("open");
  });

  it("follows the incident when a later reporter says it is not fixed, when the first withdraws, and when the desk cancels", async () => {
    const first = value(await reportFault(h.database, pub(s.owner.id), h.now()));
    const second = value(await reportFault(h.database, pub(neighbour.id), h.now()));
    const [tech] = s.technicians;
    value(await acceptJob(h.database, tech!.id, first.ticketId, h.now()));
    value(await markDone(h.database, tech!.id, first.ticketId, { note: "ok" }, h.now()));
    // the neighbour says it is not fixed: the job goes back to the technician, both reports follow it
    value(await reportNotFixed(h.database, neighbour.id, second.ticketId, "还是关不上", h.now()));
    expect([(await ticket(first.ticketId)).status, (await ticket(second.ticketId)).status]).toEqual(["accepted", "linked"]);
    expect((await h.database.db.survey.findUniqueOrThrow({ where: { ticketId: second.ticketId } })).status).toBe("void");
    // the first reporter withdraws before the technician arrives again: the neighbour's report takes over, dispatched
    await h.database.db.ticket.update({ where: { id: first.ticketId }, data: { arrivedAt: null } });
    value(await cancelTicket(h.database, s.owner.id, first.ticketId, h.now()));
    const next = await ticket(second.ticketId);
    expect([next.status, next.incidentOfId]).toEqual(["open", null]);
    expect(await h.database.db.offer.count({ where: { ticketId: second.ticketId, status: "offered" } })).toBe(2);
    // a third report joins the new first one; the desk cancels it and both reporters hear it once
    const third = value(await reportFault(h.database, pub(s.owner.id), h.now()));
    expect(third.incidentOf).toBe(second.number);
    value(await cancelByStaff(h.database, { actorId: s.desk.id, ticketId: second.ticketId, reason: "电梯公司负责维修" }, h.now()));
    expect((await ticket(third.ticketId)).status).toBe("cancelled");
    for (const person of [s.owner, neighbour]) {
      expect(await h.database.db.outbox.count({ where: { key: "owner-cancelled-by-desk", personId: person.id } })).toBe(1);
    }
  });
});
