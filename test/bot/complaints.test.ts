// Complaints as people see them: the owner files one in the chat (with a photo) and gets its
// number and answer date; the desk classifies and assigns it from its notice; the handler records
// the result; the owner says not satisfied and the supervisor gets it back; English too.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, buttonsOf, textOf, type Harness } from "../helpers/bot-harness.ts";
import { makeDesk, reported, type Desk } from "../jobs/site.ts";

let h: Harness;
let s: Desk;
beforeEach(async () => {
  h = await createHarness();
  s = await makeDesk(h.database);
});
afterEach(async () => { await h.close(); });

const chatOf = (p: { telegramId: bigint | null; name: string }) => h.user(Number(p.telegramId), p.name);

describe("complaints in the chat (zh-CN)", () => {
  it("runs from the owner's /complain to the desk, the handler, and back to the supervisor when dissatisfied", async () => {
    const owner = chatOf(s.owner);
    await owner.send("/complain");
    expect(buttonsOf(owner.inbox().at(-1)).map((b) => b.text)).toEqual(["某位工作人员", "物业服务整体"]);
    await owner.press("某位工作人员");
    await owner.send("3 号楼保洁");
    expect(owner.lastText()).toContain("请描述");
    await owner.send("保洁人员态度恶劣，还乱扔垃圾");
    await owner.photo("evidence-1");
    expect(owner.lastText()).toContain("已收到 1 张照片");
    await owner.press("照片发完了");
    const filed = owner.lastText();
    expect(filed).toMatch(/投诉编号：BX-TS0001/);
    expect(filed).toContain("2026-11-27 10:00"); // Monday + 4 working days

    await h.flush();
    const desk = chatOf(s.desk);
    const notice = desk.inbox().find((c) => textOf(c).includes("新投诉"));
    expect(textOf(notice)).toContain("被投诉：3 号楼保洁");
    expect(h.fake.calls.some((c) => /sendPhoto|sendMediaGroup/.test(c.method) && String(c.payload.chat_id) === String(desk.id))).toBe(true);
    await desk.press("分类并指派");
    await desk.press("服务态度");
    await desk.press("一般（3 个工作日内处理）");
    await desk.press("有效投诉");
    await desk.press("赵主管");
    expect(desk.lastText()).toContain("投诉 BX-TS0001 已分类，由 赵主管 处理");

    await h.flush();
    const supervisor = chatOf(s.supervisor);
    expect(textOf(supervisor.inbox().at(-1))).toContain("请处理投诉 BX-TS0001");
    await supervisor.press("记录处理结果");
    await supervisor.send("已约谈保洁人员并当面致歉");
    expect(supervisor.lastText()).toContain("已记录投诉 BX-TS0001 的处理结果");

    await h.flush();
    expect(owner.lastText()).toContain("已约谈保洁人员并当面致歉");
    expect(buttonsOf(owner.inbox().at(-1)).map((b) => b.text)).toEqual(["😊 满意", "😞 不满意"]);
    await owner.press("不满意");
    expect(owner.lastText()).toContain("已转交主管重新处理");
    await h.flush();
    expect(supervisor.lastText()).toContain("业主对投诉 BX-TS0001 的处理结果不满意");
    const list = await desk.send("/complaints");
    expect(textOf(list.at(-1))).toContain("业主不满意，已重新处理");
    expect(await h.database.db.complaint.findFirstOrThrow()).toMatchObject({ status: "open", satisfied: false, category: "attitude", valid: true });
    expect(h.errors).toEqual([]);
  });

  it("starts from the complain button on a ticket card, linked to that ticket", async () => {
    const ticketId = await reported(h.database, s, h.now());
    const owner = chatOf(s.owner);
    await owner.send("/my");
    await owner.press("BX-20261123-0001");
    expect(buttonsOf(owner.inbox().at(-1)).map((b) => b.text)).toContain("📮 投诉此单");
    await owner.press("投诉此单");
    expect(owner.lastText()).toContain("请描述您要投诉的情况");
    await owner.send("师傅迟迟不来");
    await owner.press("跳过");
    expect(owner.lastText()).toContain("投诉编号：BX-TS0001");
    expect(await h.database.db.complaint.findFirstOrThrow()).toMatchObject({ ticketId, source: "owner", description: "师傅迟迟不来" });
  });

  it("refuses the desk's buttons to an owner, and /complaints to non-staff", async () => {
    const owner = chatOf(s.owner);
    expect(textOf((await owner.send("/complaints")).at(-1))).toContain("仅限客服和主管");
    const res = await owner.pressData("cph|1");
    expect(res.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBeTruthy();
  });
});

describe("complaints in English", () => {
  it("lets an English-speaking owner complain about the service in general", async () => {
    await h.database.db.person.update({ where: { id: s.owner.id }, data: { language: "en" } });
    const owner = h.user(Number(s.owner.telegramId), "Wang", "en");
    await owner.send("/complain");
    await owner.press("The service in general");
    await owner.send("The lift has been noisy for weeks and nobody came.");
    await owner.press("Skip");
    expect(owner.lastText()).toContain("Your complaint is registered, number BX-TS0001");
    expect(owner.lastText()).toContain("2026-11-27 10:00");
  });

  it("gives the answer date on the property's clock, not the server's", async () => {
    await h.database.db.property.update({ where: { id: s.property.id }, data: { timezone: "Asia/Tokyo" } });
    await h.database.db.person.update({ where: { id: s.owner.id }, data: { language: "en" } });
    const owner = h.user(Number(s.owner.telegramId), "Wang", "en");
    await owner.send("/complain");
    await owner.press("The service in general");
    await owner.send("The lift has been noisy for weeks and nobody came.");
    await owner.press("Skip");
    expect(owner.lastText()).toContain("2026-11-27 11:00"); // Monday 11:00 in Tokyo + 4 working days
  });
});
