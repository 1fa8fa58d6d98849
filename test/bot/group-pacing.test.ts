// A group takes 20 messages a minute (issue 21): the fake answers 429 past that, and the outbox
// sender paces a group's posts so that a burst of jobs never meets it.
import { Api, GrammyError } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOutboxSender } from "../../src/bot/outbox-sender.ts";
import { startFakeTelegram, type FakeTelegram } from "../../src/fake-bot-api/server.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { T0 } from "../helpers/fixtures.ts";

const TOKEN = "123456:TEST-token-for-the-fake-bot-api";
const GROUP = -1009876543210;
let fake: FakeTelegram;
let d: TestDatabase;
let now = T0.getTime();
beforeEach(async () => {
  now = T0.getTime();
  fake = await startFakeTelegram({ botId: 1, username: "b", now: () => new Date(now), limits: { clock: () => now } });
  fake.addGroup({ id: GROUP, title: "维修群", members: [1, 2] });
  d = await testDatabase();
});
afterEach(async () => { await fake.close(); await d.drop(); });

describe("a group's 20 messages a minute", () => {
  it("the fake answers the 21st message of a minute with 429 and retry_after; a supergroup is one", async () => {
    const api = new Api(TOKEN, { apiRoot: fake.apiRoot });
    expect((await api.getChat(GROUP)).type).toBe("supergroup");
    expect((await api.getChatMember(GROUP, 2)).status).toBe("member");
    for (let i = 0; i < 20; i++) {
      await api.sendMessage(GROUP, `post ${i}`);
      now += 1500;
    }
    const refused = await api.sendMessage(GROUP, "one too many").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GrammyError);
    expect((refused as GrammyError).error_code).toBe(429);
    expect((refused as GrammyError).parameters.retry_after).toBeGreaterThan(0);
  });

  it("the sender paces 25 posts to one group without a 429 (at most 20 in any minute)", async () => {
    const rows = Array.from({ length: 25 }, (_, i) => ({
      chatId: BigInt(GROUP), key: "error-generic", ref: `group:${i + 1}`, dueAt: new Date(now), createdAt: new Date(now),
    }));
    await d.db.outbox.createMany({ data: rows });
    const sender = createOutboxSender({ db: d.db, api: new Api(TOKEN, { apiRoot: fake.apiRoot }), clock: () => new Date(now), leaseMs: false });
    for (let i = 0; i < 200 && (await d.db.outbox.count({ where: { status: "pending" } })) > 0; i++) {
      await sender.tick();
      now += 500;
    }
    expect(fake.floods()).toEqual([]);
    const sent = fake.sent(GROUP).map((c) => c.result.date as number);
    expect(sent).toHaveLength(25);
    for (let i = 20; i < sent.length; i++) expect(sent[i]! - sent[i - 20]!).toBeGreaterThanOrEqual(60);
  });
});
