// kill -9 at random instants (issue 18): the real bot (dist/main.js) as a child process against the
// fake Bot API over real HTTP, while owners go through /repair and a technician accepts the offers.
// The bot is killed with SIGKILL KILLS times at instants drawn from a seeded random (KILL_SEED
// replays a run's schedule; the instants are real time, so a replay is close, not exact), and
// started again each time. Then:
// - no acknowledged update lost: every update the fake handed out is in the inbox, handled, and
//   every owner got their receipt, every offer its accept (each step waits for its reply);
// - no duplicate ticket or accept (a kill after a submit's commit but before its update is marked
//   handled re-handles the submit: that it then makes nothing new is the idempotent submits' part);
// - at most one repeat per kill: a message in flight at a kill may go twice, never more.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTelegram, type FakeTelegram } from "../../src/fake-bot-api/server.ts";
import { textOf } from "../helpers/bot-harness.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { makeOwner, makeProperty, makeStaff, makeUnit } from "../helpers/fixtures.ts";
import {
  botEnv, buildMain, killHard, lastWords, processUsers, startProcess, type BotProcess,
} from "../helpers/process.ts";

const TOKEN = "424299:KILL-token-for-the-fake-bot-api-123";
const KILLS = Number(process.env.KILLS ?? 30);
const OWNERS = Number(process.env.KILL_OWNERS ?? 8);
const SEED = Number(process.env.KILL_SEED ?? 18);
const STEP_MS = Number(process.env.KILL_STEP_MS ?? 90_000); // a step may wait out kills and the sender's lease (15 s) after each

let fake: FakeTelegram;
let database: TestDatabase;
/** Every bot process started, the running one last. */
const runs: BotProcess[] = [];
const output = () => runs.map((r) => r.output()).join("");

/** mulberry32: the same seed, the same kill schedule. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const startBot = () => runs.push(
  startProcess({ ...botEnv(TOKEN, fake, database), LOG_LEVEL: process.env.KILL_LOG ?? "warn" }),
);
let people: ReturnType<typeof processUsers>;
type User = ReturnType<typeof people.user>;

async function report(owner: User, unit: string) {
  owner.send("/repair");
  await owner.press(unit);
  await owner.press("给排水");
  await owner.see("描述");
  owner.send(`厨房水龙头一直滴水（${unit}）`);
  await owner.press("跳过");
  await owner.press("不紧急");
  await owner.press("家里有人");
  await owner.press("尽快");
  await owner.see("电话");
  owner.contact("+86 138 0013 8000");
  await owner.press("确认提交");
  return textOf((await owner.see("BX-")).c).match(/BX-\d{8}-\d{4}/)![0];
}

beforeAll(async () => {
  database = await testDatabase();
  fake = await startFakeTelegram({ botId: 424299, username: "repair_desk_kill_bot", token: TOKEN, maxPollMs: 300 });
  people = processUsers(fake, { waitMs: STEP_MS, detail: () => lastWords(output(), fake) });
  buildMain();
}, 120_000);

afterAll(async () => {
  if (runs.length > 0) await killHard(runs.at(-1)!);
  await fake.close();
  await database.drop();
});

describe(`kill -9 at ${KILLS} random instants (seed ${SEED})`, () => {
  it("loses no acknowledged update, doubles no ticket or accept, repeats a message at most once per kill", async () => {
    const db = database.db;
    const property = await makeProperty(db);
    const tech = await makeStaff(db, property.id, "technician", "李师傅", "water");
    const owners: { user: User; unit: string }[] = [];
    for (let i = 0; i < OWNERS; i++) {
      const label = `3-1-${501 + i}`;
      const unit = await makeUnit(db, property.id, label);
      const row = await makeOwner(db, unit.id, `业主${i}`);
      owners.push({ user: people.user(Number(row.telegramId), `业主${i}`), unit: label });
    }
    const technician = people.user(Number(tech.telegramId), "李师傅");

    // Owners report two at a time; the technician accepts each offer as it comes.
    let killing = true;
    const flows = (async () => {
      const numbers: string[] = [];
      for (let i = 0; i < owners.length; i += 2) {
        const pair = owners.slice(i, i + 2);
        const got = await Promise.all(pair.map(async ({ user: o, unit }) => {
          const number = await report(o, unit);
          await technician.press("接单", number);
          await o.see("李师傅");
          return number;
        }));
        numbers.push(...got);
      }
      return numbers;
    })();
    const failed = flows.then(() => undefined, (e: unknown) => e);

    const random = seeded(SEED);
    const killedAt: number[] = [];
    startBot();
    for (let k = 0; k < KILLS; k++) {
      await sleep(200 + Math.floor(random() * 2_300));
      killedAt.push(Date.now());
      await killHard(runs.at(-1)!);
      startBot();
    }
    killing = false;
    const numbers = await flows.catch(async (e: unknown) => { throw e; });
    expect(await failed).toBeUndefined();
    expect(killing).toBe(false);

    // every update handed out: in the inbox and handled (the last ones' marks may still be on the way)
    const unhandled = async () => {
      const rows = await db.inboundUpdate.findMany({ where: { handledAt: { not: null } }, select: { updateId: true } });
      const handled = new Set(rows.map((r) => Number(r.updateId)));
      return people.pushed.filter((id) => !handled.has(id));
    };
    for (let i = 0; i < 100 && (await unhandled()).length > 0; i++) await sleep(100);
    expect(await unhandled()).toEqual([]);

    // no duplicate ticket (one per owner) or accept (one per ticket)
    const tickets = await db.ticket.findMany({ select: { number: true, reporterId: true } });
    expect(tickets.map((t) => t.number).sort()).toEqual([...numbers].sort());
    expect(new Set(tickets.map((t) => t.reporterId)).size).toBe(OWNERS);
    const accepts = await db.event.groupBy({ by: ["ticketId"], where: { action: "accepted" }, _count: true });
    expect(accepts.map((a) => a._count)).toEqual(Array(OWNERS).fill(1));

    // at most one repeat per kill: each chat's messages, the same text more than once is a repeat
    let repeats = 0;
    for (const u of [technician, ...owners.map((o) => o.user)]) {
      // (the technician's texts without a ticket number repeat by design: one per offer)
      const texts = u.inbox().filter(({ c }) => c.method.startsWith("send")).map(({ c }) => textOf(c))
        .filter((t) => u !== technician || /BX-\d/.test(t));
      const counts = new Map<string, number>();
      for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const n of counts.values()) repeats += n - 1;
    }
    expect(repeats).toBeLessThanOrEqual(killedAt.length);
    expect(output()).not.toMatch(/unhandled rejection|uncaught exception/);
  }, 600_000);
});
