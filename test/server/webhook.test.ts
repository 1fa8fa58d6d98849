// Webhook mode in-process: the real createBot behind startReceiving's node:http server, updates
// delivered with plain fetch as Telegram would (with and without the secret header), replies and
// setWebhook recorded by the fake Bot API, /healthz, and one chat's updates handled one at a time.
import { afterEach, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { createBot } from "../../src/bot/create-bot.ts";
import { createOutboxSender } from "../../src/bot/outbox-sender.ts";
import { createDatabase, type Database } from "../../src/db/client.ts";
import type { WebhookConfig } from "../../src/config.ts";
import { startReceiving, type Receiving } from "../../src/server/receive.ts";
import { BOT_INFO, buttonsOf, createHarness, type Harness } from "../helpers/bot-harness.ts";
import { makeOwner, makeProperty, makeUnit, nextTelegramId } from "../helpers/fixtures.ts";
import { until } from "../helpers/until.ts";

const SECRET = "s3cret-for_tests";
const WEBHOOK: WebhookConfig = { url: "https://bot.example.test/tg/updates", secret: SECRET, host: "127.0.0.1", port: 0, path: "/tg/updates" };
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

let h: Harness;
let receiving: Receiving[] = [];
afterEach(async () => {
  for (const r of receiving) await r.stop();
  receiving = [];
  await h.close();
});

async function start(database: Database = h.database, senderHolder = "nobody") {
  const r = await startReceiving(h.bot, { config: { webhook: WEBHOOK }, database, clock: h.now, log: quiet, senderHolder, onFatal: () => undefined });
  receiving.push(r);
  return `http://127.0.0.1:${r.port}`;
}

let updateId = 5000;
function textUpdate(chatId: number, text: string): Update {
  const chat = { id: chatId, type: "private" as const, first_name: "王" };
  const entities = text.startsWith("/") ? [{ type: "bot_command" as const, offset: 0, length: text.split(" ")[0]!.length }] : undefined;
  return { update_id: ++updateId, message: { message_id: updateId, date: 0, chat, from: { id: chatId, is_bot: false, first_name: "王" }, text, entities } };
}
const post = (base: string, update: Update, secret?: string) =>
  fetch(`${base}${WEBHOOK.path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret === undefined ? {} : { "x-telegram-bot-api-secret-token": secret }) },
    body: JSON.stringify(update),
  });


describe("webhook mode", () => {
  it("sets the webhook with the secret and takes updates only with the right secret header", async () => {
    h = await createHarness();
    const base = await start();
    const set = h.fake.calls.find((c) => c.method === "setWebhook");
    expect(set?.payload).toMatchObject({ url: WEBHOOK.url, secret_token: SECRET, allowed_updates: ["message", "callback_query", "my_chat_member"] });

    const chat = nextTelegramId();
    for (const secret of [undefined, "wrong", `${SECRET}x`]) {
      const res = await post(base, textUpdate(chat, "/start"), secret);
      expect(res.status).toBe(401);
    }
    expect(h.fake.sent(chat)).toEqual([]);
    expect(await h.database.db.inboundUpdate.count()).toBe(0);

    const res = await post(base, textUpdate(chat, "/start"), SECRET);
    expect(res.status).toBe(200); // in the inbox: handled from there, after the answer
    expect(await h.database.db.inboundUpdate.count()).toBe(1);
    await until("the reply", () => h.fake.sent(chat).length === 1);
    await until("the update marked handled", async () => (await h.database.db.inboundUpdate.count({ where: { handledAt: { not: null } } })) === 1);

    expect((await fetch(`${base}/elsewhere`, { method: "POST" })).status).toBe(404);
    expect((await fetch(`${base}${WEBHOOK.path}`)).status).toBe(405);
    const bad = await fetch(`${base}${WEBHOOK.path}`, { method: "POST", headers: { "x-telegram-bot-api-secret-token": SECRET }, body: "{not json" });
    expect(bad.status).toBe(400);
  });

  it("handles the updates of one chat one at a time, other chats meanwhile", async () => {
    h = await createHarness();
    const base = await start();
    const [a, b] = [nextTelegramId(), nextTelegramId()];
    // Hold the bot's first message to chat a until released: a second update of chat a must not
    // start (no API call of its own) while the first is in hand; chat b goes on.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const seen: string[] = [];
    h.bot.api.config.use(async (prev, method, payload, signal) => {
      const chat = String((payload as { chat_id?: unknown }).chat_id);
      if (method === "sendMessage") seen.push(chat);
      if (method === "sendMessage" && chat === String(a) && seen.filter((c) => c === chat).length === 1) await gate;
      return prev(method, payload, signal);
    });
    const first = post(base, textUpdate(a, "/start"), SECRET);
    await until("the first reply to be held", () => seen.includes(String(a)));
    const second = post(base, textUpdate(a, "/help"), SECRET);
    const other = post(base, textUpdate(b, "/start"), SECRET);
    try {
      expect([(await second).status, (await other).status]).toEqual([200, 200]); // answered at once
      await until("chat b answered", () => seen.includes(String(b)));
      expect(seen).toEqual([String(a), String(b)]); // the second update of chat a has not started
    } finally {
      release();
    }
    expect([(await first).status, (await second).status]).toEqual([200, 200]);
    await until("the second update of chat a, after the first", () => seen.filter((c) => c === String(a)).length >= 2);
  });

  it("answers a flow's question button in the reply to Telegram; an old question's button gets its words as a message", async () => {
    h = await createHarness();
    const base = await start();
    const db = h.database.db;
    const unit = await makeUnit(db, (await makeProperty(db)).id, "3-1-502");
    const chatId = Number((await makeOwner(db, unit.id, "王阿姨")).telegramId);
    const chat = { id: chatId, type: "private" as const, first_name: "王" };
    const from = { id: chatId, is_bot: false, first_name: "王" };
    const lastWith = (label: string) => [...h.fake.calls].reverse().find((c) => String(c.payload?.chat_id) === String(chatId)
      && buttonsOf(c).some((b) => b.text.includes(label)))!;
    const press = async (label: string, call = lastWith(label)) => {
      const data = buttonsOf(call).find((b) => b.text.includes(label))!.data;
      const id = `cb-${++updateId}`;
      const res = await post(base, { update_id: updateId, callback_query: { id, from, chat_instance: "ci", data,
        message: { message_id: call.result?.message_id ?? call.payload.message_id, date: 0, chat } } }, SECRET);
      return { id, status: res.status, body: await res.json() as Record<string, unknown> };
    };
    expect((await post(base, textUpdate(chatId, "/repair"), SECRET)).status).toBe(200);
    await until("the place question", () => h.fake.calls.some((c) => buttonsOf(c).some((b) => b.text.includes("3-1-502"))));
    const placeQuestion = lastWith("3-1-502");
    const place = await press("3-1-502");
    expect(place).toEqual({ id: place.id, status: 200, body: { method: "answerCallbackQuery", callback_query_id: place.id } });
    await until("the category question", () => h.fake.calls.some((c) => buttonsOf(c).some((b) => b.text.includes("给排水"))));
    await until("the press handled", async () => (await db.inboundUpdate.count({ where: { handledAt: null } })) === 0);
    // the press went out with the reply: the bot never answers it over HTTP
    expect(h.fake.calls.filter((c) => c.method === "answerCallbackQuery" && c.payload.callback_query_id === place.id)).toEqual([]);

    // the place question's button again, once the question moved on: the words of its toast come as a message
    const before = h.fake.calls.length;
    const old = await press("3-1-502", placeQuestion);
    expect(old.body).toEqual({ method: "answerCallbackQuery", callback_query_id: old.id });
    await until("the old button's words", () => h.fake.calls.slice(before).some((c) => c.method === "sendMessage" && c.payload.text === "请回答最新的问题。"));
    expect(h.fake.calls.slice(before).filter((c) => c.method === "answerCallbackQuery")).toEqual([]);

    // a press that is not a question's is answered by its handler, with its words
    const stale = await post(base, { update_id: ++updateId, callback_query: { id: "cb-stale", from, chat_instance: "ci", data: "nonsense",
      message: { message_id: 1, date: 0, chat } } }, SECRET);
    expect(await stale.json()).toEqual({ ok: true });
    await until("the stale button's toast", () => h.fake.calls.some((c) => c.method === "answerCallbackQuery" && c.payload.callback_query_id === "cb-stale"));
  });

  it("/healthz: 200 with the sender lease and the last update; 503 when the database is unreachable", async () => {
    h = await createHarness();
    const sender = createOutboxSender({ db: h.database.db, api: h.bot.api, clock: h.now });
    await sender.tick(); // takes the lease
    const base = await start(h.database, sender.holder);
    const before = await (await fetch(`${base}/healthz`)).json();
    expect(before).toMatchObject({ status: "ok", database: "ok", lastUpdateAt: null, sender: { holder: sender.holder, thisProcess: true, held: true } });
    await post(base, textUpdate(nextTelegramId(), "/start"), SECRET);
    await until("the update handled", async () => (await (await fetch(`${base}/healthz`)).json()).lastUpdateAt !== null);
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect((await res.json()).lastUpdateAt).toBe(h.now().toISOString());
    const head = await fetch(`${base}/healthz`, { method: "HEAD" }); // probes that only look at the status
    expect([head.status, await head.text()]).toEqual([200, ""]);

    const down = await createDatabase("postgresql://postgres@127.0.0.1:1/unreachable");
    h.restart(); // a bot of its own for the second server
    const deadBase = await start(down);
    const dead = await fetch(`${deadBase}/healthz`);
    expect(dead.status).toBe(503);
    expect(await dead.json()).toMatchObject({ status: "unhealthy", database: "unreachable", sender: null });
    // The inbox cannot take an update: not acknowledged, so Telegram delivers it again later.
    expect((await post(deadBase, textUpdate(nextTelegramId(), "/start"), SECRET)).status).toBe(503);
    await down.close();
  });

  it("stops cleanly: no new requests, the update in hand finished", async () => {
    h = await createHarness();
    const base = await start();
    const chat = nextTelegramId();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let held = false;
    h.bot.api.config.use(async (prev, method, payload, signal) => {
      if (method === "sendMessage" && !held) {
        held = true;
        await gate;
      }
      return prev(method, payload, signal);
    });
    const inHand = post(base, textUpdate(chat, "/start"), SECRET);
    await until("the update to be in hand", () => held);
    const stopped = receiving.pop()!.stop();
    await expect(fetch(`${base}/healthz`)).rejects.toThrow(); // no longer accepting
    release();
    await stopped;
    expect((await inHand).status).toBe(200);
    expect(h.fake.sent(chat)).toHaveLength(1);
  });
});
