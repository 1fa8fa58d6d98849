// `npm run bench:group` (and part of `npm run bench`): dispatch in the technicians' group against
// private offers, in the same run. An emergency with a photo in a property of 40 technicians on
// duty, the real outbox sender against the fake Bot API enforcing Telegram's limits (30/s overall,
// 1/s per chat, 20/min per group): Bot API calls and seconds until the first technician can accept,
// until every technician can, until the dispatch is all sent, and the calls of one re-offer round.
// A general job is measured too (in group mode the board alone: no private offers).
//   npm run bench:group                  SQLite (a temporary file)
//   npm run bench:group -- --pg [url]    PostgreSQL too
import { performance } from "node:perf_hooks";
import { Api } from "grammy";
import { createOutboxSender } from "../src/bot/outbox-sender.ts";
import type { Database } from "../src/db/client.ts";
import { runDispatchEscalation } from "../src/domain/scheduled/dispatch-escalation.ts";
import { reportFault } from "../src/domain/tickets/report.ts";
import { startFakeTelegram, type Call } from "../src/fake-bot-api/server.ts";
import { makeOwner, makeProperty, makeStaff, makeUnit } from "../test/helpers/fixtures.ts";
import { BENCH_FAKE, BENCH_TOKEN, benchArgs, benchResults, withBenchDatabase, type Provider } from "./common.ts";

const TECHS = 40;
const GROUP = -1001000000001;
const benched = benchResults();
let recording = true;
const results = { record: (p: Provider, m: string, v: string) => { if (recording) benched.record(p, m, v); } };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isMessage = (c: Call) => /^(send|edit)/.test(c.method) && c.method !== "sendChatAction" && c.result !== undefined;
const hasAccept = (c: Call) => JSON.stringify(c.payload?.reply_markup ?? {}).includes("接单");

type Mode = { label: string; group: boolean; emergency: boolean };
const MODES: Mode[] = [
  { label: "private offers (pool), emergency", group: false, emergency: true },
  { label: "group mode, emergency", group: true, emergency: true },
  { label: "private offers (pool), general job", group: false, emergency: false },
  { label: "group mode, general job", group: true, emergency: false },
];

async function dispatch(provider: Provider, database: Database, mode: Mode, n: number) {
  const db = database.db;
  await db.outbox.deleteMany();
  const property = await makeProperty(db, `G${n}`);
  if (mode.group) {
    const data = { dispatchMode: "group", groupChatId: BigInt(GROUP - n), groupTitle: "维修群" };
    await db.property.update({ where: { id: property.id }, data });
  }
  const unit = await makeUnit(db, property.id);
  const owner = await makeOwner(db, unit.id, "王阿姨");
  for (let i = 0; i < TECHS; i++) await makeStaff(db, property.id, "technician", `师傅${i + 1}`);
  const fake = await startFakeTelegram({ ...BENCH_FAKE, limits: true });
  fake.addGroup({ id: GROUP - n, title: "维修群" });
  const at: { call: Call; ms: number }[] = [];
  let t0 = 0;
  fake.onCall((call) => { if (isMessage(call)) at.push({ call, ms: performance.now() - t0 }); });
  // a Tuesday at 10:00 in the property's zone (a general job is re-offered in office hours only)
  let offset = Date.parse("2026-12-08T10:00:00+08:00") - Date.now();
  const clock = () => new Date(Date.now() + offset);
  // idle ticks every 50 ms (production: 500) so that the tick's wait does not blur the comparison
  const api = new Api(BENCH_TOKEN, { apiRoot: fake.apiRoot });
  const sender = createOutboxSender({ db, api, clock, leaseMs: false, intervalMs: 50 });
  try {
    sender.start();
    t0 = performance.now();
    const res = await reportFault(database, {
      reporterId: owner.id, unitId: unit.id, category: "water", description: "水管爆裂，水漫到客厅", emergency: mode.emergency,
      access: "home", preferredTime: "asap", phone: "13800138000", photos: ["PHOTO-1"],
    }, clock());
    if (!res.ok) throw new Error(res.error);
    const pending = () => db.outbox.count({ where: { status: { in: ["pending", "sending"] } } });
    while ((await pending()) > 0 && performance.now() - t0 < 60_000) await sleep(10);
    const offers = at.filter((x) => hasAccept(x.call));
    const first = offers[0];
    // everyone can accept: the group post (everyone sees it), or the last private offer
    const all = mode.group ? offers.find((x) => Number(x.call.payload.chat_id) < 0) : offers.at(-1);
    const callsUpTo = (x: { ms: number } | undefined) => (x ? at.filter((y) => y.ms <= x.ms).length : 0);
    const fmt = (x: { ms: number } | undefined) => (x ? `${callsUpTo(x)} calls, ${(x.ms / 1000).toFixed(2)} s` : "-");
    results.record(provider, `${mode.label}: first possible accept`, fmt(first));
    results.record(provider, `${mode.label}: every technician can accept`, fmt(all));
    const whole = `${at.length} calls, ${((at.at(-1)?.ms ?? 0) / 1000).toFixed(2)} s, ${fake.floods().length} × 429`;
    results.record(provider, `${mode.label}: whole dispatch sent`, whole);
    // one re-offer round (the escalation's clock moved on)
    const before = at.length;
    offset += 6 * 60_000; // the re-offer round comes 6 minutes later
    await runDispatchEscalation(database, clock());
    while ((await pending()) > 0 && performance.now() - t0 < 120_000) await sleep(10);
    results.record(provider, `${mode.label}: one re-offer round`, `${at.length - before} calls`);
  } finally {
    await sender.stop();
    await fake.close();
  }
}

const { pgUrl, providers } = benchArgs();
for (const provider of providers) {
  await withBenchDatabase(provider, pgUrl, `bench_group_${process.pid}`, async (database) => {
    let n = 0;
    recording = false; // a warm-up round first (the first queries of a process compile slowly)
    await dispatch(provider, database, MODES[0]!, ++n);
    recording = true;
    for (const mode of MODES) {
      process.stderr.write(`[${provider}] group: ${mode.label}…\n`);
      await dispatch(provider, database, mode, ++n);
    }
  });
}
console.log(`\nDispatch of one job to ${TECHS} technicians (fake Bot API enforcing Telegram's limits)\n`);
console.log(benched.table(providers));
