// Updates of kinds the bot does not serve are ignored on purpose (no reply, no error in the log);
// my_chat_member in a private chat marks the person blocked / reachable again.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { notify } from "../../src/domain/notify.ts";
import { createHarness, type Harness } from "../helpers/bot-harness.ts";
import { nextTelegramId } from "../helpers/fixtures.ts";

let h: Harness;
beforeEach(async () => { h = await createHarness(); });
afterEach(async () => { await h.close(); });

const person = (id: number) => ({ id, is_bot: false, first_name: "王阿姨" });
const privateChat = (id: number) => ({ id, type: "private" as const, first_name: "王阿姨" });
const group = { id: -100123, type: "supergroup" as const, title: "物业群" };
const channel = { id: -100999, type: "channel" as const, title: "通知频道" };
const text = (extra: object) => ({ message_id: 7, date: 1, text: "/start", entities: [{ type: "bot_command", offset: 0, length: 6 }], ...extra });

/** Sends one update; returns what the bot called at Telegram. */
const quietly = async (update: object) => {
  const calls = await h.handle(update as Omit<Update, "update_id">);
  expect(h.errors).toEqual([]);
  return calls.map((c) => c.method);
};

describe("updates the bot does not serve", () => {
  const id = nextTelegramId();
  it.each([
    ["an edited message", { edited_message: { ...text({ chat: privateChat(id), from: person(id) }), edit_date: 2 } }],
    ["a channel post", { channel_post: text({ chat: channel }) }],
    ["an edited channel post", { edited_channel_post: { ...text({ chat: channel }), edit_date: 2 } }],
    ["a message in a group", { message: text({ chat: group, from: person(id) }) }],
    ["a message in a group from an anonymous admin (no from)", { message: text({ chat: group, sender_chat: group }) }],
    ["a private message without from", { message: text({ chat: privateChat(id) }) }],
    ["a message from another bot", { message: text({ chat: privateChat(id), from: { id, is_bot: true, first_name: "Bot" } }) }],
    ["an inline query", { inline_query: { id: "iq1", from: person(id), query: "水管", offset: "" } }],
    ["a chosen inline result", { chosen_inline_result: { result_id: "r", from: person(id), query: "x" } }],
    ["the bot added to a group", { my_chat_member: { chat: group, from: person(id), date: 1, old_chat_member: { status: "left", user: person(1) }, new_chat_member: { status: "member", user: person(1) } } }],
    ["a poll", { poll: { id: "p", question: "?", options: [], total_voter_count: 0, is_closed: false, is_anonymous: true, type: "regular", allows_multiple_answers: false } }],
  ])("ignores %s: no reply, no error", async (_kind, update) => {
    expect(await quietly(update)).toEqual([]);
  });

  it("answers a press on an inline-mode message (no message) without acting on it", async () => {
    const methods = await quietly({ callback_query: { id: "cb-inline", from: person(id), chat_instance: "ci", inline_message_id: "im1", data: "accept|1" } });
    expect(methods).toEqual(["answerCallbackQuery"]);
  });

  it("still serves a private message", async () => {
    const owner = h.user(nextTelegramId());
    expect((await owner.send("/help")).map((c) => c.method)).toContain("sendMessage");
  });
});

describe("my_chat_member in a private chat", () => {
  it("marks the person blocked when they block the bot (notifications stop), and reachable when they unblock it", async () => {
    const u = h.user(nextTelegramId());
    await u.send("/start");
    const db = h.database.db;
    const { id: personId } = await db.person.findFirstOrThrow({ where: { telegramId: BigInt(u.id) } });
    const change = (from: string, to: string) => quietly({
      my_chat_member: { chat: privateChat(u.id), from: person(u.id), date: 1, old_chat_member: { status: from, user: person(1) }, new_chat_member: { status: to, user: person(1) } },
    });
    expect(await change("member", "kicked")).toEqual([]);
    expect((await db.person.findUniqueOrThrow({ where: { id: personId } })).blockedAt).toEqual(h.now());
    expect(await notify(db, h.now(), personId, { key: "offer-taken", params: { number: "BX-1", technician: "李" } })).toBe(false);
    expect(await change("kicked", "member")).toEqual([]);
    expect((await db.person.findUniqueOrThrow({ where: { id: personId } })).blockedAt).toBeNull();
    expect(await notify(db, h.now(), personId, { key: "offer-taken", params: { number: "BX-1", technician: "李" } })).toBe(true);
    expect((await db.event.findMany({ where: { actorId: personId }, orderBy: { id: "asc" } })).map((e) => e.action)).toEqual(
      expect.arrayContaining(["bot-blocked", "bot-unblocked"]),
    );
    // someone the bot has never met blocks it: nothing to mark, no error
    expect(await quietly({
      my_chat_member: { chat: privateChat(5), from: person(5), date: 1, old_chat_member: { status: "member", user: person(1) }, new_chat_member: { status: "kicked", user: person(1) } },
    })).toEqual([]);
  });
});
