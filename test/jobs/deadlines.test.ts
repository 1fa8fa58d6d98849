import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answerComplaint, fileComplaint } from "../../src/domain/complaints.ts";
import { closeFollowUp } from "../../src/domain/followups.ts";
import { runDeadlines } from "../../src/domain/scheduled/deadlines.ts";
import { answerSurvey } from "../../src/domain/surveys.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { captureLog, completed, count, makeDesk, poisonedSite, sent, sh, value, type Desk } from "./site.ts";

let d: TestDatabase;
let s: Desk;
beforeEach(async () => {
  d = await testDatabase();
  s = await makeDesk(d);
  await d.db.property.update({ where: { id: s.property.id }, data: { holidays: "2026-10-01,2026-10-02" } });
});
afterEach(async () => { await d.drop(); });

const complaint = (over: Partial<Parameters<typeof fileComplaint>[1]> = {}) => ({
  propertyId: s.property.id, complainantId: s.owner.id, category: "attitude", description: "维修师傅态度很差", urgent: false, against: "师傅1", ...over,
});
const alertsTo = (key: string, personId: number) => count(d, key, personId);

describe("complaint deadlines in working days", () => {
  it("gives a general complaint 3 working days: reminder the day before, alert when missed, alert again at the 4-day answer limit", async () => {
    const c = value(await fileComplaint(d, complaint(), sh("2026-11-26T10:00:00"))); // Thursday
    expect(c.dueAt).toEqual(sh("2026-12-01T10:00:00")); // Fri, Mon, Tue
    expect(c.answerBy).toEqual(sh("2026-12-02T10:00:00"));
    expect(await alertsTo("complaint-new", s.desk.id)).toBe(1);

    await runDeadlines(d, sh("2026-11-30T09:59:00"));
    expect(await count(d, "complaint-reminder")).toBe(0);
    await runDeadlines(d, sh("2026-11-30T10:00:00")); // Monday: one working day before
    expect(await alertsTo("complaint-reminder", s.desk.id)).toBe(1);
    expect(await count(d, "complaint-overdue")).toBe(0);

    await runDeadlines(d, sh("2026-12-01T10:00:00"));
    const [missed] = await sent(d, "complaint-overdue", s.supervisor.id);
    expect(JSON.parse(missed!.params)).toMatchObject({ id: c.complaintId, stage: "handle", due: "2026-12-01 10:00", against: "师傅1" });

    await runDeadlines(d, sh("2026-12-02T09:00:00"));
    expect(await count(d, "complaint-overdue")).toBe(1);
    await runDeadlines(d, sh("2026-12-02T10:00:00"));
    const overdue = await sent(d, "complaint-overdue", s.supervisor.id);
    expect(overdue.map((m) => JSON.parse(m.params).stage)).toEqual(["handle", "answer"]);
    await runDeadlines(d, sh("2026-12-10T10:00:00"));
    expect(await count(d, "complaint-overdue")).toBe(2);
    expect(await count(d, "complaint-reminder")).toBe(1);
  });

  it("gives an urgent complaint one working day, over the weekend, with a reminder two hours before", async () => {
    const c = value(await fileComplaint(d, complaint({ urgent: true }), sh("2026-11-27T10:00:00"))); // Friday
    expect(c.dueAt).toEqual(sh("2026-11-30T10:00:00"));
    await runDeadlines(d, sh("2026-11-28T10:00:00"));
    expect(await count(d, "complaint-reminder")).toBe(0);
    await runDeadlines(d, sh("2026-11-30T08:00:00"));
    expect(await count(d, "complaint-reminder", s.desk.id)).toBe(1);
  });

  it("skips the holidays and counts the 调休 Saturday (official calendar)", async () => {
    const c = value(await fileComplaint(d, complaint(), sh("2026-09-30T10:00:00")));
    expect(c.dueAt).toEqual(sh("2026-10-10T10:00:00")); // 8, 9 and Saturday 10 October
  });

  it("stops once answered, and tells the complainant", async () => {
    const c = value(await fileComplaint(d, complaint(), sh("2026-11-23T10:00:00")));
    expect(await answerComplaint(d, { complaintId: c.complaintId, actorId: s.owner.id, result: "x", valid: true }, sh("2026-11-24T10:00:00"))).toEqual({ ok: false, error: "FORBIDDEN" });
    value(await answerComplaint(d, { complaintId: c.complaintId, actorId: s.desk.id, result: "已与师傅核实并向您致歉", valid: true }, sh("2026-11-24T10:00:00")));
    expect(JSON.parse((await sent(d, "complaint-answered", s.owner.id))[0]!.params)).toMatchObject({ result: "已与师傅核实并向您致歉" });
    await runDeadlines(d, sh("2026-12-31T10:00:00"));
    expect(await count(d, "complaint-reminder")).toBe(0);
    expect(await count(d, "complaint-overdue")).toBe(0);
  });

  it("refuses a complaint from someone who does not live or work there, and a bad category", async () => {
    const stranger = await d.db.person.create({ data: { name: "路人" } });
    expect(await fileComplaint(d, complaint({ complainantId: stranger.id }), sh("2026-11-23T10:00:00"))).toEqual({ ok: false, error: "FORBIDDEN" });
    expect(await fileComplaint(d, complaint({ category: "weather" }), sh("2026-11-23T10:00:00"))).toEqual({ ok: false, error: "INVALID_INPUT" });
  });
});

describe("follow-up deadlines", () => {
  async function lowRating(at: Date) {
    const id = await completed(d, s, at);
    return value(await answerSurvey(d, { ticketId: id, actorId: s.owner.id, rating: 1, channel: "bot" }, at)).followUpId!;
  }

  it("reminds the supervisors before the one-working-day deadline and alerts them when it is missed", async () => {
    const id = await lowRating(sh("2026-11-27T15:00:00")); // Friday → due Monday 15:00
    const f = await d.db.followUp.findUniqueOrThrow({ where: { id } });
    expect(f).toMatchObject({ dueAt: sh("2026-11-30T15:00:00"), remindAt: sh("2026-11-30T13:00:00") });
    await runDeadlines(d, sh("2026-11-30T13:00:00"));
    expect(JSON.parse((await sent(d, "followup-reminder", s.supervisor.id))[0]!.params)).toMatchObject({ id, number: "BX-20261127-0001", due: "2026-11-30 15:00" });
    await runDeadlines(d, sh("2026-11-30T15:00:00"));
    expect(await count(d, "followup-overdue", s.supervisor.id)).toBe(1);
    await runDeadlines(d, sh("2026-12-05T15:00:00"));
    expect(await count(d, "followup-reminder")).toBe(1);
    expect(await count(d, "followup-overdue")).toBe(1);
  });

  it("a closed follow-up raises no alert", async () => {
    const id = await lowRating(sh("2026-11-23T10:00:00"));
    value(await closeFollowUp(d, { followUpId: id, actorId: s.desk.id, result: "已上门复查,问题解决" }, sh("2026-11-23T16:00:00")));
    await runDeadlines(d, sh("2026-11-30T10:00:00"));
    expect(await count(d, "followup-reminder")).toBe(0);
    expect(await count(d, "followup-overdue")).toBe(0);
    expect(await count(d, "followup-result", s.owner.id)).toBe(1);
  });

  it("logs and retries a poisoned item, going on with the others", async () => {
    const z = await poisonedSite(d, s);
    const good = value(await fileComplaint(d, complaint({ urgent: true }), sh("2026-11-23T10:00:00")));
    const bad = value(await fileComplaint(d, { ...complaint({ urgent: true }), propertyId: z.site.property.id, complainantId: z.site.owner.id }, sh("2026-11-23T10:00:00")));
    await z.poison();
    const { lines, log } = captureLog();
    const r = await runDeadlines(d, sh("2026-11-24T08:00:00"), { log });
    expect(r).toMatchObject({ due: 4, done: 2, failed: 2 }); // the deadline and the unassigned alert of each
    expect(lines.find((l) => l.level === "error")?.extra).toMatchObject({ id: bad.complaintId });
    expect((await d.db.complaint.findUniqueOrThrow({ where: { id: bad.complaintId } })).remindAt).toEqual(sh("2026-11-24T08:05:00"));
    expect((await d.db.complaint.findUniqueOrThrow({ where: { id: good.complaintId } })).remindAt).toEqual(good.dueAt);
  });
});
