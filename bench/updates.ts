// `npm run bench:updates` (and the last part of `npm run bench`): the update path, measured the way
// the prototype was (the updates of the real /repair conversation through bot.handleUpdate,
// concurrent owners, sequential per chat), with the fake Bot API over HTTP.
//   1. one owner at a time: full /repair conversations (10 updates each, the last files the report)
//   2. 50 owners at once, each through their conversations one update after the other
//   3. SQL statements per update: a step that changes nothing but the conversation, and the others
//   4. 10,000 owners in the middle of a conversation: heap after a GC
//   and, for reference, the floor of the stack itself: a bare grammY bot answering each update with
//   one reply, and a 10-step conversations v2 flow kept in memory, against the same fake, no database.
//   npm run bench:updates                  SQLite (a temporary file)
//   npm run bench:updates -- --pg [url]    PostgreSQL too
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { conversations, createConversation, type Conversation, type ConversationFlavor } from "@grammyjs/conversations";
import { Bot, type Context } from "grammy";
import type { Update } from "grammy/types";
import type { Database } from "../src/db/client.ts";
import { createInbox } from "../src/server/inbox.ts";
import { startFakeTelegram, type Call } from "../src/fake-bot-api/server.ts";
import { makeProperty, makeStaff } from "../test/helpers/fixtures.ts";
import { BENCH_BOT, BENCH_FAKE, BENCH_TOKEN, benchArgs, benchBot, benchResults, pct, withBenchDatabase, type Provider } from "./common.ts";

const SEQUENTIAL_CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100);
const OWNERS_AT_ONCE = 50;
const CONVERSATIONS_EACH = Number(process.env.BENCH_CONVERSATIONS_EACH ?? 4);
const IDLE_OWNERS = Number(process.env.BENCH_IDLE_OWNERS ?? 10_000);
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const progress = (provider: Provider, msg: string) => process.stderr.write(`[${provider}] ${msg}\n`);
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const rate = (n: number, elapsedMs: number) => (n / (elapsedMs / 1000)).toFixed(0);

const results = benchResults();
const record = results.record;

/** Owners 1..n, each with a unit of their own, in one statement per table. */
async function owners(database: Database, propertyId: number, from: number, n: number) {
  const db = database.db;
  const ids = Array.from({ length: n }, (_, i) => from + i);
  await db.unit.createMany({ data: ids.map((i) => ({ id: i, propertyId, building: "1", entrance: "1", room: String(i) })) });
  await db.person.createMany({ data: ids.map((i) => ({ id: i, name: `业主${i}`, telegramId: BigInt(8_000_000_000 + i), language: "zh-CN" })) });
  await db.unitMember.createMany({ data: ids.map((i) => ({ personId: i, unitId: i })) });
  // SQLite's driver is synchronous: a long insert holds the event loop, and the fake Bot API then
  // closes idle keep-alive sockets the client has not seen close yet. Let both settle.
  await new Promise((resolve) => setTimeout(resolve, 200));
  return ids.map((i) => ({ telegramId: 8_000_000_000 + i, unitLabel: `1-1-${i}` }));
}

async function benchUpdates(provider: Provider, database: Database) {
  const db = database.db;
  const property = await makeProperty(db, "UP");
  for (let i = 0; i < 3; i++) await makeStaff(db, property.id, "technician", `师傅${i + 1}`);
  const fake = await startFakeTelegram(BENCH_FAKE);
  try {
    const { bot, errors } = benchBot(database, fake.apiRoot);
    // The update path as it runs: into the durable inbox, handled from it, marked handled (BENCH_INBOX=0: bot.handleUpdate alone).
    const marked = new Map<number, () => void>();
    const store = database.bookkeeping.inbox;
    const inbox = createInbox({ store: { ...store, done: async (id, now) => { await store.done(id, now); marked.get(id)?.(); } },
      handle: (u) => bot.handleUpdate(u), clock: () => new Date(), log: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    inbox.start();
    const viaInbox = process.env.BENCH_INBOX !== "0";
    const through = async (u: Update) => {
      if (!viaInbox) return bot.handleUpdate(u);
      const done = new Promise<void>((resolve) => marked.set(u.update_id, resolve));
      await inbox.accept([u]);
      await done;
      marked.delete(u.update_id);
    };
    let updateId = 1000;
    let cpuMicros = 0;
    /** The newest message per chat that carries `q|` buttons (what the owner would press). */
    const lastButtons = new Map<number, { messageId: number; data: string[] }>();
    const handle = async (chatId: number, update: object) => {
      const from = fake.calls.length;
      const start = performance.now();
      const cpu = process.cpuUsage();
      await through({ update_id: ++updateId, ...update } as Update);
      const t = performance.now() - start;
      cpuMicros += process.cpuUsage(cpu).user + process.cpuUsage(cpu).system;
      for (const c of fake.calls.slice(from) as Call[]) {
        const data = (c.payload?.reply_markup?.inline_keyboard ?? []).flat().map((b: { callback_data?: string }) => b.callback_data ?? "");
        if (/^send/.test(c.method) && data.length > 0 && String(c.payload.chat_id) === String(chatId)) lastButtons.set(chatId, { messageId: c.result?.message_id ?? 1, data });
      }
      return t;
    };
    const ownerOf = (telegramId: number) => {
      const from = { id: telegramId, is_bot: false, first_name: "业主", language_code: "zh-hans" };
      const chat = { id: telegramId, type: "private" as const, first_name: "业主" };
      let messageId = 1;
      const send = (text: string) => handle(telegramId, { message: { message_id: messageId++, date: 0, chat, from, text,
        ...(text.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: text.length }] } : {}) } });
      const press = (value: string) => {
        const b = lastButtons.get(telegramId);
        const data = b?.data.find((d) => d.startsWith("q|") && d.endsWith(`|${value}`));
        if (!data) throw new Error(`no button ${value} in chat ${telegramId} (bot errors: ${errors.slice(0, 2).join("; ")})`);
        return handle(telegramId, { callback_query: { id: `cb${updateId}`, from, chat_instance: "ci", data, message: { message_id: b!.messageId, date: 0, chat, text: "" } } });
      };
      return { send, press };
    };
    /** One full /repair: 10 updates; returns their latencies. */
    const conversation = async (o: ReturnType<typeof ownerOf>, unitId: number) => [
      await o.send("/repair"), await o.press(`u${unitId}`), await o.press("water"), await o.send("厨房水龙头一直滴水"),
      await o.press("skip"), await o.press("no"), await o.press("home"), await o.press("asap"), await o.send("13800138000"),
      await o.press("confirm"),
    ];

    // 1. one owner at a time
    progress(provider, `${SEQUENTIAL_CONVERSATIONS} conversations, one owner at a time…`);
    const [single] = await owners(database, property.id, 10_001, 1);
    const one = ownerOf(single!.telegramId);
    for (let i = 0; i < 5; i++) await conversation(one, 10_001); // warm-up
    fake.reset();
    let latencies: number[] = [];
    const bySteps: number[][] = [];
    let start = performance.now();
    cpuMicros = 0;
    for (let i = 0; i < SEQUENTIAL_CONVERSATIONS; i++) {
      const l = await conversation(one, 10_001);
      l.forEach((x, k) => (bySteps[k] ??= []).push(x));
      latencies.push(...l);
    }
    let elapsed = performance.now() - start;
    record(provider, "1. /repair, one owner at a time: CPU per update", ms(cpuMicros / 1000 / latencies.length));
    record(provider, "1. /repair, one owner at a time: p50 per step", bySteps.map((x) => pct(x, 50).toFixed(1)).join(" "));
    record(provider, "1. /repair, one owner at a time: updates/s", `${rate(latencies.length, elapsed)} (${latencies.length} updates)`);
    record(provider, "1. /repair, one owner at a time: p50 / p99", `${ms(pct(latencies, 50))} / ${ms(pct(latencies, 99))}`);

    // 2. 50 owners at once
    progress(provider, `${OWNERS_AT_ONCE} owners at once × ${CONVERSATIONS_EACH} conversations…`);
    const many = await owners(database, property.id, 20_001, OWNERS_AT_ONCE);
    fake.reset();
    latencies = [];
    start = performance.now();
    await Promise.all(many.map(async (m, i) => {
      const o = ownerOf(m.telegramId);
      for (let k = 0; k < CONVERSATIONS_EACH; k++) latencies.push(...(await conversation(o, 20_001 + i)));
    }));
    elapsed = performance.now() - start;
    record(provider, `2. /repair, ${OWNERS_AT_ONCE} owners at once: updates/s`, `${rate(latencies.length, elapsed)} (${latencies.length} updates)`);
    record(provider, `2. /repair, ${OWNERS_AT_ONCE} owners at once: p50 / p99`, `${ms(pct(latencies, 50))} / ${ms(pct(latencies, 99))}`);

    // 3. statements per update
    const statements = () => database.statements?.() ?? Number.NaN; // (absent before the bookkeeping counted)
    const counted = async (fn: () => Promise<unknown>) => {
      const before = statements();
      await fn();
      return statements() - before;
    };
    await conversation(one, 10_001); // the people cache is warm, as it is for an owner in the middle of a report
    const steps: [string, () => Promise<unknown>][] = [
      ["/repair", () => one.send("/repair")], ["place", () => one.press("u10001")], ["category", () => one.press("water")],
      ["description", () => one.send("厨房水龙头一直滴水")], ["photos", () => one.press("skip")], ["emergency", () => one.press("no")],
      ["access", () => one.press("home")], ["time", () => one.press("asap")], ["phone", () => one.send("13800138000")],
      ["submit", () => one.press("confirm")],
    ];
    const counts: string[] = [];
    for (const [name, step] of steps) counts.push(`${name} ${await counted(step)}`);
    record(provider, "3. SQL statements per /repair update", counts.join(", "));

    // 4. heap with owners in the middle of a conversation
    progress(provider, `${IDLE_OWNERS} owners in the middle of /repair…`);
    const idle = await owners(database, property.id, 100_001, IDLE_OWNERS);
    for (let i = 0; i < idle.length; i += OWNERS_AT_ONCE) {
      await Promise.all(idle.slice(i, i + OWNERS_AT_ONCE).map(async (m, k) => {
        const o = ownerOf(m.telegramId);
        await o.send("/repair");
        await o.press(`u${100_001 + i + k}`);
        lastButtons.delete(m.telegramId);
      }));
      fake.reset();
    }
    fake.reset();
    lastButtons.clear();
    gc();
    const heap = process.memoryUsage().heapUsed / 2 ** 20;
    record(provider, `4. heap, ${IDLE_OWNERS.toLocaleString("en")} owners mid-conversation (after GC)`, `${heap.toFixed(1)} MB`);
    await inbox.stop();
    if (errors.length > 0) throw new Error(`bot errors: ${errors.slice(0, 3).join("; ")}`);
  } finally {
    await fake.close();
  }
}

/** Updates/s and CPU per update of a bot with no database: what grammY and conversations cost alone. */
async function floor(): Promise<string[]> {
  const fake = await startFakeTelegram(BENCH_FAKE);
  const chat = { id: 5, type: "private" as const, first_name: "业主" };
  const from = { id: 5, is_bot: false, first_name: "业主" };
  let id = 0;
  const run = async (bot: { handleUpdate: (u: Update) => Promise<void> }, text: (i: number) => string) => {
    const n = 2_000;
    const update = (i: number) => ({ update_id: ++id, message: { message_id: id, date: 0, chat, from, text: text(i),
      ...(text(i).startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: text(i).length }] } : {}) } }) as Update;
    for (let i = 0; i < 200; i++) await bot.handleUpdate(update(i));
    const cpu = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < n; i++) await bot.handleUpdate(update(i));
    const used = process.cpuUsage(cpu);
    return `${rate(n, performance.now() - start)} updates/s, ${ms((used.user + used.system) / 1000 / n)} CPU per update`;
  };
  try {
    const bare = new Bot(BENCH_TOKEN, { botInfo: BENCH_BOT, client: { apiRoot: fake.apiRoot } });
    bare.on("message", (ctx) => ctx.reply("好的"));
    type C = ConversationFlavor<Context>;
    const flow = new Bot<C>(BENCH_TOKEN, { botInfo: BENCH_BOT, client: { apiRoot: fake.apiRoot } });
    flow.use(conversations());
    flow.use(createConversation(async (conversation: Conversation<C, Context>, ctx: Context) => {
      for (let k = 0; k < 9; k++) {
        await ctx.reply("请回答");
        ctx = await conversation.wait();
      }
      await ctx.reply("完成");
    }, "steps"));
    flow.command("start", (ctx) => ctx.conversation.enter("steps"));
    return [
      `floor: bare grammY, one reply per update, no database: ${await run(bare, () => "你好")}`,
      `floor: conversations v2 in memory, 10 steps, one reply each, no database: ${await run(flow, (i) => (i % 10 === 0 ? "/start" : "答"))}`,
    ];
  } finally {
    await fake.close();
  }
}

const { pgUrl, providers } = benchArgs();
const floorLines = await floor();
for (const provider of providers) {
  await withBenchDatabase(provider, pgUrl, `rd_bench_updates_${process.pid}`, (database) => benchUpdates(provider, database), { countStatements: true });
}

console.log("\nThe update path: the /repair conversation through bot.handleUpdate (fake Bot API over HTTP)\n");
console.log(results.table(providers));
console.log(`\n${floorLines.join("\n")}`);
console.log("\nTargets: ≥ 1,000 updates/s on SQLite, ≥ 600 on PostgreSQL, p99 ≤ 12 ms one at a time, ≤ 100 ms with 50 at once;"
  + " ≤ 3 statements for a step that changes nothing but the conversation; heap ≤ 64 MB.");
