// The nightly prune: bookkeeping past the retention goes, events (the audit trail) stay.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runPrune } from "../../src/domain/scheduled/prune.ts";
import { pruneJob } from "../../src/jobs/prune.ts";
import { JOBS } from "../../src/jobs/index.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { T0, makePerson } from "../helpers/fixtures.ts";

let d: TestDatabase;
beforeEach(async () => { d = await testDatabase(); });
afterEach(async () => { await d.drop(); });

const DAY = 86_400_000;
const ago = (days: number) => new Date(T0.getTime() - days * DAY);

describe("prune", () => {
  it("removes old handled updates, sent/dead notifications and stale conversation state; keeps events and live rows", async () => {
    const db = d.db;
    const p = await makePerson(db, "王阿姨");
    const update = (updateId: bigint, days: number, handled = true) =>
      ({ updateId, chatKey: "1", raw: "{}", receivedAt: ago(days), handledAt: handled ? ago(days) : null });
    await db.inboundUpdate.createMany({ data: [update(1n, 2), update(2n, 0.5), update(3n, 3, false)] });
    const row = (status: string, days: number) => ({ chatId: p.telegramId!, personId: p.id, key: "k", status, dueAt: ago(days), createdAt: ago(days) });
    await db.outbox.createMany({ data: [row("sent", 31), row("dead", 40), row("pending", 40), row("sent", 29)] });
    await db.session.create({ data: { key: "conv:old", value: "{}", updatedAt: ago(31) } });
    await db.session.create({ data: { key: "conv:live", value: "{}", updatedAt: ago(0.01) } });
    await db.$executeRawUnsafe(`INSERT INTO "Session" ("key", "value") VALUES ('conv:before-the-column', '{}')`);
    await db.event.create({ data: { action: "ticket.created", at: ago(400) } });

    const report = await runPrune(d, T0, { retentionDays: 30 });
    expect(report).toMatchObject({ job: "prune", done: 4, failed: 0 });
    // handled updates past the dedupe window go; one never handled stays
    expect((await db.inboundUpdate.findMany({ orderBy: { updateId: "asc" } })).map((u) => u.updateId)).toEqual([2n, 3n]);
    expect((await db.outbox.findMany({ orderBy: { id: "asc" } })).map((r) => r.status)).toEqual(["pending", "sent"]);
    expect((await db.session.findMany({ orderBy: { id: "asc" } })).map((s) => s.key)).toEqual(["conv:live", "conv:before-the-column"]);
    expect(await db.event.count()).toBe(1);
    // Safe twice; a session from before the column goes one retention later.
    expect(await runPrune(d, T0, { retentionDays: 30 })).toMatchObject({ done: 0 });
    expect(await runPrune(d, new Date(T0.getTime() + 31 * DAY), { retentionDays: 30 })).toMatchObject({ done: 4 });
    expect(await db.session.count()).toBe(0);
    expect(await db.event.count()).toBe(1);
  });

  it("runs nightly among the jobs", () => {
    expect(JOBS).toContain(pruneJob);
    expect(pruneJob.cron).toBe("0 30 3 * * *");
  });
});
