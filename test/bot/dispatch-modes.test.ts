// Dispatch modes per property (/settings): round-robin (the fewest open jobs first, alone for a few
// minutes, then the next; emergencies to everyone), assign (new work waits in the queue while the
// escalation clock runs).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runAssignTimeouts } from "../../src/domain/scheduled/assign-timeouts.ts";
import { runDispatchEscalation } from "../../src/domain/scheduled/dispatch-escalation.ts";
import { acceptJob } from "../../src/domain/tickets/dispatch.ts";
import { createHarness, textOf, type Harness } from "../helpers/bot-harness.ts";
import { nextTelegramId, value } from "../helpers/fixtures.ts";
import { makeDesk, reported, type Desk } from "../jobs/site.ts";

const ADMIN = nextTelegramId();
let h: Harness;
let s: Desk;
beforeEach(async () => {
  h = await createHarness({ adminIds: [ADMIN] });
  s = await makeDesk(h.database, 3);
});
afterEach(async () => { await h.close(); });

const chatOf = (p: { telegramId: bigint | null; name: string }) => h.user(Number(p.telegramId), p.name);
const offersOf = async (ticketId: number) =>
  (await h.database.db.offer.findMany({ where: { ticketId }, orderBy: { id: "asc" } })).map((o) => [o.technicianId, o.status]);

describe("dispatch modes", () => {
  it("round-robin: the technician with the fewest open jobs first, alone, then the next; at the end the supervisor", async () => {
    const admin = h.user(ADMIN, "管理员");
    expect(textOf((await admin.send("/settings BX dispatchMode round_robin")).at(-1))).toContain("round_robin");
    const [t1, t2, t3] = s.technicians.map((t) => t.id) as [number, number, number];
    const busy = await reported(h.database, s, h.now());
    value(await acceptJob(h.database, t1, busy, h.now()));

    const id = await reported(h.database, s, h.now());
    expect(await offersOf(id)).toEqual([[t2, "offered"]]);
    await h.flush();
    expect(chatOf(s.technicians[1]!).lastText()).toContain("仅限您接单，3 分钟内有效");
    expect(chatOf(s.technicians[2]!).inbox().some((c) => textOf(c).includes("BX-20261123-0002"))).toBe(false);

    h.advance(3);
    expect((await runAssignTimeouts(h.database, h.now())).done).toBe(1);
    expect(await offersOf(id)).toEqual([[t2, "withdrawn"], [t3, "offered"]]);
    await h.flush();
    await chatOf(s.technicians[2]!).press("暂不接");
    expect((await runAssignTimeouts(h.database, h.now())).done).toBe(1);
    expect(await offersOf(id)).toEqual([[t2, "withdrawn"], [t3, "declined"], [t1, "offered"]]);
    h.advance(3);
    await runAssignTimeouts(h.database, h.now());
    await h.flush();
    expect(chatOf(s.supervisor).lastText()).toContain("超时未接单，已退回待办");

    const urgent = await reported(h.database, s, h.now(), { emergency: true, description: "水管爆裂" });
    expect((await offersOf(urgent)).map(([tech]) => tech)).toEqual([t1, t2, t3]);
    expect(h.errors).toEqual([]);
  });

  it("assign: new work offers nobody and waits in the queue; the escalation still alerts the supervisor", async () => {
    await h.database.db.property.update({ where: { id: s.property.id }, data: { dispatchMode: "assign" } });
    const id = await reported(h.database, s, h.now());
    expect(await offersOf(id)).toEqual([]);
    const desk = chatOf(s.desk);
    expect(textOf((await desk.send("/queue")).at(-1))).toContain("未接单：1");
    h.advance(6);
    await runDispatchEscalation(h.database, h.now());
    expect(await offersOf(id)).toEqual([]);
    expect(await h.database.db.outbox.count({ where: { personId: s.supervisor.id, key: "dispatch-overdue" } })).toBe(1);
    expect(h.errors).toEqual([]);
  });
});
