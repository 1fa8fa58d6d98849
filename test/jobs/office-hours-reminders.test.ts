// Staff reminders wait for office hours on a working day, unless the work is an emergency.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCompletionClock } from "../../src/domain/scheduled/completion-clock.ts";
import { runDeadlines } from "../../src/domain/scheduled/deadlines.ts";
import { answerSurvey } from "../../src/domain/surveys.ts";
import { acceptJob } from "../../src/domain/tickets/dispatch.ts";
import { cannotFinish } from "../../src/domain/tickets/work.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { completed, count, makeDesk, reported, sh, value, type Desk } from "./site.ts";

let d: TestDatabase;
let s: Desk;
beforeEach(async () => { d = await testDatabase(); s = await makeDesk(d); });
afterEach(async () => { await d.drop(); });

describe("staff reminders in office hours", () => {
  it("a low score's follow-up reminder, due two hours before a 09:10 deadline, waits for 08:00", async () => {
    const id = await completed(d, s, sh("2026-11-25T09:00:00"));
    value(await answerSurvey(d, { ticketId: id, actorId: s.owner.id, rating: 1, channel: "bot" }, sh("2026-11-25T09:10:00")));
    await runDeadlines(d, sh("2026-11-26T07:10:00"));
    expect(await count(d, "followup-reminder")).toBe(0);
    await runDeadlines(d, sh("2026-11-26T08:00:00"));
    expect(await count(d, "followup-reminder", s.supervisor.id)).toBe(1);
  });

  async function postponed(over: Record<string, unknown> = {}) {
    const tech = s.technicians[0]!;
    const id = await reported(d, s, sh("2026-11-23T10:00:00"), over);
    value(await acceptJob(d, tech.id, id, sh("2026-11-23T10:05:00")));
    // back tomorrow morning (09:00-12:00): 80 % of the time from 11:00 falls at 07:00
    const input = { reason: "需要订购配件", window: "tomorrow_am", newTimeText: "明天上午" };
    value(await cannotFinish(d, tech.id, id, input, sh("2026-11-23T11:00:00")));
    return tech.id;
  }

  it("after 'cannot finish', the 80 % completion warning waits for the office's 08:00", async () => {
    const tech = await postponed();
    await runCompletionClock(d, sh("2026-11-24T07:00:00"));
    expect(await count(d, "completion-warning", tech)).toBe(0);
    await runCompletionClock(d, sh("2026-11-24T08:00:00"));
    expect(await count(d, "completion-warning", tech)).toBe(1);
  });

  it("an emergency's warning is not held", async () => {
    const tech = await postponed({ emergency: true, description: "水管爆裂" });
    await runCompletionClock(d, sh("2026-11-24T07:00:00"));
    expect(await count(d, "completion-warning", tech)).toBe(1);
  });
});
