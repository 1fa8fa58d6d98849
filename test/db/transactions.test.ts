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

  it("run their own statements at once, and a statement from outside after the transaction (it is not rolled back with it)", async () => {
    const site = await makeSite(d.db, 0);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let insideWrote = false;
    const inside = d.tx(async (tx) => {
      await tx.person.update({ where: { id: site.owner.id }, data: { name: "里面" } }); // would wait for its own lock if taken for an outsider
      insideWrote = true;
      await gate;
      throw new Error("rolled back");
    }).catch((e: Error) => e.message);
    while (!insideWrote) await new Promise((r) => setTimeout(r, 5));
    // (a Prisma query starts when awaited: then() starts it now, and it is given time to run)
    const outside = d.db.person.update({ where: { id: site.owner.id }, data: { phone: "13900000000" } }).then(() => "written");
    await new Promise((r) => setTimeout(r, 50));
    release();
    expect(await inside).toBe("rolled back");
    expect(await outside).toBe("written");
    expect(await d.db.person.findUniqueOrThrow({ where: { id: site.owner.id } })).toMatchObject({ name: "王阿姨", phone: "13900000000" });
  });
});
