// Queries on one transaction client never overlap: Prisma 6.19's query interpreter loads the
// relations of an `include` in parallel, which on PostgreSQL sends several queries to the one
// pg client of an interactive transaction (pg's "client.query() when the client is already
// executing a query" deprecation, an error in pg 9). src/db/client.ts serialises them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reportFault } from "../../src/domain/tickets/report.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { T0, makeSite } from "../helpers/fixtures.ts";

let d: TestDatabase;
const warnings: string[] = [];
const onWarning = (w: Error) => void warnings.push(w.message);
beforeEach(async () => {
  d = await testDatabase();
  warnings.length = 0;
  process.on("warning", onWarning);
});
afterEach(async () => {
  process.off("warning", onWarning);
  await d.drop();
});

describe("transactions", () => {
  it("run an include of several relations inside a transaction without overlapping queries", async () => {
    const site = await makeSite(d.db, 3);
    const filed = await reportFault(d, {
      reporterId: site.owner.id, unitId: site.unit.id, category: "water", description: "厨房水龙头一直滴水", emergency: false,
      access: "home", preferredTime: "asap", phone: "13800138000", photos: [],
    }, T0);
    expect(filed.ok).toBe(true);
    const rows = await d.tx((tx) => tx.ticket.findMany({ include: { property: true, unit: true, reporter: true, offers: true, events: true } }));
    expect(rows[0]).toMatchObject({ property: { code: "BX" }, unit: { room: "301" }, reporter: { name: "王阿姨" } });
    expect(rows[0]!.offers).toHaveLength(3);
    await new Promise((r) => setImmediate(r)); // warnings are emitted on the next tick
    expect(warnings.filter((w) => /already executing a query/.test(w))).toEqual([]);
  });
});
