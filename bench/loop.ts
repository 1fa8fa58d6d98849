// `npm run bench:loop` (and the second half of `npm run bench`): the repair loop's hot paths.
//   1. reportFault: 200 sequential reports (latency), and 20 reporters at once (throughput);
//      3 technicians on duty, so every report also writes 3 offers and 3 outbox rows.
//   2. the accept race: 24 technicians press "accept" on one ticket at once, 20 times; exactly one
//      must win each time (exit code 1 if not).
//   3. one full domain loop: report → accept → arrived → done → confirm → rate.
//   4. bot updates through bot.handleUpdate: /my for an owner with 10 tickets, and the /repair step
//      that answers the phone question (the conversation replays the 7 answers before it).
//   (The outbox sender has its own bench: bench/outbox.ts.)
//   npm run bench:loop                  SQLite (a temporary file)
//   npm run bench:loop -- --pg [url]    PostgreSQL too (a temporary database on the server at url,
//                                       default TEST_PG_URL or postgresql://postgres@127.0.0.1:5432/test)
import { performance } from "node:perf_hooks";
import type { Update } from "grammy/types";
import type { Database } from "../src/db/client.ts";
import { acceptJob } from "../src/domain/tickets/dispatch.ts";
import { confirmFixed } from "../src/domain/tickets/owner.ts";
import { reportFault } from "../src/domain/tickets/report.ts";
import type { ReportInput } from "../src/domain/tickets/new-ticket.ts";
import { markArrived, markDone } from "../src/domain/tickets/work.ts";
import { answerSurvey } from "../src/domain/surveys.ts";
import type { Result } from "../src/domain/types.ts";
import { startFakeTelegram, type Call, type FakeTelegram } from "../src/fake-bot-api/server.ts";
import { makeOwner, makeProperty, makeStaff, makeUnit } from "../test/helpers/fixtures.ts";
import { BENCH_FAKE, benchArgs, benchBot, benchResults, pct, withBenchDatabase, type Provider } from "./common.ts";


const NOW = new Date("2026-11-23T02:00:00Z"); // Monday 10:00 in Asia/Shanghai
const SEQUENTIAL_REPORTS = 200;
const REPORTERS = 20;
const REPORTS_PER_REPORTER = 20;
const RACERS = 24;
const RACES = 20;
const LOOPS = 100;
const MY_UPDATES = 200;
const MY_TICKETS = 10;
const REPAIR_RUNS = 30;

// ---------- small helpers ----------

const progress = (provider: Provider, msg: string) => process.stderr.write(`[${provider}] ${msg}\n`);

const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const stats = (xs: number[]) => `p50 ${ms(pct(xs, 50))} / p95 ${ms(pct(xs, 95))} / max ${ms(Math.max(...xs))}`;
const rate = (n: number, elapsedMs: number) => (n / (elapsedMs / 1000)).toFixed(0);

/** Lets timers and signals in between iterations: on SQLite the driver is synchronous, so a loop of
 *  domain calls is one long chain of microtasks that never returns to the event loop (Ctrl-C would
 *  wait for the first HTTP section). Called outside the timed parts. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

function must<T>(what: string, r: Result<T>): T {
  if (!r.ok) throw new Error(`${what} failed: ${r.error}`);
  return r.value;
}

/** A domain clock that moves on by a second per reading (all within one local day). */
let ticks = 0;
const clock = () => new Date(NOW.getTime() + ++ticks * 1000);

const reportOf = (reporterId: number, unitId: number): ReportInput => ({
  reporterId, unitId, category: "water", description: "厨房水龙头一直滴水", emergency: false,
  access: "home", preferredTime: "asap", phone: "13800138000", photos: [],
});

/** A property with `techs` technicians on duty and `owners` owners, each in a unit of their own. */
async function site(database: Database, code: string, techs: number, owners: number) {
  const db = database.db;
  const property = await makeProperty(db, code);
  const technicians = [];
  for (let i = 0; i < techs; i++) technicians.push(await makeStaff(db, property.id, "technician", `${code} 师傅${i + 1}`));
  const people = [];
  for (let i = 0; i < owners; i++) {
    const unit = await makeUnit(db, property.id, `1-1-${101 + i}`);
    people.push({ owner: await makeOwner(db, unit.id, `${code} 业主${i + 1}`), unit });
  }
  return { property, technicians, owners: people };
}

/** Results by metric, then by provider (printed as one table at the end). */
const results = benchResults();
const record = results.record;
let raceFailed = false;

// ---------- 1. reportFault ----------

async function benchReports(provider: Provider, database: Database) {
  progress(provider, `reports: ${SEQUENTIAL_REPORTS} sequential…`);
  const s = await site(database, "RP", 3, REPORTERS);
  const first = s.owners[0]!;
  for (let i = 0; i < 10; i++) must("report (warm-up)", await reportFault(database, reportOf(first.owner.id, first.unit.id), clock()));
  const latencies: number[] = [];
  for (let i = 0; i < SEQUENTIAL_REPORTS; i++) {
    await breathe();
    const [r, t] = await timed(() => reportFault(database, reportOf(first.owner.id, first.unit.id), clock()));
    const { offeredTo } = must("report", r);
    if (offeredTo !== 3) throw new Error(`report offered to ${offeredTo}, not 3`);
    latencies.push(t);
  }
  record(provider, "1. reportFault, sequential (3 offers each)", stats(latencies));

  const total = REPORTERS * REPORTS_PER_REPORTER;
  progress(provider, `reports: ${REPORTERS} concurrent reporters × ${REPORTS_PER_REPORTER}…`);
  const [, elapsed] = await timed(() => Promise.all(s.owners.map(async ({ owner, unit }) => {
    for (let i = 0; i < REPORTS_PER_REPORTER; i++) {
      must("report", await reportFault(database, reportOf(owner.id, unit.id), clock()));
      await breathe(); // (inside the timed part here; one setImmediate per report costs microseconds)
    }
  })));
  const numbers = await database.db.ticket.findMany({ where: { propertyId: s.property.id }, select: { number: true } });
  if (new Set(numbers.map((n) => n.number)).size !== numbers.length) throw new Error("duplicate ticket numbers");
  record(provider, `1. reportFault, ${REPORTERS} concurrent reporters`, `${rate(total, elapsed)} reports/s (${total} in ${ms(elapsed)})`);
}

// ---------- 2. the accept race ----------

async function benchAcceptRace(provider: Provider, database: Database) {
  progress(provider, `accept race: ${RACERS} technicians × ${RACES} tickets…`);
  const s = await site(database, "AR", RACERS, 1);
  const { owner, unit } = s.owners[0]!;
  const settle: number[] = [];
  const winners: number[] = [];
  for (let round = -2; round < RACES; round++) { // two warm-up rounds
    await breathe();
    const { ticketId, offeredTo } = must("report", await reportFault(database, reportOf(owner.id, unit.id), clock()));
    if (offeredTo !== RACERS) throw new Error(`offered to ${offeredTo}, not ${RACERS}`);
    const now = clock();
    const [res, t] = await timed(() => Promise.all(s.technicians.map((tech) => acceptJob(database, tech.id, ticketId, now))));
    const won = res.filter((r) => r.ok).length;
    const lost = res.filter((r) => !r.ok && r.error === "ALREADY_TAKEN").length;
    const ticket = await database.db.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    const winner = res.findIndex((r) => r.ok);
    const consistent = won === 1 && lost === RACERS - 1 && ticket.status === "accepted" && ticket.assigneeId === s.technicians[winner]?.id
      && (await database.db.offer.count({ where: { ticketId, status: "accepted" } })) === 1;
    if (round < 0) continue;
    settle.push(t);
    winners.push(consistent ? won : -1);
    if (!consistent) {
      raceFailed = true;
      progress(provider, `accept race ${round + 1}: ${won} winners, ${lost} ALREADY_TAKEN, ticket ${ticket.status} by ${ticket.assigneeId}: WRONG`);
    }
  }
  const ok = winners.filter((w) => w === 1).length;
  record(provider, `2. accept race, ${RACERS} at once: all settled`, `p50 ${ms(pct(settle, 50))} / max ${ms(Math.max(...settle))}`);
  record(provider, "2. accept race: exactly one winner", `${ok}/${RACES} races${ok === RACES ? " ✓" : " ✗ FAILED"}`);
}

// ---------- 3. the full domain loop ----------

async function benchLoop(provider: Provider, database: Database) {
  progress(provider, `full loop × ${LOOPS}…`);
  const s = await site(database, "LP", 3, 1);
  const { owner, unit } = s.owners[0]!;
  const tech = s.technicians[0]!;
  const loop = async () => {
    const { ticketId } = must("report", await reportFault(database, reportOf(owner.id, unit.id), clock()));
    must("accept", await acceptJob(database, tech.id, ticketId, clock()));
    must("arrived", await markArrived(database, tech.id, ticketId, clock()));
    must("done", await markDone(database, tech.id, ticketId, { note: "换了阀芯" }, clock()));
    must("confirm", await confirmFixed(database, owner.id, ticketId, clock()));
    must("rate", await answerSurvey(database, { ticketId, actorId: owner.id, rating: 5, channel: "bot" }, clock()));
  };
  for (let i = 0; i < 5; i++) await loop();
  const times: number[] = [];
  for (let i = 0; i < LOOPS; i++) {
    await breathe();
    times.push((await timed(loop))[1]);
  }
  const mean = times.reduce((x, y) => x + y, 0) / LOOPS;
  record(provider, `3. full loop (report→accept→arrived→done→confirm→rate) × ${LOOPS}`, `${ms(mean)} per loop (p50 ${ms(pct(times, 50))} / p95 ${ms(pct(times, 95))})`);
}

// ---------- 4. bot updates ----------

async function benchUpdates(provider: Provider, database: Database) {
  progress(provider, `bot: /my × ${MY_UPDATES}…`);
  const db = database.db;
  const property = await makeProperty(db, "MY");
  const unit = await makeUnit(db, property.id, "3-1-502");
  const owner = await makeOwner(db, unit.id, "王阿姨");
  for (let i = 0; i < 3; i++) await makeStaff(db, property.id, "technician", `MY 师傅${i + 1}`);
  const numbers: string[] = [];
  for (let i = 0; i < MY_TICKETS; i++) numbers.push(must("report", await reportFault(database, reportOf(owner.id, unit.id), clock())).number);

  const fake = await startFakeTelegram(BENCH_FAKE);
  try {
    const { bot, errors } = benchBot(database, fake.apiRoot);

    // a Telegram user, as test/helpers/bot-harness.ts drives one
    const id = Number(owner.telegramId);
    const from = { id, is_bot: false, first_name: owner.name, language_code: "zh-hans" };
    const chat = { id, type: "private" as const, first_name: owner.name };
    let updateId = 1000;
    let messageId = 1;
    const handle = async (update: object): Promise<[Call[], number]> => {
      const start = fake.calls.length;
      const [, t] = await timed(() => bot.handleUpdate({ update_id: ++updateId, ...update } as Update));
      return [fake.calls.slice(start), t];
    };
    const message = (extra: object) => ({ message: { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat, from, ...extra } });
    const send = (text: string) => {
      const command = /^\/\w+/.exec(text)?.[0];
      return handle(message({ text, ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command.length }] } : {}) }));
    };
    /** Presses the newest `q|<step>|<value>` button of this chat (a question of the flow). */
    const press = (value: string) => {
      for (const call of [...fake.calls].reverse()) {
        if (String(call.payload?.chat_id) !== String(id) || !/^send/.test(call.method)) continue;
        const button = (call.payload?.reply_markup?.inline_keyboard ?? []).flat()
          .find((b: { callback_data?: string }) => b.callback_data?.startsWith("q|") && b.callback_data.endsWith(`|${value}`));
        if (button) {
          return handle({ callback_query: { id: `cb${updateId}`, from, chat_instance: "ci", data: button.callback_data, message: { message_id: call.result?.message_id ?? 1, date: 0, chat, text: "" } } });
        }
      }
      throw new Error(`no button "${value}"; last texts: ${fake.calls.slice(-3).map((c) => c.payload?.text).join(" | ")}`);
    };
    const textsOf = (calls: Call[]) => calls.map((c) => String(c.payload?.text ?? "")).join("\n");

    // /my
    const my: number[] = [];
    for (let i = -20; i < MY_UPDATES; i++) {
      await breathe();
      const [calls, t] = await send("/my");
      const text = textsOf(calls);
      if (!numbers.every((n) => text.includes(n))) throw new Error(`/my did not list the ${MY_TICKETS} tickets: ${text.slice(0, 200)}`);
      if (i >= 0) my.push(t);
    }
    record(provider, `4. bot: /my with ${MY_TICKETS} tickets (handleUpdate)`, stats(my));

    // /repair up to the phone question, then time its answer (the flow replays the 7 answers before it)
    progress(provider, `bot: /repair to the phone step × ${REPAIR_RUNS}…`);
    const firstStep: number[] = [];
    const phoneStep: number[] = [];
    for (let run = -3; run < REPAIR_RUNS; run++) {
      await breathe();
      await send("/repair");
      const [, tPlace] = await press(`u${unit.id}`);
      await press("water");
      await send("厨房水龙头一直滴水");
      await press("skip");
      await press("no");
      await press("home");
      await press("asap");
      const [calls, tPhone] = await send("13800138000");
      if (!textsOf(calls).includes("13800138000")) throw new Error(`the phone step did not answer: ${textsOf(calls).slice(0, 200)}`);
      await send("/cancel");
      if (run >= 0) {
        firstStep.push(tPlace);
        phoneStep.push(tPhone);
      }
    }
    record(provider, "4. bot: /repair 1st answer (no replay, for reference)", stats(firstStep));
    record(provider, "4. bot: /repair phone answer (replays 7 answers)", stats(phoneStep));
    if (errors.length > 0) throw new Error(`bot errors: ${errors.join("; ")}`);
  } finally {
    await fake.close();
  }
}

function print(providers: readonly Provider[], took: Map<Provider, number>) {
  console.log("\nThe repair loop: domain calls, the accept race and bot updates\n");
  console.log(results.table(providers, [["run took", ...providers.map((p) => `${((took.get(p) ?? 0) / 1000).toFixed(1)} s`)]]));
}

// ---------- main ----------

const { pgUrl, providers } = benchArgs();

const took = new Map<Provider, number>();
for (const provider of providers) {
  const start = performance.now();
  await withBenchDatabase(provider, pgUrl, `rd_bench_loop_${process.pid}`, async (database) => {
    await benchReports(provider, database);
    await benchAcceptRace(provider, database);
    await benchLoop(provider, database);
    await benchUpdates(provider, database);
  });
  took.set(provider, performance.now() - start);
  progress(provider, `done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}
print(providers, took);
if (raceFailed) {
  console.error("\nFAILED: an accept race did not have exactly one winner");
  process.exitCode = 1;
}
