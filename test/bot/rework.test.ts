// Rework: the same home and category within 30 days of a completed job is linked, flagged in the
// queue and on the card, offered first to the technician of the first job, told to the supervisor;
// the desk unlinks and links by hand with a reason.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addMinutes } from "../../src/domain/time.ts";
import { createHarness, textOf, type Harness } from "../helpers/bot-harness.ts";
import { T0 } from "../helpers/fixtures.ts";
import { completed, makeDesk, reported, type Desk } from "../jobs/site.ts";

let h: Harness;
let s: Desk;
beforeEach(async () => {
  h = await createHarness();
  s = await makeDesk(h.database);
});
afterEach(async () => { await h.close(); });

const chatOf = (p: { telegramId: bigint | null; name: string }) => h.user(Number(p.telegramId), p.name);
const ticket = (id: number) => h.database.db.ticket.findUniqueOrThrow({ where: { id } });

describe("rework", () => {
  it("links a repeat within 30 days, offers it to the first technician alone and tells the supervisor", async () => {
    const first = await completed(h.database, s, T0);
    const tenDays = addMinutes(T0, 10 * 1440);
    h.setNow(tenDays);
    const again = await reported(h.database, s, tenDays, { description: "还是漏水" });
    expect((await ticket(again)).reworkOfId).toBe(first);
    const offers = await h.database.db.offer.findMany({ where: { ticketId: again } });
    expect(offers.map((o) => [o.technicianId, o.status])).toEqual([[s.technicians[0]!.id, "offered"]]);
    await h.flush();
    expect(chatOf(s.supervisor).lastText()).toContain("与 30 天内完工的工单 BX-20261123-0001（维修：师傅1）为同一问题");
    const desk = chatOf(s.desk);
    const q = (await desk.send("/queue")).at(-1);
    expect(textOf(q)).toContain("🔁返修");
    await desk.press("BX-20261203-0001");
    expect(desk.lastText()).toContain("返修自：BX-20261123-0001");

    const other = await reported(h.database, s, tenDays, { category: "electricity", description: "插座没电" });
    expect((await ticket(other)).reworkOfId).toBeNull();
    const late = await reported(h.database, s, addMinutes(T0, 31 * 1440));
    expect((await ticket(late)).reworkOfId).toBeNull();
    expect(h.errors).toEqual([]);
  });

  it("in English: the desk unlinks and links by hand, each with a reason", async () => {
    await h.database.db.person.update({ where: { id: s.desk.id }, data: { language: "en" } });
    const first = await completed(h.database, s, T0);
    h.advance(60);
    const again = await reported(h.database, s, h.now());
    const desk = chatOf(s.desk);
    await desk.send("/find 0002");
    await desk.press("BX-20261123-0002");
    await desk.press("Unlink rework");
    await desk.send("Different tap, not the same fault");
    expect(desk.lastText()).toContain("no longer linked");
    expect((await ticket(again)).reworkOfId).toBeNull();
    await desk.send("/find 0002");
    await desk.press("BX-20261123-0002");
    await desk.press("Link as rework");
    await desk.send("BX-20261123-0001 the owner says it is the same leak");
    expect(desk.lastText()).toContain("linked as rework of BX-20261123-0001");
    expect((await ticket(again)).reworkOfId).toBe(first);
    const events = await h.database.db.event.findMany({ where: { ticketId: again, actorId: s.desk.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, JSON.parse(e.data).reason])).toEqual([
      ["rework-unlinked", "Different tap, not the same fault"], ["rework-linked", "the owner says it is the same leak"],
    ]);
    expect(h.errors).toEqual([]);
  });
});
