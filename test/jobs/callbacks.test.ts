import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCallbacks, listPhoneCallbacks, phoneCallbackTask } from "../../src/domain/scheduled/callbacks.ts";
import { answerSurvey } from "../../src/domain/surveys.ts";
import { confirmFixed, reportNotFixed } from "../../src/domain/tickets/owner.ts";
import { closeFollowUp, listOpenFollowUps } from "../../src/domain/followups.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { captureLog, completed, count, makeDesk, min, poisonedSite, sent, sh, T0, value, type Desk } from "./site.ts";

let d: TestDatabase;
let s: Desk;
beforeEach(async () => {
  d = await testDatabase();
  s = await makeDesk(d);
});
afterEach(async () => { await d.drop(); });

const survey = (ticketId: number) => d.db.survey.findUniqueOrThrow({ where: { ticketId } });
const buttons = (row: { buttons: string }) => JSON.parse(row.buttons) as { label: string; action: string; id: number; arg?: string }[][];

describe("the callback ladder", () => {
  it("requests at the delay, reminds once after 4 h, then gives the desk a phone task; a phone answer ends it", async () => {
    const id = await completed(d, s, T0); // Monday 10:00 local
    expect((await survey(id)).dueAt).toEqual(min(T0, 120));

    expect((await runCallbacks(d, min(T0, 119))).due).toBe(0);
    const r = await runCallbacks(d, min(T0, 120));
    expect(r).toMatchObject({ due: 1, done: 1, failed: 0 });
    const [ask] = await sent(d, "callback-ask-fixed", s.owner.id);
    expect(JSON.parse(ask!.params)).toMatchObject({ number: "BX-20261123-0001", place: "1-2-301", technician: "师傅1" });
    expect(buttons(ask!)).toEqual([
      [{ label: "btn-confirm-fixed", action: "confirm", id }, { label: "btn-not-fixed", action: "notfixed", id }],
      [{ label: "rate-5", action: "rate", id, arg: "5" }], [{ label: "rate-4", action: "rate", id, arg: "4" }],
      [{ label: "rate-3", action: "rate", id, arg: "3" }], [{ label: "rate-2", action: "rate", id, arg: "2" }],
      [{ label: "rate-1", action: "rate", id, arg: "1" }],
    ]);
    expect(await survey(id)).toMatchObject({ status: "requested", requestedAt: min(T0, 120), dueAt: min(T0, 120 + 240) });

    await runCallbacks(d, min(T0, 121)); // nothing new: the request goes out once
    expect(await count(d, "callback-ask-fixed")).toBe(1);

    await runCallbacks(d, min(T0, 360));
    expect(await count(d, "callback-reminder-fixed", s.owner.id)).toBe(1);
    expect(await survey(id)).toMatchObject({ status: "reminded", remindedAt: min(T0, 360), dueAt: min(T0, 24 * 60) });

    await runCallbacks(d, min(T0, 24 * 60 - 1));
    expect(await count(d, "callback-phone-task")).toBe(0);
    await runCallbacks(d, min(T0, 24 * 60)); // Tuesday 10:00: 24 h after completion
    const [task] = await sent(d, "callback-phone-task", s.desk.id);
    expect(JSON.parse(task!.params)).toMatchObject({ number: "BX-20261123-0001", owner: "王阿姨", phone: "13800138000", place: "1-2-301" });
    expect(buttons(task!)).toEqual([[{ label: "btn-record-phone-answer", action: "cbans", id }]]);
    expect(await survey(id)).toMatchObject({ status: "phone", phoneTaskAt: min(T0, 24 * 60), dueAt: null });
    expect(await count(d, "callback-reminder-fixed")).toBe(1); // only one reminder

    const tasks = value(await listPhoneCallbacks(d.db, s.desk.id));
    expect(tasks.map((t) => [t.number, t.owner, t.phone])).toEqual([["BX-20261123-0001", "王阿姨", "13800138000"]]);
    expect(await listPhoneCallbacks(d.db, s.owner.id)).toEqual({ ok: false, error: "FORBIDDEN" });

    value(await answerSurvey(d, { ticketId: id, actorId: s.desk.id, rating: 4, comment: "电话回访:满意", channel: "phone" }, min(T0, 24 * 60 + 30)));
    expect(await survey(id)).toMatchObject({ status: "answered", channel: "phone", rating: 4, answeredBy: s.desk.id });
    expect(value(await listPhoneCallbacks(d.db, s.desk.id))).toEqual([]);
    expect(await phoneCallbackTask(d.db, s.desk.id, id)).toEqual({ ok: false, error: "ALREADY_RATED" });
    await runCallbacks(d, min(T0, 3 * 24 * 60));
    expect(await d.db.outbox.count({ where: { key: { startsWith: "callback-" } } })).toBe(3);
    const actions = (await d.db.event.findMany({ where: { ticketId: id, actorId: null, action: { startsWith: "callback-" } }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["callback-requested", "callback-reminded", "callback-phone-task"]);
  });

  it("holds the request at night until office hours start, and holds the reminder too", async () => {
    const id = await completed(d, s, sh("2026-11-23T16:30:00")); // due 18:30, after office hours
    const r = await runCallbacks(d, sh("2026-11-23T18:30:00"));
    expect(r).toMatchObject({ due: 1, held: 1, done: 0 });
    expect(await d.db.outbox.count({ where: { key: { startsWith: "callback-" } } })).toBe(0);
    expect((await survey(id)).dueAt).toEqual(sh("2026-11-24T08:00:00"));
    expect((await survey(id)).status).toBe("scheduled");

    await runCallbacks(d, sh("2026-11-24T03:00:00"));
    expect(await count(d, "callback-ask-fixed")).toBe(0);
    await runCallbacks(d, sh("2026-11-24T08:00:00"));
    expect(await count(d, "callback-ask-fixed")).toBe(1);
    expect((await survey(id)).dueAt).toEqual(sh("2026-11-24T12:00:00"));
  });

  it("moves a reminder that would fall in the evening to the next morning", async () => {
    const id = await completed(d, s, sh("2026-11-23T14:00:00")); // requested 16:00; +4 h = 20:00
    await runCallbacks(d, sh("2026-11-23T16:00:00"));
    expect((await survey(id)).dueAt).toEqual(sh("2026-11-24T08:00:00"));
    await runCallbacks(d, sh("2026-11-24T08:00:00"));
    expect(await count(d, "callback-reminder-fixed")).toBe(1);
    expect((await survey(id)).dueAt).toEqual(sh("2026-11-24T14:00:00")); // 24 h after completion
  });

  it("asks only for the rating when the owner already confirmed, and nothing once rated", async () => {
    const confirmedId = await completed(d, s, T0);
    value(await confirmFixed(d, s.owner.id, confirmedId, min(T0, 10)));
    const ratedId = await completed(d, s, T0);
    value(await answerSurvey(d, { ticketId: ratedId, actorId: s.owner.id, rating: 5, channel: "bot" }, min(T0, 10)));
    await runCallbacks(d, min(T0, 120));
    const asks = await d.db.outbox.findMany({ where: { key: { startsWith: "callback-" } } });
    expect(asks.map((a) => a.key)).toEqual(["callback-ask-rating"]);
    expect(buttons(asks[0]!).flat().map((b) => b.action)).toEqual(["rate", "rate", "rate", "rate", "rate"]);
  });

  it("goes straight to the desk when the owner cannot be reached in the bot", async () => {
    const id = await completed(d, s, T0);
    await d.db.person.update({ where: { id: s.owner.id }, data: { blockedAt: T0 } });
    await runCallbacks(d, min(T0, 120));
    expect(await count(d, "callback-ask-fixed")).toBe(0);
    expect(await count(d, "callback-phone-task", s.desk.id)).toBe(1);
    expect((await survey(id)).status).toBe("phone");
  });

  it("skips a survey voided because the owner said it was not fixed", async () => {
    const id = await completed(d, s, T0);
    value(await reportNotFixed(d, s.owner.id, id, "还在滴水", min(T0, 30)));
    await runCallbacks(d, min(T0, 200));
    expect(await d.db.outbox.count({ where: { key: { startsWith: "callback-" } } })).toBe(0);
  });

  it("a 1-2 phone answer opens a follow-up for the supervisor due in one working day; closing it tells the owner", async () => {
    const id = await completed(d, s, T0);
    await runCallbacks(d, min(T0, 120));
    await runCallbacks(d, min(T0, 360));
    await runCallbacks(d, min(T0, 24 * 60));
    const answer = value(await answerSurvey(d, { ticketId: id, actorId: s.desk.id, rating: 2, comment: "师傅态度不好", channel: "phone" }, min(T0, 24 * 60)));
    const f = await d.db.followUp.findUniqueOrThrow({ where: { id: answer.followUpId! } });
    expect(f).toMatchObject({ assigneeRole: "supervisor", dueAt: sh("2026-11-25T10:00:00"), remindAt: sh("2026-11-25T08:00:00") });
    expect(await count(d, "followup-new", s.supervisor.id)).toBe(1);

    const open = value(await listOpenFollowUps(d.db, s.supervisor.id, min(T0, 24 * 60)));
    expect(open.map((x) => [x.id, x.number, x.overdue])).toEqual([[f.id, "BX-20261123-0001", false]]);
    expect(await closeFollowUp(d, { followUpId: f.id, actorId: s.owner.id, result: "x" }, min(T0, 25 * 60))).toEqual({ ok: false, error: "FORBIDDEN" });
    // a person named for it whose role was revoked since may not close it
    const named = s.technicians[0]!;
    await d.db.followUp.update({ where: { id: f.id }, data: { assigneeId: named.id } });
    await d.db.roleGrant.updateMany({ where: { personId: named.id }, data: { revokedAt: T0 } });
    expect(await closeFollowUp(d, { followUpId: f.id, actorId: named.id, result: "x" }, min(T0, 25 * 60))).toEqual({ ok: false, error: "FORBIDDEN" });
    value(await closeFollowUp(d, { followUpId: f.id, actorId: s.supervisor.id, result: "已向业主道歉并对师傅进行培训" }, min(T0, 25 * 60)));
    const [result] = await sent(d, "followup-result", s.owner.id);
    expect(JSON.parse(result!.params)).toMatchObject({ number: "BX-20261123-0001", result: "已向业主道歉并对师傅进行培训" });
    expect(await closeFollowUp(d, { followUpId: f.id, actorId: s.supervisor.id, result: "again" }, min(T0, 26 * 60))).toEqual({ ok: false, error: "INVALID_STATE" });
    expect(value(await listOpenFollowUps(d.db, s.supervisor.id, min(T0, 26 * 60)))).toEqual([]);
  });
});

describe("resilience", () => {
  it("logs a poisoned item, backs it off exponentially, and goes on with the others", async () => {
    const good = await completed(d, s, T0);
    const z = await poisonedSite(d, s);
    const owner = z.site.owner;
    const poisoned = await completed(d, z.site, T0);
    await z.poison();
    const { lines, log } = captureLog();

    const r = await runCallbacks(d, min(T0, 120), { log });
    expect(r).toMatchObject({ due: 2, done: 1, failed: 1 });
    expect((await survey(good)).status).toBe("requested");
    expect(await survey(poisoned)).toMatchObject({ status: "scheduled", dueAt: min(T0, 121), attempts: 1 });
    expect(lines.filter((l) => l.level === "error")).toHaveLength(1);
    expect(lines[0]!.extra).toMatchObject({ id: (await survey(poisoned)).id });

    await runCallbacks(d, min(T0, 121), { log });
    expect(await survey(poisoned)).toMatchObject({ dueAt: min(T0, 123), attempts: 2 });
    await runCallbacks(d, min(T0, 122), { log }); // not due yet: no attempt
    expect((await survey(poisoned)).attempts).toBe(2);

    await z.heal();
    await runCallbacks(d, min(T0, 123), { log });
    expect(await survey(poisoned)).toMatchObject({ status: "requested", attempts: 0 });
    expect(await count(d, "callback-ask-fixed", owner.id)).toBe(1);
  });

  it("handles a batch at a time and picks up the rest on the next tick", async () => {
    for (let i = 0; i < 5; i++) await completed(d, s, T0);
    expect((await runCallbacks(d, min(T0, 120), { batch: 3 })).done).toBe(3);
    expect((await runCallbacks(d, min(T0, 120), { batch: 3 })).done).toBe(2);
    expect(await count(d, "callback-ask-fixed")).toBe(5);
  });
});
