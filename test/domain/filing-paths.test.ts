// The two paths that file an owner's report (the short one of src/db/filing.ts, createTicket's long
// one) must make the same rows: the same report filed once on each, the ticket, its photos, its
// events, its offers and the offers' messages are compared, all but ids and the ticket number.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fileOwnReport } from "../../src/domain/tickets/file-report.ts";
import { offerRef } from "../../src/domain/tickets/offer-notice.ts";
import { fileReport } from "../../src/domain/tickets/report.ts";
import { addMinutes } from "../../src/domain/time.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { T0, makeSite, report, value } from "../helpers/fixtures.ts";

let d: TestDatabase;
beforeEach(async () => { d = await testDatabase(); });
afterEach(async () => { await d.drop(); });

type Row = Record<string, unknown>;
/** What a ticket's filing wrote, with its ids and number replaced by what they stand for. */
async function written(ticketId: number) {
  const t = await d.db.ticket.findUniqueOrThrow({ where: { id: ticketId } });
  const offers = await d.db.offer.findMany({ where: { ticketId }, orderBy: { technicianId: "asc" } });
  const refs = new Map(offers.map((o) => [offerRef(o), `offer:<technician ${o.technicianId}>:${o.round}`]));
  const ours = (s: string) => s.replaceAll(t.number, "<number>").replaceAll(`"id":${ticketId}`, `"id":"<ticket>"`);
  const sent = await d.db.outbox.findMany({ where: { ref: { in: [...refs.keys()] } }, orderBy: { personId: "asc" } });
  const messages = sent.map(({ id, ref, params, buttons, ...m }) =>
    ({ ...m, ref: refs.get(ref!), params: ours(params), buttons: ours(buttons) }));
  const events = (await d.db.event.findMany({ where: { ticketId }, orderBy: { id: "asc" } }))
    .map(({ id, ticketId: _, data, ...e }) => ({ ...e, data: ours(data) }));
  const photos = (await d.db.ticketPhoto.findMany({ where: { ticketId }, orderBy: { id: "asc" } }))
    .map(({ id, ticketId: _, ...p }) => p);
  const { id, number, submitKey, updatedAt, ...ticket } = t as typeof t & Row;
  return {
    ticket, submitKey, photos, events, messages,
    offers: offers.map(({ id, ticketId: _, ...o }) => o),
    reporterPhone: (await d.db.person.findUniqueOrThrow({ where: { id: t.reporterId } })).phone,
  };
}

const cases: [string, Record<string, unknown>, number][] = [
  ["an everyday report with photos and a place in the home", { photos: ["p-1", "p-2"], location: "  厨房水槽下  " }, 0],
  ["an emergency in office hours", { emergency: true, preferredTime: "tomorrow_pm", description: "厨房水管爆裂" }, 0],
  ["a booked window, late in the afternoon", { preferredTime: "tomorrow_am", access: "key" }, 6 * 60],
  ["a typed time that can be read", { preferredTime: "明天 9 点" }, 0],
];

describe("the short and the long filing path", () => {
  it.each(cases)("make the same rows: %s", async (_, over, later) => {
    const s = await makeSite(d.db, 3);
    const now = addMinutes(T0, later);
    const input = (submitKey: string) => ({ ...report(s.owner.id, s.unit.id, over), submitKey });
    // the short path (null would mean it passed the report on to the long one)
    const short = await fileOwnReport(d, { ...input("70001:1:1"), category: "water", unitId: s.unit.id }, now);
    if (short === null || short === "FORBIDDEN") throw new Error(`the short path did not file it: ${short}`);
    await d.db.person.update({ where: { id: s.owner.id }, data: { phone: null } }); // each path keeps the phone
    const long = value(await fileReport(d, input("70001:2:1"), s.property.id, now));

    const [a, b] = [await written(short.ticketId), await written(long.ticketId)];
    expect([a.submitKey, b.submitKey]).toEqual(["70001:1:1", "70001:2:1"]);
    expect(a.ticket).toEqual(b.ticket);
    expect(a.events).toEqual(b.events);
    expect(a.offers).toEqual(b.offers);
    expect(a.messages).toEqual(b.messages);
    expect(a.photos).toEqual(b.photos);
    expect(a.reporterPhone).toBe(b.reporterPhone);
    // what was compared is there
    expect(a.messages).toHaveLength(3);
    expect(a.events.map((e) => e.action)).toEqual(["reported", "offered"]);
    expect({ ...short, ticketId: 0, number: "" }).toEqual({ ...long, ticketId: 0, number: "" });
  });
});
