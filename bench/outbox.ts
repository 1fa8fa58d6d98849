// `npm run bench:outbox` (and the last part of `npm run bench`): the outbox sender against the fake
// Bot API over HTTP.
//   1. CPU per message: 2,000 messages to 200 chats with the limits lifted; the sender's own CPU is
//      the whole process's minus a baseline of the same sends made straight through grammY (the
//      fake runs in this process).
//   2. The real limits, enforced by the fake (30/s overall, 1/s per chat, 429 otherwise): 2,000
//      messages to 200 chats through sender.start(); the rate reached against the configured one.
//   3. An emergency with a photo and 40 technicians on duty: seconds until the 40th offer is
//      delivered, and the 429s on the way.
//   npm run bench:outbox                  SQLite (a temporary file)
//   npm run bench:outbox -- --pg [url]    PostgreSQL too
import { performance } from "node:perf_hooks";
import { Api } from "grammy";
import { createOutboxSender } from "../src/bot/outbox-sender.ts";
import type { Database } from "../src/db/client.ts";
import { reportFault } from "../src/domain/tickets/report.ts";
import { startFakeTelegram } from "../src/fake-bot-api/server.ts";
import { makeOwner, makeProperty, makeStaff, makeUnit } from "../test/helpers/fixtures.ts";
import { BENCH_FAKE, BENCH_TOKEN, benchArgs, benchResults, withBenchDatabase, type Provider } from "./common.ts";

const MESSAGES = Number(process.env.BENCH_OUTBOX_MESSAGES ?? 2_000);
const CHATS = 200;
const RATE = 25; // the sender's default globalPerSecond
const TECHS = 40;
const results = benchResults();
const record = results.record;
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function queue(database: Database, n: number) {
  const db = database.db;
  await db.outbox.deleteMany();
  let people = await db.person.findMany({ where: { telegramId: { gte: BigInt(8_000_000_000) } }, orderBy: { id: "asc" } });
  if (people.length === 0) {
    await db.person.createMany({
      data: Array.from({ length: CHATS }, (_, i) => ({ name: `收件人${i + 1}`, telegramId: BigInt(8_000_000_000 + i), language: i % 4 ? "zh-CN" : "en" })),
    });
    people = await db.person.findMany({ where: { telegramId: { gte: BigInt(8_000_000_000) } }, orderBy: { id: "asc" } });
  }
  const params = JSON.stringify({ number: "BX-20261123-0001", technician: "李师傅", techphone: "13900139000", booked: "no", time: "", minutes: 30 });
  const now = new Date();
  const rows = Array.from({ length: n }, (_, i) => {
    const p = people[i % people.length]!;
    return { chatId: p.telegramId!, personId: p.id, kind: "send", key: "owner-accepted", params, dueAt: now, createdAt: now };
  });
  for (let i = 0; i < rows.length; i += 500) await db.outbox.createMany({ data: rows.slice(i, i + 500) });
  return people.map((p) => Number(p.telegramId));
}

async function cpuPerMessage(provider: Provider, database: Database) {
  const fake = await startFakeTelegram(BENCH_FAKE);
  try {
    const api = new Api(BENCH_TOKEN, { apiRoot: fake.apiRoot });
    const sender = createOutboxSender({ db: database.db, api, clock: () => new Date(), globalPerSecond: 100_000, perChatIntervalMs: 0 });
    const drain = async () => { while ((await sender.tick()) > 0); };
    await queue(database, CHATS);
    await drain(); // warm-up
    const chats = await queue(database, MESSAGES);
    let cpu = cpuMs();
    const t0 = performance.now();
    await drain();
    const wall = performance.now() - t0;
    const total = cpuMs() - cpu;
    if (fake.sent().length !== MESSAGES + CHATS) throw new Error(`sent ${fake.sent().length}`);
    cpu = cpuMs();
    for (let i = 0; i < MESSAGES; i++) await api.sendMessage(chats[i % chats.length]!, "✅ 师傅 李师傅 已接单,预计 30 分钟内联系您。");
    const baseline = cpuMs() - cpu;
    record(provider, `1. CPU per message (${MESSAGES} msgs / ${CHATS} chats, limits lifted)`,
      `sender ${((total - baseline) / MESSAGES).toFixed(2)} ms (all ${(total / MESSAGES).toFixed(2)} ms, grammY+fake ${(baseline / MESSAGES).toFixed(2)} ms); ${(MESSAGES / wall * 1000).toFixed(0)} msgs/s`);
  } finally {
    await fake.close();
  }
}

async function atTheLimits(provider: Provider, database: Database) {
  const fake = await startFakeTelegram({ ...BENCH_FAKE, limits: true });
  try {
    const sender = createOutboxSender({ db: database.db, api: new Api(BENCH_TOKEN, { apiRoot: fake.apiRoot }), clock: () => new Date(), leaseMs: false });
    await queue(database, MESSAGES);
    const t0 = performance.now();
    sender.start();
    while (fake.sent().length < MESSAGES && performance.now() - t0 < MESSAGES * 1000) await sleep(50);
    const wall = (performance.now() - t0) / 1000;
    await sender.stop();
    const rate = MESSAGES / wall;
    record(provider, `2. at Telegram's limits (${MESSAGES} msgs / ${CHATS} chats, ${RATE}/s configured)`,
      `${rate.toFixed(1)} msgs/s = ${(rate / RATE * 100).toFixed(0)} % of ${RATE}/s, ${fake.floods().length} × 429, ${wall.toFixed(1)} s`);
  } finally {
    await fake.close();
  }
}

async function emergency(provider: Provider, database: Database) {
  const db = database.db;
  await db.outbox.deleteMany();
  const property = await makeProperty(db, "EM");
  const unit = await makeUnit(db, property.id, "3-1-502");
  const owner = await makeOwner(db, unit.id, "王阿姨");
  for (let i = 0; i < TECHS; i++) await makeStaff(db, property.id, "technician", `师傅${i + 1}`);
  const fake = await startFakeTelegram({ ...BENCH_FAKE, limits: true });
  try {
    const sender = createOutboxSender({ db, api: new Api(BENCH_TOKEN, { apiRoot: fake.apiRoot }), clock: () => new Date(), leaseMs: false });
    const res = await reportFault(database, {
      reporterId: owner.id, unitId: unit.id, category: "water", description: "水管爆裂，水漫到客厅", emergency: true,
      access: "home", preferredTime: "asap", phone: "13800138000", photos: ["PHOTO-1"],
    }, new Date());
    if (!res.ok) throw new Error(res.error);
    const t0 = performance.now();
    sender.start();
    const offers = () => fake.sent().filter((c) => (c.payload.reply_markup?.inline_keyboard ?? []).length > 0).length;
    while (offers() < TECHS && performance.now() - t0 < 60_000) await sleep(10);
    const wall = (performance.now() - t0) / 1000;
    await sender.stop();
    record(provider, `3. emergency with a photo, ${TECHS} technicians: offers delivered`,
      `${offers()} offers in ${wall.toFixed(2)} s, ${fake.floods().length} × 429, ${fake.sent().length} messages`);
  } finally {
    await fake.close();
  }
}

const { pgUrl, providers } = benchArgs();
for (const provider of providers) {
  await withBenchDatabase(provider, pgUrl, `rd_bench_outbox_${process.pid}`, async (database) => {
    process.stderr.write(`[${provider}] outbox: CPU per message…\n`);
    await cpuPerMessage(provider, database);
    process.stderr.write(`[${provider}] outbox: emergency…\n`);
    await emergency(provider, database);
    process.stderr.write(`[${provider}] outbox: at the limits (about ${Math.ceil(MESSAGES / RATE)} s)…\n`);
    await atTheLimits(provider, database);
  });
}
console.log("\nThe outbox sender\n");
console.log(results.table(providers));
