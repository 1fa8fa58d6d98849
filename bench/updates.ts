// `npm run bench:updates` (and the last part of `npm run bench`): the update path, measured the way
// the prototype was (the updates of the real /repair conversation through bot.handleUpdate,
// concurrent owners, sequential per chat), with the fake Bot API over HTTP. Per database:
//   1. 50 owners at once, each through their conversations one update after the other; next to it,
//      in the same run, the stack's floor (a conversations v2 flow kept in memory making the same
//      Bot API calls per step as the bot, 50 chats at once, same fake, no database) and the
//      prototype (../shared/bench-prototype, see prototype.ts): one line, the ratios; then that floor
//      with only the bot's durability added (its state in the database, then also the inbox)
//   2. one owner at a time: full /repair conversations (10 updates each, the last files the report)
//   3. SQL statements per update: a step that changes nothing but the conversation, and the others
//   4. 10,000 owners in the middle of a conversation: heap after a GC (BENCH_IDLE_OWNERS=0 skips it)
// Each part prints its result when done; a part that fails is reported and the next one runs.
//   npm run bench:updates                  SQLite (a temporary file)
//   npm run bench:updates -- --pg [url]    PostgreSQL too (each database in a process of its own)
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Session } from "node:inspector/promises";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { conversations, createConversation, type Conversation, type ConversationFlavor } from "@grammyjs/conversations";
import { Bot, type Context } from "grammy";
import type { Update } from "grammy/types";
import type { Database } from "../src/db/client.ts";
import { conversationKey } from "../src/bot/create-bot.ts";
import { answerAtReceipt } from "../src/bot/deferred-answer.ts";
import { createInbox } from "../src/server/inbox.ts";
import { createSessionStorage } from "../src/db/session-storage.ts";
import { startFakeTelegram, type Call } from "../src/fake-bot-api/server.ts";
import { makeProperty, makeStaff } from "../test/helpers/fixtures.ts";
import { BENCH_BOT, BENCH_FAKE, BENCH_TOKEN, benchArgs, benchBot, benchResults, pct, withBenchDatabase, type Provider } from "./common.ts";
import { bulkInsert } from "./bulk.ts";
import { runPrototype } from "./prototype.ts";

const SEQUENTIAL_CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100);
const OWNERS_AT_ONCE = 50;
const CONVERSATIONS_EACH = Number(process.env.BENCH_CONVERSATIONS_EACH ?? 4);
const IDLE_OWNERS = Number(process.env.BENCH_IDLE_OWNERS ?? 10_000);
const SUBMIT_SAMPLES = 9;
/** BENCH_PARTS=2,3: only those parts (e.g. to profile one). */
const ONLY = (process.env.BENCH_PARTS ?? "").split(",").filter(Boolean);
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const progress = (provider: Provider, msg: string) => process.stderr.write(`[${provider}] ${msg}\n`);
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const rate = (n: number, elapsedMs: number) => (n / (elapsedMs / 1000)).toFixed(0);

const results = benchResults();

/**
 * BENCH_PROFILE=dir: CPU profiles of the bot's own parts, written as <dir>/<db>.cpuprofile (part 1,
 * 50 at once) and <dir>/<db>-one-at-a-time.cpuprofile (part 2).
 */
async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return fn();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  try {
    return await fn();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/${name}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  }
}
/** Records a result and prints it at once (a later part may fail). */
const record = (provider: Provider, metric: string, value: string) => {
  results.record(provider, metric, value);
  progress(provider, `${metric}: ${value}`);
};
/** The headline per database, in the form the issue checks. */
export const HEADLINE = /^50 at once, (sqlite|postgresql): \d+ updates\/s, p99 \d+ ms; floor \d+ updates\/s; ratio \d+\.\d\d; prototype (\d+ updates\/s|absent \(.*\))$/;
const headlines: string[] = [];

/** Runs one part; a failure is recorded and the bench goes on with the next. */
async function part(provider: Provider, name: string, fn: () => Promise<void>) {
  if (ONLY.length > 0 && !ONLY.includes(name.split(".")[0]!)) return;
  try {
    await fn();
  } catch (e) {
    record(provider, `${name}: FAILED`, String(e instanceof Error ? e.message : e).slice(0, 200));
  }
}

/**
 * Owners 1..n, each with a unit of their own, in multi-row statements off Prisma (a createMany of 10,000
 * rows would leave its huge query plan in Prisma's plan cache, counted in the heap of part 4).
 */
async function owners(database: Database, propertyId: number, from: number, n: number) {
  const ids = Array.from({ length: n }, (_, i) => from + i);
  const createdAt = new Date();
  await bulkInsert(database, "Unit", ids.map((i) => ({ id: i, propertyId, building: "1", entrance: "1", room: String(i), createdAt })));
  // (named as their Telegram account is: a first contact reads the person, it does not rename them)
  await bulkInsert(database, "Person", ids.map((i) => ({ id: i, name: "业主", telegramId: BigInt(8_000_000_000 + i), language: "zh-CN", createdAt })));
  await bulkInsert(database, "UnitMember", ids.map((i) => ({ personId: i, unitId: i, createdAt })));
  // SQLite's driver is synchronous: a long insert holds the event loop, and the fake Bot API then
  // closes idle keep-alive sockets the client has not seen close yet. Let both settle.
  await new Promise((resolve) => setTimeout(resolve, 200));
  return ids.map((i) => ({ telegramId: 8_000_000_000 + i, unitLabel: `1-1-${i}` }));
}

async function benchUpdates(provider: Provider, database: Database, pgUrl: string) {
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
      handle: (u) => bot.handleUpdate(u), clock: () => new Date(), sessionKey: conversationKey, log: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    inbox.start();
    const viaInbox = process.env.BENCH_INBOX !== "0";
    // as webhook mode takes it: written into the inbox, then a question's press answered in the reply to Telegram
    const through = async (u: Update) => {
      const done = new Promise<void>((resolve) => marked.set(u.update_id, resolve));
      await inbox.accept([u]);
      if (answerAtReceipt(bot, u)) webhookReplies++;
      await done;
      marked.delete(u.update_id);
    };
    let updateId = 1000;
    let cpuMicros = 0;
    let oneAtATime = false;
    let webhookReplies = 0;
    /** The newest message per chat that carries `q|` buttons (what the owner would press). */
    const lastButtons = new Map<number, { messageId: number; data: string[] }>();
    /** Handles one update; its latency, and the Bot API calls it made (exact only one at a time). */
    // (the harness's own work per update is kept small: at 50 at once it is counted in the bot's CPU)
    const handle = async (chatId: number, update: object) => {
      const from = fake.calls.length;
      const start = performance.now();
      // (per update only one at a time, part 2: at 50 at once the process's CPU is taken over the whole run)
      const cpu = oneAtATime ? process.cpuUsage() : undefined;
      // through the inbox as in production; BENCH_INBOX=0: bot.handleUpdate alone, the webhook reply allowed
      const u = { update_id: ++updateId, ...update } as Update;
      await (viaInbox ? through(u) : bot.handleUpdate(u, { send: async () => void webhookReplies++ }));
      const t = performance.now() - start;
      if (cpu) {
        const used = process.cpuUsage(cpu);
        cpuMicros += used.user + used.system;
      }
      // the calls made since, other chats' included at 50 at once: only this chat's are looked into
      const chat = String(chatId);
      for (let i = from; i < fake.calls.length; i++) {
        const c = fake.calls[i] as Call;
        const keyboard = c.payload?.reply_markup?.inline_keyboard;
        if (!keyboard || String(c.payload.chat_id) !== chat || !/^(send|edit)/.test(c.method)) continue;
        const data = keyboard.flat().map((b: { callback_data?: string }) => b.callback_data ?? "");
        if (data.length > 0) lastButtons.set(chatId, { messageId: c.result?.message_id ?? c.payload.message_id ?? 1, data });
      }
      return { t, calls: fake.calls.length - from };
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
    /** One full /repair: 10 updates; returns their latencies and Bot API calls. */
    const conversation = async (o: ReturnType<typeof ownerOf>, unitId: number) => [
      await o.send("/repair"), await o.press(`u${unitId}`), await o.press("water"), await o.send("厨房水龙头一直滴水"),
      await o.press("skip"), await o.press("no"), await o.press("home"), await o.press("asap"), await o.send("13800138000"),
      await o.press("confirm"),
    ];
    const [single] = await owners(database, property.id, 10_001, 1);
    const one = ownerOf(single!.telegramId);
    let callsPerStep: number[] = [];
    for (let i = 0; i < 5; i++) {
      webhookReplies = 0;
      callsPerStep = (await conversation(one, 10_001)).map((x) => x.calls); // warm-up
    }
    record(provider, "Bot API calls per /repair update over HTTP (per step)",
      `${(callsPerStep.reduce((a, b) => a + b, 0) / callsPerStep.length).toFixed(2)} (${callsPerStep.join(" ")}),`
      + ` and ${(webhookReplies / callsPerStep.length).toFixed(2)} in the webhook reply`);

    await part(provider, `1. ${OWNERS_AT_ONCE} owners at once`, async () => {
      progress(provider, `${OWNERS_AT_ONCE} owners at once × ${CONVERSATIONS_EACH} conversations…`);
      const many = await owners(database, property.id, 20_001, OWNERS_AT_ONCE);
      // Warmed up at the same concurrency as the floor is (one round of 50 at once, other owners): the
      // HTTP client's keep-alive sockets are opened before the count starts, as in a bot that has
      // been running. (Cold, the in-process fake accepts one new connection per turn of the event
      // loop, ~30 ms under this load: the 50 first replies waited in line for 1.5 s.) The measured
      // owners are still first contacts: their person and homes are read at their first update.
      const warm = await owners(database, property.id, 30_001, OWNERS_AT_ONCE);
      await Promise.all(warm.map((m, i) => conversation(ownerOf(m.telegramId), 30_001 + i)));
      fake.reset();
      const latencies: number[] = [];
      const bySteps: number[][] = [];
      const cpu = process.cpuUsage();
      const start = performance.now();
      await profiled(provider, () => Promise.all(many.map(async (m, i) => {
        const o = ownerOf(m.telegramId);
        for (let k = 0; k < CONVERSATIONS_EACH; k++) {
          const l = (await conversation(o, 20_001 + i)).map((x) => x.t);
          l.forEach((x, s) => (bySteps[s] ??= []).push(x));
          latencies.push(...l);
        }
      })));
      const elapsed = performance.now() - start;
      const botRate = latencies.length / (elapsed / 1000);
      const p99 = pct(latencies, 99);
      record(provider, `1. /repair, ${OWNERS_AT_ONCE} owners at once: updates/s`, `${botRate.toFixed(0)} (${latencies.length} updates)`);
      record(provider, `1. /repair, ${OWNERS_AT_ONCE} owners at once: p50 / p99`, `${ms(pct(latencies, 50))} / ${ms(p99)}`);
      record(provider, `1. /repair, ${OWNERS_AT_ONCE} owners at once: p99 per step`, bySteps.map((x) => pct(x, 99).toFixed(0)).join(" "));
      const used = process.cpuUsage(cpu);
      record(provider, `1. /repair, ${OWNERS_AT_ONCE} owners at once: CPU per update`, ms((used.user + used.system) / 1000 / latencies.length));
      progress(provider, `floor: conversations v2 in memory, ${OWNERS_AT_ONCE} chats at once, the bot's calls per step…`);
      const floorRate = await floorAtOnce(callsPerStep);
      record(provider, `1. floor, ${OWNERS_AT_ONCE} chats at once: updates/s`, floorRate.toFixed(0));
      for (const through of ["state", "inbox"] as const) {
        progress(provider, `the floor with its ${through === "state" ? "state in the database" : "state and its updates through the inbox"}…`);
        const durable = await floorAtOnce(callsPerStep, { database, through });
        record(provider, `1. floor, its state in the database${through === "inbox" ? ", through the inbox" : ""}: updates/s (ratio to the floor)`,
          `${durable.toFixed(0)} (${(durable / floorRate).toFixed(2)})`);
      }
      progress(provider, "prototype…");
      const proto = await runPrototype(provider, pgUrl, OWNERS_AT_ONCE).catch((e) => ({ absent: String(e).slice(0, 120) }));
      const protoText = "absent" in proto ? `absent (${proto.absent})` : `${proto.updatesPerS} updates/s`;
      if (!("absent" in proto)) record(provider, `1. prototype, ${OWNERS_AT_ONCE} at once: updates/s, p99`, `${proto.updatesPerS}, ${proto.p99Ms} ms`);
      const line = `${OWNERS_AT_ONCE} at once, ${provider}: ${botRate.toFixed(0)} updates/s, p99 ${p99.toFixed(0)} ms; `
        + `floor ${floorRate.toFixed(0)} updates/s; ratio ${(botRate / floorRate).toFixed(2)}; prototype ${protoText}`;
      if (!HEADLINE.test(line)) throw new Error(`headline out of form: ${line}`);
      headlines.push(line);
      console.log(line);
      if (!("absent" in proto)) record(provider, "1. ratio to the prototype", (botRate / proto.updatesPerS).toFixed(2));
    });

    await part(provider, "2. one owner at a time", async () => {
      progress(provider, `${SEQUENTIAL_CONVERSATIONS} conversations, one owner at a time…`);
      fake.reset();
      const latencies: number[] = [];
      const bySteps: number[][] = [];
      const start = performance.now();
      cpuMicros = 0;
      oneAtATime = true;
      await profiled(`${provider}-one-at-a-time`, async () => {
        for (let i = 0; i < SEQUENTIAL_CONVERSATIONS; i++) {
          const l = (await conversation(one, 10_001)).map((x) => x.t);
          l.forEach((x, k) => (bySteps[k] ??= []).push(x));
          latencies.push(...l);
        }
      });
      const elapsed = performance.now() - start;
      oneAtATime = false;
      record(provider, "2. /repair, one owner at a time: CPU per update", ms(cpuMicros / 1000 / latencies.length));
      record(provider, "2. /repair, one owner at a time: p50 per step", bySteps.map((x) => pct(x, 50).toFixed(1)).join(" "));
      record(provider, "2. /repair, one owner at a time: updates/s", `${rate(latencies.length, elapsed)} (${latencies.length} updates)`);
      record(provider, "2. /repair, one owner at a time: p50 / p99", `${ms(pct(latencies, 50))} / ${ms(pct(latencies, 99))}`);
    });

    await part(provider, "3. statements", async () => {
      const statements = () => database.statements?.() ?? Number.NaN; // (absent before the bookkeeping counted)
      const counted = async (fn: () => Promise<unknown>) => {
        const before = statements();
        const cpu = process.cpuUsage();
        await fn();
        const used = process.cpuUsage(cpu);
        return { n: statements() - before, cpuMs: (used.user + used.system) / 1000 };
      };
      await conversation(one, 10_001); // the people cache is warm, as it is for an owner in the middle of a report
      const steps: [string, () => Promise<unknown>][] = [
        ["/repair", () => one.send("/repair")], ["place", () => one.press("u10001")], ["category", () => one.press("water")],
        ["description", () => one.send("厨房水龙头一直滴水")], ["photos", () => one.press("skip")], ["emergency", () => one.press("no")],
        ["access", () => one.press("home")], ["time", () => one.press("asap")], ["phone", () => one.send("13800138000")],
        ["submit", () => one.press("confirm")],
      ];
      // the fewest per step over the rounds: the inbox's sweep (every second) may fall into a step's count
      const counts = new Map<string, number>();
      const submitCpu: number[] = [];
      let stateBytes = 0;
      for (let round = 0; round < SUBMIT_SAMPLES; round++) {
        for (const [name, step] of steps) {
          const c = await counted(step);
          counts.set(name, Math.min(c.n, counts.get(name) ?? Infinity));
          if (name === "submit") submitCpu.push(c.cpuMs);
          if (name === "phone") stateBytes = Buffer.byteLength((await database.bookkeeping.readSession(conversationKey(String(single!.telegramId)))) ?? "");
        }
      }
      record(provider, "3. conversation state before the submit", `${(stateBytes / 1024).toFixed(1)} kB`);
      record(provider, "3. SQL statements per /repair update", [...counts].map(([name, n]) => `${name} ${n}`).join(", "));
      record(provider, `3. CPU of the submit update: median (max) of ${SUBMIT_SAMPLES}`, `${ms(pct(submitCpu, 50))} (${ms(Math.max(...submitCpu))})`);
    });

    if (IDLE_OWNERS > 0) {
      await part(provider, "4. heap", async () => {
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
      });
    }
    await inbox.stop();
    if (errors.length > 0) throw new Error(`bot errors: ${errors.slice(0, 3).join("; ")}`);
  } finally {
    await fake.close();
  }
}

/**
 * The stack's floor at 50 chats at once: a conversations v2 flow kept in memory, shaped like /repair
 * (10 steps, making at step k the Bot API calls the bot made at step k), same fake over HTTP, no database.
 * With `durable`, the same flow with what the bot's durability adds and nothing else: its conversation
 * state in the database through the bot's storage ("state"), and also each update through the durable
 * inbox ("inbox": written, claimed with the state read in that statement, the state written with the
 * update marked handled), as the bot's updates go. What is left between that and the bot is its own work.
 */
async function floorAtOnce(callsPerStep: number[], durable?: { database: Database; through: "state" | "inbox" }): Promise<number> {
  const fake = await startFakeTelegram(BENCH_FAKE);
  type C = ConversationFlavor<Context>;
  const flow = new Bot<C>(BENCH_TOKEN, { botInfo: BENCH_BOT, client: { apiRoot: fake.apiRoot } });
  const prefix = `floor-${durable?.through ?? "memory"}:`; // (the durable floors' states, apart from the bot's)
  flow.use(durable ? conversations({ storage: { type: "key", adapter: createSessionStorage(durable.database), prefix } }) : conversations());
  flow.use(createConversation(async (conversation: Conversation<C, Context>, ctx: Context) => {
    for (let k = 0; k < callsPerStep.length; k++) {
      for (let c = 0; c < callsPerStep[k]!; c++) await ctx.reply("请回答");
      if (k < callsPerStep.length - 1) ctx = await conversation.wait();
    }
  }, "steps"));
  flow.command("start", (ctx) => ctx.conversation.enter("steps"));
  let handle = (u: Update) => flow.handleUpdate(u);
  let inbox: ReturnType<typeof createInbox> | undefined;
  if (durable?.through === "inbox") {
    const marked = new Map<number, () => void>();
    const store = durable.database.bookkeeping.inbox;
    const box = createInbox({ store: { ...store, done: async (id, now) => { await store.done(id, now); marked.get(id)?.(); } },
      handle: (u) => flow.handleUpdate(u), clock: () => new Date(), sessionKey: (chat) => `${prefix}${chat}`,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    box.start();
    inbox = box;
    handle = async (u) => {
      const done = new Promise<void>((resolve) => marked.set(u.update_id, resolve));
      await box.accept([u]);
      await done;
      marked.delete(u.update_id);
    };
  }
  let id = 50_000_000; // (above the bot's update ids: the inbox would take a repeated one for a redelivery)
  const chatOf = (n: number) => ({ id: 5_000_000 + n, type: "private" as const, first_name: "业主" });
  const update = (n: number, text: string) => ({ update_id: ++id, message: { message_id: id, date: 0, chat: chatOf(n),
    from: { id: 5_000_000 + n, is_bot: false, first_name: "业主" }, text,
    ...(text.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: text.length }] } : {}) } }) as Update;
  const run = async (rounds: number) => {
    await Promise.all(Array.from({ length: OWNERS_AT_ONCE }, async (_, n) => {
      for (let r = 0; r < rounds; r++) {
        for (let k = 0; k < callsPerStep.length; k++) await handle(update(n, k === 0 ? "/start" : "答"));
      }
    }));
  };
  try {
    await run(1); // warm-up
    fake.reset();
    const start = performance.now();
    await run(CONVERSATIONS_EACH);
    return (OWNERS_AT_ONCE * CONVERSATIONS_EACH * callsPerStep.length) / ((performance.now() - start) / 1000);
  } finally {
    await inbox?.stop();
    await fake.close();
  }
}

const { pgUrl, providers } = benchArgs();
/** Set in a process of the database's own (see below): that database alone, its results written to BENCH_OUT. */
const own = process.env.BENCH_DB as Provider | undefined;

/**
 * Runs the bench for one database in a process of its own and takes its results. As a bot serves one
 * database, so does a process here: part 4's heap would otherwise carry the other database's Prisma
 * client, query plans and caches (PostgreSQL after SQLite's run: 65.7 MB; alone: 60.1 MB).
 */
async function inOwnProcess(provider: Provider) {
  const out = join(tmpdir(), `rd_bench_updates_${process.pid}_${provider}.json`);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, ...process.argv.slice(2)],
        { env: { ...process.env, BENCH_DB: provider, BENCH_OUT: out }, stdio: ["ignore", "ignore", "inherit"] });
      child.on("error", reject);
      child.on("exit", resolve);
    });
    const got = JSON.parse(readFileSync(out, "utf8")) as { results: [string, string][]; headlines: string[] };
    for (const [metric, value] of got.results) results.record(provider, metric, value);
    headlines.push(...got.headlines);
    if (code !== 0) results.record(provider, "FAILED", `its process exited ${code}`);
  } catch (e) {
    results.record(provider, "FAILED", String(e).slice(0, 300));
  } finally {
    rmSync(out, { force: true });
  }
}

try {
  if (providers.length > 1 && !own) {
    for (const provider of providers) await inOwnProcess(provider);
  } else {
    for (const provider of own ? [own] : providers) {
      await withBenchDatabase(provider, pgUrl, `rd_bench_updates_${process.pid}`, (database) => benchUpdates(provider, database, pgUrl), { countStatements: true })
        .catch((e) => record(provider, "FAILED", String(e).slice(0, 300)));
    }
  }
} finally {
  if (own && process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, JSON.stringify({ results: results.of(own), headlines }));
  else {
    console.log("\nThe update path: the /repair conversation through bot.handleUpdate (fake Bot API over HTTP)\n");
    console.log(results.table(providers));
    console.log(`\n${headlines.join("\n")}`);
    console.log("\nTargets: 50 at once ≥ 0.6 of the floor and ≥ 1.0 × the prototype, p99 ≤ 150 ms; one at a time p99 ≤ 10 ms (SQLite);"
      + " statements: a step ≤ 3, the submit ≤ 6; Bot API calls per update ≤ 1.6; heap ≤ 64 MB.");
  }
}
