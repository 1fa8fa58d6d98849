// Telegram may deliver an update twice (same update_id): the inbox takes it once. Ids are kept for a
// bounded window only, so when Telegram's numbering starts over (another token on the same
// database, or a reset after a quiet week) the new updates are served, and the jump back is logged.
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/bot-harness.ts";
import { nextTelegramId } from "../helpers/fixtures.ts";
import { pruneInbox, UPDATE_WINDOW_MS } from "../../src/db/bookkeeping.ts";
import { createInbox, type Inbox } from "../../src/server/inbox.ts";

let h: Harness;
let inbox: Inbox;
beforeEach(async () => {
  h = await createHarness();
  inbox = createInbox({ store: h.database.bookkeeping.inbox, handle: (u) => h.bot.handleUpdate(u), clock: h.now, log: h.deps.log });
  inbox.start();
});
afterEach(async () => {
  await inbox.stop();
  await h.close();
});

/** `/help` from one user, with a given update_id, through the inbox; returns the texts the bot sent. */
function helpAs(userId: number) {
  const chat = { id: userId, type: "private" as const, first_name: "张" };
  const from = { id: userId, is_bot: false, first_name: "张", language_code: "zh-hans" };
  let messageId = 1;
  return async (updateId: number) => {
    const before = h.fake.calls.length;
    await inbox.accept([{
      update_id: updateId,
      message: { message_id: messageId++, date: 0, chat, from, text: "/help", entities: [{ type: "bot_command", offset: 0, length: 5 }] },
    } as Update]);
    await inbox.idle();
    return h.fake.calls.slice(before).filter((c) => c.method === "sendMessage").length;
  };
}

describe("update dedupe", () => {
  it("handles a redelivered update once", async () => {
    const help = helpAs(nextTelegramId());
    expect(await help(5000)).toBe(1);
    expect(await help(5000)).toBe(0);
    h.advance(23 * 60); // still within the window
    expect(await help(5000)).toBe(0);
    expect(h.errors).toEqual([]);
  });

  it("serves ids seen before the window again, and logs the jump back once", async () => {
    const help = helpAs(nextTelegramId());
    for (const id of [5000, 5001, 5002]) expect(await help(id)).toBe(1);
    h.advance(UPDATE_WINDOW_MS / 60_000 + 1);
    // Telegram starts numbering again: the old ids are below the last one seen, and some reused
    for (const id of [12, 13, 5000, 5001]) expect(await help(id)).toBe(1);
    expect(h.warnings.filter((w) => w.includes("update ids went back"))).toHaveLength(1);
    expect(await help(13)).toBe(0); // seen within the window: a duplicate again
    expect(h.errors).toEqual([]);
  });

  it("prunes handled updates older than the window", async () => {
    const help = helpAs(nextTelegramId());
    await help(7000);
    h.advance(60);
    await help(7001);
    const pruned = await pruneInbox(h.database, new Date(h.now().getTime() - 30 * 60_000));
    expect(pruned).toBe(1);
    const left = await h.database.db.inboundUpdate.findMany({ select: { updateId: true } });
    expect(left.map((r) => Number(r.updateId))).toEqual([7001]);
  });
});
