// Long polling when another process polls with the same token: Telegram answers the loser's
// getUpdates with 409 Conflict. The poller logs one line per streak, retries with a capped backoff,
// never stops, and handles updates again once the other one is gone.
import { afterEach, describe, expect, it } from "vitest";
import { startPolling, type Polling } from "../../src/server/polling.ts";
import { createHarness, TOKEN, type Harness } from "../helpers/bot-harness.ts";
import { nextTelegramId } from "../helpers/fixtures.ts";

const CONFLICT = { error_code: 409, description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running" };

let h: Harness;
let polling: Polling | undefined;
afterEach(async () => {
  await polling?.stop();
  await h.close();
});

async function until(what: string, ok: () => boolean) {
  for (let i = 0; !ok(); i++) {
    if (i > 400) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("long polling against a competing instance", () => {
  it("logs one line for a 409 streak, keeps polling, and handles updates after it", async () => {
    h = await createHarness();
    const lines: string[] = [];
    const log = { info: (m: string) => void lines.push(`info ${m}`), warn: (m: string) => void lines.push(`warn ${m}`), error: (m: string) => void lines.push(`error ${m}`) };
    polling = startPolling(h.bot, { log, pollTimeoutS: 1, retryMs: { first: 200, max: 300 } });
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
});
