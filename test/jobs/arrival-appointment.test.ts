import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runArrivalWatch } from "../../src/domain/scheduled/arrival-watch.ts";
import { runAppointmentReminders } from "../../src/domain/scheduled/appointment-reminder.ts";
import { acceptJob } from "../../src/domain/tickets/dispatch.ts";
import { cannotFinish, markArrived } from "../../src/domain/tickets/work.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { captureLog, count, makeDesk, min, poisonedSite, reported, sent, sh, T0, value, type Desk } from "./site.ts";

let d: TestDatabase;
let s: Desk;
beforeEach(async () => {
  d = await testDatabase();
  s = await makeDesk(d);
});
afterEach(async () => { await d.drop(); });

const ticket = (id: number) => d.db.ticket.findUniqueOrThrow({ where: { id } });
const tech = () => s.technicians[0]!;
async function accepted(at: Date, over: Record<string, unknown> = {}) {
  const id = await reported(d, s, at, over);
  value(await acceptJob(d, tech().id, id, at));
  return id;
}

describe("arrival watch", () => {
  it("alerts the technician 30 minutes after a general acceptance, then the supervisor 10 minutes later", async () => {
    const id = await accepted(T0);
    await runArrivalWatch(d, min(T0, 29));
    expect(await count(d, "arrival-late-technician")).toBe(0);

    await runArrivalWatch(d, min(T0, 30));
    const [late] = await sent(d, "arrival-late-technician", tech().id);
    expect(JSON.parse(late!.params)).toMatchObject({ number: "BX-20261123-0001", phone: "13800138000" });
    expect(JSON.parse(late!.buttons)).toEqual([[{ label: "btn-arrived", action: "arrived", id }, { label: "btn-job-open", action: "job", id }]]);
    expect(await count(d, "arrival-late-supervisor")).toBe(0);
    expect(await ticket(id)).toMatchObject({ arrivalLevel: 1, arrivalDueAt: min(T0, 40) });

    await runArrivalWatch(d, min(T0, 39));
    expect(await count(d, "arrival-late-supervisor")).toBe(0);
    await runArrivalWatch(d, min(T0, 40));
    const [alert] = await sent(d, "arrival-late-supervisor", s.supervisor.id);
    expect(JSON.parse(alert!.params)).toMatchObject({ number: "BX-20261123-0001", technician: "师傅1", since: "2026-11-23 10:00" });
    expect(await ticket(id)).toMatchObject({ arrivalLevel: 2, arrivalDueAt: null });

    await runArrivalWatch(d, min(T0, 120));
    expect(await count(d, "arrival-late-technician")).toBe(1);
    expect(await count(d, "arrival-late-supervisor")).toBe(1);
  });

  it("gives an emergency 15 minutes, and says nothing once the technician has arrived", async () => {
    const urgent = await accepted(T0, { emergency: true, description: "水管爆裂" });
    const calm = await accepted(T0);
    value(await markArrived(d, tech().id, calm, min(T0, 20)));
    await runArrivalWatch(d, min(T0, 15));
    expect((await sent(d, "arrival-late-technician")).map((m) => JSON.parse(m.params).number)).toEqual(["BX-20261123-0001"]);
    await runArrivalWatch(d, min(T0, 20)); // emergency: supervisor 5 minutes after the technician
    expect(await count(d, "arrival-late-supervisor", s.supervisor.id)).toBe(1);
    await runArrivalWatch(d, min(T0, 60));
    expect(await count(d, "arrival-late-technician")).toBe(1);
    expect((await ticket(urgent)).arrivalLevel).toBe(2);
    expect((await ticket(calm)).arrivalLevel).toBe(0);
  });

  it("counts from the agreed window and alarms only after its end (14:00-17:00 → 17:00)", async () => {
    const id = await accepted(T0, { preferredTime: "today_pm" }); // 14:00 local
    expect((await ticket(id)).arrivalDueAt).toEqual(sh("2026-11-23T17:00:00"));
    await runArrivalWatch(d, sh("2026-11-23T16:59:00"));
    expect(await count(d, "arrival-late-technician")).toBe(0);
    await runArrivalWatch(d, sh("2026-11-23T17:00:00"));
    expect(await count(d, "arrival-late-technician")).toBe(1);
  });

  it("backs off a poisoned ticket and goes on", async () => {
    const good = await accepted(T0);
    const z = await poisonedSite(d, s);
    const bad = await reported(d, z.site, T0);
    value(await acceptJob(d, tech().id, bad, T0));
    await z.poison();
    const { log } = captureLog();
    expect(await runArrivalWatch(d, min(T0, 30), { log })).toMatchObject({ done: 1, failed: 1 });
    expect((await ticket(good)).arrivalLevel).toBe(1);
    expect(await ticket(bad)).toMatchObject({ arrivalLevel: 0, arrivalDueAt: min(T0, 31), retryAt: min(T0, 30) });
  });
});

describe("appointment reminder", () => {
  it("reminds the technician and tells the owner 30 minutes before the agreed time", async () => {
    const id = await accepted(T0, { preferredTime: "today_pm" });
    expect((await ticket(id)).appointmentDueAt).toEqual(sh("2026-11-23T13:30:00"));
    await runAppointmentReminders(d, sh("2026-11-23T13:29:00"));
    expect(await count(d, "appointment-reminder-technician")).toBe(0);

    await runAppointmentReminders(d, sh("2026-11-23T13:30:00"));
    const [techMsg] = await sent(d, "appointment-reminder-technician", tech().id);
    expect(JSON.parse(techMsg!.params)).toMatchObject({ number: "BX-20261123-0001", time: "2026-11-23 14:00", phone: "13800138000" });
    const [ownerMsg] = await sent(d, "appointment-coming-owner", s.owner.id);
    expect(JSON.parse(ownerMsg!.params)).toMatchObject({ technician: "师傅1", time: "2026-11-23 14:00" });
    expect((await ticket(id)).appointmentDueAt).toBeNull();
    await runAppointmentReminders(d, sh("2026-11-23T13:40:00"));
    expect(await count(d, "appointment-coming-owner")).toBe(1);
  });

  it("reminds before the new time of a postponed job", async () => {
    const id = await accepted(T0);
    const at = sh("2026-11-24T09:00:00");
    value(await cannotFinish(d, tech().id, id, { reason: "需要订购配件", window: "tomorrow_am", newTimeText: "明天上午" }, min(T0, 60)));
    await runAppointmentReminders(d, sh("2026-11-24T08:30:00"));
    expect(await count(d, "appointment-reminder-technician", tech().id)).toBe(1);
    expect(await count(d, "appointment-coming-owner", s.owner.id)).toBe(1);
  });

  it("drops a reminder found after the appointment has passed (after downtime)", async () => {
    const id = await accepted(T0, { preferredTime: "today_pm" });
    const r = await runAppointmentReminders(d, sh("2026-11-23T15:00:00"));
    expect(r.done).toBe(1);
    expect(await count(d, "appointment-reminder-technician")).toBe(0);
    expect(await d.db.event.count({ where: { ticketId: id, action: "appointment-reminder-dropped" } })).toBe(1);
  });
});
