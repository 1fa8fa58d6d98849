// Issue 22, items 23-28: the small things a person meets at the edges — a sentence instead of an
// error, the right words, the token's shape.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCallbacks } from "../../src/domain/scheduled/callbacks.ts";
import { runJobCards } from "../../src/domain/scheduled/job-cards.ts";
import { buttonsOf, createHarness, textOf, type Harness } from "../helpers/bot-harness.ts";
import { completed, makeDesk, reported, sh, type Desk } from "../jobs/site.ts";

let h: Harness;
let s: Desk;
const ADMIN = 8_800_000_001;
beforeEach(async () => {
  h = await createHarness({ now: sh("2026-12-01T09:00:00"), adminIds: [ADMIN] });
  s = await makeDesk(h.database);
});
afterEach(async () => { await h.close(); });

const chatOf = (p: { telegramId: bigint | null; name: string }, lang = "zh-hans") => h.user(Number(p.telegramId), p.name, lang);
const last = async (calls: Promise<{ payload?: any }[]>) => textOf((await calls).at(-1) as any);

describe("items 23-24: words", () => {
  it("round robin is 轮询; a desk invite names no skills", async () => {
    const admin = h.user(ADMIN, "管理员");
    await admin.send("/start");
    const settings = await last(admin.send("/settings BX"));
    expect(settings).toContain("轮询");
    expect(settings).not.toContain("轮训");
    const desk = await last(admin.send("/invite BX desk"));
    expect(desk).toContain("员工邀请：客服");
    expect(desk).not.toMatch(/技能|（-）/);
    expect(await last(admin.send("/invite BX technician water"))).toContain("（技能：给排水）");
  });

  it.each(["卫生间插座冒火花", "插座一插就冒火", "家里总是跳闸"])("「%s」 is offered as an emergency", async (text) => {
    const owner = chatOf(s.owner);
    await owner.send("/repair");
    await owner.press("1-2-301");
    await owner.press("电");
    await owner.send(text);
    await owner.press("跳过");
    expect(owner.lastText()).toContain("看起来可能是紧急情况");
  });
});

describe("item 28: sentences instead of errors", () => {
  it("a report of a far month, and revoking an id no database row can have", async () => {
    expect(await last(chatOf(s.supervisor).send("/report BX 9999-12"))).toContain("用法：/report");
    const admin = h.user(ADMIN, "管理员");
    await admin.send("/start");
    for (const id of ["99999999999999999999", "2147483648"]) {
      expect(await last(admin.send(`/revoke ${id} technician`))).toContain("没有这个岗位");
    }
    expect(h.errors).toEqual([]);
  });
});

describe("item 28: an echo of what was typed is cut, never half an emoji", () => {
  it("a 4,090-character query is answered with a sentence", async () => {
    const reply = await last(chatOf(s.desk).send(`/find 3-1-${"楼".repeat(4086)}`));
    expect(reply).toMatch(/^没有找到与「3-1-楼+…」相关的工单。$/);
    expect(reply.length).toBeLessThan(200);
    expect(h.errors).toEqual([]);
  });

  it("a bad CSV line full of emoji is named whole characters only", async () => {
    const admin = h.user(ADMIN, "管理员");
    await admin.send("/start");
    h.fake.files.set("CSV-E", `楼栋,单元,房号\n1,1,101\n1${"😀".repeat(80)}\n`);
    const reply = await last(admin.document("CSV-E", "units.csv", "/import BX"));
    expect(reply).toContain("第 3 行");
    expect(reply).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(reply).toContain("😀…");
  });
});

describe("item 26: the rating prompt and a photo offer", () => {
  it("a typed 7 asks for 1-5; a typed 5 is confirmed once", async () => {
    const id = await completed(h.database, s, h.now());
    h.advance(120);
    await runCallbacks(h.database, h.now());
    await h.flush();
    const owner = chatOf(s.owner);
    const before = owner.inbox().length;
    expect(await last(owner.send("7"))).toBe("评分请选择 1 到 5 分。");
    expect(await h.database.db.survey.findUniqueOrThrow({ where: { ticketId: id } })).toMatchObject({ rating: null });
    await owner.send("5");
    await h.flush();
    const after = owner.inbox().slice(before + 1).map(textOf);
    expect(after.filter((t) => t.includes("已收到您的评价：5 分"))).toHaveLength(1); // the question, edited
    expect(after.filter((t) => t.includes("非常感谢您的评价"))).toHaveLength(1);
  });

  it("an offer that came with a photo says 您已接单 in its caption once accepted", async () => {
    await reported(h.database, s, h.now(), { photos: ["PHOTO-1"] });
    await h.flush();
    const tech = chatOf(s.technicians[0]!);
    const offer = tech.inbox().find((c) => c.method === "sendPhoto")!;
    const accept = buttonsOf(offer).find((b) => b.text.includes("接单"))!;
    const u = { id: Number(s.technicians[0]!.telegramId), is_bot: false, first_name: "师傅1" };
    const message = { message_id: offer.result.message_id, date: 0, chat: { id: u.id, type: "private" }, caption: textOf(offer), photo: [] };
    await h.handle({ callback_query: { id: "cb-photo", from: u, chat_instance: "ci", data: accept.data, message } } as any);
    const edit = h.fake.calls.filter((c) => c.method === "editMessageCaption").at(-1);
    expect(edit?.payload.caption).toContain("您已接单，请按时上门");
    expect(edit?.payload.caption).toContain(textOf(offer).slice(0, 20));
  });
});

describe("item 25: /revoke tells the technician and ends their cards", () => {
  it("the revoked technician is told; the card loses buttons and phone; an older card loses its clock", async () => {
    const admin = h.user(ADMIN, "管理员");
    await admin.send("/start");
    const id = await reported(h.database, s, h.now());
    await h.flush();
    const techRow = s.technicians[0]!;
    const tech = chatOf(techRow);
    await tech.press("接单");
    const first = tech.inbox().filter((c) => c.method === "sendMessage" && textOf(c).includes("业主电话")).at(-1)!;
    expect(textOf(first)).toContain("⏱");
    await tech.pressData(`job|${id}`); // the card again: a newer message takes the clock over
    await h.flush();
    const olderEdit = h.fake.calls.filter((c) => c.method === "editMessageText" && c.payload.message_id === first.result.message_id).at(-1);
    expect(textOf(olderEdit)).toContain("业主电话"); // edited: still the job, its buttons work
    expect(textOf(olderEdit)).not.toContain("⏱");
    const second = tech.inbox().filter((c) => c.method === "sendMessage" && textOf(c).includes("业主电话")).at(-1)!;

    expect(await last(admin.send(`/revoke ${techRow.id} technician`))).toContain("已撤销");
    h.advance(2); // a card is edited at most once a minute
    await runJobCards(h.database, h.now());
    await h.flush();
    const told = tech.inbox().map(textOf).join("\n");
    expect(told).toContain("「维修人员」岗位已被管理员撤销");
    expect(told).toContain(`工单 BX-20261201-0001（1-2-301）已收回并重新派发`);
    const ended = h.fake.calls.filter((c) => c.method === "editMessageText" && c.payload.message_id === second.result.message_id).at(-1);
    expect(textOf(ended)).toContain("BX-20261201-0001");
    expect(textOf(ended)).not.toContain("13800138000");
    expect(textOf(ended)).not.toContain("⏱");
    expect(buttonsOf(ended)).toEqual([]);
  });
});
