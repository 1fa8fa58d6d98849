// Paid work in the domain, on a real database with a fixed clock: the price list, chargeable,
// quotes with and without a supervisor, the owner's answer, Done refused, fees and totals.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acceptJob } from "../../src/domain/tickets/dispatch.ts";
import { PUBLIC_ACCESS, reportFault } from "../../src/domain/tickets/report.ts";
import { markDone } from "../../src/domain/tickets/work.ts";
import { markChargeable } from "../../src/domain/paid/chargeable.ts";
import { feeList, markFeeReceived, paidWorkTotals } from "../../src/domain/paid/fees.ts";
import { importPrices, listPrices, parsePricesCsv, retirePrice, setPrice } from "../../src/domain/paid/prices.ts";
import { parseQuoteText } from "../../src/domain/paid/quote-lines.ts";
import { createQuote, decideQuote, previewQuote, reviewQuote } from "../../src/domain/paid/quotes.ts";
import { addMinutes } from "../../src/domain/time.ts";
import { propertySettings, updatePropertySetting } from "../../src/domain/properties.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { T0, makeOwner, makeSite, makeStaff, report, value } from "../helpers/fixtures.ts";

let d: TestDatabase;
beforeEach(async () => { d = await testDatabase(); });
afterEach(async () => { await d.drop(); });

const CSV = "\uFEFF编号,名称,单位,单价,类别,English,繁體\nA01,更换水龙头,个,35,工时,Replace tap,更換水龍頭\nM01，PPR水管，米，12.5，材料\nM02,水龙头,个,68.00元,material\nbad,line\nA01,重复,个,1,工时\nX9,坏价格,个,abc,工时\n";

async function paidSite() {
  const s = await makeSite(d.db, 1);
  const tech = s.technicians[0]!;
  const supervisor = await makeStaff(d.db, s.property.id, "supervisor", "赵主管");
  const desk = await makeStaff(d.db, s.property.id, "desk", "小李");
  value(await importPrices(d, supervisor.id, s.property.id, CSV, T0));
  const t = value(await reportFault(d, report(s.owner.id, s.unit.id), T0));
  value(await acceptJob(d, tech.id, t.ticketId, addMinutes(T0, 1)));
  return { ...s, tech, supervisor, desk, ticketId: t.ticketId, number: t.number };
}

describe("price list", () => {
  it("parses a CSV with a BOM, a header, Chinese commas and names bad lines", () => {
    const { items, problems } = parsePricesCsv(CSV);
    expect(items.map((i) => `${i.code}:${i.priceFen}:${i.kind}:${i.nameEn}`)).toEqual(["A01:3500:labour:Replace tap", "M01:1250:material:", "M02:6800:material:"]);
    expect(problems.map((p) => `${p.line}:${p.reason}`)).toEqual(["5:columns", "6:duplicate", "7:price"]);
  });

  it("imports, changes one item and retires one; only supervisors and admins may", async () => {
    const s = await makeSite(d.db, 1);
    const boss = await makeStaff(d.db, s.property.id, "supervisor", "主管");
    expect((await importPrices(d, s.technicians[0]!.id, s.property.id, CSV, T0)).ok).toBe(false);
    expect(value(await importPrices(d, boss.id, s.property.id, CSV, T0))).toMatchObject({ added: 3, changed: 0, unchanged: 0 });
    expect(value(await importPrices(d, boss.id, s.property.id, CSV.replace("35,工时", "40,工时"), T0))).toMatchObject({ added: 0, changed: 1, unchanged: 2 });
    expect(value(await setPrice(d.db, boss.id, s.property.id, "a01", "45.5", T0))).toEqual({ code: "A01", oldFen: 4000, priceFen: 4550 });
    expect((await setPrice(d.db, boss.id, s.property.id, "A01", "4x", T0)).ok).toBe(false);
    value(await retirePrice(d.db, boss.id, s.property.id, "M02", T0));
    expect((await listPrices(d.db, s.property.id)).map((i) => i.code)).toEqual(["A01", "M01"]);
    expect((await retirePrice(d.db, boss.id, s.property.id, "M02", T0)).ok).toBe(false);
  });
});

describe("quotes", () => {
  it("parses quote lines: list price, own price, owner-supplied, off the list, bad lines", () => {
    const list = parsePricesCsv(CSV).items.map((i, n) => ({ ...i, id: n + 1, active: true }));
    const { lines, problems } = parseQuoteText("A01 1\nm01 2.5\nM02 1 自备\n+ 角阀 2 15\nZZ 1\nA01 1 自备\nA01 x\n", list);
    expect(lines.map((l) => [l.code || l.name, l.qtyCenti, l.unitFen, l.amountFen, l.ownerSupplied])).toEqual([
      ["A01", 100, 3500, 3500, false], ["M01", 250, 1250, 3125, false], ["M02", 100, 0, 0, true], ["角阀", 200, 1500, 3000, false],
    ]);
    expect(problems.map((p) => `${p.line}:${p.reason}`)).toEqual(["5:unknown", "6:own", "7:quantity"]);
  });

  it("previews a job not yet paid work with the reason it would be marked for, and marks a job once", async () => {
    const s = await paidSite();
    expect(await previewQuote(d.db, s.desk.id, s.ticketId, "A01 2")).toEqual({ ok: false, error: "NOT_CHARGEABLE" });
    expect(await previewQuote(d.db, s.desk.id, s.ticketId, "A01 2", "because")).toEqual({ ok: false, error: "INVALID_INPUT" });
    expect(value(await previewQuote(d.db, s.desk.id, s.ticketId, "A01 2", "in_home"))).toMatchObject({ totalFen: 7000 });
    expect(await d.db.ticket.findUniqueOrThrow({ where: { id: s.ticketId } })).toMatchObject({ chargeable: false });
    value(await markChargeable(d.db, s.desk.id, s.ticketId, "in_home", T0));
    value(await markChargeable(d.db, s.tech.id, s.ticketId, "owner_damage", T0)); // at the same moment: the first stands
    expect(await d.db.ticket.findUniqueOrThrow({ where: { id: s.ticketId } })).toMatchObject({ chargeReason: "in_home" });
    expect(await d.db.event.count({ where: { ticketId: s.ticketId, action: "marked-chargeable" } })).toBe(1);
    const where = { unitId: null, propertyId: s.property.id, location: "北门", access: PUBLIC_ACCESS };
    const pub = value(await reportFault(d, report(s.owner.id, s.unit.id, where), T0));
    value(await acceptJob(d, s.tech.id, pub.ticketId, T0));
    expect(await previewQuote(d.db, s.desk.id, pub.ticketId, "A01 1", "in_home")).toEqual({ ok: false, error: "FREE_WORK" });
  });

  it("a paid job: chargeable, quote at list prices to the owner, approved, Done, fee recorded and received", async () => {
    const s = await paidSite();
    expect((await createQuote(d, s.tech.id, s.ticketId, "A01 1", T0)).ok).toBe(false); // not chargeable yet
    expect(value(await markChargeable(d.db, s.tech.id, s.ticketId, "beyond_warranty", T0)).number).toBe(s.number);
    const q = value(await createQuote(d, s.tech.id, s.ticketId, "A01 1\nM01 2\nM02 1 自备", T0));
    expect(q).toMatchObject({ version: 1, status: "sent", totalFen: 6000, needsAgreement: false, ownersReached: 1 });
    const row = await d.db.quote.findUniqueOrThrow({ where: { id: q.quoteId }, include: { lines: true } });
    expect(row.totalFen).toBe(row.lines.reduce((a, l) => a + l.amountFen, 0));
    expect(await d.db.outbox.count({ where: { key: "paid-quote-owner" } })).toBe(1);
    expect((await markDone(d, s.tech.id, s.ticketId, { note: "" }, T0)).ok).toBe(false);
    const stranger = await makeOwner(d.db, (await d.db.unit.create({ data: { propertyId: s.property.id, building: "9", entrance: "9", room: "909" } })).id);
    expect(await decideQuote(d, stranger.id, q.quoteId, "cash", "bot", T0)).toEqual({ ok: false, error: "NOT_FOUND" });
    expect(value(await decideQuote(d, s.owner.id, q.quoteId, "transfer", "bot", T0)).decision).toBe("transfer");
    expect((await decideQuote(d, s.owner.id, q.quoteId, "cash", "bot", T0)).ok).toBe(false);
    value(await markDone(d, s.tech.id, s.ticketId, { note: "换好了" }, addMinutes(T0, 30)));
    const fee = await d.db.charge.findFirstOrThrow({ where: { ticketId: s.ticketId } });
    expect(fee).toMatchObject({ amountCents: 6000, status: "unpaid", payMethod: "transfer" });
    expect(await d.db.materialUse.count({ where: { ticketId: s.ticketId } })).toBe(2);
    expect((await markFeeReceived(d.db, s.tech.id, s.number, "R1", T0)).ok).toBe(false);
    expect(value(await markFeeReceived(d.db, s.desk.id, s.number.toLowerCase(), "R-0001", addMinutes(T0, 60))).total).toBe("60.00");
    const list = value(await feeList(d.db, s.desk.id, s.property.id, T0, addMinutes(T0, 24 * 60)));
    expect(list[0]).toMatchObject({ number: s.number, totalFen: 6000, status: "received", receipt: "R-0001", receivedBy: "小李", items: "A01 M01" });
    expect(list[0]!.materials.map((m) => `${m.code}:${m.qtyCenti}:${m.ownerSupplied}`)).toEqual(["M01:200:false", "M02:100:true"]);
    expect(await paidWorkTotals(d.db, s.property.id, T0, addMinutes(T0, 24 * 60))).toMatchObject({
      quotesSent: 1, approved: 1, declined: 0, feesFen: 6000, receivedFen: 6000, outstandingFen: 0,
    });
  });

  it("above the list: a supervisor approves or rejects first; a changed quote after approval needs a new approval", async () => {
    const s = await paidSite();
    value(await markChargeable(d.db, s.tech.id, s.ticketId, "owner_damage", T0));
    const preview = value(await previewQuote(d.db, s.tech.id, s.ticketId, "A01 1 50\n+ 疏通 1 600"));
    expect(preview).toMatchObject({ needsReview: true, needsAgreement: true, totalFen: 65000, agreementFen: 50000 });
    const q1 = value(await createQuote(d, s.tech.id, s.ticketId, "A01 1 50\n+ 疏通 1 600", T0));
    expect(q1.status).toBe("review");
    expect(await d.db.outbox.count({ where: { key: "paid-quote-owner" } })).toBe(0);
    expect((await reviewQuote(d, s.desk.id, q1.quoteId, true, "", T0)).ok).toBe(false);
    expect((await reviewQuote(d, s.supervisor.id, q1.quoteId, false, "", T0)).ok).toBe(false); // a reason is required
    value(await reviewQuote(d, s.supervisor.id, q1.quoteId, false, "疏通价格过高", T0));
    const q2 = value(await createQuote(d, s.tech.id, s.ticketId, "A01 1 50", T0));
    value(await reviewQuote(d, s.supervisor.id, q2.quoteId, true, "", T0));
    value(await decideQuote(d, s.owner.id, q2.quoteId, "cash", "bot", T0));
    const q3 = value(await createQuote(d, s.tech.id, s.ticketId, "A01 2", T0));
    expect(q3).toMatchObject({ version: 3, status: "sent" });
    expect(await decideQuote(d, s.owner.id, q2.quoteId, "cash", "bot", T0)).toEqual({ ok: false, error: "QUOTE_REPLACED" });
    expect((await markDone(d, s.tech.id, s.ticketId, { note: "" }, T0)).ok).toBe(false);
    expect((await d.db.quote.findMany({ where: { ticketId: s.ticketId }, orderBy: { version: "asc" } })).map((q) => q.status)).toEqual(["rejected", "replaced", "sent"]);
    // the desk records an answer given by phone
    expect(value(await decideQuote(d, s.desk.id, q3.quoteId, "bill", "phone", T0)).decision).toBe("bill");
    expect(await d.db.quote.findUniqueOrThrow({ where: { id: q3.quoteId } })).toMatchObject({ decidedById: s.desk.id, decidedVia: "phone" });
  });

  it("a declined quote ends the job without a rating request; public areas stay free; a retired item keeps old prices", async () => {
    const s = await paidSite();
    value(await markChargeable(d.db, s.tech.id, s.ticketId, "in_home", T0));
    const q = value(await createQuote(d, s.tech.id, s.ticketId, "A01 1", T0));
    value(await retirePrice(d.db, s.supervisor.id, s.property.id, "A01", T0));
    value(await decideQuote(d, s.owner.id, q.quoteId, "decline", "bot", T0));
    const t = await d.db.ticket.findUniqueOrThrow({ where: { id: s.ticketId } });
    expect(t.status).toBe("declined");
    expect(await d.db.survey.count({ where: { ticketId: s.ticketId } })).toBe(0);
    expect((await d.db.quoteLine.findFirstOrThrow({ where: { quoteId: q.quoteId } })).unitFen).toBe(3500);
    expect(await d.db.outbox.count({ where: { key: "paid-quote-declined", personId: s.desk.id } })).toBe(1);
    const pub = value(await reportFault(d, report(s.owner.id, s.unit.id, { unitId: null, propertyId: s.property.id, location: "3号楼大堂", access: PUBLIC_ACCESS }), T0));
    value(await acceptJob(d, s.tech.id, pub.ticketId, T0));
    expect(await markChargeable(d.db, s.tech.id, pub.ticketId, "in_home", T0)).toEqual({ ok: false, error: "FREE_WORK" });
  });

  it("the agreement threshold is a property setting, 500 yuan by default", async () => {
    const s = await paidSite();
    const admin = await makeStaff(d.db, s.property.id, "admin", "管理员");
    expect((await propertySettings(d.db, s.property.id))!.agreementYuan).toBe("500");
    value(await markChargeable(d.db, s.tech.id, s.ticketId, "in_home", T0));
    expect(value(await previewQuote(d.db, s.tech.id, s.ticketId, "A01 10")).needsAgreement).toBe(false);
    expect((await updatePropertySetting(d.db, admin.id, s.property.id, "agreementYuan", "0", T0)).ok).toBe(false);
    value(await updatePropertySetting(d.db, admin.id, s.property.id, "agreementYuan", "300", T0));
    expect(value(await previewQuote(d.db, s.tech.id, s.ticketId, "A01 10")).needsAgreement).toBe(true);
    expect(value(await previewQuote(d.db, s.tech.id, s.ticketId, "A01 8")).needsAgreement).toBe(false);
  });
});
