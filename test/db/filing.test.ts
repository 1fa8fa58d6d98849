// The owner's report on the short path (src/db/filing.ts) writes the ticket's rows all or nothing
// (on PostgreSQL one statement, on SQLite one transaction), numbers reports filed at the same moment
// one after the other, and links each offer's message to its own offer.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fileOwnReport } from "../../src/domain/tickets/file-report.ts";
import { offerRef } from "../../src/domain/tickets/offer-notice.ts";
import { ticketNumber } from "../../src/domain/tickets/new-ticket.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { T0, makeSite, report } from "../helpers/fixtures.ts";

let d: TestDatabase;
beforeEach(async () => { d = await testDatabase(); });
afterEach(async () => { await d.drop(); });

type Site = Awaited<ReturnType<typeof makeSite>>;
/** Files an everyday report on the short path (it fails the test when the report would take the long one). */
async function file(s: Site, submitKey: string) {
  const input = { ...report(s.owner.id, s.unit.id), category: "water" as const, unitId: s.unit.id, submitKey };
  const filed = await fileOwnReport(d, input, T0);
  if (filed === null || filed === "FORBIDDEN") throw new Error(`the short path did not file it: ${filed}`);
  return filed;
}

/** Makes the database refuse the offers' messages (a failure of the last rows the filing writes). */
async function refuseOfferMessages(refuse: boolean) {
  const sql = d.provider === "postgresql"
    ? refuse
      ? `ALTER TABLE "Outbox" ADD CONSTRAINT "no_offers" CHECK ("key" NOT LIKE 'offer-%')`
      : `ALTER TABLE "Outbox" DROP CONSTRAINT "no_offers"`
    : refuse
      ? `CREATE TRIGGER "no_offers" BEFORE INSERT ON "Outbox" WHEN NEW."key" LIKE 'offer-%'
         BEGIN SELECT RAISE(ABORT, 'no offers'); END`
      : `DROP TRIGGER "no_offers"`;
  await d.db.$executeRawUnsafe(sql);
}

describe("the short filing path", () => {
  it("writes nothing when its last rows fail: no ticket, no count, no phone, no events, no offers", async () => {
    const s = await makeSite(d.db, 2);
    await refuseOfferMessages(true);
    await expect(file(s, "70001:1:1")).rejects.toThrow();
    expect(await d.db.ticket.count()).toBe(0);
    expect(await d.db.ticketCounter.count()).toBe(0);
    expect(await d.db.event.count()).toBe(0);
    expect(await d.db.offer.count()).toBe(0);
    expect(await d.db.outbox.count()).toBe(0);
    expect((await d.db.person.findUniqueOrThrow({ where: { id: s.owner.id } })).phone).toBeNull();

    await refuseOfferMessages(false);
    const filed = await file(s, "70001:1:1");
    expect(filed.number).toBe("BX-20261123-0001"); // the failed one counted nothing
    expect(await d.db.outbox.count({ where: { key: "offer-new" } })).toBe(2);
    expect((await d.db.person.findUniqueOrThrow({ where: { id: s.owner.id } })).phone).toBe("13800138000");
  });

  it("numbers reports filed at once one after the other, each message naming its own offer", async () => {
    const s = await makeSite(d.db, 3);
    const filed = await Promise.all(Array.from({ length: 8 }, (_, i) => file(s, `70001:${i}:1`)));
    const numbers = Array.from({ length: 8 }, (_, i) => ticketNumber("BX", "20261123", i + 1));
    expect(filed.map((f) => f.number).sort()).toEqual(numbers);
    expect(await d.db.ticketCounter.findMany({ select: { last: true } })).toEqual([{ last: 8 }]);
    for (const f of filed) {
      const ticket = await d.db.ticket.findUniqueOrThrow({
        where: { id: f.ticketId }, include: { offers: true, events: { orderBy: { id: "asc" } } },
      });
      expect(ticket.number).toBe(f.number);
      const events = ticket.events.map((e) => [e.action, JSON.parse(e.data).number]);
      expect(events).toEqual([["reported", f.number], ["offered", undefined]]);
      const sent = await d.db.outbox.findMany({ where: { ref: { in: ticket.offers.map(offerRef) } } });
      expect(sent.map((m) => m.personId).sort()).toEqual(ticket.offers.map((o) => o.technicianId).sort());
      for (const m of sent) {
        const offer = ticket.offers.find((o) => o.technicianId === m.personId)!;
        expect(m.ref).toBe(offerRef(offer));
        expect(JSON.parse(m.params).number).toBe(f.number);
        const buttons = JSON.parse(m.buttons) as { id: number }[][];
        expect(buttons.flat().map((b) => b.id)).toEqual([f.ticketId, f.ticketId]);
      }
    }
    expect(await d.db.outbox.count()).toBe(8 * 3);
  });

  it("pads the day's count to four digits and goes on past 9999 as the long path does", async () => {
    const s = await makeSite(d.db, 1);
    await d.db.ticketCounter.create({ data: { propertyId: s.property.id, day: "20261123", last: 9998 } });
    expect((await file(s, "70001:1:1")).number).toBe("BX-20261123-9999");
    expect((await file(s, "70001:2:1")).number).toBe("BX-20261123-10000");
    expect(ticketNumber("BX", "20261123", 10000)).toBe("BX-20261123-10000");
    expect(ticketNumber("BX", "20261123", 7)).toBe("BX-20261123-0007");
  });
});
