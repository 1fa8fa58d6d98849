// The whole first loop against the real process: `src/main.ts` started as `npm start` would, with
// TELEGRAM_API_ROOT pointing at a local fake Bot API over real HTTP, long polling, the real outbox
// sender and jobs, real time. Then SIGTERM, and a clean exit.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notify } from "../../src/domain/notify.ts";
import { startFakeTelegram, type Call, type FakeTelegram } from "../../src/fake-bot-api/server.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { makeProperty, makeUnit, nextTelegramId } from "../helpers/fixtures.ts";

const TOKEN = "424242:E2E-token-for-the-fake-bot-api-1234";
let fake: FakeTelegram;
let database: TestDatabase;
let child: ChildProcess;
let output = "";
let updateId = 1;

/** Polls until `find` returns something (the bot works in real time here). */
async function waitFor<T>(what: string, find: () => T | undefined | false, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n--- bot output ---\n${output}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const textOf = (c: Call) => String(c.payload?.text ?? c.payload?.caption ?? "");
const buttons = (c: Call): { text: string; data: string }[] =>
  (c.payload?.reply_markup?.inline_keyboard ?? []).flat().map((b: { text: string; callback_data: string }) => ({ text: b.text, data: b.callback_data }));

function user(id: number, name: string) {
  const from = { id, is_bot: false, first_name: name, language_code: "zh-hans" };
  const chat = { id, type: "private" as const, first_name: name };
  let seen = 0; // index into fake.calls: presses look only at the last pressed message and newer ones
  const inbox = () => fake.calls.map((c, i) => ({ c, i })).filter(({ c }) => String(c.payload?.chat_id) === String(id) && /^(send|edit)/.test(c.method) && !c.error);
  return {
    send(text: string) {
      const command = /^\/\w+/.exec(text)?.[0];
      fake.pushUpdate({ update_id: ++updateId, message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat, from, text, ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command.length }] } : {}) } } as never);
    },
    contact(phone: string) {
      fake.pushUpdate({ update_id: ++updateId, message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat, from, contact: { phone_number: phone, first_name: name, user_id: id } } } as never);
    },
    /** Waits for a newer message with a button labelled `label`, then presses it. */
    async press(label: string) {
      const { c, i } = await waitFor(`"${label}" for ${name}`, () => [...inbox()].reverse().find(({ c, i }) => i >= seen && buttons(c).some((b) => b.text.includes(label))));
      seen = i; // the same message may hold the next button (Arrived, then Done)
      const data = buttons(c).find((b) => b.text.includes(label))!.data;
      fake.pushUpdate({ update_id: ++updateId, callback_query: { id: `cb${updateId}`, from, chat_instance: "e2e", data, message: { message_id: c.result?.message_id ?? c.payload.message_id, date: 0, chat, text: "" } } } as never);
    },
    /** Waits until a message to this person contains `text`. */
    see: (text: string) => waitFor(`"${text}" for ${name}`, () => inbox().find(({ c }) => textOf(c).includes(text))),
  };
}

beforeAll(async () => {
  database = await testDatabase();
  fake = await startFakeTelegram({ botId: 424242, username: "repair_desk_e2e_bot", token: TOKEN, maxPollMs: 300 });
  const db = database.db;
  const property = await makeProperty(db);
  const unit = await makeUnit(db, property.id, "3-1-502");
  const expiresAt = new Date(Date.now() + 86_400_000);
  await db.invite.create({ data: { code: "OWNER-E2E", kind: "owner", propertyId: property.id, unitId: unit.id, expiresAt } });
  await db.invite.create({ data: { code: "TECH-E2E", kind: "staff", role: "technician", propertyId: property.id, expiresAt } });
  child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...process.env, BOT_TOKEN: TOKEN, DATABASE_URL: database.url, TELEGRAM_API_ROOT: fake.apiRoot, ADMIN_TELEGRAM_IDS: "1", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (b) => (output += b));
  child.stderr!.on("data", (b) => (output += b));
  await waitFor("the bot to poll", () => fake.calls.some((c) => c.method === "getUpdates"), 60_000);
}, 90_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill("SIGKILL");
  await fake.close();
  await database.drop();
});

describe("the production process over real HTTP", () => {
  it("runs the first repair loop from report to rating, then shuts down cleanly on SIGTERM", async () => {
    expect(fake.calls.find((c) => c.method === "getMe")).toBeDefined();
    const owner = user(nextTelegramId(), "王阿姨");
    const tech = user(nextTelegramId(), "李师傅");
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
    child.kill("SIGTERM");
    const code = await new Promise<number | null | "hung">((r) => {
      child.once("exit", (c) => r(c));
      setTimeout(() => r("hung"), 15_000);
    });
    expect(code).toBe(0);
    expect(output).toContain("shutting down");
  }, 120_000);
});
