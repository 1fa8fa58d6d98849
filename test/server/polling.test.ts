// Long polling when another process polls with the same token: Telegram answers the loser's
// getUpdates with 409 Conflict. The poller logs one line per streak, retries with a capped backoff,
// never stops, and handles updates again once the other one is gone.
import { afterEach, describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/create-bot.ts";
import { createInbox } from "../../src/server/inbox.ts";
import { startPolling, type PollingOptions, type Polling } from "../../src/server/polling.ts";
import { BOT_INFO, createHarness, TOKEN, type Harness } from "../helpers/bot-harness.ts";
import { nextTelegramId } from "../helpers/fixtures.ts";
import { until } from "../helpers/until.ts";

const CONFLICT = { error_code: 409, description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running" };

let h: Harness;
let polling: Polling | undefined;
let others: Polling[] = [];
afterEach(async () => {
  await polling?.stop();
  for (const p of others) await p.stop();
  others = [];
  await h.close();
});

/** Polling into an inbox of its own over the harness's database, handled by `bot`. */
function poll(bot: Harness["bot"], opts: Omit<PollingOptions, "inbox">): Polling {
  const inbox = createInbox({ store: h.database.bookkeeping.inbox, handle: (u) => bot.handleUpdate(u), clock: h.now, log: opts.log });
  inbox.start();
  const p = startPolling(bot, { ...opts, inbox });
  return { task: p.task, stop: async () => { await p.stop(); await inbox.stop(); } };
}

function recorder() {
  const lines: string[] = [];
  const log = { info: (m: string) => void lines.push(`info ${m}`), warn: (m: string) => void lines.push(`warn ${m}`), error: (m: string) => void lines.push(`error ${m}`) };
  return { lines, log };
}


describe("long polling against a competing instance", () => {
  it("logs one line for a 409 streak, keeps polling, and handles updates after it", async () => {
    h = await createHarness();
    const { lines, log } = recorder();
    polling = poll(h.bot, { log, pollTimeoutS: 1, retryMs: { first: 200, max: 300 } });
    const polls = () => h.fake.calls.filter((c) => c.method === "getUpdates");
    await until("the first poll", () => polls().length > 0);

    // The other instance: its poll ends ours with 409, and its next three polls win again.
    const competitor = await fetch(`${h.fake.apiRoot}/bot${TOKEN}/getUpdates?timeout=0`);
    expect(competitor.status).toBe(200);
    h.fake.failNext("getUpdates", CONFLICT, 3);
    await until("polling again after the conflicts", () => lines.includes("info polling again"));

    const conflicts = polls().filter((c) => c.error?.error_code === 409);
    expect(conflicts.length).toBeGreaterThanOrEqual(4); // the ended poll and the three injected ones
    expect(lines.filter((l) => l.includes("409"))).toHaveLength(1);
    expect(lines.find((l) => l.includes("409"))).toMatch(/^warn another process is polling with this bot token/);

    const id = nextTelegramId();
    const chat = { id, type: "private" as const, first_name: "王" };
    h.fake.pushUpdate({ message: { message_id: 1, date: 0, chat, from: { id, is_bot: false, first_name: "王" }, text: "你好" } });
    await until("the bot to answer", () => h.fake.sent(id).length > 0);
    expect(polling.task()).toBeDefined(); // still running
    await polling.stop();
    polling = undefined;
    expect(lines.filter((l) => l.startsWith("error"))).toEqual([]);
  });

  it("two instances polling with one token take turns: every update handled once, one warning each, none stops", async () => {
    h = await createHarness();
    const [a, b] = [recorder(), recorder()];
    const retryMs = { first: 50, max: 200 };
    others = [
      poll(h.bot, { log: a.log, pollTimeoutS: 1, retryMs }),
      poll(createBot(h.deps, { botInfo: BOT_INFO }), { log: b.log, pollTimeoutS: 1, retryMs }),
    ];
    const chats: number[] = [];
    for (let i = 0; i < 6; i++) {
      const id = nextTelegramId();
      chats.push(id);
      const chat = { id, type: "private" as const, first_name: "李" };
      h.fake.pushUpdate({ message: { message_id: 1, date: 0, chat, from: { id, is_bot: false, first_name: "李" }, text: "你好" } });
      await until(`update ${i} answered`, () => h.fake.sent(id).length > 0);
    }
    await until("both to have polled into a conflict", () => a.lines.length + b.lines.length >= 2);
    expect(chats.map((id) => h.fake.sent(id).length)).toEqual([1, 1, 1, 1, 1, 1]);
    for (const { lines } of [a, b]) {
      expect(lines.filter((l) => l.includes("409")).length).toBeLessThanOrEqual(1);
      expect(lines.filter((l) => l.startsWith("error"))).toEqual([]);
    }
    expect(others.every((p) => p.task() !== undefined)).toBe(true); // both still running
  });
});
