// The database goes away while owners are writing (issue 18, item 6). Long polling writes each batch
// into the inbox before the next getUpdates acknowledges it: while the database is away the batch
// waits and Telegram keeps it, the people waiting are told the truth once (kept, handled when the
// system is back), and the log has one line when the outage starts and one when it ends. Once the
// database is back the update is handled, once; nothing typed is lost.
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { createInbox } from "../../src/server/inbox.ts";
import { startPolling, type Polling } from "../../src/server/polling.ts";
import { buttonsOf, createHarness, textOf, type Harness } from "../helpers/bot-harness.ts";
import { makeOwner, makeProperty, makeUnit } from "../helpers/fixtures.ts";
import { takeDown } from "../helpers/outage.ts";
import { until } from "../helpers/until.ts";

let h: Harness;
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
  await h.close();
});

function recorder() {
  const lines: string[] = [];
  const log = {
    info: (m: string, e?: object) => void lines.push(`info ${m} ${JSON.stringify(e ?? {})}`),
    warn: (m: string, e?: object) => void lines.push(`warn ${m} ${JSON.stringify(e ?? {})}`),
    error: (m: string, e?: object) => void lines.push(`error ${m} ${JSON.stringify(e ?? {})}`),
  };
  return { lines, log };
}

function startBot(log: ReturnType<typeof recorder>["log"]): Polling {
  const inbox = createInbox({ store: h.database.bookkeeping.inbox, handle: (u) => h.bot.handleUpdate(u), clock: h.now, log, sweepMs: 100 });
  inbox.start();
  const polling = startPolling(h.bot, { log, inbox, pollTimeoutS: 1, keptNoticeAfterMs: 300 });
  stop = async () => { await polling.stop(); await inbox.stop(); };
  return polling;
}

describe("the database down while owners write", () => {
  it("keeps the update with Telegram, tells the owner once what is true, logs two lines, then handles it once", async () => {
    h = await createHarness();
    const db = h.database.db;
    const unit = await makeUnit(db, (await makeProperty(db)).id, "3-1-502");
    const row = await makeOwner(db, unit.id, "王阿姨", "zh-CN");
    const o = h.user(Number(row.telegramId), "王阿姨");
    await o.send("/repair");
    await o.press("3-1-502");
    const question = [...o.inbox()].reverse().find((c) => buttonsOf(c).some((b) => b.text.includes("给排水")))!;
    const data = buttonsOf(question).find((b) => b.text.includes("给排水"))!.data;
    const { lines, log } = recorder();
    startBot(log);

    const bringBack = await takeDown(h.database);
    const before = h.fake.sent(o.id).length;
    const callsBefore = h.fake.calls.length;
    const from = { id: o.id, is_bot: false, first_name: "王阿姨", language_code: "zh-hans" };
    const chat = { id: o.id, type: "private" as const, first_name: "王阿姨" };
    const press = h.fake.pushUpdate({ callback_query: { id: "cb-outage", from, chat_instance: "ci", data,
      message: { message_id: question.result!.message_id, date: 0, chat, text: textOf(question) } } } as Omit<Update, "update_id">);
    let told: string[] = [];
    try {
      await until("the owner told the message is kept", () => h.fake.sent(o.id).length > before);
      await new Promise((r) => setTimeout(r, 500)); // more tries fail meanwhile: still one notice, one line
      told = h.fake.sent(o.id).slice(before).map(textOf);
      // not acknowledged: no getUpdates has asked past it while the database was away
      const polls = h.fake.calls.filter((c) => c.method === "getUpdates").map((c) => Number(c.payload?.offset ?? 0));
      expect(polls.every((offset) => offset <= press.update_id)).toBe(true);
    } finally {
      await bringBack();
    }
    expect(told).toEqual([expect.stringContaining("您的消息已收到并保存")]);
    expect(told.join()).not.toContain("没有丢失");
    // the next question comes in the edit that records the answer (or as a message of its own)
    const asking = () => h.fake.calls.slice(callsBefore).filter((c) =>
      /^(send|edit)/.test(c.method) && String(c.payload?.chat_id) === String(o.id) && textOf(c).includes("描述"));
    await until("the press handled", () => asking().length > 0);
    await until("the outage logged as over", () => lines.some((l) => l.includes("outage over")));
    const outage = lines.filter((l) => l.includes("outage"));
    expect(outage).toHaveLength(2);
    expect(outage[0]).toMatch(/^warn inbox: database unreachable .*outage started/);
    expect(outage[1]).toMatch(/^info inbox: database unreachable .*outage over.*"failedTries":\d+/);
    expect(Number(/"failedTries":(\d+)/.exec(outage[1]!)![1])).toBeGreaterThan(1);
    const handled = () => db.inboundUpdate.findMany({ where: { updateId: BigInt(press.update_id) } });
    await until("the press marked handled", async () => (await handled())[0]?.handledAt != null);
    expect(await handled()).toHaveLength(1);
    // once: exactly one next question
    expect(asking()).toHaveLength(1);
  });
});
