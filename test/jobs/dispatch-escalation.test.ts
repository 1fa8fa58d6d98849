import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_REOFFERS, runDispatchEscalation } from "../../src/domain/scheduled/dispatch-escalation.ts";
import { acceptJob } from "../../src/domain/tickets/dispatch.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { makeOwner, makeStaff, makeUnit } from "../helpers/fixtures.ts";
import { captureLog, count, makeDesk, min, poisonedSite, reported, sent, sh, T0, value, type Desk } from "./site.ts";

let d: TestDatabase;
let s: Desk;
beforeEach(async () => {
  d = await testDatabase();
  s = await makeDesk(d);
});
afterEach(async () => { await d.drop(); });

const ticket = (id: number) => d.db.ticket.findUniqueOrThrow({ where: { id } });
const offersSent = (key = "offer-new") => count(d, key);

describe("dispatch escalation", () => {
  it("re-offers a general job still open after 5 minutes and alerts the on-duty supervisor", async () => {
    const id = await reported(d, s, T0);
    expect(await offersSent()).toBe(2);
    await runDispatchEscalation(d, min(T0, 4));
    expect(await offersSent()).toBe(2);

    const r = await runDispatchEscalation(d, min(T0, 5));
    expect(r).toMatchObject({ due: 1, done: 1 });
    expect(await offersSent()).toBe(2); // never a second identical "new job"…
    expect(await offersSent("offer-reminder")).toBe(2); // …but one reminder that says it is one
    const [alert] = await sent(d, "dispatch-overdue", s.supervisor.id);
    expect(JSON.parse(alert!.params)).toMatchObject({ number: "BX-20261123-0001", minutes: 5, round: 1, offered: 2, emergency: "no" });
    expect(await count(d, "dispatch-overdue", s.control.id)).toBe(0); // daytime
    expect(await ticket(id)).toMatchObject({ dispatchLevel: 1, dispatchDueAt: min(T0, 10) });
    expect((await d.db.offer.findMany({ where: { ticketId: id } })).map((o) => o.round)).toEqual([1, 1]);

    await runDispatchEscalation(d, min(T0, 6));
    expect(await count(d, "dispatch-overdue")).toBe(1);
  });

  it("counts only the technicians who can be reached in the escalation", async () => {
    await d.db.person.update({ where: { id: s.technicians[0]!.id }, data: { telegramId: null } });
    await reported(d, s, T0);
    await runDispatchEscalation(d, min(T0, 5));
    const [alert] = await sent(d, "dispatch-overdue", s.supervisor.id);
    expect(JSON.parse(alert!.params)).toMatchObject({ offered: 1 });
  });

  it("escalates an emergency after 2 minutes", async () => {
    const id = await reported(d, s, T0, { emergency: true, category: "water", description: "水管爆裂" });
    await runDispatchEscalation(d, min(T0, 1));
    expect(await count(d, "dispatch-overdue")).toBe(0);
    await runDispatchEscalation(d, min(T0, 2));
    expect(await count(d, "dispatch-overdue", s.supervisor.id)).toBe(1);
    expect(await offersSent("offer-new-emergency")).toBe(2);
    expect(await offersSent("offer-reminder")).toBe(2);
    expect((await ticket(id)).dispatchDueAt).toEqual(min(T0, 4));
  });

  it("at night sends an emergency to the control room as well", async () => {
    const night = sh("2026-11-23T23:10:00");
    await reported(d, s, night, { emergency: true, description: "停电了" });
    await runDispatchEscalation(d, min(night, 2));
    expect(await count(d, "dispatch-overdue", s.supervisor.id)).toBe(1);
    expect(await count(d, "dispatch-overdue", s.control.id)).toBe(1);
  });

  it("holds a general job reported at night until office hours", async () => {
    const night = sh("2026-11-23T22:00:00");
    const id = await reported(d, s, night);
    const r = await runDispatchEscalation(d, min(night, 5));
    expect(r).toMatchObject({ held: 1, done: 0 });
    expect(await count(d, "dispatch-overdue")).toBe(0);
    expect(await ticket(id)).toMatchObject({ dispatchLevel: 0, dispatchDueAt: sh("2026-11-24T08:00:00") });
    await runDispatchEscalation(d, sh("2026-11-24T08:00:00"));
    expect(await count(d, "dispatch-overdue", s.supervisor.id)).toBe(1);
  });

  it("stops re-offering after a bounded number of rounds, with a last alert", async () => {
    const id = await reported(d, s, T0);
    for (let round = 1; round <= MAX_REOFFERS + 2; round++) await runDispatchEscalation(d, min(T0, 5 * round));
    expect(await count(d, "dispatch-overdue")).toBe(MAX_REOFFERS);
    expect(await count(d, "dispatch-unassigned", s.supervisor.id)).toBe(1);
    expect(await offersSent()).toBe(2);
    expect(await offersSent("offer-reminder")).toBe(2); // one reminder each, not one a round
    expect(await ticket(id)).toMatchObject({ dispatchLevel: MAX_REOFFERS + 1, dispatchDueAt: null });
  });

  it("stops once a technician accepts, and prefers supervisors on duty", async () => {
    const off = s.supervisor;
    await d.db.person.update({ where: { id: off.id }, data: { onDuty: false } });
    const onDuty = await makeStaff(d.db, s.property.id, "supervisor", "周主管");
    const id = await reported(d, s, T0);
    await runDispatchEscalation(d, min(T0, 5));
    expect(await count(d, "dispatch-overdue", onDuty.id)).toBe(1);
    expect(await count(d, "dispatch-overdue", off.id)).toBe(0);
    value(await acceptJob(d, s.technicians[1]!.id, id, min(T0, 7)));
    await runDispatchEscalation(d, min(T0, 30));
    expect(await count(d, "dispatch-overdue")).toBe(1);
  });

  it("escalates the tickets of several properties and rounds in one tick, each to its own technicians and supervisors", async () => {
    const zz = await d.db.property.create({ data: { code: "ZZ", name: "ZZ Court", timezone: "Asia/Shanghai" } });
    const zUnit = await makeUnit(d.db, zz.id);
    const z = { ...s, property: zz, unit: zUnit, owner: await makeOwner(d.db, zUnit.id, "李先生") };
    const zTech = await makeStaff(d.db, zz.id, "technician", "师傅Z");
    const zBoss = await makeStaff(d.db, zz.id, "supervisor", "吴主管");
    const first = await reported(d, s, T0);
    await runDispatchEscalation(d, min(T0, 5)); // first: round 1, both technicians reminded once
    const second = await reported(d, s, min(T0, 5));
    const other = await reported(d, z, min(T0, 5));
    const newcomer = await makeStaff(d.db, s.property.id, "technician", "师傅3");

    expect(await runDispatchEscalation(d, min(T0, 10))).toMatchObject({ due: 3, done: 3, failed: 0 });
    const rounds = async (id: number) => Object.fromEntries((await d.db.offer.findMany({ where: { ticketId: id } })).map((o) => [o.technicianId, o.round]));
    const [t1, t2] = s.technicians.map((t) => t.id) as [number, number];
    expect(await rounds(first)).toEqual({ [t1]: 1, [t2]: 1, [newcomer.id]: 2 }); // reminded already: left alone; the newcomer offered
    expect(await rounds(second)).toEqual({ [t1]: 1, [t2]: 1, [newcomer.id]: 1 });
    expect(await rounds(other)).toEqual({ [zTech.id]: 1 });
    const refs = async (key: string, personId: number) => (await sent(d, key, personId)).map((m) => m.ref).sort();
    const offerOf = async (ticketId: number, technicianId: number) => (await d.db.offer.findUniqueOrThrow({ where: { ticketId_technicianId: { ticketId, technicianId } } })).id;
    expect(await refs("offer-new", newcomer.id)).toEqual([`offer:${await offerOf(first, newcomer.id)}:2`, `offer:${await offerOf(second, newcomer.id)}:1`].sort());
    expect(await refs("offer-reminder", t1)).toEqual([`offer:${await offerOf(first, t1)}:1`, `offer:${await offerOf(second, t1)}:1`].sort());
    expect(await count(d, "offer-reminder", zTech.id)).toBe(1);
    const alerts = async (personId: number) => (await sent(d, "dispatch-overdue", personId)).map((m) => JSON.parse(m.params) as Record<string, unknown>);
    expect((await alerts(s.supervisor.id)).map((a) => [a.number, a.round, a.offered])).toEqual([
      ["BX-20261123-0001", 1, 2], ["BX-20261123-0001", 2, 3], ["BX-20261123-0002", 1, 3],
    ]);
    expect((await alerts(zBoss.id)).map((a) => [a.number, a.round, a.offered])).toEqual([["ZZ-20261123-0001", 1, 1]]);
    const escalated = await d.db.event.findMany({ where: { action: "dispatch-escalated", at: min(T0, 10) }, orderBy: { ticketId: "asc" } });
    expect(escalated.map((e) => [e.ticketId, JSON.parse(e.data).alerted])).toEqual([[first, [s.supervisor.id]], [second, [s.supervisor.id]], [other, [zBoss.id]]]);
  });

  it("backs off a ticket whose handling throws, and escalates the others", async () => {
    const good = await reported(d, s, T0);
    const z = await poisonedSite(d, s);
    const bad = await reported(d, z.site, T0);
    await z.poison();
    const { lines, log } = captureLog();
    expect(await runDispatchEscalation(d, min(T0, 5), { log })).toMatchObject({ due: 2, done: 1, failed: 1 });
    expect((await ticket(good)).dispatchLevel).toBe(1);
    expect(await ticket(bad)).toMatchObject({ dispatchLevel: 0, dispatchDueAt: min(T0, 6), retryAt: min(T0, 5) });
    expect(lines.find((l) => l.level === "error")?.extra).toMatchObject({ id: bad });
    await runDispatchEscalation(d, min(T0, 6), { log });
    expect((await ticket(bad)).dispatchDueAt).toEqual(min(T0, 7));
    await runDispatchEscalation(d, min(T0, 7), { log });
    expect((await ticket(bad)).dispatchDueAt).toEqual(min(T0, 9)); // the gap doubles
    await z.heal();
    await runDispatchEscalation(d, min(T0, 9), { log });
    expect(await ticket(bad)).toMatchObject({ dispatchLevel: 1, retryAt: null });
  });
});
