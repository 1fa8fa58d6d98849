// The one authorization rule (issue 11): the actor's current role at the ticket's property and the
// current state of the thing pressed, checked at the moment of the press.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { authorize } from "../../src/domain/authorize.ts";
import { reportFault } from "../../src/domain/tickets/report.ts";
import { acceptJob, declineJob } from "../../src/domain/tickets/dispatch.ts";
import { markArrived } from "../../src/domain/tickets/work.ts";
import { revokeRole } from "../../src/domain/people.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { T0, makeOwner, makePerson, makeProperty, makeSite, makeStaff, makeUnit, report, value } from "../helpers/fixtures.ts";

let d: TestDatabase;
beforeEach(async () => { d = await testDatabase(); });
afterEach(async () => { await d.drop(); });

describe("authorize", () => {
  it("answers each action by the current role at the ticket's property and the current state", async () => {
    const s = await makeSite(d.db, 2);
    const a = s.technicians[0]!;
    const b = s.technicians[1]!;
    const other = await makeProperty(d.db, "QT");
    const outsider = await makeStaff(d.db, other.id, "technician", "外项目师傅");
    const desk = await makeStaff(d.db, s.property.id, "desk", "前台");
    const neighbour = await makeOwner(d.db, (await makeUnit(d.db, s.property.id, "9-9-909")).id, "邻居");
    const t = value(await reportFault(d, report(s.owner.id, s.unit.id), T0));
    const check = async (actor: number, action: Parameters<typeof authorize>[3]) => {
      const r = await authorize(d.db, actor, t.ticketId, action);
      return r.ok ? "ok" : r.error;
    };
    expect(await check(a.id, "accept")).toBe("ok");
    expect(await check(outsider.id, "accept")).toBe("FORBIDDEN");
    expect(await check(a.id, "job")).toBe("FORBIDDEN"); // not theirs yet
    expect(await check(s.owner.id, "owner")).toBe("ok");
    expect(await check(neighbour.id, "owner")).toBe("NOT_FOUND");
    expect(await check(desk.id, "desk")).toBe("ok");
    expect(await check(a.id, "desk")).toBe("FORBIDDEN");
    value(await declineJob(d, b.id, t.ticketId, T0));
    expect(await check(b.id, "accept")).toBe("OFFER_CLOSED");
    expect(await acceptJob(d, b.id, t.ticketId, T0)).toEqual({ ok: false, error: "OFFER_CLOSED" });
    value(await acceptJob(d, a.id, t.ticketId, T0));
    expect(await check(a.id, "work")).toBe("ok");
    await d.db.roleGrant.updateMany({ where: { personId: a.id }, data: { revokedAt: T0 } });
    expect(await check(a.id, "work")).toBe("FORBIDDEN");
    expect(await markArrived(d, a.id, t.ticketId, T0)).toEqual({ ok: false, error: "FORBIDDEN" });
    expect((await authorize(d.db, a.id, 2_000_000_000, "job")).ok).toBe(false);
  });

  it("lets a patrol report's reporter act as its owner only while they are on the property's staff", async () => {
    const s = await makeSite(d.db, 1);
    const guard = await makeStaff(d.db, s.property.id, "control_room", "巡逻员");
    const t = await d.db.ticket.create({ data: {
      number: "BX-P1", propertyId: s.property.id, reporterId: guard.id, location: "地库", category: "electricity",
      description: "灯不亮", channel: "patrol", status: "open", reportedAt: T0,
    } });
    expect((await authorize(d.db, guard.id, t.id, "owner")).ok).toBe(true);
    await d.db.roleGrant.updateMany({ where: { personId: guard.id }, data: { revokedAt: T0 } });
    expect(await authorize(d.db, guard.id, t.id, "owner")).toEqual({ ok: false, error: "NOT_FOUND" });
  });

  it("revokeRole puts the jobs in hand back to dispatch and tells the supervisors, in one transaction", async () => {
    const s = await makeSite(d.db, 2);
    const admin = await makePerson(d.db, "Admin");
    await d.db.roleGrant.create({ data: { personId: admin.id, role: "admin" } });
    await makeStaff(d.db, s.property.id, "supervisor", "主管");
    const a = s.technicians[0]!;
    const t = value(await reportFault(d, report(s.owner.id, s.unit.id), T0));
    value(await acceptJob(d, a.id, t.ticketId, T0));
    expect(value(await revokeRole(d, admin.id, a.id, "technician", T0))).toEqual({ revoked: 1, jobs: 1, offers: 0 });
    const row = await d.db.ticket.findUniqueOrThrow({ where: { id: t.ticketId } });
    expect([row.status, row.assigneeId]).toEqual(["open", null]);
    expect(await d.db.outbox.count({ where: { key: "job-released-supervisor" } })).toBe(1);
    expect(await d.db.offer.count({ where: { ticketId: t.ticketId, technicianId: s.technicians[1]!.id, status: "offered" } })).toBe(1);
  });
});
