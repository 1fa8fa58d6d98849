// The job card's clock value: coarse enough to change at most once a minute, and `changesAt` is
// exactly the next instant the shown value differs.
import { describe, expect, it } from "vitest";
import { cardClock, timeLeft } from "../../src/domain/tickets/job-card.ts";
import { T0 } from "../helpers/fixtures.ts";

const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const show = (due: Date, now: Date) => { const l = timeLeft(due, now); return `${l.left}${l.unit}`; };

describe("the time left on a job card", () => {
  it("reads minutes to an hour, about-hours to two days, then about-days", () => {
    const due = at(0);
    expect(show(due, at(-30))).toBe("30min");
    expect(show(due, at(-0.5))).toBe("1min");
    expect(show(due, at(-60))).toBe("60min");
    expect(show(due, at(-61))).toBe("1hour");
    expect(show(due, at(-150))).toBe("3hour");
    expect(show(due, at(-48 * 60))).toBe("48hour");
    expect(show(due, at(-72 * 60))).toBe("3day");
  });

  it("changes exactly at changesAt, never sooner than a minute after the last change", () => {
    const due = at(0);
    let now = at(-5 * 24 * 60);
    let changes = 0;
    while (now < due) {
      const { changesAt } = timeLeft(due, now);
      const before = new Date(changesAt.getTime() - 1000);
      if (before > now) expect(show(due, before)).toBe(show(due, now));
      if (changesAt < due) expect(show(due, changesAt)).not.toBe(show(due, now));
      expect(changesAt.getTime() - now.getTime()).toBeGreaterThan(0);
      if (changes > 0) expect(changesAt.getTime() - now.getTime()).toBeGreaterThanOrEqual(60_000);
      now = changesAt;
      changes++;
    }
    // 60 minutes, 47 hours, a few days: far fewer edits than minutes
    expect(changes).toBeLessThan(120);
  });

  it("shows the deadline on the property's clock, and the breach", () => {
    const t = { status: "accepted", arrivalDueAt: at(30), arrivalLevel: 0, completionDueAt: null, completionLevel: 0 };
    expect(cardClock(t, T0, "Asia/Shanghai", []).params).toMatchObject({ clock: "arrival", due: "10:30", left: 30, late: "no" });
    expect(cardClock(t, T0, "Europe/London", []).params.due).toBe("02:30");
    const late = cardClock({ ...t, arrivalLevel: 2, arrivalDueAt: null }, at(45), "Asia/Shanghai", ["赵主管"]);
    expect(late.params).toMatchObject({ late: "yes", alerted: "赵主管", alertedCount: 1 });
    expect(late.changesAt).toBeNull();
  });
});
