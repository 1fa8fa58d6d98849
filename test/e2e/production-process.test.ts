// The whole first loop against the real process: the README's run command (the compiled build,
// built here first), with TELEGRAM_API_ROOT pointing at a local fake Bot API over real HTTP, long
// polling, the real outbox sender and jobs, real time. Then SIGTERM to exactly the process that
// command starts: a clean exit 0, the outbox lease released, the jobs stopped. `npm start` too.
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notify } from "../../src/domain/notify.ts";
import { startFakeTelegram, type FakeTelegram } from "../../src/fake-bot-api/server.ts";
import { textOf } from "../helpers/bot-harness.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { makeProperty, makeUnit, nextTelegramId } from "../helpers/fixtures.ts";
import {
  botEnv, buildMain, killHard, lastWords, processUsers, startProcess, terminate, type BotProcess,
} from "../helpers/process.ts";
import { until } from "../helpers/until.ts";
import { LEASE } from "../../src/bot/outbox-sender.ts";

const TOKEN = "424242:E2E-token-for-the-fake-bot-api-1234";
let fake: FakeTelegram;
let database: TestDatabase;
let bot: BotProcess;
/** The processes started by the later tests (killed at the end should a test fail before its SIGTERM). */
const others: BotProcess[] = [];
let people: ReturnType<typeof processUsers>;

/** The README's "run the bot" line after `npm ci &&`: its environment assignments and argv. */
function readmeRunCommand(): { env: Record<string, string>; argv: string[] } {
  const line = readFileSync("README.md", "utf8").split("\n").find((l) => l.includes("# run the bot"))!;
  const words = line.replace(/#.*$/, "").replace(/^\s*npm ci &&/, "").trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_]+=/.test(words[0]!)) {
    const [name, ...value] = words.shift()!.split("=");
    env[name!] = value.join("=");
  }
  return { env, argv: words };
}

beforeAll(async () => {
  database = await testDatabase();
  fake = await startFakeTelegram({ botId: 424242, username: "repair_desk_e2e_bot", token: TOKEN, maxPollMs: 300 });
  people = processUsers(fake, { waitMs: 20_000, detail: () => lastWords(bot.output(), fake) });
  const db = database.db;
  const property = await makeProperty(db);
  const unit = await makeUnit(db, property.id, "3-1-502");
  const expiresAt = new Date(Date.now() + 86_400_000);
  await db.invite.create({ data: { code: "OWNER-E2E", kind: "owner", propertyId: property.id, unitId: unit.id, expiresAt } });
  await db.invite.create({ data: { code: "TECH-E2E", kind: "staff", role: "technician", propertyId: property.id, expiresAt } });
  buildMain();
  const readme = readmeRunCommand();
  expect(readme.argv).toEqual(["node", "dist/main.js"]);
  bot = startProcess({ ...readme.env, ...botEnv(TOKEN, fake, database), LOG_LEVEL: "info" }, readme.argv);
  await polling(bot);
}, 90_000);

/** Waits for the process's first getUpdates. */
const polling = (p: BotProcess) => until(
  "the bot to poll", () => fake.calls.some((c) => c.method === "getUpdates"), 60_000, () => lastWords(p.output(), fake),
);

afterAll(async () => {
  for (const p of [bot, ...others]) await killHard(p);
  await fake.close();
  await database.drop();
});

describe("the production process over real HTTP", () => {
  it("runs the first repair loop from report to rating, then shuts down cleanly on SIGTERM", async () => {
    expect(fake.calls.find((c) => c.method === "getMe")).toBeDefined();
    const owner = people.user(nextTelegramId(), "王阿姨");
    const tech = people.user(nextTelegramId(), "李师傅");
    owner.send("/start OWNER-E2E");
    await owner.see("绑定成功");
    tech.send("/start TECH-E2E");
    await tech.see("维修人员");

    owner.send("/repair");
    await owner.press("3-1-502");
    await owner.press("给排水");
    await owner.see("描述");
    owner.send("厨房水龙头一直滴水");
    await owner.see("照片");
    await owner.press("跳过");
    await owner.press("不紧急");
    await owner.press("家里有人");
    await owner.press("尽快");
    await owner.see("电话");
    owner.contact("+86 138 0013 8000");
    await owner.press("确认提交");
    const number = textOf((await owner.see("BX-")).c).match(/BX-\d{8}-\d{4}/)![0];

    await tech.press("接单"); // the offer came through the outbox sender
    await owner.see("李师傅");
    await tech.press("已到场");
    await tech.press("已完成");
    await tech.see("处理情况");
    tech.send("换了阀芯");
    await tech.see("完工照片");
    await tech.press("跳过");
    await tech.see("已请业主确认");
    await owner.see("换了阀芯");
    await owner.press("已修好");
    await owner.press("5 很满意");
    await owner.see("5 分");

    const ticket = await database.db.ticket.findUniqueOrThrow({ where: { number }, include: { survey: true } });
    expect([ticket.status, ticket.survey?.rating, ticket.phone]).toEqual(["closed", 5, "13800138000"]);
    expect(await database.db.outbox.count({ where: { status: "sent" } })).toBeGreaterThanOrEqual(3);

    // Telegram becomes a black hole (requests never answered) with a notification queued: SIGTERM
    // still stops the process promptly (each shutdown step waits a bounded time).
    fake.goDown(3_600_000, "hang");
    await notify(database.db, new Date(), ticket.reporterId, { key: "offer-taken", params: { number, technician: "李师傅" } });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await terminate(bot)).toBe(0);
    fake.goDown(0); // Telegram is back for the next tests
    expect(bot.output()).toContain("shutting down");
    expect(bot.output()).toContain("jobs stopped");
    const lease = await database.db.lease.findUniqueOrThrow({ where: { name: LEASE } });
    expect(lease.until.getTime()).toBeLessThanOrEqual(Date.now()); // released, not left to lapse
  }, 120_000);

  it("`npm start` passes SIGTERM on to the bot, which stops cleanly", async () => {
    await database.db.lease.deleteMany();
    fake.reset();
    const npm = startProcess(botEnv(TOKEN, fake, database), ["npm", "start"]);
    others.push(npm);
    await polling(npm);
    const held = async () => ((await database.db.lease.findUnique({ where: { name: LEASE } }))?.until.getTime() ?? 0) > Date.now();
    while (!(await held())) await new Promise((r) => setTimeout(r, 50));
    expect(await terminate(npm)).toBe(0);
    expect(npm.output()).toContain("jobs stopped");
    expect(npm.output()).toContain('"msg":"stopped"');
    expect(await held()).toBe(false);
  }, 90_000);

  it("in webhook mode takes updates with the secret, answers /healthz, and stops cleanly on SIGTERM", async () => {
    await database.db.lease.deleteMany();
    fake.reset();
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const hooked = startProcess({
      ...botEnv(TOKEN, fake, database),
      WEBHOOK_URL: "https://desk.example.test/telegram", WEBHOOK_SECRET: "e2e-secret",
      WEBHOOK_HOST: "127.0.0.1", WEBHOOK_PORT: String(port),
    });
    others.push(hooked);
    const detail = () => lastWords(hooked.output(), fake);
    await until("setWebhook", () => fake.calls.find((c) => c.method === "setWebhook"), 60_000, detail);
    expect(fake.calls.find((c) => c.method === "setWebhook")!.payload).toMatchObject({ url: "https://desk.example.test/telegram", secret_token: "e2e-secret" });
    expect(fake.calls.some((c) => c.method === "getUpdates")).toBe(false);

    const id = nextTelegramId();
    const chat = { id, type: "private", first_name: "张" };
    const update = (n: number) => JSON.stringify({ update_id: 900_000 + n, message: { message_id: n, date: 0, chat, from: { id, is_bot: false, first_name: "张" }, text: "/start", entities: [{ type: "bot_command", offset: 0, length: 6 }] } });
    const deliver = (n: number, secret: string) => fetch(`http://127.0.0.1:${port}/telegram`, {
      method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret }, body: update(n),
    });
    expect((await deliver(1, "not-the-secret")).status).toBe(401);
    expect((await deliver(2, "e2e-secret")).status).toBe(200); // in the inbox; handled from there
    await until("the reply", () => fake.sent(id).length === 1, 20_000, detail);

    const held = async () => ((await database.db.lease.findUnique({ where: { name: LEASE } }))?.until.getTime() ?? 0) > Date.now();
    while (!(await held())) await new Promise((r) => setTimeout(r, 50));
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: "ok", sender: { thisProcess: true, held: true } });

    expect(await terminate(hooked)).toBe(0);
    expect(hooked.output()).toContain("jobs stopped");
    expect(await held()).toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  }, 90_000);
});
