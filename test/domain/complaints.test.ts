// The complaint lifecycle over a real database: filed by an owner (unclassified), classified and
// assigned by the desk, the result recorded by the handler, the owner dissatisfied (reopened to the
// supervisors) then satisfied; the hour to name a handler; a low rating turned into a complaint.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assignComplaint, classifyComplaint, complaintFromTicket, listOpenComplaints } from "../../src/domain/complaint-desk.ts";
import { answerComplaint, fileComplaint, rateComplaintAnswer } from "../../src/domain/complaints.ts";
import { runDeadlines } from "../../src/domain/scheduled/deadlines.ts";
import { answerSurvey } from "../../src/domain/surveys.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { completed, count, makeDesk, sent, sh, value, type Desk } from "../jobs/site.ts";

let d: TestDatabase;
let s: Desk;
beforeEach(async () => { d = await testDatabase(); s = await makeDesk(d); });
afterEach(async () => { await d.drop(); });

const owners = (over = {}) => ({ propertyId: s.property.id, complainantId: s.owner.id, description: "保洁人员态度恶劣", against: "3 号楼保洁", ...over });

describe("a complaint from filing to the owner's satisfaction", () => {
  it("is classified, assigned, answered, reopened when dissatisfied, closed when satisfied", async () => {
    const filed = value(await fileComplaint(d, owners({ photos: ["p1", "p2"] }), sh("2026-11-23T10:00:00"))); // Monday
    expect(filed.number).toBe(`BX-TS${String(filed.complaintId).padStart(4, "0")}`);
    expect(filed.answerBy).toEqual(sh("2026-11-27T10:00:00")); // 4 working days
    const [notice] = await sent(d, "complaint-new", s.desk.id);
    expect(JSON.parse(notice!.photos)).toEqual(["p1", "p2"]);
    expect(JSON.parse(notice!.params)).toMatchObject({ number: filed.number, category: "none", against: "3 号楼保洁" });

    const id = filed.complaintId;
    expect(await classifyComplaint(d, { complaintId: id, actorId: s.owner.id, category: "attitude", urgent: true, valid: true }, sh("2026-11-23T10:20:00"))).toEqual({ ok: false, error: "FORBIDDEN" });
    value(await classifyComplaint(d, { complaintId: id, actorId: s.desk.id, category: "attitude", urgent: true, valid: true }, sh("2026-11-23T10:20:00")));
    expect(await d.db.complaint.findUniqueOrThrow({ where: { id } })).toMatchObject({ category: "attitude", urgent: true, valid: true, dueAt: sh("2026-11-24T10:00:00") });
    value(await assignComplaint(d, { complaintId: id, actorId: s.desk.id, handlerId: s.supervisor.id }, sh("2026-11-23T10:30:00")));
    expect(await count(d, "complaint-assigned", s.supervisor.id)).toBe(1);
    await runDeadlines(d, sh("2026-11-23T11:30:00"));
    expect(await count(d, "complaint-unassigned")).toBe(0); // named within the hour

    expect(await answerComplaint(d, { complaintId: id, actorId: s.owner.id, result: "x" }, sh("2026-11-23T15:00:00"))).toEqual({ ok: false, error: "FORBIDDEN" });
    value(await answerComplaint(d, { complaintId: id, actorId: s.supervisor.id, result: "已约谈保洁人员并当面致歉" }, sh("2026-11-23T15:00:00")));
    expect(JSON.parse((await sent(d, "complaint-answered", s.owner.id))[0]!.buttons)).toEqual([[
      { label: "btn-complaint-satisfied", action: "cps", id, arg: "y" }, { label: "btn-complaint-dissatisfied", action: "cps", id, arg: "n" },
    ]]);
    value(await rateComplaintAnswer(d, { complaintId: id, actorId: s.owner.id, satisfied: false }, sh("2026-11-23T16:00:00")));
    expect(await d.db.complaint.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "open", satisfied: false, dueAt: sh("2026-11-24T16:00:00") });
    expect(await count(d, "complaint-reopened", s.supervisor.id)).toBe(1);
    expect(await rateComplaintAnswer(d, { complaintId: id, actorId: s.owner.id, satisfied: true }, sh("2026-11-23T16:01:00"))).toEqual({ ok: false, error: "INVALID_STATE" });

    value(await answerComplaint(d, { complaintId: id, actorId: s.supervisor.id, result: "已更换该楼保洁人员" }, sh("2026-11-24T09:00:00")));
    value(await rateComplaintAnswer(d, { complaintId: id, actorId: s.owner.id, satisfied: true }, sh("2026-11-24T10:00:00")));
    expect(await d.db.complaint.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "closed", satisfied: true });
    const actions = (await d.db.event.findMany({ where: { complaintId: id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["complaint-filed", "complaint-classified", "complaint-assigned", "complaint-answered", "complaint-reopened", "complaint-answered", "complaint-closed"]);
  });

  it("takes a result from the named handler, and a rating from the owner, only while they still belong", async () => {
    const { complaintId } = value(await fileComplaint(d, owners(), sh("2026-11-23T10:00:00")));
    const handler = s.technicians[0]!;
    value(await assignComplaint(d, { complaintId, actorId: s.desk.id, handlerId: handler.id }, sh("2026-11-23T10:30:00")));
    await d.db.roleGrant.updateMany({ where: { personId: handler.id }, data: { revokedAt: sh("2026-11-23T11:00:00") } });
    expect(await answerComplaint(d, { complaintId, actorId: handler.id, result: "已处理" }, sh("2026-11-23T12:00:00"))).toEqual({ ok: false, error: "FORBIDDEN" });
    value(await answerComplaint(d, { complaintId, actorId: s.supervisor.id, result: "已处理" }, sh("2026-11-23T12:00:00")));
    await d.db.unitMember.deleteMany({ where: { personId: s.owner.id } });
    expect(await rateComplaintAnswer(d, { complaintId, actorId: s.owner.id, satisfied: false }, sh("2026-11-23T13:00:00"))).toEqual({ ok: false, error: "NOT_FOUND" });
  });

  it("lets an owner complain only about a ticket of their own home", async () => {
    const other = await d.db.unit.create({ data: { propertyId: s.property.id, building: "9", entrance: "9", room: "909" } });
    const ticketId = (await d.db.ticket.create({ data: { number: "BX-X1", propertyId: s.property.id, unitId: other.id, reporterId: s.desk.id, category: "water", description: "x", status: "open", reportedAt: sh("2026-11-23T09:00:00") } })).id;
    expect(await fileComplaint(d, owners({ ticketId }), sh("2026-11-23T10:00:00"))).toEqual({ ok: false, error: "NOT_FOUND" });
    value(await fileComplaint(d, { ...owners({ ticketId }), complainantId: s.desk.id }, sh("2026-11-23T10:00:00")));
  });

  it("alerts the supervisors once when nobody is named within the hour", async () => {
    const { complaintId } = value(await fileComplaint(d, owners(), sh("2026-11-23T10:00:00")));
    await runDeadlines(d, sh("2026-11-23T10:59:00"));
    expect(await count(d, "complaint-unassigned")).toBe(0);
    await runDeadlines(d, sh("2026-11-23T11:00:00"));
    await runDeadlines(d, sh("2026-11-23T11:05:00"));
    expect(await count(d, "complaint-unassigned", s.supervisor.id)).toBe(1);
    expect(value(await listOpenComplaints(d.db, s.desk.id, sh("2026-11-23T11:05:00"))).map((c) => c.id)).toEqual([complaintId]);
    expect(await listOpenComplaints(d.db, s.owner.id, sh("2026-11-23T11:05:00"))).toEqual({ ok: false, error: "FORBIDDEN" });
  });

  it("turns a low rating into a complaint linked to the ticket, once", async () => {
    const ticketId = await completed(d, s, sh("2026-11-23T10:00:00"));
    const number = (await d.db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).number;
    expect(await complaintFromTicket(d, { ticketNumber: number, actorId: s.desk.id, text: "不满意" }, sh("2026-11-23T12:00:00"))).toEqual({ ok: false, error: "INVALID_STATE" });
    value(await answerSurvey(d, { ticketId, actorId: s.desk.id, rating: 1, comment: "师傅把地弄得很脏", channel: "phone" }, sh("2026-11-23T12:00:00")));
    const c = value(await complaintFromTicket(d, { ticketNumber: number.toLowerCase(), actorId: s.desk.id, text: "不满意" }, sh("2026-11-23T12:05:00")));
    expect(await d.db.complaint.findUniqueOrThrow({ where: { id: c.complaintId } })).toMatchObject({ ticketId, source: "callback", complainantId: s.owner.id, description: "师傅把地弄得很脏" });
    expect(await complaintFromTicket(d, { ticketNumber: number, actorId: s.desk.id, text: "不满意" }, sh("2026-11-23T12:06:00"))).toEqual({ ok: false, error: "DUPLICATE" });
    expect(await complaintFromTicket(d, { ticketNumber: number, actorId: s.technicians[0]!.id, text: "不满意" }, sh("2026-11-23T12:06:00"))).toEqual({ ok: false, error: "FORBIDDEN" });
  });
});
