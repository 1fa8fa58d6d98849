// The inbox's bookkeeping (src/db/bookkeeping.ts): a chat's conversation state written while its
// update is in hand moves on together with the update marked handled, never without it.
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqlite, type AcceptClaim } from "../../src/db/bookkeeping.ts";
import { sqlitePath } from "../../src/db/client.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { T0 } from "../helpers/fixtures.ts";

let d: TestDatabase;
beforeEach(async () => { d = await testDatabase({ countStatements: true }); });
afterEach(async () => { await d.drop(); });

const claim: AcceptClaim = { holder: "me", until: new Date(T0.getTime() + 60_000), sessionKey: (chat) => `conv:${chat}` };
const row = (updateId: number) => ({ updateId, chatKey: "42", raw: JSON.stringify({ update_id: updateId }) });
const stored = async () => (await d.db.session.findUnique({ where: { key: "conv:42" } }))?.value;
const handled = async (updateId: number) => (await d.db.inboundUpdate.findUniqueOrThrow({ where: { updateId } })).handledAt !== null;

describe("the state written while an update is in hand", () => {
  it("is written with the update marked handled, and read back meanwhile as written", async () => {
    const b = d.bookkeeping;
    await b.writeSession("conv:42", "step 1");
    expect(await b.inbox.accept([row(1)], T0, claim)).toEqual([{ updateId: 1, claimed: true }]);
    expect(await b.readSession("conv:42")).toBe("step 1"); // read with the claim
    await b.writeSession("conv:42", "step 2");
    expect(await stored()).toBe("step 1"); // held until the update is handled
    expect(await b.readSession("conv:42")).toBe("step 2");
    const before = b.statements();
    await b.inbox.done(1, T0);
    // one statement on PostgreSQL; the write and the mark in one transaction on SQLite
    expect(b.statements() - before).toBe(d.provider === "postgresql" ? 1 : 2);
    expect(await stored()).toBe("step 2");
    expect(await handled(1)).toBe(true);

    // a flow that ends deletes its state: also with the update
    await b.inbox.accept([row(2)], T0, claim);
    await b.deleteSession("conv:42");
    expect(await stored()).toBe("step 2");
    await b.inbox.done(2, T0);
    expect(await stored()).toBeUndefined();
  });

  it("is dropped when the update is given back unhandled: handled again, it starts from the state before it", async () => {
    const b = d.bookkeeping;
    await b.writeSession("conv:42", "step 1");
    await b.inbox.accept([row(1)], T0, claim);
    await b.writeSession("conv:42", "step 2");
    await b.inbox.release("42", "me"); // the database went away in the middle
    expect(await stored()).toBe("step 1");
    expect(await handled(1)).toBe(false);
    const again = await b.inbox.claim("42", "other", new Date(T0.getTime() + 60_000), T0);
    expect(again.map((r) => r.updateId)).toEqual([1]);
    expect(await b.readSession("conv:42")).toBe("step 1");
  });

  it("of another key, or with no update in hand, is written at once", async () => {
    const b = d.bookkeeping;
    await b.inbox.accept([row(1)], T0, claim);
    await b.writeSession("conv:7", "elsewhere");
    expect((await d.db.session.findUnique({ where: { key: "conv:7" } }))?.value).toBe("elsewhere");
    await b.inbox.done(1, T0);
    await b.writeSession("conv:42", "after");
    expect(await stored()).toBe("after");
  });

  it("is still written when marking the update handled failed once and is tried again (as the inbox does)", async () => {
    const b = d.bookkeeping;
    await b.inbox.accept([row(1)], T0, claim);
    await b.writeSession("conv:42", "step 1");
    await failingOnce(() => b.inbox.done(1, T0));
    await b.inbox.done(1, T0); // the inbox's markDone tries again
    expect(await stored()).toBe("step 1");
    expect(await handled(1)).toBe(true);
  });
});

/**
 * Runs `done` while another connection holds the table: on SQLite it gives up on the busy lock; on
 * PostgreSQL it waits, and its connection is cut. Expects it to have failed.
 */
async function failingOnce(done: () => Promise<void>) {
  if (d.provider === "sqlite") {
    const other = openSqlite(sqlitePath(d.url));
    other.exec("BEGIN IMMEDIATE");
    try {
      await expect(done()).rejects.toThrow(/locked|busy/i);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    return;
  }
  const other = new pg.Client({ connectionString: d.url });
  await other.connect();
  try {
    await other.query(`BEGIN; LOCK TABLE "InboundUpdate" IN ACCESS EXCLUSIVE MODE`);
    const failed = expect(done()).rejects.toThrow();
    for (;;) {
      const { rows } = await other.query(`SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`);
      if (rows.length > 0) {
        await other.query("SELECT pg_terminate_backend($1)", [rows[0].pid]);
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    await failed;
    await other.query("ROLLBACK");
  } finally {
    await other.end();
  }
}
