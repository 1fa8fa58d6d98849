// The fake Bot API itself, driven through grammY over HTTP.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Bot, GrammyError, HttpError, InputFile } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { BLOCKED, floodWait, serverError, startFakeTelegram, type FakeTelegram } from "../src/fake-bot-api/server.ts";

const TOKEN = "4242:fake-test-token";
const BOT_INFO: UserFromGetMe = {
  id: 4242, is_bot: true, first_name: "Repair Desk", username: "fake_test_bot",
  can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false,
  can_connect_to_business: false, has_main_web_app: false,
};

let fake: FakeTelegram;
let bot: Bot;
beforeEach(async () => {
  fake = await startFakeTelegram({ botId: BOT_INFO.id, username: BOT_INFO.username, token: TOKEN });
  bot = new Bot(TOKEN, { botInfo: BOT_INFO, client: { apiRoot: fake.apiRoot } });
});
afterEach(async () => { await fake.close(); });

const message = (chatId: number, text: string) => ({
  message: { message_id: 1, date: 0, chat: { id: chatId, type: "private" as const, first_name: "U" }, from: { id: chatId, is_bot: false, first_name: "U" }, text },
});

describe("the fake Telegram Bot API", () => {
  it("answers getMe, numbers messages per chat and records calls with their results", async () => {
    expect(await bot.api.getMe()).toMatchObject({ id: 4242, is_bot: true, username: "fake_test_bot", can_join_groups: false });
    const a1 = await bot.api.sendMessage(7_000_000_001, "one", { reply_markup: { inline_keyboard: [[{ text: "OK", callback_data: "ok|1" }]] } });
    const a2 = await bot.api.sendMessage(7_000_000_001, "two");
    const b1 = await bot.api.sendMessage(7_000_000_002, "three");
    expect([a1.message_id, a2.message_id, b1.message_id]).toEqual([1, 2, 1]);
    expect(a1.chat).toMatchObject({ id: 7_000_000_001, type: "private" });
    expect(a1.reply_markup?.inline_keyboard[0]![0]).toMatchObject({ text: "OK" });
    const edited = await bot.api.editMessageText(7_000_000_001, a1.message_id, "one, edited");
    expect(edited).toMatchObject({ message_id: 1, text: "one, edited" });
    expect(await bot.api.answerCallbackQuery("cb1")).toBe(true);
    expect(fake.calls.map((c) => c.method)).toEqual(["getMe", "sendMessage", "sendMessage", "sendMessage", "editMessageText", "answerCallbackQuery"]);
    expect(fake.sent(7_000_000_001).map((c) => c.result.message_id)).toEqual([1, 2]);
    fake.reset();
    expect(fake.calls).toEqual([]);
  });

  it("answers unknown methods 404 and a wrong token 401", async () => {
    const raw = bot.api.raw as unknown as Record<string, (p: object) => Promise<unknown>>;
    await expect(raw.noSuchMethod!({})).rejects.toMatchObject({ error_code: 404, description: "Not Found: method not found" });
    const stranger = new Bot("1:wrong", { botInfo: BOT_INFO, client: { apiRoot: fake.apiRoot } });
    await expect(stranger.api.sendMessage(1, "x")).rejects.toMatchObject({ error_code: 401 });
  });

  it("long-polls getUpdates: holds until an update arrives, and drops updates below offset", async () => {
    const first = fake.pushUpdate(message(1, "a"));
    fake.pushUpdate(message(1, "b"));
    expect(first.update_id).toBe(1);
    const got = await bot.api.getUpdates({ offset: 0, timeout: 0 });
    expect(got.map((u) => u.update_id)).toEqual([1, 2]);
    expect((await bot.api.getUpdates({ offset: 2, limit: 10, timeout: 0 })).map((u) => u.update_id)).toEqual([2]);
    expect(await bot.api.getUpdates({ offset: 3, timeout: 0 })).toEqual([]);

    const started = Date.now();
    const held = bot.api.getUpdates({ offset: 3, timeout: 30 });
    setTimeout(() => fake.pushUpdate(message(1, "c")), 100);
    const later = await held;
    expect(later.map((u) => (u as any).message.text)).toEqual(["c"]);
    expect(Date.now() - started).toBeLessThan(1500);
    // Confirmed updates are gone, even for offset 0.
    expect((await bot.api.getUpdates({ offset: 0, timeout: 0 })).map((u) => u.update_id)).toEqual([3]);
  });

  it("delivers updates to a polling grammY bot, and close() releases a held poll", async () => {
    const texts: string[] = [];
    bot.on("message:text", (ctx) => { texts.push(ctx.message.text); });
    const polling = bot.start({ drop_pending_updates: false });
    fake.pushUpdate(message(5, "hello"));
    fake.pushUpdate(message(5, "again"));
    for (let i = 0; i < 100 && texts.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(texts).toEqual(["hello", "again"]);
    await bot.stop();
    await polling;
    // A held long poll is answered at close, promptly.
    const held = bot.api.getUpdates({ offset: 100, timeout: 30 });
    const started = Date.now();
    await new Promise((r) => setTimeout(r, 50));
    await fake.close();
    expect(await held).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("fails the next calls of a method as asked, with Telegram's error shape", async () => {
    fake.failNext("sendMessage", floodWait(7), 2);
    for (let i = 0; i < 2; i++) {
      const e = await bot.api.sendMessage(1, "x").catch((x: unknown) => x);
      expect(e).toBeInstanceOf(GrammyError);
      expect(e).toMatchObject({ error_code: 429, parameters: { retry_after: 7 } });
    }
    expect((await bot.api.sendMessage(1, "x")).message_id).toBe(1);
    expect(fake.calls.map((c) => c.error?.error_code ?? "ok")).toEqual([429, 429, "ok"]);
    expect(fake.sent()).toHaveLength(1);
  });

  it("fails every send to one chat until cleared", async () => {
    fake.failChat(7_000_000_009, BLOCKED);
    await expect(bot.api.sendMessage(7_000_000_009, "x")).rejects.toMatchObject({ error_code: 403, description: BLOCKED.description });
    await expect(bot.api.sendPhoto(7_000_000_009, "PHOTO")).rejects.toMatchObject({ error_code: 403 });
    expect((await bot.api.sendMessage(7_000_000_010, "other chat")).message_id).toBe(1);
    fake.clearFailures();
    expect((await bot.api.sendMessage(7_000_000_009, "x")).message_id).toBe(1);
  });

  it("serves files: getFile then a download from /file/bot<token>/<file_path>", async () => {
    fake.files.set("DOC-1", "unit,owner\n3-1-502,王阿姨\n");
    fake.files.set("BIN-1", Buffer.from([0, 1, 2, 255]));
    const file = await bot.api.getFile("DOC-1");
    expect(file).toMatchObject({ file_id: "DOC-1", file_path: "documents/DOC-1", file_size: Buffer.byteLength("unit,owner\n3-1-502,王阿姨\n") });
    const res = await fetch(`${fake.apiRoot}/file/bot${TOKEN}/${file.file_path}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("unit,owner\n3-1-502,王阿姨\n");
    const bin = await bot.api.getFile("BIN-1");
    expect([...new Uint8Array(await (await fetch(`${fake.apiRoot}/file/bot${TOKEN}/${bin.file_path}`)).arrayBuffer())]).toEqual([0, 1, 2, 255]);
    expect((await fetch(`${fake.apiRoot}/file/botWRONG/${file.file_path}`)).status).toBe(401);
    await expect(bot.api.getFile("MISSING")).rejects.toMatchObject({ error_code: 400 });
  });

  it("accepts uploads (multipart) and media groups", async () => {
    const photo = await bot.api.sendPhoto(3, new InputFile(Buffer.from("jpeg bytes"), "p.jpg"), { caption: "uploaded" });
    expect(photo.caption).toBe("uploaded");
    expect(fake.calls.at(-1)!.payload).toMatchObject({ chat_id: 3, caption: "uploaded", photo: { filename: "p.jpg", size: 10 } });
    const group = await bot.api.sendMediaGroup(3, [{ type: "photo", media: "P1" }, { type: "photo", media: "P2" }]);
    expect(group.map((m) => m.message_id)).toEqual([2, 3]);
    expect((group[0] as { photo?: { file_id: string }[] }).photo!.at(-1)!.file_id).toBe("P1");
  });

  it("keeps uploads downloadable, shows a chat as it is now, and tells listeners of each call", async () => {
    const heard: string[] = [];
    fake.onCall((c) => void heard.push(c.method));
    const photo = await bot.api.sendPhoto(5, new InputFile(Buffer.from("png bytes"), "chart.png"));
    const fileId = photo.photo.at(-1)!.file_id;
    expect(fake.files.get(fileId)?.toString()).toBe("png bytes");
    const text = await bot.api.sendMessage(5, "first");
    await bot.api.editMessageText(5, text.message_id, "first, edited");
    await bot.api.sendMessage(6, "elsewhere");
    expect(fake.chatMessages(5).map((m) => m.text ?? "photo")).toEqual(["photo", "first, edited"]);
    expect(heard).toEqual(["sendPhoto", "sendMessage", "editMessageText", "sendMessage"]);
  });
});

describe("the fake Bot API enforcing Telegram's limits", () => {
  let limited: FakeTelegram;
  let clock = 1_000_000;
  let api: Bot["api"];
  beforeEach(async () => {
    clock = 1_000_000;
    limited = await startFakeTelegram({ botId: BOT_INFO.id, username: BOT_INFO.username, limits: { clock: () => clock } });
    api = new Bot(TOKEN, { botInfo: BOT_INFO, client: { apiRoot: limited.apiRoot } }).api;
  });
  afterEach(async () => { await limited.close(); });

  it("answers a second message to one chat within a second 429 with retry_after; other chats and edits are free", async () => {
    const first = await api.sendMessage(1, "one");
    await expect(api.sendMessage(1, "two")).rejects.toMatchObject({ error_code: 429, parameters: { retry_after: 1 } });
    await api.sendMessage(2, "another chat");
    await api.editMessageText(1, first.message_id, "edited");
    await api.sendChatAction(1, "typing");
    clock += 999;
    await expect(api.sendPhoto(1, "PHOTO")).rejects.toMatchObject({ error_code: 429 });
    clock += 1;
    expect((await api.sendMessage(1, "two")).message_id).toBe(2);
    expect(limited.floods().map((c) => c.method)).toEqual(["sendMessage", "sendPhoto"]);
  });

  it("allows 30 messages a second overall, a media group counting each item", async () => {
    await api.sendMediaGroup(100, [{ type: "photo", media: "P1" }, { type: "photo", media: "P2" }]);
    for (let chat = 1; chat <= 28; chat++) await api.sendMessage(chat, "hi");
    await expect(api.sendMessage(29, "hi")).rejects.toMatchObject({ error_code: 429, parameters: { retry_after: 1 } });
    clock += 1000;
    await api.sendMessage(29, "hi");
    expect(limited.sent()).toHaveLength(30);
  });

  it("injects 429 storms and 5xx on any send, and goes down for a while (reset or 502)", async () => {
    limited.failNext("*", floodWait(3), 2);
    await expect(api.sendMessage(1, "a")).rejects.toMatchObject({ error_code: 429, parameters: { retry_after: 3 } });
    await expect(api.sendPhoto(2, "P")).rejects.toMatchObject({ error_code: 429 });
    limited.failNext("sendMessage", serverError(500));
    await expect(api.sendMessage(3, "c")).rejects.toMatchObject({ error_code: 500 });
    await api.sendMessage(3, "c");

    limited.goDown(30_000);
    await expect(api.sendMessage(4, "d")).rejects.toBeInstanceOf(HttpError);
    clock += 30_000;
    await api.sendMessage(4, "d");
    limited.goDown(5_000, 502);
    await expect(api.getMe()).rejects.toMatchObject({ error_code: 502 });
    clock += 5_000;
    await expect(api.getMe()).resolves.toMatchObject({ id: BOT_INFO.id });
  });
});
