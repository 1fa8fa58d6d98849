// What people read and tap (issue 13): a service desk's words, buttons that end, and promises kept.
// Real createBot, real database, fake Telegram over HTTP; setup rows come from the fixtures.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, said, buttonsOf, textOf, type Harness } from "../helpers/bot-harness.ts";
import { makeOwner, makeProperty, makeStaff, makeUnit, nextTelegramId, report as reportInput, T0, value } from "../helpers/fixtures.ts";
import { reportFault } from "../../src/domain/tickets/report.ts";
import { acceptJob } from "../../src/domain/tickets/dispatch.ts";
import { markDone } from "../../src/domain/tickets/work.ts";
import { looksLikeEmergency } from "../../src/domain/tickets/report.ts";
import { runArrivalWatch } from "../../src/domain/scheduled/arrival-watch.ts";

let h: Harness;
beforeEach(async () => { h = await createHarness(); });
afterEach(async () => { await h.close(); });

type User = ReturnType<Harness["user"]>;
const chatOf = (p: { telegramId: bigint | null }, name = "用户", lang = "zh-hans") => h.user(Number(p.telegramId), name, lang);
const all = (u: User) => u.inbox().map(textOf).join("\n");
const markupRemoved = (u: User) => u.inbox().filter((c) => c.method === "editMessageReplyMarkup").length;

/** A property, a unit with an owner, a technician, a desk clerk and a supervisor; people as chats. */
async function site(opts: { timezone?: string; supervisorLanguage?: string } = {}) {
  const db = h.database.db;
  const property = await makeProperty(db);
  if (opts.timezone) await db.property.update({ where: { id: property.id }, data: { timezone: opts.timezone } });
  const unit = await makeUnit(db, property.id, "3-1-502");
  const ownerRow = await makeOwner(db, unit.id, "王阿姨");
  const techRow = await makeStaff(db, property.id, "technician", "李师傅");
  await db.person.update({ where: { id: techRow.id }, data: { phone: "13900001111" } });
  const deskRow = await makeStaff(db, property.id, "desk", "钱客服");
  const supRow = await makeStaff(db, property.id, "supervisor", "Zhao", "", opts.supervisorLanguage ?? "zh-CN");
  return {
    property, unit, ownerRow, techRow, deskRow, supRow,
    owner: chatOf(ownerRow, "王阿姨"), tech: chatOf(techRow, "李师傅"), desk: chatOf(deskRow, "钱客服"), sup: chatOf(supRow, "Zhao", "en"),
  };
}

/** The owner's report through /repair up to the time question. */
async function reportUntilTime(owner: User, description = "厨房水龙头一直滴水") {
  await owner.send("/repair");
  await owner.press("3-1-502");
  await owner.press("给排水");
  await owner.send(description);
  await owner.press("跳过");
  await owner.press("不紧急");
  await owner.press("家里有人");
}

describe("languages", () => {
  it("starts a new person in their Telegram language (zh-hant → 繁體中文), else DEFAULT_LANGUAGE", async () => {
    const hk = h.user(nextTelegramId(), "陳先生", "zh-hant");
    const start = await hk.send("/start");
    expect(textOf(start.at(-1))).toContain("這裡是物業報修服務台");
    expect(buttonsOf(start.at(-1)).map((b) => b.text)).toEqual(["简体中文", "繁體中文", "English"]);
    h.deps.config.defaultLanguage = "en";
    expect(textOf((await h.user(nextTelegramId(), "Pierre", "fr").send("/start")).at(-1))).toContain("This is the property repair desk");
  });

  it("keeps the message the language buttons answered (the bind confirmation stays readable)", async () => {
    const { unit } = await site();
    await h.database.db.invite.create({ data: { code: "OWNER-9", kind: "owner", propertyId: unit.propertyId, unitId: unit.id, expiresAt: new Date(T0.getTime() + 86_400_000) } });
    const owner = h.user(nextTelegramId(), "Mary", "zh-hans");
    await owner.send("/start OWNER-9");
    const out = await owner.press("English");
    expect(out.some((c) => c.method === "editMessageText")).toBe(false);
    expect(out.some((c) => c.method === "editMessageReplyMarkup")).toBe(true);
    expect(textOf(out.at(-1))).toContain("in English from now on");
  });
});

describe("emergency intake", () => {
  it("shows the safety hint at once and does not ask for a time slot", async () => {
    const { owner } = await site();
    await owner.send("/repair");
    await owner.press("3-1-502");
    await owner.press("燃气");
    await owner.send("厨房有很大的煤气味");
    await owner.press("跳过");
    const pressed = await owner.press("紧急，请马上来");
    expect(textOf(pressed.find((c) => c.method === "sendMessage"))).toContain("开窗通风，勿开关电器");
    await owner.press("家里有人");
    expect(owner.lastText()).toContain("联系电话"); // the time question is skipped
    await owner.send("13800138000");
    const done = await owner.press("确认提交");
    expect(textOf(said(done))).toContain("15 分钟内");
    const t = await h.database.db.ticket.findFirstOrThrow();
    expect([t.emergency, t.preferredTime]).toEqual([true, "asap"]);
  });

  it("recognises trapped people, electric leaks, smoke and burst pipes", () => {
    for (const text of ["有人困在电梯里", "业主被困", "插座漏电", "配电箱冒烟", "水管破裂", "爆管了"]) {
      expect(looksLikeEmergency("other", text), text).toBe(true);
    }
    expect(looksLikeEmergency("other", "门锁有点松")).toBe(false);
  });
});

describe("the promise matches the booking", () => {
  it("reads a typed time as an appointment and says the slot when the job is accepted", async () => {
    const { owner, tech, techRow, ownerRow } = await site();
    await reportUntilTime(owner);
    await owner.send("周六上午");
    await owner.send("13800138000");
    await owner.press("确认提交");
    const t = await h.database.db.ticket.findFirstOrThrow();
    expect(t.appointmentAt).toEqual(new Date("2026-11-28T01:00:00Z")); // Saturday 09:00 in Shanghai
    expect((await h.database.db.person.findUniqueOrThrow({ where: { id: ownerRow.id } })).phone).toBe("13800138000");
    await h.flush();
    await tech.press("接单");
    expect(all(tech)).toContain("您已接单，请按时上门"); // the winner's own offer shows the choice
    await h.flush();
    expect(owner.lastText()).toBe("👷 您的报修 BX-20261123-0001 已为您安排 李师傅（电话 13900001111），将按约定于 2026-11-28 09:00 上门，请保持电话畅通。");
    expect(techRow.name).toBe("李师傅");
  });

  it("asks the desk to agree a time the bot cannot read", async () => {
    const { owner, desk } = await site();
    await reportUntilTime(owner);
    await owner.send("等我下班再说");
    await owner.send("13800138000");
    await owner.press("确认提交");
    await h.flush();
    expect(desk.lastText()).toContain("请与业主约定上门时间");
    expect(desk.lastText()).toContain("等我下班再说");
  });
});

describe("buttons that end", () => {
  it("removes the photo step's 跳过 once a photo is sent, and shows counts in English plurals", async () => {
    const { owner, ownerRow } = await site();
    await h.database.db.person.update({ where: { id: ownerRow.id }, data: { language: "en" } });
    await owner.send("/repair");
    await owner.press("3-1-502");
    await owner.press("Water");
    await owner.send("Kitchen tap drips");
    const before = markupRemoved(owner);
    expect(textOf((await owner.photo("P1")).at(-1))).toContain("Got 1 photo (up to 5)");
    expect(markupRemoved(owner)).toBe(before + 1);
    expect(textOf((await owner.photo("P2")).at(-1))).toContain("Got 2 photos");
  });

  it("takes a typed 1-5 as the rating; a low one tells the owner, the desk and the supervisor at once", async () => {
    const { owner, desk, sup, unit, ownerRow, techRow } = await site({ supervisorLanguage: "en" });
    const db = h.database;
    const { ticketId } = value(await reportFault(db, reportInput(ownerRow.id, unit.id), T0));
    value(await acceptJob(db, techRow.id, ticketId, T0));
    value(await markDone(db, techRow.id, ticketId, { note: "" }, T0));
    await h.flush();
    expect(owner.lastText()).toContain("李师傅已完成报修单 BX-20261123-0001 的维修，请您确认");
    expect(owner.lastText()).not.toContain("说明");
    const question = (await owner.press("已修好")).find((c) => c.method === "sendMessage")!;
    expect(buttonsOf(question)).toHaveLength(5);
    const rated = await owner.send("2");
    expect(rated.map(textOf).join("\n")).not.toContain("已收到您的评价：2 分"); // said once: by the question below
    expect(owner.lastText()).toContain("已安排专人跟进");
    await h.flush();
    // the question's 1-5 buttons give way to the rating typed
    const edit = h.fake.calls.filter((c) => c.method === "editMessageText" && c.payload.message_id === question.result.message_id);
    expect(edit.map(textOf)).toEqual([expect.stringContaining("已收到您的评价：2 分")]);
    expect(buttonsOf(edit[0])).toEqual([]);
    expect(desk.lastText()).toContain("业主评分 2 分");
    expect(sup.lastText()).toContain("the owner rated 2 of 5");
    await owner.send("师傅迟到了");
    expect(textOf((await desk.send("/followups")).at(-1))).toContain("业主评分 2 分：师傅迟到了");
    expect((await db.db.survey.findFirstOrThrow()).rating).toBe(2);
  });

  it("removes 已修好 / 没修好 once 没修好 is pressed", async () => {
    const { owner, unit, ownerRow, techRow } = await site();
    const { ticketId } = value(await reportFault(h.database, reportInput(ownerRow.id, unit.id), T0));
    value(await acceptJob(h.database, techRow.id, ticketId, T0));
    value(await markDone(h.database, techRow.id, ticketId, { note: "换了阀芯" }, T0));
    await h.flush();
    expect(owner.lastText()).toContain("处理情况：换了阀芯");
    const out = await owner.press("没修好");
    expect(out.some((c) => c.method === "editMessageReplyMarkup")).toBe(true);
  });
});

describe("staff read their own words", () => {
  it("shows staff their commands first, the supervisor not as 客服, desk welcomes without 技能", async () => {
    const { tech, sup, property } = await site();
    const help = textOf((await tech.send("/help")).at(-1));
    expect(help.startsWith("🔧 维修人员")).toBe(true);
    expect(help).not.toContain("还没有绑定房屋");
    const supHelp = textOf((await h.user(Number((await h.database.db.person.findFirstOrThrow({ where: { name: "Zhao" } })).telegramId), "Zhao").send("/help")).at(-1));
    expect(supHelp).toContain("🧭 主管");
    expect(supHelp).not.toContain("客服：");
    expect(sup.id).toBeGreaterThan(0);
    await h.database.db.invite.create({ data: { code: "DESK-1", kind: "staff", role: "desk", propertyId: property.id, expiresAt: new Date(T0.getTime() + 86_400_000) } });
    const joined = textOf((await h.user(nextTelegramId(), "孙客服").send("/start DESK-1")).at(-1));
    expect(joined).toBe("欢迎加入 BX Garden！您的岗位：客服。");
  });

  it("names the flow that ended when another command interrupts it", async () => {
    const { tech, unit, ownerRow, techRow } = await site();
    const { ticketId } = value(await reportFault(h.database, reportInput(ownerRow.id, unit.id), T0));
    value(await acceptJob(h.database, techRow.id, ticketId, T0));
    await tech.pressData(`done|${ticketId}`);
    const out = await tech.send("/jobs");
    expect(out.map(textOf).join("\n")).toContain("完工登记还没有提交");
    expect(out.map(textOf).join("\n")).not.toContain("/repair");
  });

  it("shows technicians staff wording, and the supervisor's late-arrival alert both phones", async () => {
    const { tech, sup, unit, ownerRow, techRow, supRow } = await site();
    await h.database.db.person.update({ where: { id: supRow.id }, data: { language: "zh-CN" } });
    const { ticketId } = value(await reportFault(h.database, reportInput(ownerRow.id, unit.id), T0));
    value(await acceptJob(h.database, techRow.id, ticketId, T0));
    expect(buttonsOf((await tech.send("/jobs")).at(-1))[0]!.text).toContain("已接单");
    await runArrivalWatch(h.database, new Date(T0.getTime() + 30 * 60_000)); // the technician first
    await runArrivalWatch(h.database, new Date(T0.getTime() + 40 * 60_000)); // then the supervisor
    h.setNow(new Date(T0.getTime() + 40 * 60_000));
    await h.flush();
    expect(sup.lastText()).toContain("维修人员：李师傅（电话 13900001111）");
    expect(sup.lastText()).toContain("业主电话：13800138000");
  });

  it("shows /my times on the property's clock", async () => {
    const { owner, unit, ownerRow } = await site({ timezone: "Europe/London" });
    value(await reportFault(h.database, reportInput(ownerRow.id, unit.id), T0));
    const my = textOf((await owner.send("/my")).at(-1));
    expect(my).toContain("2026-11-23 02:00"); // 10:00 in Shanghai, 02:00 in London
    expect(my).toContain("已受理，正在安排维修人员");
  });

  it("gives new properties the configured OFFICE_HOURS and TZ", async () => {
    h.deps.config.officeStart = "07:30";
    h.deps.config.officeEnd = "19:00";
    const adminId = nextTelegramId();
    h.deps.config.adminTelegramIds.push(adminId);
    await h.user(adminId, "Admin").send("/newproperty YH 御湖园");
    const p = await h.database.db.property.findUniqueOrThrow({ where: { code: "YH" } });
    expect([p.officeStart, p.officeEnd, p.timezone]).toEqual(["07:30", "19:00", "Asia/Shanghai"]);
  });
});
