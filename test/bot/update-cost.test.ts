// What an update costs in SQL statements (speed itself is measured in `npm run bench`): a step of
// a conversation that changes nothing but the conversation costs at most 3 (dedupe claim, state
// read, state write); the sender's person, roles and units come from memory until something changes
// them; the report itself is one read and one write (see src/db/filing.ts). And the Bot API
// calls a /repair makes: a pressed answer's check mark goes out with the next question in one edit,
// and the press is answered once the flow is done (in webhook mode, in the reply to Telegram).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/bot-harness.ts";
import { makeOwner, makeProperty, makeStaff, makeUnit } from "../helpers/fixtures.ts";
import { buttonsOf, type Call } from "../helpers/bot-harness.ts";
import { revokeRole, setLanguage } from "../../src/domain/people.ts";

let h: Harness;
beforeEach(async () => { h = await createHarness({ countStatements: true }); });
afterEach(async () => { await h.close(); });

/** 王阿姨 of 3-1-502, her phone shared before (not written again by the submit), and two technicians to offer to. */
async function ownerWithTechnicians() {
  const db = h.database.db;
  const property = await makeProperty(db);
  await makeStaff(db, property.id, "technician", "李师傅");
  await makeStaff(db, property.id, "technician", "王师傅", "water");
  const row = await makeOwner(db, (await makeUnit(db, property.id, "3-1-502")).id, "王阿姨");
  await db.person.update({ where: { id: row.id }, data: { phone: "13800138000" } });
  return h.user(Number(row.telegramId), "王阿姨");
}

async function statementsOf(fn: () => Promise<unknown>) {
  const before = h.database.statements();
  await fn();
  return h.database.statements() - before;
}

describe("statements per update", () => {
  it("costs at most 3 for a conversation step, with the person cached", async () => {
    const db = h.database.db;
    const unit = await makeUnit(db, (await makeProperty(db)).id, "3-1-502");
    const owner = h.user(Number((await makeOwner(db, unit.id, "王阿姨")).telegramId), "王阿姨");
    await owner.send("/help"); // first contact: the person row is read (and the name kept fresh)
    await owner.send("/repair");
    expect(await statementsOf(() => owner.press("3-1-502"))).toBeLessThanOrEqual(3);
    expect(await statementsOf(() => owner.press("给排水"))).toBeLessThanOrEqual(3);
    expect(await statementsOf(() => owner.send("厨房水龙头一直滴水"))).toBeLessThanOrEqual(3);
    expect(await statementsOf(() => owner.send("🤔"))).toBeLessThanOrEqual(3); // a wrong answer, asked again
    expect(owner.lastText()).toContain("照片");
  });

  it("costs at most 3 for the first step of /repair and for each step, and a few for the submit", async () => {
    const db = h.database.db;
    const owner = await ownerWithTechnicians();
    await owner.send("/repair"); // first time: the person and their units are read, then kept
    await owner.send("/cancel");
    const steps: [string, () => Promise<unknown>][] = [
      ["/repair", () => owner.send("/repair")], ["place", () => owner.press("3-1-502")], ["category", () => owner.press("给排水")],
      ["description", () => owner.send("厨房水龙头一直滴水")], ["photos", () => owner.press("跳过")],
      ["emergency", () => owner.press("不紧急")], ["access", () => owner.press("家里有人")], ["time", () => owner.press("尽快")],
      ["phone", () => owner.send("13800138000")],
    ];
    const perStep: Record<string, number> = {};
    for (const [name, step] of steps) perStep[name] = await statementsOf(step);
    for (const [name, n] of Object.entries(perStep)) expect([name, n <= 3]).toEqual([name, true]);
    // the conversation's state read and deleted; the reporter's unit and property with the technicians in
    // one read; the ticket's rows: on PostgreSQL one statement, on SQLite one transaction of a statement a
    // table (counter, ticket, events, offers, messages: SQLite has no data-modifying CTEs)
    const submit = await statementsOf(() => owner.press("确认提交"));
    expect(submit).toBe(h.database.provider === "sqlite" ? 8 : 4);
    expect(owner.lastText()).toContain("BX-20261123-0001");
    expect(await db.offer.count()).toBe(2); // both technicians: one without skills listed, one for water
    expect(await db.outbox.count({ where: { key: "offer-new" } })).toBe(2);
  });

  it("makes one Bot API call per press over HTTP, the press answered after the flow", async () => {
    const db = h.database.db;
    const unit = await makeUnit(db, (await makeProperty(db)).id, "3-1-502");
    const owner = h.user(Number((await makeOwner(db, unit.id, "王阿姨")).telegramId), "王阿姨");
    await owner.send("/repair");
    const methods = (calls: Call[]) => calls.map((c) => c.method);
    // the check mark of the place and the category question: one edit, then the answer to the press
    const place = await owner.press("3-1-502");
    expect(methods(place)).toEqual(["editMessageText", "answerCallbackQuery"]);
    expect(place[0]!.payload.text).toMatch(/✅ 3-1-502\n\n.*类/su);
    expect(JSON.stringify(place[0]!.payload.reply_markup)).toContain("给排水");
    expect(methods(await owner.press("给排水"))).toEqual(["editMessageText", "answerCallbackQuery"]);
    // in webhook mode the answer to the press goes in the reply to Telegram: no call of its own
    const replies: unknown[] = [];
    const from = h.fake.calls.length;
    await h.bot.handleUpdate({
      update_id: 900_001, message: { message_id: 90, date: 0, chat: { id: owner.id, type: "private", first_name: "王阿姨" },
        from: { id: owner.id, is_bot: false, first_name: "王阿姨" }, text: "厨房水龙头一直滴水" },
    }, { send: async (payload) => void replies.push(JSON.parse(String(payload))) });
    const photos = h.fake.calls.slice(from).find((c) => c.method === "sendMessage")!;
    const skip = buttonsOf(photos).find((b) => b.text.includes("跳过"))!;
    const before = h.fake.calls.length;
    await h.bot.handleUpdate({
      update_id: 900_002, callback_query: { id: "cb-webhook", from: { id: owner.id, is_bot: false, first_name: "王阿姨" }, chat_instance: "ci",
        data: skip.data, message: { message_id: photos.result!.message_id, date: 0, chat: { id: owner.id, type: "private", first_name: "王阿姨" } } },
    }, { send: async (payload) => void replies.push(JSON.parse(String(payload))) });
    expect(methods(h.fake.calls.slice(before))).toEqual(["editMessageText"]);
    expect(replies).toEqual([expect.objectContaining({ method: "answerCallbackQuery", callback_query_id: "cb-webhook" })]);
  });

  it("costs 3 through the inbox (2 on PostgreSQL): the update written and claimed with the chat's state, the state written, the update handled", async () => {
    await h.close();
    // (the inbox's sweep for chats nobody holds is not part of an update: it is kept out of the count)
    h = await createHarness({ countStatements: true, viaInbox: true, inboxSweepMs: 600_000 });
    const db = h.database.db;
    const unit = await makeUnit(db, (await makeProperty(db)).id, "3-1-502");
    const owner = h.user(Number((await makeOwner(db, unit.id, "王阿姨")).telegramId), "王阿姨");
    await owner.send("/help");
    await owner.send("/repair");
    const place = await statementsOf(() => owner.press("3-1-502"));
    const category = await statementsOf(() => owner.press("给排水"));
    const text = await statementsOf(() => owner.send("厨房水龙头一直滴水"));
    // (on PostgreSQL the state is written in the statement that marks the update handled)
    const n = h.database.provider === "sqlite" ? 3 : 2;
    expect([place, category, text]).toEqual([n, n, n]);
    expect(owner.lastText()).toContain("照片");
    // the state served with the claim is the state: the flow went on from where it was
    const row = await db.session.findUnique({ where: { key: `conv:${owner.id}` } });
    expect(row?.value).toContain("厨房水龙头一直滴水");
    // the answers of the bot's calls it keeps are their ids, not copies of the questions it sent (read and written every step)
    expect(row?.value).not.toContain("给排水");
    expect(row?.value).not.toContain("reply_markup");
    // nor of the messages whose buttons were pressed (Telegram sends them whole with the press)
    expect(row?.value).not.toContain("需要维修的是哪里");
    expect(await db.inboundUpdate.count({ where: { handledAt: null } })).toBe(0);
    // an owner not in memory (not seen lately, or since a restart): their person, roles and homes in one read
    const other = h.user(Number((await makeOwner(db, unit.id, "李先生")).telegramId), "李先生");
    expect(await statementsOf(() => other.send("/repair"))).toBeLessThanOrEqual(4);
    expect(buttonsOf(other.inbox().at(-1)).map((b) => b.text)).toContain("3-1-502");
  });

  it("costs 4 for the submit through the inbox on PostgreSQL, 9 on SQLite", async () => {
    await h.close();
    h = await createHarness({ countStatements: true, viaInbox: true, inboxSweepMs: 600_000 });
    const db = h.database.db;
    const owner = await ownerWithTechnicians();
    await owner.send("/repair");
    for (const press of ["3-1-502", "给排水"]) await owner.press(press);
    await owner.send("厨房水龙头一直滴水");
    for (const press of ["跳过", "不紧急", "家里有人", "尽快"]) await owner.press(press);
    await owner.send("13800138000");
    // the inbox's (the update written and claimed with the state; the state deleted and the update
    // handled: one statement on PostgreSQL, two on SQLite), the report's read, and the ticket's rows
    // (one statement on PostgreSQL; a statement a table on SQLite)
    expect(await statementsOf(() => owner.press("确认提交"))).toBe(h.database.provider === "sqlite" ? 9 : 4);
    expect(owner.lastText()).toContain("BX-20261123-0001");
    expect(await db.outbox.count({ where: { key: "offer-new" } })).toBe(2);
  });

  it("sees a change of language or roles at the next update", async () => {
    const db = h.database.db;
    const property = await makeProperty(db);
    const admin = await makeStaff(db, property.id, "admin", "管理员");
    const techRow = await makeStaff(db, property.id, "technician", "李师傅");
    const tech = h.user(Number(techRow.telegramId), "李师傅");
    expect(tech.lastText()).toBe("");
    await tech.send("/help");
    expect(tech.lastText()).toContain("维修人员");
    await tech.send("/help");
    expect(await statementsOf(() => tech.send("/help"))).toBeLessThanOrEqual(2); // cached: dedupe claim, conversation state

    expect((await revokeRole(h.database, admin.id, techRow.id, "technician", h.now())).ok).toBe(true);
    await tech.send("/help");
    expect(tech.lastText()).not.toContain("维修人员");

    await setLanguage(db, techRow.id, "en", h.now());
    await tech.send("/help");
    expect(tech.lastText()).toContain("Your account is not linked to a home yet");
  });
});
