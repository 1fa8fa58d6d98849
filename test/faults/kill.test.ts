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
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTelegram, type Call, type FakeTelegram } from "../../src/fake-bot-api/server.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { makeOwner, makeProperty, makeStaff, makeUnit } from "../helpers/fixtures.ts";

const TOKEN = "424299:KILL-token-for-the-fake-bot-api-123";
const KILLS = Number(process.env.KILLS ?? 30);
const OWNERS = Number(process.env.KILL_OWNERS ?? 8);
const SEED = Number(process.env.KILL_SEED ?? 18);
const STEP_MS = Number(process.env.KILL_STEP_MS ?? 90_000); // a step may wait out kills and the sender's lease (15 s) after each

let fake: FakeTelegram;
let database: TestDatabase;
let child: ChildProcess | undefined;
let output = "";
let updateId = 1;
const pushed: number[] = [];

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

function startBot() {
  const c = spawn(process.execPath, ["dist/main.js"], {
    env: { ...process.env, BOT_TOKEN: TOKEN, DATABASE_URL: database.url, TELEGRAM_API_ROOT: fake.apiRoot, ADMIN_TELEGRAM_IDS: "1", LOG_LEVEL: process.env.KILL_LOG ?? "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  c.stdout!.on("data", (b) => (output += b));
  c.stderr!.on("data", (b) => (output += b));
  child = c;
  return c;
}

function kill(c: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (c.exitCode !== null || c.signalCode !== null) return resolve();
    c.once("exit", () => resolve());
    c.kill("SIGKILL");
  });
}

async function waitFor<T>(what: string, find: () => T | undefined | false, ms = STEP_MS): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n--- bot output (tail) ---\n${output.slice(-3000)}\n--- calls ---\n${fake.calls.slice(-8).map((c) => `${c.method} ${JSON.stringify(c.payload).slice(0, 200)} ${JSON.stringify(c.error ?? "")}`).join("\n")}`);
    await sleep(50);
  }
}

const textOf = (c: Call) => String(c.payload?.text ?? c.payload?.caption ?? "");
const buttons = (c: Call): { text: string; data: string }[] =>
  (c.payload?.reply_markup?.inline_keyboard ?? []).flat().map((b: { text: string; callback_data: string }) => ({ text: b.text, data: b.callback_data }));
const push = (update: object) => pushed.push(fake.pushUpdate({ update_id: ++updateId, ...update } as never).update_id);

function user(id: number, name: string) {
  const from = { id, is_bot: false, first_name: name, language_code: "zh-hans" };
  const chat = { id, type: "private" as const, first_name: name };
  let seen = 0;
  const inbox = () => fake.calls.map((c, i) => ({ c, i }))
    .filter(({ c }) => String(c.payload?.chat_id) === String(id) && /^(send|edit)/.test(c.method) && !c.error && c.result);
  const message = (extra: object) => ({ message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat, from, ...extra } });
  return {
    id,
    send(text: string) {
      const command = /^\/\w+/.exec(text)?.[0];
      push(message({ text, ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command.length }] } : {}) }));
    },
    contact: (phone: string) => push(message({ contact: { phone_number: phone, first_name: name, user_id: id } })),
    /** Waits for a message (newer than the last pressed, or containing `within`) with the button, then presses it. */
    async press(label: string, within?: string) {
      const { c, i } = await waitFor(`"${label}" for ${name}`, () => [...inbox()].reverse()
        .find(({ c, i }) => (within ? textOf(c).includes(within) : i >= seen) && buttons(c).some((b) => b.text.includes(label))));
      if (!within) seen = i;
      const data = buttons(c).find((b) => b.text.includes(label))!.data;
      push({ callback_query: { id: `cb${updateId + 1}`, from, chat_instance: "kill", data,
        message: { message_id: c.result?.message_id ?? c.payload.message_id, date: 0, chat, text: "" } } });
    },
    see: (text: string) => waitFor(`"${text}" for ${name}`, () => inbox().find(({ c }) => textOf(c).includes(text))),
    inbox,
  };
}
type User = ReturnType<typeof user>;

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
  execFileSync(process.execPath, ["scripts/build.mjs"]);
}, 120_000);

afterAll(async () => {
  if (child) await kill(child);
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
      owners.push({ user: user(Number(row.telegramId), `业主${i}`), unit: label });
    }
    const technician = user(Number(tech.telegramId), "李师傅");

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
      await kill(child!);
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
      return pushed.filter((id) => !handled.has(id));
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
    expect(output).not.toMatch(/unhandled rejection|uncaught exception/);
  }, 600_000);
});
