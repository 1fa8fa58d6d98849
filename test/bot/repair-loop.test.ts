// The first repair loop as people see it: owner reports → technician accepts and completes →
// owner confirms and rates. Real createBot, real database, fake Telegram over HTTP.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, buttonsOf, said, textOf, type Harness } from "../helpers/bot-harness.ts";
import { T0, makeProperty, makeUnit, nextTelegramId } from "../helpers/fixtures.ts";

let h: Harness;
beforeEach(async () => { h = await createHarness(); });
afterEach(async () => { await h.close(); });

/** A property with one unit, and invite rows an admin would have issued. */
async function office() {
  const db = h.database.db;
  const property = await makeProperty(db);
  const unit = await makeUnit(db, property.id, "3-1-502");
  const expiresAt = new Date(T0.getTime() + 7 * 86_400_000);
  const invite = (code: string, data: object) => db.invite.create({ data: { code, propertyId: property.id, expiresAt, ...data } as never });
  await invite("OWNERCODE-502", { kind: "owner", unitId: unit.id });
  await invite("TECHCODE-1", { kind: "staff", role: "technician", skills: "water" });
  await invite("TECHCODE-2", { kind: "staff", role: "technician", skills: "water" });
  return { property, unit };
}

async function report(owner: ReturnType<Harness["user"]>, description = "厨房水龙头一直滴水") {
  await owner.send("/repair");
  await owner.press("3-1-502");
  await owner.press("给排水");
  await owner.send(description);
  await owner.photo("PHOTO-1");
  await owner.press("照片发完了");
  await owner.press("不紧急");
  await owner.press("家里有人");
  await owner.press("尽快");
  await owner.contact("+86 138 0013 8000");
  return owner.press("确认提交");
}

describe("the first repair loop (zh-CN)", () => {
  it("runs from report to rating, with offers, edits and notifications through the outbox", async () => {
    await office();
    const owner = h.user(nextTelegramId(), "王阿姨");
    const techA = h.user(nextTelegramId(), "李师傅");
    const techB = h.user(nextTelegramId(), "张师傅");
    expect(textOf((await owner.send("/start OWNERCODE-502")).at(-1))).toContain("绑定成功");
    expect(textOf((await techA.send("/start TECHCODE-1")).at(-1))).toContain("请留下您的手机号");
    expect((await techA.contact("+86 139 0000 1111")).map(textOf).join("\n")).toContain("13900001111");
    await techB.send("/start TECHCODE-2");
    await techB.send("13900002222");

    const done = await report(owner);
    expect(textOf(said(done))).toContain("BX-20261123-0001");

    await h.flush();
    const offerA = techA.inbox().find((c) => textOf(c).includes("新工单"));
    expect(textOf(offerA)).toContain("3-1-502");
    expect(buttonsOf(offerA).map((b) => b.text)).toEqual(["接单", "暂不接"]);
    expect(h.fake.calls.some((c) => c.method === "sendPhoto" && String(c.payload.chat_id) === String(techA.id))).toBe(true);

    const accepted = await techA.press("接单");
    expect(accepted.map(textOf).join("\n")).toContain("13800138000"); // the owner's phone, to the winner only
    const late = await techB.press("接单");
    expect(late.find((c) => c.method === "answerCallbackQuery")?.payload.text).toContain("已被其他同事接单");

    await h.flush();
    expect(techB.inbox().some((c) => /^editMessage(Text|Caption)$/.test(c.method) && textOf(c).includes("已由 李师傅接单"))).toBe(true);
    expect(owner.lastText()).toContain("已为您安排 李师傅（电话 13900001111），预计 30 分钟内上门"); // never "李师傅 师傅"

    await techA.press("已到场");
    const card = techA.inbox().filter((c) => buttonsOf(c).some((b) => b.text.includes("已完成"))).at(-1)!;
    await techA.press("已完成");
    await techA.send("换了阀芯");
    const finished = await techA.press("跳过");
    expect(finished.map(textOf).join("\n")).toContain("已请业主确认");
    // the job card's work buttons end with the job
    const ended = finished.find((c) => c.method === "editMessageReplyMarkup" && c.payload.message_id === card.result.message_id);
    expect(ended && buttonsOf(ended)).toEqual([]);

    await h.flush();
    expect(owner.lastText()).toContain("换了阀芯");
    expect(buttonsOf(owner.inbox().at(-1)).map((b) => b.text)).toEqual(["✅ 已修好", "❌ 没修好"]);
    const confirm = await owner.press("已修好");
    expect(buttonsOf(confirm.at(-1)).map((b) => b.text)).toEqual(["5 很满意", "4 满意", "3 一般", "2 不满意", "1 很不满意"]);
    const { id: ticketId } = await h.database.db.ticket.findFirstOrThrow();
    const seven = await owner.pressData(`rate|${ticketId}|7`); // a forged rating of 7
    expect(seven.map((c) => `${textOf(c)} ${c.payload.text ?? ""}`).join("\n")).toContain("评分请选择 1 到 5 分");
    await owner.press("5 很满意");
    expect(owner.inbox().map(textOf).join("\n")).toContain("5 分");

    const ticket = await h.database.db.ticket.findFirstOrThrow({ include: { survey: true } });
    expect(ticket.status).toBe("closed");
    expect(ticket.survey?.rating).toBe(5);
    const actions = (await h.database.db.event.findMany({ where: { ticketId: ticket.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["reported", "offered", "accepted", "arrived", "completed", "confirmed", "rated"]);
    expect(h.errors).toEqual([]);
  });

  it("sends a not-fixed job back to the technician, and asks what went wrong after a low rating", async () => {
    await office();
    const owner = h.user(nextTelegramId(), "王阿姨");
    const tech = h.user(nextTelegramId(), "李师傅");
    await owner.send("/start OWNERCODE-502");
    await tech.send("/start TECHCODE-1");
    await tech.send("13900001111");
    await report(owner);
    await h.flush();
    await tech.press("接单");
    await tech.press("已完成");
    await tech.press("跳过");
    await tech.press("跳过");
    await h.flush();
    await owner.press("没修好");
    await owner.send("还是在滴水");
    await h.flush();
    expect(tech.lastText()).toContain("还是在滴水");
    await tech.press("已完成");
    await tech.send("重新换了水龙头");
    await tech.press("跳过");
    await h.flush();
    await owner.press("已修好");
    await owner.press("1 很不满意");
    expect(owner.lastText()).toContain("哪里做得不好");
    await owner.send("师傅迟到了一个小时");
    expect(owner.lastText()).toContain("安排专人跟进");
    const f = await h.database.db.followUp.findFirstOrThrow();
    expect(f.reason).toContain("师傅迟到了一个小时");
  });
});

describe("in English", () => {
  it("lets an owner choose English and reads every step in English", async () => {
    await office();
    const owner = h.user(nextTelegramId(), "Mary", "en");
    await owner.send("/start OWNERCODE-502");
    await owner.press("English");
    expect(owner.lastText()).toContain("English");
    await owner.send("/repair");
    expect(owner.lastText()).toContain("Where is the problem?");
    await owner.press("3-1-502");
    await owner.press("Electricity");
    await owner.send("No power in the whole flat");
    await owner.press("Skip");
    expect(owner.lastText()).toContain("may be an emergency");
    await owner.press("Emergency, please come now");
    expect(owner.inbox().map(textOf).join("\n")).toContain("switch off the main breaker"); // the safety hint, at once
    await owner.press("Nobody home");
    expect(owner.lastText()).toContain("contact number"); // an emergency is not booked: no time slot question
    await owner.send("13800138000");
    const summary = owner.lastText();
    expect(summary).toContain("It is an emergency");
    expect(summary).toContain("Access: Nobody home, call before coming");
    const done = await owner.press("Submit");
    expect(textOf(said(done))).toMatch(/Emergency report received! Ticket BX-20261123-0001/);
    expect((await owner.send("/my")).map(textOf).join("\n")).toContain("received, finding a technician");
  });
});

describe("conversations", () => {
  it("survive a restart of the process in the middle of a report", async () => {
    await office();
    const owner = h.user(nextTelegramId(), "王阿姨");
    await owner.send("/start OWNERCODE-502");
    await owner.send("/repair");
    await owner.press("3-1-502");
    await owner.press("给排水");
    h.restart();
    await owner.send("卫生间地漏堵了");
    expect(owner.lastText()).toContain("照片");
    await owner.press("跳过");
    await owner.press("不紧急");
    await owner.press("家里有人");
    await owner.press("尽快");
    await owner.send("13800138000");
    expect(textOf(said(await owner.press("确认提交")))).toContain("BX-20261123-0001");
    expect((await h.database.db.ticket.findFirstOrThrow()).description).toBe("卫生间地漏堵了");
  });

  it("end cleanly on /cancel or on another command, submitting nothing", async () => {
    await office();
    const owner = h.user(nextTelegramId(), "王阿姨");
    await owner.send("/start OWNERCODE-502");
    await owner.send("/repair");
    await owner.press("3-1-502");
    expect(textOf((await owner.send("/cancel")).at(-1))).toContain("已取消");
    await owner.send("/repair");
    await owner.press("3-1-502");
    const out = await owner.send("/my");
    expect(out.map(textOf).join("\n")).toContain("已中止");
    expect(textOf(out.at(-1))).toContain("还没有报修记录");
    // the next message is not taken as an answer to the old flow
    expect(textOf((await owner.send("给排水")).at(-1))).toContain("没有理解");
    expect(await h.database.db.ticket.count()).toBe(0);
  });
});

describe("bad input gets a clear reply and loses nothing", () => {
  it("re-asks politely: text for a photo, a bad phone, a 2,000-character description", async () => {
    await office();
    const owner = h.user(nextTelegramId(), "王阿姨");
    await owner.send("/start OWNERCODE-502");
    await owner.send("/repair");
    await owner.press("3-1-502");
    await owner.press("给排水");
    expect(owner.lastText()).toContain("描述");
    await owner.send("漏".repeat(2000));
    expect(owner.inbox().map(textOf).join("\n")).toContain("内容太长了（2000 字）");
    await owner.send("阳台水管漏水");
    await owner.send("这是文字不是照片");
    expect(owner.lastText()).toContain("请发送照片");
    await owner.press("跳过");
    expect(owner.lastText()).toContain("紧急"); // pre-answered: 漏水
    expect(buttonsOf(owner.inbox().at(-1))[0]!.text).toContain("👉"); // the suggested answer
    await owner.press("紧急，请马上来");
    await owner.press("家里有人");
    await owner.send("12345");
    expect(owner.inbox().map(textOf).join("\n")).toContain("号码好像不对");
    await owner.send("13800138000");
    await owner.press("确认提交");
    const t = await h.database.db.ticket.findFirstOrThrow();
    expect([t.description, t.emergency, t.phone]).toEqual(["阳台水管漏水", true, "13800138000"]);
  });

  it("answers stickers, unknown commands, stale and forged buttons, and people without a unit", async () => {
    const { unit } = await office();
    const stranger = h.user(nextTelegramId(), "路人");
    expect(textOf((await stranger.send("/repair")).at(-1))).toContain("还没有绑定房屋");
    expect(textOf((await stranger.sticker()).at(-1))).toContain("没有理解");
    expect(textOf((await stranger.send("/frobnicate")).at(-1))).toContain("不认识这个命令");
    expect((await stranger.pressData("zzz")).find((c) => c.method === "answerCallbackQuery")?.payload.text).toContain("按钮已失效");
    expect(textOf((await stranger.send("/start NOPE-CODE")).at(-1))).toContain("无效");

    const owner = h.user(nextTelegramId(), "王阿姨");
    await owner.send("/start OWNERCODE-502");
    await report(owner);
    const ticket = await h.database.db.ticket.findFirstOrThrow();
    // the used owner code does nothing a second time
    expect(textOf((await stranger.send("/start OWNERCODE-502")).at(-1))).toContain("无效");
    expect(await h.database.db.unitMember.count({ where: { unitId: unit.id } })).toBe(1);
    // forged callback data: someone else's ticket, a rating, an accept without the role
    const alert = async (data: string) => (await stranger.pressData(data)).find((c) => c.method === "answerCallbackQuery")?.payload.text ?? "";
    expect(await alert(`tk|${ticket.id}`)).toContain("没有找到");
    expect(await alert(`accept|${ticket.id}`)).toContain("没有权限");
    const rating = await stranger.pressData(`rate|${ticket.id}|5`);
    expect(rating.map(textOf).join("\n") + (rating.find((c) => c.method === "answerCallbackQuery")?.payload.text ?? "")).toContain("没有找到");
    expect((await h.database.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("open");
  });

  it("keeps serving after one update fails, and tells that person politely", async () => {
    await office();
    const owner = h.user(nextTelegramId(), "王阿姨");
    await owner.send("/start OWNERCODE-502");
    // a refusal that is not retried (a 5xx would be tried again and go through)
    h.fake.failNext("sendMessage", { error_code: 400, description: "Bad Request: can't parse entities" });
    expect(textOf((await owner.send("/my")).at(-1))).toContain("系统出了点问题");
    expect(h.errors).toHaveLength(1);
    expect(textOf((await owner.send("/my")).at(-1))).toContain("还没有报修记录");
  });
});

describe("public areas and editing the summary", () => {
  it("reports a public-area fault with its location, and lets the owner fix a field before submitting", async () => {
    await office();
    const owner = h.user(nextTelegramId(), "王阿姨");
    await owner.send("/start OWNERCODE-502");
    await owner.send("/repair");
    await owner.press("公共区域");
    expect(owner.lastText()).toContain("公共区域的位置");
    await owner.send("3栋1单元电梯厅");
    await owner.press("照明");
    await owner.send("走廊灯不亮");
    await owner.press("跳过");
    await owner.press("不紧急");
    await owner.press("尽快"); // nobody needs to be home for a public area: no such question
    await owner.send("13800138000");
    expect(owner.lastText()).toContain("3栋1单元电梯厅");
    expect(owner.lastText()).toContain("公共区域，无需入户");
    await owner.press("修改");
    await owner.press("描述");
    await owner.send("电梯厅的灯一闪一闪");
    const summary = owner.lastText();
    expect(summary).toContain("电梯厅的灯一闪一闪");
    expect(summary).not.toContain("走廊灯不亮");
    await owner.press("确认提交");
    const t = await h.database.db.ticket.findFirstOrThrow();
    expect([t.unitId, t.location, t.category, t.description]).toEqual([null, "3栋1单元电梯厅", "lighting", "电梯厅的灯一闪一闪"]);
    expect((await owner.send("/my")).map(textOf).join("\n")).toContain("3栋1单元电梯厅");
  });
});
