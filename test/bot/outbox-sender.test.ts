// The outbox sender against a real database (SQLite or PostgreSQL) and the fake Bot API over HTTP.
// Rows are queued by the real domain function notify(); the clock is moved, never slept on.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { createOutboxSender, MONOSPACE_KEYS, type OutboxSender } from "../../src/bot/outbox-sender.ts";
import { CLAIM_MS, claimDue, outboxBacklog } from "../../src/domain/outbox.ts";
import type { Logger } from "../../src/log.ts";
import { notify, type Notice } from "../../src/domain/notify.ts";
import { closeOutParams } from "../../src/domain/scheduled/close-out.ts";
import { startFakeTelegram, BLOCKED, floodWait, type Call, type FakeTelegram } from "../../src/fake-bot-api/server.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { T0, makePerson } from "../helpers/fixtures.ts";

const TOKEN = "123456:outbox-sender-test";
const BOT_INFO: UserFromGetMe = {
  id: 999001, is_bot: true, first_name: "Repair Desk", username: "repair_desk_outbox_bot",
  can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false,
  can_connect_to_business: false, has_main_web_app: false,
};

let d: TestDatabase;
let fake: FakeTelegram;
let bot: Bot;
let now: Date;
let warnings: string[];
const clock = () => now;
const at = (ms: number) => { now = new Date(T0.getTime() + ms); };
const log: Logger = { info: () => undefined, warn: (m, e) => void warnings.push(`${m} ${JSON.stringify(e)}`), error: (m, e) => void warnings.push(`${m} ${JSON.stringify(e)}`) };
const sender = (over: Partial<Parameters<typeof createOutboxSender>[0]> = {}): OutboxSender =>
  createOutboxSender({ db: d.db, api: bot.api, clock, log, ...over });

beforeEach(async () => {
  d = await testDatabase();
  fake = await startFakeTelegram({ botId: BOT_INFO.id, username: BOT_INFO.username, token: TOKEN });
  bot = new Bot(TOKEN, { botInfo: BOT_INFO, client: { apiRoot: fake.apiRoot } });
  now = T0;
  warnings = [];
});
afterEach(async () => {
  await fake.close();
  await d.drop();
});

const offer = (number: string, over: Partial<Notice> = {}): Notice => ({
  key: "offer-new",
  params: { number, place: "BX 3-1-502", category: "water", description: "厨房水龙头一直滴水", access: "home", time: "asap", emergency: "no" },
  buttons: [[{ label: "btn-accept", action: "accept", id: 12 }, { label: "btn-decline", action: "decline", id: 12 }]],
  ...over,
});
const taken = (number: string, over: Partial<Notice> = {}): Notice => ({ key: "offer-taken", params: { number, technician: "李师傅" }, ...over });

const chatOf = (c: Call) => String(c.payload?.chat_id);
const to = (person: { telegramId: bigint | null }) => fake.calls.filter((c) => chatOf(c) === String(person.telegramId));
const texts = (calls: Call[]) => calls.filter((c) => c.method === "sendMessage" && c.result).map((c) => c.payload.text as string);
const labels = (c: Call | undefined) => (c?.payload?.reply_markup?.inline_keyboard ?? []).flat().map((b: any) => b.text);
const rows = () => d.db.outbox.findMany({ orderBy: { id: "asc" } });

describe("rendering", () => {
  it("renders the same notice in each recipient's language, with button labels and callback data", async () => {
    const zh = await makePerson(d.db, "王师傅", { language: "zh-CN" });
    const en = await makePerson(d.db, "Mr Smith", { language: "en" });
    await notify(d.db, now, zh.id, offer("BX-20261123-0001"));
    await notify(d.db, now, en.id, offer("BX-20261123-0001"));
    expect(await outboxBacklog(d.db, now)).toBe(2);

    expect(await sender().tick()).toBe(2);
    const [zhCall] = to(zh);
    const [enCall] = to(en);
    expect(zhCall!.payload.text).toContain("🔔 新工单 BX-20261123-0001");
    expect(zhCall!.payload.text).toContain("厨房水龙头一直滴水");
    expect(enCall!.payload.text).toContain("🔔 New job BX-20261123-0001");
    expect(enCall!.payload.text).not.toEqual(zhCall!.payload.text);
    expect(labels(zhCall)).toEqual(["接单", "暂不接"]);
    expect(labels(enCall)).toEqual(["Accept", "Decline"]);
    expect(zhCall!.payload.reply_markup.inline_keyboard[0].map((b: any) => b.callback_data)).toEqual(["accept|12", "decline|12"]);
    expect(zhCall!.payload.entities).toBeUndefined();

    const [r1, r2] = await rows();
    expect(r1).toMatchObject({ status: "sent", messageId: zhCall!.result.message_id, sentAt: T0, attempts: 0, lockedUntil: null });
    expect(r2).toMatchObject({ status: "sent", messageId: enCall!.result.message_id });
    expect(await outboxBacklog(d.db, now)).toBe(0);
    expect(await sender().tick()).toBe(0);
    expect(fake.sent()).toHaveLength(2);
  });

  it("sends monospace keys (the close-out table) as one pre block", async () => {
    expect(MONOSPACE_KEYS.has("closeout-report")).toBe(true);
    const desk = await makePerson(d.db, "前台", { language: "zh-CN" });
    const params = closeOutParams({
      property: "BX Garden", date: "2026-11-23", reported: 5, completed: 3, open: 2,
      overdue: [{ number: "BX-20261123-0001", technician: "李师傅", place: "3-1-502", since: "09:10" }, { number: "BX-20261123-0002", technician: "Tom", place: "1-2-301", since: "10:05" }],
      postponed: [], lateCompletion: [],
      callbacks: [{ number: "BX-20261122-0007", owner: "王阿姨", phone: "13800138000", completed: "11-22 16:00" }],
      paid: { quotesSent: 2, approved: 1, declined: 1, feesCount: 1, feesFen: 6000, receivedCount: 1, receivedFen: 6000, outstandingCount: 1, outstandingFen: 123450 },
    });
    await notify(d.db, now, desk.id, { key: "closeout-report", params, ref: "closeout:1:2026-11-23" });
    expect(await sender().tick()).toBe(1);
    const [call] = fake.sent(desk.telegramId!);
    const text: string = call!.payload.text;
    expect(text).toContain("📊 每日工单日清 · BX Garden · 2026-11-23");
    expect(text).toContain("BX-20261123-0001  李师傅  3-1-502  09:10");
    expect(text).toContain("BX-20261123-0002  Tom     1-2-301  10:05");
    expect(text).toContain("💴 有偿服务：报价 2 份，同意 1，不同意 1；今日收款 60.00 元，未收 1 单 1,234.50 元");
    expect(call!.payload.entities).toEqual([{ type: "pre", offset: 0, length: text.length }]);
  });

  it("cuts texts over 4096 characters with an ellipsis", async () => {
    const p = await makePerson(d.db, "王师傅");
    await notify(d.db, now, p.id, offer("BX-1", { params: { ...offer("BX-1").params, description: "滴".repeat(5000) } }));
    expect(await sender().tick()).toBe(1);
    const text: string = fake.sent(p.telegramId!)[0]!.payload.text;
    expect(text).toHaveLength(4096);
    expect(text.endsWith("滴…")).toBe(true);
  });
});

describe("throttling", () => {
  it("sends at most one message per chat per second, in creation order", async () => {
    const p = await makePerson(d.db, "王师傅");
    for (const n of ["N1", "N2", "N3"]) await notify(d.db, now, p.id, taken(n));
    const s = sender();
    expect(await s.tick()).toBe(1);
    at(500);
    expect(await s.tick()).toBe(0);
    at(1100);
    expect(await s.tick()).toBe(1);
    at(2200);
    expect(await s.tick()).toBe(1);
    at(3300);
    expect(await s.tick()).toBe(0);
    const sends = to(p);
    expect(texts(sends).map((t) => /工单 (N\d)/.exec(t)?.[1])).toEqual(["N1", "N2", "N3"]);
    expect((await rows()).map((r) => [r.status, r.sentAt?.getTime()! - T0.getTime()])).toEqual([["sent", 0], ["sent", 1100], ["sent", 2200]]);
  });

  it("sends at most 25 per second across chats", async () => {
    const people = [];
    for (let i = 0; i < 60; i++) people.push(await makePerson(d.db, `P${i}`));
    for (const p of people) await notify(d.db, now, p.id, taken(`N${p.id}`));
    const s = sender();
    expect(await s.tick()).toBe(25);
    expect(fake.sent()).toHaveLength(25);
    at(600);
    expect(await s.tick()).toBe(0); // still the same second
    at(1000);
    expect(await s.tick()).toBe(25);
    at(2000);
    expect(await s.tick()).toBe(10);
    // every chat once, oldest rows first
    expect(new Set(fake.sent().map(chatOf)).size).toBe(60);
    expect(fake.sent().slice(0, 25).map(chatOf)).toEqual(people.slice(0, 25).map((p) => String(p.telegramId)));
  });

  it("does not let one busy chat hold back the others", async () => {
    const busy = await makePerson(d.db, "忙");
    const quiet = await makePerson(d.db, "闲");
    for (let i = 0; i < 8; i++) await notify(d.db, now, busy.id, taken(`B${i}`));
    await notify(d.db, now, quiet.id, taken("Q"));
    expect(await sender({ scan: 9 }).tick()).toBe(2);
    expect(texts(to(quiet))).toHaveLength(1);
  });
});

describe("photos and edits", () => {
  it("sends one photo and its text as one message; several photos as a media group, the text a second later", async () => {
    const a = await makePerson(d.db, "A");
    const b = await makePerson(d.db, "B");
    await notify(d.db, now, a.id, offer("BX-1", { photos: ["PHOTO-1"], ref: "offer:1:0" }));
    await notify(d.db, now, b.id, offer("BX-2", { photos: ["PHOTO-1", "PHOTO-2", "PHOTO-3"] }));
    const s = sender();
    expect(await s.tick()).toBe(1);
    expect(to(a).map((c) => c.method)).toEqual(["sendPhoto"]);
    expect(to(a)[0]!.payload).toMatchObject({ photo: "PHOTO-1" });
    expect(to(a)[0]!.payload.caption).toContain("🔔 新工单 BX-1");
    expect(labels(to(a)[0])).toEqual(["接单", "暂不接"]);
    expect(to(b).map((c) => c.method)).toEqual(["sendMediaGroup"]);
    expect(to(b)[0]!.payload.media).toEqual(["PHOTO-1", "PHOTO-2", "PHOTO-3"].map((media) => ({ type: "photo", media })));
    at(999);
    expect(await s.tick()).toBe(0);
    at(1000);
    expect(await s.tick()).toBe(1);
    expect(to(b).map((c) => c.method)).toEqual(["sendMediaGroup", "sendMessage"]);
    // the rows remember the message with the buttons
    const [ra, rb] = await rows();
    expect(ra).toMatchObject({ status: "sent", messageId: to(a)[0]!.result.message_id });
    expect(rb).toMatchObject({ status: "sent", messageId: to(b)[1]!.result.message_id, photos: "[]" });
    // an edit of a photo message changes its caption
    await notify(d.db, now, a.id, taken("BX-1", { kind: "edit", ref: "offer:1:0" }));
    at(2000);
    expect(await s.tick()).toBe(1);
    expect(fake.calls.at(-1)).toMatchObject({ method: "editMessageCaption", payload: { message_id: to(a)[0]!.result.message_id } });
    expect(fake.calls.at(-1)!.payload.caption).toContain("已由 李师傅接单");
  });

  it("does not send the photos again when only the text failed", async () => {
    const a = await makePerson(d.db, "A");
    await notify(d.db, now, a.id, offer("BX-1", { photos: ["PHOTO-1", "PHOTO-2"] }));
    fake.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" });
    const s = sender();
    expect(await s.tick()).toBe(0);
    at(1000);
    expect(await s.tick()).toBe(0);
    at(6000);
    expect(await s.tick()).toBe(1);
    expect(to(a).filter((c) => !c.error).map((c) => c.method)).toEqual(["sendMediaGroup", "sendMessage"]);
  });

  it("edits the message sent under the same ref, and removes its keyboard", async () => {
    const p = await makePerson(d.db, "王师傅");
    await notify(d.db, now, p.id, offer("BX-1", { ref: "offer:12:0" }));
    const s = sender();
    expect(await s.tick()).toBe(1);
    const original = fake.sent(p.telegramId!)[0]!.result.message_id as number;
    await notify(d.db, now, p.id, taken("BX-1", { kind: "edit", ref: "offer:12:0" }));
    at(1100);
    expect(await s.tick()).toBe(1);
    const edit = fake.calls.at(-1)!;
    expect(edit.method).toBe("editMessageText");
    expect(edit.payload).toMatchObject({ chat_id: Number(p.telegramId), message_id: original, reply_markup: { inline_keyboard: [] } });
    expect(edit.payload.text).toContain("已由 李师傅接单");
    expect((await rows())[1]).toMatchObject({ kind: "edit", status: "sent", messageId: original });
    expect(fake.sent(p.telegramId!)).toHaveLength(1);
  });

  it("keeps the buttons of an edit, and counts 'message is not modified' as done", async () => {
    const p = await makePerson(d.db, "王师傅", { language: "en" });
    await notify(d.db, now, p.id, offer("BX-1", { ref: "offer:12:0" }));
    const s = sender();
    await s.tick();
    await notify(d.db, now, p.id, offer("BX-1", { kind: "edit", ref: "offer:12:0" }));
    fake.failNext("editMessageText", { error_code: 400, description: "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message" });
    at(1100);
    expect(await s.tick()).toBe(1);
    expect(labels(fake.calls.at(-1))).toEqual(["Accept", "Decline"]);
    expect((await rows())[1]).toMatchObject({ status: "sent", messageId: 1, lastError: null });
  });

  it("sends an edit as a new message when the original was never sent", async () => {
    const p = await makePerson(d.db, "王师傅");
    await notify(d.db, now, p.id, taken("BX-9", { kind: "edit", ref: "offer:99:0" }));
    expect(await sender().tick()).toBe(1);
    expect(fake.calls.map((c) => c.method)).toEqual(["sendMessage"]);
    expect(texts(to(p))[0]).toContain("BX-9");
    expect((await rows())[0]).toMatchObject({ status: "sent", messageId: 1 });
  });

  it("holds an edit back while its original is still queued", async () => {
    const p = await makePerson(d.db, "王师傅");
    await notify(d.db, now, p.id, offer("BX-1", { ref: "offer:12:0" }));
    await notify(d.db, now, p.id, taken("BX-1", { kind: "edit", ref: "offer:12:0" }));
    fake.failNext("sendMessage", { error_code: 500, description: "Internal Server Error" });
    const s = sender();
    expect(await s.tick()).toBe(0); // the original failed: retried in 5 s
    at(1100);
    expect(await s.tick()).toBe(0); // the edit waits for it
    at(5000);
    expect(await s.tick()).toBe(1);
    at(6100);
    expect(await s.tick()).toBe(1);
    expect(fake.calls.filter((c) => !c.error).map((c) => c.method)).toEqual(["sendMessage", "editMessageText"]);
  });
});

describe("errors", () => {
  it("429: delays that chat only, by retry_after, then sends once", async () => {
    const a = await makePerson(d.db, "A");
    const b = await makePerson(d.db, "B");
    await notify(d.db, now, a.id, taken("BX-A"));
    await notify(d.db, now, b.id, taken("BX-B"));
    fake.failNext("sendMessage", floodWait(5));
    const s = sender();
    expect(await s.tick()).toBe(1); // B went out
    expect(texts(to(b))).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ status: "pending", attempts: 0, dueAt: new Date(T0.getTime() + 5000) });
    await notify(d.db, now, a.id, taken("BX-A2"));
    for (const ms of [1000, 3000, 4999]) {
      at(ms);
      expect(await s.tick()).toBe(0);
    }
    at(5000);
    expect(await s.tick()).toBe(1);
    at(6000);
    expect(await s.tick()).toBe(1);
    expect(texts(to(a)).map((x) => /工单 (\S+)/.exec(x)?.[1])).toEqual(["BX-A", "BX-A2"]);
    expect((await rows()).map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
  });

  it("403: marks the person blocked, the row dead, never retries; other chats still get theirs", async () => {
    const blocked = await makePerson(d.db, "A");
    const b = await makePerson(d.db, "B");
    const c = await makePerson(d.db, "C");
    await notify(d.db, now, blocked.id, taken("BX-1"));
    await notify(d.db, now, b.id, taken("BX-2"));
    await notify(d.db, now, blocked.id, taken("BX-3"));
    await notify(d.db, now, c.id, taken("BX-4"));
    fake.failChat(blocked.telegramId!, BLOCKED);
    const s = sender();
    expect(await s.tick()).toBe(2);
    expect(texts(to(b))).toHaveLength(1);
    expect(texts(to(c))).toHaveLength(1);
    expect((await d.db.person.findUniqueOrThrow({ where: { id: blocked.id } })).blockedAt).toEqual(T0);
    for (const ms of [1100, 10_000, 3_600_000]) {
      at(ms);
      expect(await s.tick()).toBe(0);
    }
    expect(to(blocked)).toHaveLength(1); // one try, then nothing
    const all = await rows();
    expect(all.map((r) => r.status)).toEqual(["dead", "sent", "dead", "sent"]);
    expect(all[0]!.lastError).toContain("403");
    // and notify() no longer queues for them
    expect(await notify(d.db, now, blocked.id, taken("BX-5"))).toBe(false);
  });

  it("400 chat not found: dead at once", async () => {
    const p = await makePerson(d.db, "A");
    await notify(d.db, now, p.id, taken("BX-1"));
    fake.failNext("sendMessage", { error_code: 400, description: "Bad Request: chat not found" });
    const s = sender();
    await s.tick();
    at(60_000);
    await s.tick();
    expect((await rows())[0]).toMatchObject({ status: "dead", attempts: 0, lastError: "400: Bad Request: chat not found" });
    expect(fake.calls).toHaveLength(1);
    expect((await d.db.person.findUniqueOrThrow({ where: { id: p.id } })).blockedAt).toBeNull();
  });

  it("5xx: retries with exponential backoff and sends once Telegram recovers", async () => {
    const p = await makePerson(d.db, "A");
    await notify(d.db, now, p.id, taken("BX-1"));
    fake.failNext("sendMessage", { error_code: 500, description: "Internal Server Error" }, 2);
    const s = sender();
    expect(await s.tick()).toBe(0);
    expect((await rows())[0]).toMatchObject({ status: "pending", attempts: 1, dueAt: new Date(T0.getTime() + 5000), lastError: "500: Internal Server Error" });
    at(4999);
    expect(await s.tick()).toBe(0);
    at(5000);
    expect(await s.tick()).toBe(0);
    expect((await rows())[0]).toMatchObject({ attempts: 2, dueAt: new Date(T0.getTime() + 15_000) });
    at(15_000);
    expect(await s.tick()).toBe(1);
    expect((await rows())[0]).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(fake.sent()).toHaveLength(1);
  });

  it("5xx: keeps retrying (backoff capped at 60 s) as long as the notice matters, then tells the desk", async () => {
    const property = await d.db.property.create({ data: { code: "BX", name: "BX Garden", timezone: "Asia/Shanghai" } });
    const p = await makePerson(d.db, "李师傅");
    const desk = await makePerson(d.db, "前台");
    await d.db.roleGrant.create({ data: { personId: desk.id, role: "desk", propertyId: property.id } });
    await d.db.roleGrant.create({ data: { personId: p.id, role: "technician", propertyId: property.id } });
    await notify(d.db, now, p.id, taken("BX-1"));
    fake.failChat(p.telegramId!, { error_code: 502, description: "Bad Gateway" });
    const s = sender({ giveUpAfterMs: 2 * 3_600_000 });
    const gaps: number[] = [];
    for (let i = 0; i < 200; i++) {
      await s.tick();
      const row = (await rows())[0]!;
      if (row.status !== "pending") break;
      gaps.push((row.dueAt.getTime() - now.getTime()) / 1000);
      now = row.dueAt;
    }
    // Telegram back after any outage: the notice goes within a minute (not 640 s later)
    expect(gaps.slice(0, 9)).toEqual([5, 10, 20, 40, 60, 60, 60, 60, 60]);
    expect(Math.max(...gaps)).toBe(60);
    expect(gaps.length).toBeGreaterThan(100);
    expect((await rows())[0]).toMatchObject({ status: "dead", lastError: "502: Bad Gateway" });
    expect(now.getTime() - T0.getTime()).toBeLessThanOrEqual(2 * 3_600_000);
    at(now.getTime() - T0.getTime() + 1000);
    expect(await s.tick()).toBe(1);
    expect(texts(to(desk))[0]).toContain("李师傅");
  });

  it("network errors are retried like 5xx", async () => {
    const p = await makePerson(d.db, "A");
    await notify(d.db, now, p.id, taken("BX-1"));
    const closed = await startFakeTelegram({ botId: BOT_INFO.id, username: BOT_INFO.username });
    await closed.close(); // nothing listens on its port any more
    const offline = new Bot(TOKEN, { botInfo: BOT_INFO, client: { apiRoot: closed.apiRoot } });
    expect(await createOutboxSender({ db: d.db, api: offline.api, clock, log, leaseMs: false }).tick()).toBe(0);
    expect((await rows())[0]).toMatchObject({ status: "pending", attempts: 1 });
    expect((await rows())[0]!.lastError).toMatch(/^network:/);
    at(5000);
    expect(await sender({ leaseMs: false }).tick()).toBe(1);
    expect(warnings.some((w) => w.includes("outbox: send failed"))).toBe(true);
  });
});

describe("durability", () => {
  it("only the lease holder sends; another process takes over on a clean stop or when the lease lapses", async () => {
    const p = await makePerson(d.db, "A");
    for (let i = 0; i < 3; i++) await notify(d.db, now, p.id, taken(`BX-${i}`));
    const a = sender();
    const b = sender();
    expect(await a.tick()).toBe(1);
    at(1100);
    expect(await b.tick()).toBe(0); // a holds the lease: limits are counted in one place
    expect(await a.tick()).toBe(1);
    await a.stop(); // releases the lease
    at(2200);
    expect(await b.tick()).toBe(1);
    await notify(d.db, clock(), p.id, taken("BX-3"));
    const c = sender();
    at(3300);
    expect(await c.tick()).toBe(0); // b "crashed" without stop(): its lease runs 15 s
    at(2200 + 15_001);
    expect(await c.tick()).toBe(1);
    expect(texts(fake.calls).map((x) => /工单 (\S+)/.exec(x)?.[1])).toEqual(["BX-0", "BX-1", "BX-2", "BX-3"]);
  });

  it("a message in flight at a kill goes again within seconds (its claim lapses after 10 s), once", async () => {
    const p = await makePerson(d.db, "李师傅");
    await notify(d.db, now, p.id, taken("BX-9"));
    // a sender claimed the row and died before recording the send
    const [row] = await claimDue(d.db, now, { holder: "dead:1", limit: 1, scan: 10, chatReady: () => true });
    expect(row).toBeDefined();
    const next = sender({ leaseMs: false });
    at(CLAIM_MS - 1);
    expect(await next.tick()).toBe(0); // still claimed
    at(CLAIM_MS + 1);
    expect(CLAIM_MS).toBeLessThanOrEqual(10_000);
    expect(await next.tick()).toBe(1);
    at(CLAIM_MS * 3);
    expect(await next.tick()).toBe(0); // sent and recorded: not again
    expect(fake.sent(p.telegramId!)).toHaveLength(1);
  });

  it("two senders without the lease still send every row exactly once, in order per chat", async () => {
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await makePerson(d.db, `P${i}`));
    for (let round = 0; round < 4; round++) for (const p of people) await notify(d.db, now, p.id, taken(`${p.id}-${round}`));
    // A claims 3 chats a tick, B 6: B loses the rows A claimed and sends the others.
    const a = sender({ leaseMs: false, globalPerSecond: 3 });
    const b = sender({ leaseMs: false, globalPerSecond: 6 });
    let sent = 0;
    let byA = 0;
    let byB = 0;
    for (let i = 0; i < 12 && sent < 24; i++) {
      const [x, y] = await Promise.all([a.tick(), b.tick()]);
      sent += x + y;
      byA += x;
      byB += y;
      at((i + 1) * 1100);
    }
    expect(sent).toBe(24);
    expect(byA > 0 && byB > 0).toBe(true); // both really competed
    const all = texts(fake.calls);
    expect(all).toHaveLength(24);
    expect(new Set(all).size).toBe(24);
    for (const p of people) {
      expect(texts(to(p)).map((t) => /工单 (\S+)/.exec(t)?.[1])).toEqual([0, 1, 2, 3].map((r) => `${p.id}-${r}`));
    }
    expect((await rows()).every((r) => r.status === "sent")).toBe(true);
  });

  it("takes over a row whose sender crashed once its claim has expired", async () => {
    const p = await makePerson(d.db, "A");
    await notify(d.db, now, p.id, taken("BX-1"));
    // A sender claimed the row at T0 and died before sending (its claim runs 60 s).
    await d.db.outbox.updateMany({ data: { status: "sending", lockedUntil: new Date(T0.getTime() + 60_000) } });
    const s = sender();
    at(30_000);
    expect(await s.tick()).toBe(0);
    at(60_001);
    expect(await s.tick()).toBe(1);
    expect((await rows())[0]).toMatchObject({ status: "sent", lockedUntil: null });
  });

  it("start() ticks on a real timer until stop()", async () => {
    const p = await makePerson(d.db, "A");
    await notify(d.db, now, p.id, taken("BX-1"));
    const s = sender({ intervalMs: 10 });
    s.start();
    for (let i = 0; i < 200 && fake.sent().length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await s.stop();
    expect(fake.sent()).toHaveLength(1);
    at(2000);
    await notify(d.db, now, p.id, taken("BX-2"));
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.sent()).toHaveLength(1); // stopped: nothing more
    expect(await outboxBacklog(d.db, now)).toBe(1);
  });
});
