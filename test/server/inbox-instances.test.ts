// Two processes on one database share the inbox: an update written by either is handled once, a
// chat's updates one at a time and in order, and the chat's state served with a claim at the write
// is the state the other process left (each "update" here reads the chat's state, appends its id
// and writes it back, as a conversation step does; a stale state would lose an id).
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../src/db/client.ts";
import { chatKeyOf, createInbox, type Inbox } from "../../src/server/inbox.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { until } from "../helpers/until.ts";

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const key = (chat: string) => `conv:${chat}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let d: TestDatabase;
let other: Database | undefined;
let inboxes: Inbox[] = [];
afterEach(async () => {
  for (const i of inboxes) await i.stop();
  inboxes = [];
  await other?.close();
  await d.drop();
});

describe("the inbox shared by two processes", () => {
  it("handles each update once, a chat's in order and never two at once, from the state the other left", async () => {
    d = await testDatabase();
    other = await createDatabase(d.url);
    const handled: { holder: string; chat: string; id: number }[] = [];
    const busy = new Set<string>();
    const overlaps: string[] = [];
    const inboxOn = (database: Database, name: string) => {
      const inbox: Inbox = createInbox({
        store: database.bookkeeping.inbox, clock: () => new Date(), log: quiet, sweepMs: 30, sessionKey: key,
        handle: async (u: Update) => {
          const chat = chatKeyOf(u);
          if (busy.has(chat)) overlaps.push(`${chat}:${u.update_id}`);
          busy.add(chat);
          const state = await database.bookkeeping.readSession(key(chat));
          await sleep(Math.random() * 4);
          await database.bookkeeping.writeSession(key(chat), `${state ?? ""}${u.update_id},`);
          handled.push({ holder: name, chat, id: u.update_id });
          busy.delete(chat);
        },
      });
      inbox.start();
      inboxes.push(inbox);
      return inbox;
    };
    const [a, b] = [inboxOn(d, "a"), inboxOn(other, "b")];
    const CHATS = 8;
    const EACH = 12;
    let id = 1000;
    const ids = new Map<string, number[]>();
    // Telegram hands each update to either process; a chat's updates come one after the other
    await Promise.all(Array.from({ length: CHATS }, async (_, c) => {
      const chat = { id: 7_000_000 + c, type: "private" as const, first_name: "王" };
      for (let k = 0; k < EACH; k++) {
        const u = { update_id: ++id, message: { message_id: k + 1, date: 0, chat, text: "好" } } as Update;
        (ids.get(String(chat.id)) ?? ids.set(String(chat.id), []).get(String(chat.id))!).push(u.update_id);
        await ((k + c) % 2 === 0 ? a : b).accept([u]);
        await sleep(Math.random() * 3);
      }
    }));
    await until("every update handled", () => handled.length >= CHATS * EACH, 20_000);
    await Promise.all([a.idle(), b.idle()]);

    expect(handled).toHaveLength(CHATS * EACH); // once each
    expect(overlaps).toEqual([]);
    for (const [chat, sent] of ids) {
      expect(handled.filter((x) => x.chat === chat).map((x) => x.id)).toEqual(sent); // in order
      expect(await d.bookkeeping.readSession(key(chat))).toBe(sent.map((x) => `${x},`).join("")); // no state lost
    }
    expect(new Set(handled.map((x) => x.holder))).toEqual(new Set(["a", "b"]));
    expect(await d.db.inboundUpdate.count({ where: { handledAt: null } })).toBe(0);
  });
});
