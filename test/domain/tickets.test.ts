import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reportFault, looksLikeEmergency, normalizePhone } from "../../src/domain/tickets/report.ts";
import { acceptJob, declineJob } from "../../src/domain/tickets/dispatch.ts";
import { cannotFinish, markArrived, markDone } from "../../src/domain/tickets/work.ts";
import { cancelTicket, confirmFixed, listOwnerTickets, ownerTicketDetail, reportNotFixed } from "../../src/domain/tickets/owner.ts";
import { answerSurvey } from "../../src/domain/surveys.ts";
import { addMinutes } from "../../src/domain/time.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { T0, makeOwner, makeSite, makeStaff, makeUnit, report, value } from "../helpers/fixtures.ts";

let d: TestDatabase;
beforeEach(async () => { d = await testDatabase(); });
afterEach(async () => { await d.drop(); });


describe("reporting", () => {
  it("gives a ticket number per property and day, offers it to technicians and logs the event", async () => {
    const s = await makeSite(d.db, 2);
    const r = value(await reportFault(d, report(s.owner.id, s.unit.id), T0));
    expect(r.number).toBe("BX-20261123-0001");
    expect(r.offeredTo).toBe(2);
    const t = await d.db.ticket.findUniqueOrThrow({ where: { id: r.ticketId } });
    expect(t.status).toBe("open");
    expect(t.dispatchDueAt).toEqual(addMinutes(T0, 5));
    expect(await d.db.outbox.count({ where: { key: "offer-new" } })).toBe(2);
    const ev = await d.db.event.findFirstOrThrow({ where: { ticketId: r.ticketId, action: "reported" } });
    expect(ev.actorId).toBe(s.owner.id);
  });

  it("numbers 30 concurrent reports without gaps or duplicates", async () => {
    const s = await makeSite(d.db, 1);
    const results = await Promise.all(Array.from({ length: 30 }, () => reportFault(d, report(s.owner.id, s.unit.id), T0)));
    const numbers = results.map((r) => value(r).number).sort();
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => `BX-20261123-${String(i + 1).padStart(4, "0")}`));
  });

  it("starts a new sequence on the next local day (Asia/Shanghai)", async () => {
    const s = await makeSite(d.db, 0);
    value(await reportFault(d, report(s.owner.id, s.unit.id), T0));
    const r = value(await reportFault(d, report(s.owner.id, s.unit.id), new Date("2026-11-23T16:30:00Z"))); // 00:30 on the 24th
    expect(r.number).toBe("BX-20261124-0001");
  });

  it("refuses a unit the reporter does not belong to, a bad phone and a too-long description", async () => {
    const s = await makeSite(d.db, 0);
    const other = await makeUnit(d.db, s.property.id, "9-9-909");
    expect(await reportFault(d, report(s.owner.id, other.id), T0)).toEqual({ ok: false, error: "FORBIDDEN" });
    expect(await reportFault(d, report(s.owner.id, s.unit.id, { phone: "12345" }), T0)).toEqual({ ok: false, error: "INVALID_INPUT" });
    expect(await reportFault(d, report(s.owner.id, s.unit.id, { description: "水".repeat(2000) }), T0)).toEqual({ ok: false, error: "INVALID_INPUT" });
    expect(await d.db.ticket.count()).toBe(0);
  });

  it("pre-answers emergencies from the category or the words used", () => {
    expect(looksLikeEmergency("water", "卫生间水管爆裂了")).toBe(true);
    expect(looksLikeEmergency("other", "Someone is trapped in the lift")).toBe(true);
    expect(looksLikeEmergency("gas", "有点味道")).toBe(true);
    expect(looksLikeEmergency("lighting", "走廊灯不亮")).toBe(false);
    expect(normalizePhone("+86 138-0013-8000")).toBe("13800138000");
    expect(normalizePhone("021-12345678")).toBe("02112345678");
    expect(normalizePhone("hello")).toBeNull();
  });

  it("offers an emergency to every technician on duty, and general work by skill", async () => {
    const s = await makeSite(d.db, 0);
    const plumber = await makeStaff(d.db, s.property.id, "technician", "水工", "water");
    const electrician = await makeStaff(d.db, s.property.id, "technician", "电工", "electricity");
    await makeStaff(d.db, s.property.id, "technician", "休息", "water").then((p) => d.db.person.update({ where: { id: p.id }, data: { onDuty: false } }));
    const general = value(await reportFault(d, report(s.owner.id, s.unit.id), T0));
    expect((await d.db.offer.findMany({ where: { ticketId: general.ticketId } })).map((o) => o.technicianId)).toEqual([plumber.id]);
    const urgent = value(await reportFault(d, report(s.owner.id, s.unit.id, { emergency: true, category: "gas" }), T0));
    const offered = (await d.db.offer.findMany({ where: { ticketId: urgent.ticketId } })).map((o) => o.technicianId).sort();
    expect(offered).toEqual([plumber.id, electrician.id].sort());
    expect(await d.db.outbox.count({ where: { key: "offer-new-emergency" } })).toBe(2);
  });

  it("books no time for an emergency, whatever time was given (the desk's intake asks one)", async () => {
    const s = await makeSite(d.db, 1);
    const r = value(await reportFault(d, report(s.owner.id, s.unit.id, { emergency: true, preferredTime: "tomorrow_am" }), T0));
    const t = await d.db.ticket.findUniqueOrThrow({ where: { id: r.ticketId } });
    expect([t.preferredTime, t.appointmentAt, t.appointmentDueAt]).toEqual(["asap", null, null]);
  });

  it("takes public-area reports with a location, shows them to their reporter only, and checks access and time", async () => {
    const s = await makeSite(d.db, 1);
    const neighbour = await makeOwner(d.db, (await makeUnit(d.db, s.property.id, "1-2-302")).id, "Neighbour");
    const pub = { unitId: null, propertyId: s.property.id, location: "3栋电梯厅", access: "public" };
    const r = value(await reportFault(d, report(s.owner.id, s.unit.id, pub), T0));
    const t = await d.db.ticket.findUniqueOrThrow({ where: { id: r.ticketId } });
    expect([t.unitId, t.location, t.access]).toEqual([null, "3栋电梯厅", "public"]);
    expect((await listOwnerTickets(d.db, s.owner.id)).map((x) => x.place)).toEqual(["3栋电梯厅"]);
    expect(await listOwnerTickets(d.db, neighbour.id)).toEqual([]);
    expect(await reportFault(d, report(s.owner.id, s.unit.id, { ...pub, access: "home" }), T0)).toEqual({ ok: false, error: "INVALID_INPUT" });
    expect(await reportFault(d, report(s.owner.id, s.unit.id, { access: "public" }), T0)).toEqual({ ok: false, error: "INVALID_INPUT" });
    expect(await reportFault(d, report(s.owner.id, s.unit.id, { preferredTime: " " }), T0)).toEqual({ ok: false, error: "INVALID_INPUT" });
    expect(value(await reportFault(d, report(s.owner.id, s.unit.id, { preferredTime: "周六上午" }), T0)).number).toBe("BX-20261123-0002");
  });

  it("alerts the control room at once for an emergency reported at night, not by day", async () => {
    const s = await makeSite(d.db, 1);
    const room = await makeStaff(d.db, s.property.id, "control_room", "中控");
    value(await reportFault(d, report(s.owner.id, s.unit.id, { emergency: true }), T0)); // 10:00 local
    expect(await d.db.outbox.count({ where: { key: "emergency-night-alert" } })).toBe(0);
    const night = new Date("2026-11-23T15:30:00Z"); // 23:30 local
    value(await reportFault(d, report(s.owner.id, s.unit.id), night));
    expect(await d.db.outbox.count({ where: { key: "emergency-night-alert" } })).toBe(0); // general work waits
    const r = value(await reportFault(d, report(s.owner.id, s.unit.id, { emergency: true }), night));
    const alert = await d.db.outbox.findFirstOrThrow({ where: { key: "emergency-night-alert" } });
    expect(alert.personId).toBe(room.id);
    expect(JSON.parse(alert.params)).toMatchObject({ number: r.number, phone: "13800138000", offered: 1 });
  });
});

describe("dispatch", () => {
  it("lets exactly one of 24 technicians win when all accept at once", async () => {
    const s = await makeSite(d.db, 24);
    const r = value(await reportFault(d, report(s.owner.id, s.unit.id), T0));
    const results = await Promise.all(s.technicians.map((t) => acceptJob(d, t.id, r.ticketId, T0)));
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    expect(results.filter((x) => !x.ok).every((x) => !x.ok && x.error === "ALREADY_TAKEN")).toBe(true);
    const t = await d.db.ticket.findUniqueOrThrow({ where: { id: r.ticketId } });
    const winner = s.technicians[results.findIndex((x) => x.ok)]!;
    expect(t.assigneeId).toBe(winner.id);
    expect(await d.db.event.count({ where: { ticketId: r.ticketId, action: "accepted" } })).toBe(1);
    expect(await d.db.outbox.count({ where: { key: "offer-taken", kind: "edit" } })).toBe(23);
    expect(await d.db.outbox.count({ where: { key: "owner-accepted", personId: s.owner.id } })).toBe(1);
  });

  it("refuses a person without an offer or without the technician role", async () => {
    const s = await makeSite(d.db, 1);
    const r = value(await reportFault(d, report(s.owner.id, s.unit.id), T0));
    const desk = await makeStaff(d.db, s.property.id, "desk", "客服");
    expect(await acceptJob(d, desk.id, r.ticketId, T0)).toEqual({ ok: false, error: "FORBIDDEN" });
    expect(await acceptJob(d, s.owner.id, r.ticketId, T0)).toEqual({ ok: false, error: "FORBIDDEN" });
    await d.db.roleGrant.updateMany({ where: { personId: s.technicians[0]!.id }, data: { revokedAt: T0 } });
    expect(await acceptJob(d, s.technicians[0]!.id, r.ticketId, T0)).toEqual({ ok: false, error: "FORBIDDEN" });
  });

  it("refuses to accept a cancelled job, and records a decline", async () => {
    const s = await makeSite(d.db, 2);
    const r = value(await reportFault(d, report(s.owner.id, s.unit.id), T0));
    value(await declineJob(d, s.technicians[1]!.id, r.ticketId, T0));
    value(await cancelTicket(d, s.owner.id, r.ticketId, T0));
    expect(await acceptJob(d, s.technicians[0]!.id, r.ticketId, T0)).toEqual({ ok: false, error: "TICKET_NOT_OPEN" });
    expect(await d.db.outbox.count({ where: { key: "offer-withdrawn" } })).toBe(2);
  });
});

describe("the repair loop", () => {
  it("goes report → accept → arrived → done → confirm → rate, with an event for every step", async () => {
    const s = await makeSite(d.db, 1);
    const tech = s.technicians[0]!;
    const { ticketId } = value(await reportFault(d, report(s.owner.id, s.unit.id), T0));
    value(await acceptJob(d, tech.id, ticketId, addMinutes(T0, 1)));
    value(await markArrived(d, tech.id, ticketId, addMinutes(T0, 20)));
    value(await markDone(d, tech.id, ticketId, { note: "换了阀芯" }, addMinutes(T0, 50)));
    const survey = await d.db.survey.findUniqueOrThrow({ where: { ticketId } });
    expect(survey.status).toBe("scheduled");
    expect(survey.dueAt).toEqual(addMinutes(T0, 50 + 120));
    expect(await d.db.outbox.count({ where: { key: "owner-done", personId: s.owner.id } })).toBe(1);
    value(await confirmFixed(d, s.owner.id, ticketId, addMinutes(T0, 60)));
    expect(value(await answerSurvey(d, { ticketId, actorId: s.owner.id, rating: 5, channel: "bot" }, addMinutes(T0, 61))).followUpId).toBeNull();
    const actions = (await d.db.event.findMany({ where: { ticketId }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["reported", "offered", "accepted", "arrived", "completed", "confirmed", "rated"]);
  });

  it("refuses illegal steps with typed errors", async () => {
    const s = await makeSite(d.db, 2);
    const [a, b] = s.technicians as unknown as [{ id: number }, { id: number }];
    const { ticketId } = value(await reportFault(d, report(s.owner.id, s.unit.id), T0));
    expect(await answerSurvey(d, { ticketId, actorId: s.owner.id, rating: 5, channel: "bot" }, T0)).toEqual({ ok: false, error: "INVALID_STATE" });
    expect(await markDone(d, a.id, ticketId, { note: "" }, T0)).toEqual({ ok: false, error: "FORBIDDEN" });
    value(await acceptJob(d, a.id, ticketId, T0));
    expect(await markDone(d, b.id, ticketId, { note: "" }, T0)).toEqual({ ok: false, error: "FORBIDDEN" });
    value(await markDone(d, a.id, ticketId, { note: "" }, T0));
    expect(await answerSurvey(d, { ticketId, actorId: s.owner.id, rating: 7, channel: "bot" }, T0)).toEqual({ ok: false, error: "INVALID_RATING" });
    expect(await cancelTicket(d, s.owner.id, ticketId, T0)).toEqual({ ok: false, error: "INVALID_STATE" });
    value(await answerSurvey(d, { ticketId, actorId: s.owner.id, rating: 4, channel: "bot" }, T0));
    expect(await answerSurvey(d, { ticketId, actorId: s.owner.id, rating: 3, channel: "bot" }, T0)).toEqual({ ok: false, error: "ALREADY_RATED" });
    expect((await d.db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).status).toBe("closed");
  });

  it("sends a not-fixed job back to the same technician with the owner's reason", async () => {
    const s = await makeSite(d.db, 1);
    const tech = s.technicians[0]!;
    const { ticketId } = value(await reportFault(d, report(s.owner.id, s.unit.id), T0));
    value(await acceptJob(d, tech.id, ticketId, T0));
    value(await markDone(d, tech.id, ticketId, { note: "ok" }, T0));
    value(await reportNotFixed(d, s.owner.id, ticketId, "还在滴水", addMinutes(T0, 5)));
    const t = await d.db.ticket.findUniqueOrThrow({ where: { id: ticketId }, include: { survey: true } });
    expect([t.status, t.assigneeId, t.survey?.status]).toEqual(["accepted", tech.id, "void"]);
    const note = await d.db.outbox.findFirstOrThrow({ where: { key: "tech-reopened" } });
    expect(note.personId).toBe(tech.id);
    expect(JSON.parse(note.params).reason).toBe("还在滴水");
  });

  it("opens a follow-up for the supervisor on a rating of 1-2 and records the owner's reason", async () => {
    const s = await makeSite(d.db, 1);
    const sup = await makeStaff(d.db, s.property.id, "supervisor", "主管");
    const { ticketId } = value(await reportFault(d, report(s.owner.id, s.unit.id), T0));
    value(await acceptJob(d, s.technicians[0]!.id, ticketId, T0));
    value(await markDone(d, s.technicians[0]!.id, ticketId, { note: "" }, T0));
    const r = value(await answerSurvey(d, { ticketId, actorId: s.owner.id, rating: 2, channel: "bot" }, T0));
    expect(r.followUpId).not.toBeNull();
    const f = await d.db.followUp.findUniqueOrThrow({ where: { id: r.followUpId! } });
    expect(f.assigneeRole).toBe("supervisor");
    expect(await d.db.outbox.count({ where: { key: "followup-new", personId: sup.id } })).toBe(1);
  });

  it("postpones with a reason and a new time, and tells the owner", async () => {
    const s = await makeSite(d.db, 1);
    const tech = s.technicians[0]!;
    const { ticketId } = value(await reportFault(d, report(s.owner.id, s.unit.id), T0));
    value(await acceptJob(d, tech.id, ticketId, T0));
    const at = new Date("2026-11-24T01:00:00Z"); // tomorrow 09:00 in the property's zone
    value(await cannotFinish(d, tech.id, ticketId, { reason: "需要订购配件", window: "tomorrow_am", newTimeText: "明天上午" }, T0));
    const t = await d.db.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    expect([t.status, t.postponedUntil, t.appointmentDueAt]).toEqual(["postponed", at, addMinutes(at, -30)]);
    expect(await d.db.outbox.count({ where: { key: "owner-postponed" } })).toBe(1);
  });
});

describe("owners' privacy", () => {
  it("shows an owner only their own units' tickets", async () => {
    const s = await makeSite(d.db, 0);
    const otherUnit = await makeUnit(d.db, s.property.id, "2-1-101");
    const neighbour = await makeOwner(d.db, otherUnit.id, "邻居");
    const mine = value(await reportFault(d, report(s.owner.id, s.unit.id), T0));
    value(await reportFault(d, report(neighbour.id, otherUnit.id), T0));
    expect((await listOwnerTickets(d.db, s.owner.id)).map((t) => t.id)).toEqual([mine.ticketId]);
    expect(await ownerTicketDetail(d.db, neighbour.id, mine.ticketId)).toEqual({ ok: false, error: "NOT_FOUND" });
    expect(await cancelTicket(d, neighbour.id, mine.ticketId, T0)).toEqual({ ok: false, error: "NOT_FOUND" });
    expect(await answerSurvey(d, { ticketId: mine.ticketId, actorId: neighbour.id, rating: 1, channel: "bot" }, T0)).toEqual({ ok: false, error: "NOT_FOUND" });
  });
});
