// Telegram unreachable at start-up (issue 18, item 8): the bot's own retry loop for getMe and
// setMyCommands logs one line per try, waits at most 60 s between tries (grammY 1.38.4's own loop
// waited 0, 100, 300, 700 s and said nothing), starts once Telegram is back, and SIGTERM during the
// wait exits 0. The loop itself with an injected sleep: the waits double up to the cap.
import { GrammyError } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTelegram, type FakeTelegram } from "../../src/fake-bot-api/server.ts";
import { RETRY_CAP_MS, retryUntilUp } from "../../src/server/start-up.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { botEnv, buildMain, killHard, startProcess, terminate, type BotProcess } from "../helpers/process.ts";
import { until } from "../helpers/until.ts";

const TOKEN = "424277:START-token-for-the-fake-bot-api123";
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe("the start-up retry loop", () => {
  it("waits 1, 2, 4 … s between tries, never more than 60 s, and honours retry_after within the cap", async () => {
    const waits: number[] = [];
    let calls = 0;
    const lines: string[] = [];
    const log = { ...quiet, warn: (m: string) => void lines.push(m) };
    const value = await retryUntilUp("getMe", async () => {
      if (++calls < 12) throw new Error("connect ECONNREFUSED");
      return "up";
    }, { log, sleep: async (ms) => void waits.push(ms) });
    expect(value).toBe("up");
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60].map((s) => s * 1000));
    expect(lines).toHaveLength(11); // one line per failed try
    expect(lines[0]).toBe("start-up: getMe failed, trying again");

    const flood = new GrammyError("flood", { ok: false, error_code: 429, description: "Too Many Requests", parameters: { retry_after: 3600 } }, "getMe", {});
    const floodWaits: number[] = [];
    let n = 0;
    await retryUntilUp("getMe", async () => { if (n++ === 0) throw flood; }, { log: quiet, sleep: async (ms) => void floodWaits.push(ms) });
    expect(floodWaits).toEqual([RETRY_CAP_MS]);
  });

  it("stops waiting when aborted, and gives up at once on a refused token", async () => {
    const abort = new AbortController();
    const result = retryUntilUp("getMe", () => Promise.reject(new Error("down")), { log: quiet, signal: abort.signal, firstMs: 3_600_000 });
    abort.abort();
    expect(await result).toBeUndefined();
    const refused = new GrammyError("no", { ok: false, error_code: 401, description: "Unauthorized" }, "getMe", {});
    await expect(retryUntilUp("getMe", () => Promise.reject(refused), { log: quiet })).rejects.toBe(refused);
  });
});

describe("the bot process with Telegram unreachable at start", () => {
  let fake: FakeTelegram;
  let database: TestDatabase;
  const children: BotProcess[] = [];
  beforeAll(async () => {
    database = await testDatabase();
    fake = await startFakeTelegram({ botId: 424277, username: "repair_desk_start_bot", token: TOKEN, maxPollMs: 300 });
    buildMain();
  }, 120_000);
  afterAll(async () => {
    for (const c of children) await killHard(c);
    await fake.close();
    await database.drop();
  });

  function start() {
    const bot = startProcess(botEnv(TOKEN, fake, database));
    children.push(bot);
    return bot;
  }
  const tries = (text: string) => text.split("\n").filter((l) => l.includes("start-up: getMe failed"));

  it("logs each try and starts once Telegram is back", async () => {
    fake.goDown(3_600_000, "reset");
    const bot = start();
    await until("two logged tries", () => tries(bot.output()).length >= 2, 30_000);
    for (const line of tries(bot.output())) expect(JSON.parse(line).retryInS).toBeLessThanOrEqual(60);
    fake.goDown(0);
    await until("the bot started", () => bot.output().includes("bot started"), 30_000);
    expect(fake.calls.some((c) => c.method === "getMe" && !c.error)).toBe(true);
    expect(await terminate(bot)).toBe(0);
  }, 90_000);

  it("exits 0 on SIGTERM while waiting for Telegram", async () => {
    fake.goDown(3_600_000, "reset");
    const bot = start();
    await until("a logged try", () => tries(bot.output()).length >= 1, 30_000);
    expect(await terminate(bot)).toBe(0);
    expect(bot.output()).toContain('"msg":"stopped"');
    fake.goDown(0);
  }, 60_000);
});
