// Idempotent submits (issue 18): the same flow instance (its submitKey) submitted again - one after
// the other or two presses at once - returns what the first made and makes nothing new; two flows
// make two. Settled by the unique key in SQL, on both databases.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fileComplaint } from "../../src/domain/complaints.ts";
import { markChargeable } from "../../src/domain/paid/chargeable.ts";
import { importPrices } from "../../src/domain/paid/prices.ts";
import { createQuote } from "../../src/domain/paid/quotes.ts";
import { acceptJob } from "../../src/domain/tickets/dispatch.ts";
import { registerStaffReport } from "../../src/domain/tickets/intake.ts";
import { reportFault } from "../../src/domain/tickets/report.ts";
import { markArrived, markDone } from "../../src/domain/tickets/work.ts";
import { addMinutes } from "../../src/domain/time.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { T0, makeSite, makeStaff, report, value } from "../helpers/fixtures.ts";

let d: TestDatabase;
beforeEach(async () => { d = await testDatabase(); });
afterEach(async () => { await d.drop(); });

describe("a submit made again by the same flow", () => {
  it("a report: the same ticket, no second dispatch; another flow's report is a second ticket", async () => {
    const s = await makeSite(d.db, 2);
    const input = { ...report(s.owner.id, s.unit.id), submitKey: "70001:100:5" };
    const first = value(await reportFault(d, input, T0));
    const again = value(await reportFault(d, input, addMinutes(T0, 1)));
    expect(again).toMatchObject({ ticketId: first.ticketId, number: first.number, offeredTo: 2, again: true });
    expect(first.again).toBeUndefined();
    expect(await d.db.offer.count()).toBe(2);
    const other = value(await reportFault(d, { ...input, submitKey: "70001:104:9" }, addMinutes(T0, 2)));
    expect(other.number).not.toBe(first.number);
    expect(await d.db.ticket.count()).toBe(2);
  });

  it("two presses at once: one ticket, both told its number", async () => {
    const s = await makeSite(d.db, 1);
    const input = { ...report(s.owner.id, s.unit.id), submitKey: "70001:200:7" };
    const [a, b] = await Promise.all([reportFault(d, input, T0), reportFault(d, input, T0)]);
    expect(value(a).number).toBe(value(b).number);
    expect(await d.db.ticket.count()).toBe(1);
    expect(await d.db.event.count({ where: { action: "reported" } })).toBe(1);
  });

  it("an intake registered by the desk", async () => {
    const s = await makeSite(d.db, 1);
    const desk = await makeStaff(d.db, s.property.id, "desk", "钱客服");
    const input = {
      staffId: desk.id, channel: "phone" as const, unitId: s.unit.id, category: "water", description: "楼上漏水",
      emergency: false, access: "call", preferredTime: "asap", phone: "13800138000", photos: [],
      submitKey: "70002:300:1",
    };
    const first = value(await registerStaffReport(d, input, T0));
    const again = value(await registerStaffReport(d, input, T0));
    expect(again).toMatchObject({ number: first.number, again: true });
    expect(await d.db.ticket.count()).toBe(1);
  });

  it("a complaint", async () => {
    const s = await makeSite(d.db, 1);
    const input = {
      propertyId: s.property.id, complainantId: s.owner.id, description: "保洁态度差", submitKey: "70001:400:3",
    };
    const first = value(await fileComplaint(d, input, T0));
    const again = value(await fileComplaint(d, input, T0));
    const { complaintId, number, answerByLocal } = first;
    expect(again).toMatchObject({ complaintId, number, answerByLocal, again: true });
    expect(await d.db.complaint.count()).toBe(1);
    expect(await d.db.outbox.count({ where: { key: "complaint-new" } })).toBe(0); // no desk on this site
  });

  it("a quote sent again: the same version, not a replacing one", async () => {
    const s = await makeSite(d.db, 1);
    const tech = s.technicians[0]!;
    const boss = await makeStaff(d.db, s.property.id, "supervisor", "赵主管");
    value(await importPrices(d, boss.id, s.property.id, "编号,名称,单位,单价,类别\nA01,更换水龙头,个,35,工时\n", T0));
    const t = value(await reportFault(d, report(s.owner.id, s.unit.id), T0));
    value(await acceptJob(d, tech.id, t.ticketId, T0));
    value(await markChargeable(d.db, tech.id, t.ticketId, "owner_request", T0));
    const first = value(await createQuote(d, tech.id, t.ticketId, "A01 1", T0, "70003:500:2"));
    const again = value(await createQuote(d, tech.id, t.ticketId, "A01 1", T0, "70003:500:2"));
    expect(again).toMatchObject({ quoteId: first.quoteId, version: 1, ownersReached: first.ownersReached });
    expect(again.again).toBe(true);
    expect(await d.db.quote.findMany({ select: { status: true } })).toEqual([{ status: first.status }]);
    const next = value(await createQuote(d, tech.id, t.ticketId, "A01 2", T0, "70003:600:2"));
    expect(next.version).toBe(2);
  });

  it("accept, arrived and done pressed again: what happened, nothing written twice", async () => {
    const s = await makeSite(d.db, 1);
    const tech = s.technicians[0]!;
    const t = value(await reportFault(d, report(s.owner.id, s.unit.id), T0));
    value(await acceptJob(d, tech.id, t.ticketId, T0));
    expect(value(await acceptJob(d, tech.id, t.ticketId, T0))).toMatchObject({ number: t.number, again: true });
    value(await markArrived(d, tech.id, t.ticketId, T0));
    expect(value(await markArrived(d, tech.id, t.ticketId, T0))).toMatchObject({ again: true });
    value(await markDone(d, tech.id, t.ticketId, { note: "" }, T0));
    expect(value(await markDone(d, tech.id, t.ticketId, { note: "" }, T0))).toMatchObject({ again: true });
    for (const action of ["accepted", "arrived", "completed"]) {
      expect(await d.db.event.count({ where: { ticketId: t.ticketId, action } })).toBe(1);
    }
  });
});
