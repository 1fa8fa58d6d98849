// Fault suite, the database side: a PostgreSQL server that stops for 30 s and starts again while
// an owner is reporting, a technician presses Accept and the outbox sender keeps ticking. Runs on
// the PostgreSQL pass only, on a throwaway server of its own (test/helpers/pg-cluster.ts), so the
// server the other test files share in parallel is never stopped. Afterwards nothing is lost or
// doubled: the fake's chat logs agree with the outbox and the tickets.
import { afterEach, describe, expect, it } from "vitest";
import pg from "pg";
import { createDatabase } from "../../src/db/client.ts";
import { migrate } from "../../src/db/migrate.ts";
import { createHarness, said, repairUpToPhone, textOf, type Harness } from "../helpers/bot-harness.ts";
import { TEST_DB } from "../helpers/db-settings.ts";
import { T0, makeProperty, makeUnit, nextTelegramId } from "../helpers/fixtures.ts";
import { startCluster, type Cluster } from "../helpers/pg-cluster.ts";

const OUTAGE_MS = 30_000;
const TECHS = 2;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let cluster: Cluster | undefined;
let h: Harness | undefined;
afterEach(async () => {
  try {
    await h?.close();
  } finally {
    cluster?.destroy(); // stops the throwaway server if it still runs, and removes it
    cluster = undefined;
    h = undefined;
  }
});

/** The harness on a fresh migrated database of the throwaway server. */
async function harness(c: Cluster): Promise<Harness> {
  const admin = new pg.Client({ connectionString: c.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE rd_fault");
  await admin.end();
  const url = c.url("rd_fault");
  const database = await createDatabase(url);
  await migrate(database);
  // updates wait for the database far longer than the outage; past it they would get "try again"
  return createHarness({ enforce: true, viaInbox: true, database: { ...database, url, drop: database.close }, databasePatience: { patienceMs: 120_000, maxDelayMs: 500 } });
}

describe.runIf(TEST_DB === "postgresql")("PostgreSQL stops and starts", () => {
  it("for 30 s while an owner reports and a technician accepts: nothing lost, nothing twice", async () => {
    cluster = await startCluster();
    const hh = (h = await harness(cluster));
    const db = hh.database.db;
    const property = await makeProperty(db);
    const unit = await makeUnit(db, property.id, "3-1-502");
    const expiresAt = new Date(T0.getTime() + 7 * 86_400_000);
    await db.invite.create({ data: { code: "OWNER-502", kind: "owner", unitId: unit.id, propertyId: property.id, expiresAt } });
    const owner = hh.user(nextTelegramId(), "王阿姨");
    await owner.send("/start OWNER-502");
    const techs = [];
    for (let i = 0; i < TECHS; i++) {
      await db.invite.create({ data: { code: `TECH-${i}`, kind: "staff", role: "technician", skills: "water", propertyId: property.id, expiresAt } });
      const tech = hh.user(nextTelegramId(), `师傅${i}`);
      await tech.send(`/start TECH-${i}`);
      techs.push(tech);
    }
    /** Runs the sender until nothing is queued, moving the clock to the next due row. */
    const drain = async () => {
      for (let i = 0; i < 200; i++) {
        await hh.flush().catch(() => undefined);
        const next = await db.outbox.findFirst({ where: { status: { in: ["pending", "sending"] } }, orderBy: { dueAt: "asc" } });
        if (!next) return;
        hh.setNow(new Date(Math.max(hh.now().getTime() + 1100, next.dueAt.getTime())));
      }
      throw new Error("the outbox did not drain");
    };

    // the first report goes through and its offers reach the technicians
    await repairUpToPhone(owner);
    await owner.contact("+86 138 0013 8000");
    expect(textOf(said(await owner.press("确认提交")))).toContain("BX-20261123-0001");
    await drain();
    // the second report waits at its last two steps
    await repairUpToPhone(owner);

    cluster.stop();
    const down = Date.now();
    let accept: ReturnType<typeof owner.press> | undefined;
    let second: Promise<Awaited<ReturnType<typeof owner.press>>> | undefined;
    try {
      accept = techs[0]!.press("接单"); // the first job, pressed while the database is away
      second = (async () => {
        await owner.contact("+86 138 0013 8000");
        return owner.press("确认提交");
      })();
      // the sender keeps ticking through the outage (each tick fails and is retried)
      while (Date.now() - down < OUTAGE_MS) {
        await hh.flush().catch(() => undefined);
        await wait(1_000);
      }
    } finally {
      cluster.start();
    }
    await accept;
    const confirmed = await second!;
    expect(textOf(said(confirmed))).toContain("BX-20261123-0002");
    await drain();

    // the reports: two tickets, each once, with the owner's answers
    const tickets = await db.ticket.findMany({ orderBy: { id: "asc" } });
    expect(tickets.map((t) => t.number)).toEqual(["BX-20261123-0001", "BX-20261123-0002"]);
    expect(tickets[1]).toMatchObject({ phone: "13800138000", description: "厨房水龙头一直滴水" });
    const receipt = textOf(said(confirmed));
    expect(hh.fake.sent(owner.id).filter((c) => textOf(c) === receipt)).toHaveLength(1);
    // the button press: the first job accepted once, by the technician who pressed
    const first = tickets[0]!;
    const tech0 = await db.person.findFirstOrThrow({ where: { telegramId: BigInt(techs[0]!.id) } });
    expect(first).toMatchObject({ status: "accepted", assigneeId: tech0.id });
    expect(await db.event.count({ where: { ticketId: first.id, action: "accepted" } })).toBe(1);
    expect(hh.fake.sent(owner.id).filter((c) => textOf(c).includes("已为您安排") && textOf(c).includes(first.number))).toHaveLength(1);
    // the notifications: every outbox row sent once, and each chat got exactly those rows
    const rows = await db.outbox.findMany({ orderBy: { id: "asc" } });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.status).toBe("sent");
      const chat = String(row.chatId);
      const sends = hh.fake.calls.filter((c) => c.method.startsWith("send") && c.result && String(c.payload?.chat_id) === chat && c.result.message_id === row.messageId);
      if (row.kind === "send") expect(sends).toHaveLength(1);
    }
    for (const tech of techs) {
      for (const t of tickets) expect(hh.fake.sent(tech.id).filter((c) => textOf(c).includes(`新工单 ${t.number}`)).length).toBeLessThanOrEqual(1);
    }
    const offered = rows.filter((r) => r.key.startsWith("offer-new") && r.kind === "send");
    expect(offered.length).toBeGreaterThanOrEqual(TECHS); // the first job's offers at least
    expect(hh.warnings.filter((w) => w.includes("inbox: database unreachable") && w.includes("outage started"))).toHaveLength(1);
    expect(hh.errors.filter((e) => !/outbox|send/i.test(e))).toEqual([]);
  }, 240_000);
});
