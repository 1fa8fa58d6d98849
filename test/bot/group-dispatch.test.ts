// Dispatch in the technicians' group (issue 21): /linkgroup by an admin, a job posted once in the
// group, the first press wins (the others answered on the button), refusals checked at the press,
// escalation and other news editing the one message, emergencies also private, owner data never there.
import { Api } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOutboxSender } from "../../src/bot/outbox-sender.ts";
import { runDispatchEscalation } from "../../src/domain/scheduled/dispatch-escalation.ts";
import { assignTo, cancelByStaff } from "../../src/domain/tickets/assign.ts";
import { serverError, startFakeTelegram } from "../../src/fake-bot-api/server.ts";
import {
  BOT_INFO, TOKEN, createHarness, textOf, buttonsOf, type Call, type Harness, type HarnessOptions,
} from "../helpers/bot-harness.ts";
import { nextTelegramId, value } from "../helpers/fixtures.ts";
import { until } from "../helpers/until.ts";
import { makeDesk, reported, type Desk } from "../jobs/site.ts";

const ADMIN = nextTelegramId();
const GROUP = -1001234567890; // a supergroup
const PHONE = "13800138000";
let h: Harness;
let s: Desk;
let team: ReturnType<Harness["group"]>;
async function start(opts: HarnessOptions = {}) {
  h = await createHarness({ adminIds: [ADMIN], ...opts });
  s = await makeDesk(h.database, 3);
  team = h.group(GROUP, "翠苑维修群");
}
beforeEach(() => start());
afterEach(async () => { await h.close(); });

const tech = (i: number) => ({ id: Number(s.technicians[i]!.telegramId), name: s.technicians[i]!.name });
const chatOf = (p: { telegramId: bigint | null; name: string }) => h.user(Number(p.telegramId), p.name);
const admin = () => ({ id: ADMIN, name: "管理员" });
const answers = (calls: Call[]) => calls.filter((c) => c.method === "answerCallbackQuery").map((c) => c.payload);
/** The answer to one press (calls of presses handled at once interleave). */
const answerTo = (press: { callback_query?: { id: string } }) =>
  h.fake.calls.find((c) => c.method === "answerCallbackQuery" && c.payload.callback_query_id === press.callback_query!.id)!.payload;
const groupSends = () => team.calls().filter((c) => c.method.startsWith("send"));
const groupEdits = () => team.calls().filter((c) => c.method.startsWith("edit"));
const ticketOf = (id: number) => h.database.db.ticket.findUniqueOrThrow({ where: { id } });

async function linked() {
  const reply = await team.send(admin(), "/linkgroup BX");
  expect(textOf(reply.at(-1))).toContain("派单群");
  h.fake.reset();
}

describe("linking the team group", () => {
  it("an admin links and unlinks it; a technician cannot; /settings shows the group and the mode", async () => {
    const refused = await team.send(tech(0), "/linkgroup BX");
    expect(textOf(refused.at(-1))).toContain("没有权限");
    expect((await h.database.db.property.findUniqueOrThrow({ where: { id: s.property.id } })).groupChatId).toBeNull();

    const reply = await team.send(admin(), "/linkgroup@repair_desk_test_bot BX");
    expect(reply.at(-1)?.payload.chat_id).toBe(GROUP);
    const said = textOf(reply.at(-1));
    expect(said).toContain("BX Garden");
    expect(said).toContain("业主姓名和电话不会发在群里");
    const p = await h.database.db.property.findUniqueOrThrow({ where: { id: s.property.id } });
    expect([Number(p.groupChatId), p.groupTitle, p.dispatchMode]).toEqual([GROUP, "翠苑维修群", "group"]);

    const settings = textOf((await h.user(ADMIN, "管理员").send("/settings BX")).at(-1));
    expect(settings).toMatch(/dispatchMode\s+group/);
    expect(settings).toMatch(/dispatchGroup\s+翠苑维修群/);
    expect(settings).toMatch(/groupAlsoPrivate\s+false/);

    const x = await team.send(tech(0), "/unlinkgroup BX");
    expect(textOf(x.at(-1))).toContain("没有权限");
    expect(textOf((await team.send(admin(), "/unlinkgroup BX")).at(-1))).toContain("pool");
    const after = await h.database.db.property.findUniqueOrThrow({ where: { id: s.property.id } });
    expect([after.groupChatId, after.dispatchMode]).toEqual([null, "pool"]);
    expect(h.errors).toEqual([]);
  });

  it("one property per group: another property cannot take a linked group; other commands in the group are ignored", async () => {
    await linked();
    await h.database.db.property.create({ data: { code: "CY", name: "CY Court", timezone: "Asia/Shanghai" } });
    expect(textOf((await team.send(admin(), "/linkgroup CY")).at(-1))).toContain("已绑定其他项目");
    expect(await team.send(tech(0), "/repair")).toEqual([]);
  });

  it("a basic group upgraded to a supergroup keeps its link (the new chat id), and the board posts there", async () => {
    const basic = h.group(-4001234567, "旧维修群");
    expect(textOf((await basic.send(admin(), "/linkgroup BX")).at(-1))).toContain("派单群");
    const from = { id: ADMIN, is_bot: false, first_name: "管理员" };
    const chat = { id: basic.id, type: "group", title: "旧维修群" };
    await h.handle({ message: { message_id: 7, date: 0, chat, from, migrate_to_chat_id: GROUP } } as never);
    const p = await h.database.db.property.findUniqueOrThrow({ where: { id: s.property.id } });
    expect(Number(p.groupChatId)).toBe(GROUP);
    await reported(h.database, s, h.now());
    await h.flush();
    expect(groupSends()).toHaveLength(1);
  });
});

describe("the board", () => {
  it("a general job is posted once (photo with caption), with no owner data and no private offers", async () => {
    await linked();
    h.fake.reset();
    const id = await reported(h.database, s, h.now(), { photos: ["PHOTO-1"] });
    await h.flush();
    expect(groupSends().map((c) => c.method)).toEqual(["sendPhoto"]);
    const post = groupSends()[0]!;
    const caption = textOf(post);
    expect(caption).toContain((await ticketOf(id)).number);
    expect(caption).toContain("1-2-301");
    expect(caption).toContain("派单时限");
    expect(buttonsOf(post).map((b) => b.text)).toEqual(["接单"]);
    for (const t of s.technicians) expect(chatOf(t).inbox()).toEqual([]);
    expect(await h.database.db.offer.count({ where: { ticketId: id } })).toBe(3);
  });

  it("two technicians press at the same instant: one wins, the post is edited once, the other is answered on the button", async () => {
    await linked();
    const id = await reported(h.database, s, h.now());
    await h.flush();
    const [a, b] = [team.pressUpdate(tech(0), "接单"), team.pressUpdate(tech(1), "接单")];
    h.fake.reset();
    const [first, second] = await Promise.all([h.handle(a), h.handle(b)]);
    const t = await ticketOf(id);
    expect(t.status).toBe("accepted");
    const aWon = t.assigneeId === s.technicians[0]!.id;
    const [winner, loser] = aWon ? [a, b] : [b, a];
    expect(answerTo(winner).text).toContain("接单成功");
    expect(answerTo(loser).text).toContain("已被其他同事接单");
    expect(groupSends()).toEqual([]); // nothing said in the group by the handlers
    const [won, lost] = aWon ? [tech(0), tech(1)] : [tech(1), tech(0)];
    const privately = (id: number) => [...first, ...second].filter((c) => c.payload?.chat_id === id && /^(send|edit)/.test(c.method));
    expect(textOf(privately(won.id).find((c) => c.method === "sendMessage"))).toContain(PHONE);
    expect(privately(lost.id).filter((c) => c.method !== "sendChatAction")).toEqual([]);

    await h.flush();
    expect(groupEdits()).toHaveLength(1);
    const who = s.technicians.find((x) => x.id === t.assigneeId)!.name;
    expect(textOf(groupEdits()[0])).toMatch(new RegExp(`已由 ${who}.* 接单 · \\d\\d:\\d\\d`));
    expect(buttonsOf(groupEdits()[0])).toEqual([]);
    expect(h.errors).toEqual([]);
  });

  it("a member who is not staff, a revoked technician, one without the skill or off duty: refused, nothing changes", async () => {
    await linked();
    await h.database.db.roleGrant.updateMany({ where: { personId: s.technicians[1]!.id }, data: { revokedAt: h.now() } });
    await h.database.db.roleGrant.updateMany({ where: { personId: s.technicians[0]!.id }, data: { skills: "water" } });
    await h.database.db.roleGrant.updateMany({ where: { personId: s.technicians[2]!.id }, data: { skills: "electricity" } });
    const id = await reported(h.database, s, h.now());
    await h.flush();
    h.fake.reset();
    const stranger = { id: nextTelegramId(), name: "邻居" };
    expect(answers(await team.press(stranger, "接单"))[0].text).toContain("只有本项目的维修人员");
    expect(answers(await team.press(tech(1), "接单"))[0].text).toContain("只有本项目的维修人员");
    expect(answers(await team.press(tech(2), "接单"))[0].text).toContain("不负责此类维修");
    await h.database.db.person.update({ where: { id: s.technicians[0]!.id }, data: { onDuty: false } });
    expect(answers(await team.press(tech(0), "接单"))[0].text).toContain("不在值班");
    await h.database.db.person.update({ where: { id: s.technicians[0]!.id }, data: { onDuty: true } });
    expect((await ticketOf(id)).status).toBe("open");
    await h.flush();
    expect(team.calls()).toEqual([]);
    expect(answers(await team.press(tech(0), "接单"))[0].text).toContain("接单成功");
  });

  it("a technician who never opened the bot is sent to it with a deep link, and the job stays open", async () => {
    await linked();
    const id = await reported(h.database, s, h.now());
    await h.flush();
    h.fake.neverStarted(tech(0).id);
    const [answer] = answers(await team.press(tech(0), "接单"));
    expect(answer.url).toBe("https://t.me/repair_desk_test_bot?start=board");
    expect((await ticketOf(id)).status).toBe("open");
    expect(chatOf(s.technicians[0]!).lastText()).toBe("");
  });

  it("escalation rounds edit the one post (merged while waiting) and tell the supervisor as today", async () => {
    await linked();
    const id = await reported(h.database, s, h.now());
    await h.flush();
    h.advance(6);
    await runDispatchEscalation(h.database, h.now());
    h.advance(6);
    await runDispatchEscalation(h.database, h.now());
    expect(await h.database.db.outbox.count({ where: { ref: `group:${id}`, kind: "edit" } })).toBe(1);
    await h.flush();
    expect(groupSends()).toHaveLength(1);
    expect(groupEdits()).toHaveLength(1);
    expect(textOf(groupEdits()[0])).toContain("第 3 轮");
    expect(textOf(groupEdits()[0])).toContain("已过派单时限");
    expect(buttonsOf(groupEdits()[0]).map((b) => b.text)).toEqual(["接单"]);
    expect(await h.database.db.outbox.count({ where: { personId: s.supervisor.id, key: "dispatch-overdue" } })).toBe(2);
    for (const t of s.technicians) expect(chatOf(t).inbox()).toEqual([]);
  });

  it("emergencies also go privately to the technicians on duty; groupAlsoPrivate sends general jobs privately too", async () => {
    await linked();
    await reported(h.database, s, h.now(), { emergency: true, description: "水管爆裂" });
    await h.flush();
    expect(groupSends()).toHaveLength(1);
    expect(textOf(groupSends()[0])).toContain("紧急工单");
    for (const t of s.technicians) expect(chatOf(t).lastText()).toContain("紧急工单");
    // the winner in the group: their own private offer loses its buttons; the others' say it is taken
    await team.press(tech(0), "接单");
    await h.flush();
    const offerEdits = (i: number) => chatOf(s.technicians[i]!).inbox().filter((c) => c.method.startsWith("edit"));
    expect(textOf(offerEdits(0).at(-1))).toContain("您已接单");
    expect(buttonsOf(offerEdits(0).at(-1))).toEqual([]);
    expect(textOf(offerEdits(1).at(-1))).toContain("已由");

    expect(textOf((await h.user(ADMIN, "管理员").send("/settings BX groupAlsoPrivate on")).at(-1))).toContain("true");
    h.fake.reset();
    await reported(h.database, s, h.now());
    await h.flush();
    expect(groupSends()).toHaveLength(1);
    for (const t of s.technicians) expect(chatOf(t).lastText()).toContain("新工单");
  });

  it("a job cancelled or assigned by the desk says so in its post; owner data never appears in the group", async () => {
    await linked();
    const cancelled = await reported(h.database, s, h.now());
    const assigned = await reported(h.database, s, h.now(), { category: "electricity" });
    await h.flush();
    value(await cancelByStaff(h.database, { actorId: s.desk.id, ticketId: cancelled, reason: "业主已自行修好" }, h.now()));
    value(await assignTo(h.database, { actorId: s.desk.id, ticketId: assigned, technicianId: s.technicians[2]!.id }, h.now()));
    await h.flush();
    const edits = groupEdits().map(textOf);
    const [c, a] = [(await ticketOf(cancelled)).number, (await ticketOf(assigned)).number];
    expect(edits.some((x) => x.includes(c) && x.includes("已取消"))).toBe(true);
    expect(edits.some((x) => x.includes(a) && x.includes("另行安排"))).toBe(true);
    const everything = team.calls().map((c) => JSON.stringify(c.payload)).join("\n");
    expect(everything).not.toContain(PHONE);
    expect(everything).not.toContain(s.owner.name);
    expect(h.errors).toEqual([]);
  });
});

describe("the winner's job card", () => {
  it("written with the accept, cannot go privately: the outbox sends it, once, and its clock finds it", async () => {
    await h.close();
    await start({ virtualWaits: true }); // the reply's retries (25 s of 5xx) move the test clock
    await linked();
    const id = await reported(h.database, s, h.now());
    await h.flush();
    const winner = chatOf(s.technicians[0]!);
    h.fake.failChat(winner.id, serverError(500)); // every message to their private chat (the chat action goes)
    const [answer] = answers(await team.press(tech(0), "接单"));
    expect(answer.text).toContain("详情稍后私信发给您");
    const t = await ticketOf(id);
    expect(t.assigneeId).toBe(s.technicians[0]!.id);
    const ref = `job:${id}:${s.technicians[0]!.id}`;
    const row = await h.database.db.outbox.findFirstOrThrow({ where: { ref } });
    expect(row).toMatchObject({ key: "job-card-accepted", status: "pending" });
    expect(await h.database.db.jobCard.count({ where: { ticketId: id, ref } })).toBe(1);

    h.fake.clearFailures();
    await h.flush();
    const cards = h.fake.sent(winner.id).filter((c) => textOf(c).includes(`您已接单 ${t.number}`));
    expect(cards).toHaveLength(1);
    expect(textOf(cards[0])).toContain(PHONE);
    expect(buttonsOf(cards[0]).map((b) => b.text)).toContain("📍 已到场");
    const sent = await h.database.db.outbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(sent).toMatchObject({ status: "sent", messageId: cards[0]!.result.message_id });
    expect(textOf(groupEdits().at(-1))).toContain("已由");
    // (the mark that keeps the card from being handed over twice never reaches Telegram)
    expect(h.fake.calls.filter((c) => JSON.stringify(c.payload ?? {}).includes("no_hand_over"))).toEqual([]);
    expect(h.errors).toEqual([]);
  });

  it("survives a kill -9 between the accept and its send: the next process's sender sends it, once", async () => {
    await h.close();
    await start({ virtualWaits: true });
    await linked();
    const id = await reported(h.database, s, h.now());
    await h.flush();
    const winner = chatOf(s.technicians[0]!);
    // from the probe of the winner's chat on, Telegram answers nothing: the process is frozen after
    // the accept, its card never sent (as if killed there)
    const probed = (c: Call) => c.method === "sendChatAction" && String(c.payload.chat_id) === String(winner.id);
    h.fake.onCall((c) => probed(c) && h.fake.goDown(3_600_000, "hang"));
    const frozen = team.press(tech(0), "接单").catch(() => []);
    await until("the accept", async () => (await ticketOf(id)).status === "accepted");

    // the next process: its own way to Telegram, and its sender once the card's hold has run out
    const next = await startFakeTelegram({ botId: BOT_INFO.id, username: BOT_INFO.username! });
    const api = new Api(TOKEN, { apiRoot: next.apiRoot });
    const sender = createOutboxSender({ db: h.database.db, api, clock: h.now });
    h.advance(2);
    await sender.tick();
    const number = (await ticketOf(id)).number;
    const cards = next.sent(winner.id).filter((c) => textOf(c).includes(`您已接单 ${number}`));
    expect(cards).toHaveLength(1);
    expect(textOf(cards[0])).toContain(PHONE);
    const post = next.calls.find((c) => c.method.startsWith("edit") && String(c.payload.chat_id) === String(GROUP));
    expect(textOf(post)).toContain("已由"); // the post says who took it

    // the frozen handler wakes to a dropped connection: the card is not sent again, its row stays sent
    await h.fake.close();
    await frozen;
    const row = await h.database.db.outbox.findFirstOrThrow({ where: { ref: `job:${id}:${s.technicians[0]!.id}` } });
    expect(row).toMatchObject({ key: "job-card-accepted", status: "sent", messageId: cards[0]!.result.message_id });
    expect(next.sent(winner.id).filter((c) => textOf(c).includes(number))).toHaveLength(1);
    await next.close();
  });
});
