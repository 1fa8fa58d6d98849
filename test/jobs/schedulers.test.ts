// Two schedulers at once (on PostgreSQL: two connection pools, as two processes would have), a
// restart after downtime, and the node-cron wiring: ticks never overlap and never throw.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../src/db/client.ts";
import { runAppointmentReminders } from "../../src/domain/scheduled/appointment-reminder.ts";
import { runArrivalWatch } from "../../src/domain/scheduled/arrival-watch.ts";
import { runCallbacks } from "../../src/domain/scheduled/callbacks.ts";
import { runCloseOut } from "../../src/domain/scheduled/close-out.ts";
import { runDeadlines } from "../../src/domain/scheduled/deadlines.ts";
import { runDispatchEscalation } from "../../src/domain/scheduled/dispatch-escalation.ts";
import type { TickReport } from "../../src/domain/scheduled/batch.ts";
import { fileComplaint } from "../../src/domain/complaints.ts";
import { acceptJob } from "../../src/domain/tickets/dispatch.ts";
import { createTicker, JOBS, startJobs, type Job } from "../../src/jobs/index.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { TEST_DB } from "../helpers/db-settings.ts";
import { captureLog, completed, count, makeDesk, min, reported, secondScheduler, sh, T0, value, type Desk } from "./site.ts";

let d: TestDatabase;
let s: Desk;
beforeEach(async () => {
  d = await testDatabase();
  s = await makeDesk(d);
});
afterEach(async () => { await d.drop(); });

/** Work of every kind due at T0 + 2 h (Monday 12:00 local). */
async function dueWork() {
  const at = min(T0, 120);
  for (let i = 0; i < 3; i++) await completed(d, s, T0); // callbacks due at +120
  for (let i = 0; i < 3; i++) await reported(d, s, min(at, -5)); // dispatch due at +120
  for (let i = 0; i < 3; i++) {
    const id = await reported(d, s, min(at, -30), { preferredTime: "today_pm" }); // appointment 14:00 → reminder 13:30
    value(await acceptJob(d, s.technicians[0]!.id, id, min(at, -30))); // arrival due by the window's end, 17:00
  }
  for (let i = 0; i < 3; i++) value(await fileComplaint(d, { propertyId: s.property.id, complainantId: s.owner.id, category: "fees", description: "收费不合理", urgent: true }, sh("2026-11-20T10:00:00")));
  return at;
}

const KEYS = ["callback-ask-fixed", "dispatch-overdue", "offer-reminder", "arrival-late-technician", "appointment-reminder-technician", "complaint-reminder", "closeout-report"];
const outboxCounts = async () => Object.fromEntries(await Promise.all(KEYS.map(async (k) => [k, await count(d, k)] as const)));

describe("two schedulers racing", () => {
  it(`send each message once (${TEST_DB})`, async () => {
    const at = await dueWork();
    await runCloseOut(d, sh("2026-11-23T09:00:00"));
    const other = await secondScheduler(d);
    const runs: [(db: Database, now: Date) => Promise<TickReport>, Date][] = [
      [runCallbacks, at], [runDispatchEscalation, at], [runAppointmentReminders, sh("2026-11-23T13:30:00")],
      [runArrivalWatch, sh("2026-11-23T17:00:00")], [runDeadlines, sh("2026-11-23T10:00:00")], [runCloseOut, sh("2026-11-23T17:30:00")],
    ];
    try {
      for (const [run, now] of runs) {
        const reports = await Promise.all([run(d, now), run(other.database, now), run(d, now)]);
        expect(reports.map((r) => r.failed)).toEqual([0, 0, 0]);
        // deadlines: 3 reminders and 3 alerts that no handler was named within the hour
        expect(reports.reduce((n, r) => n + r.done, 0)).toBe(run === runCloseOut ? 1 : run === runDeadlines ? 6 : 3);
      }
    } finally {
      await other.close();
    }
    expect(await outboxCounts()).toEqual({
      "callback-ask-fixed": 3, "dispatch-overdue": 3, "offer-reminder": 3, "arrival-late-technician": 3,
      "appointment-reminder-technician": 3, "complaint-reminder": 3, "closeout-report": 2,
    });
    // each round once: one "offered" per ticket escalated, at the tick
    expect(await d.db.event.count({ where: { action: "offered", at } })).toBe(3);
    expect(await d.db.event.count({ where: { action: "dispatch-escalated" } })).toBe(3);
  });
});

describe("restart", () => {
  it("loses nothing: work that fell due while the process was down runs on the first tick after start", async () => {
    await dueWork();
    await d.close(); // the process stops at 11:00 ...
    const restarted = await createDatabase(d.url); // ... and starts again at 17:00
    const fired: (() => Promise<unknown>)[] = [];
    const jobs = startJobs({ database: restarted, clock: () => sh("2026-11-23T17:00:00"), log: captureLog().log, timezone: "Asia/Shanghai" }, {
      schedule: (_expr, fn) => { fired.push(fn); return { stop: () => undefined }; },
    });
    try {
      for (const fire of fired) await fire(); // the first tick of every job
    } finally {
      await jobs.stop();
    }
    const c = (key: string) => restarted.db.outbox.count({ where: { key } });
    expect(await c("callback-ask-fixed")).toBe(3);
    expect(await c("dispatch-overdue")).toBe(3);
    expect(await c("arrival-late-technician")).toBe(3);
    expect(await c("complaint-reminder")).toBe(3);
    // the 13:30 reminders for 14:00 visits are stale by 17:00: dropped, not sent
    expect(await c("appointment-reminder-technician")).toBe(0);
    expect(await restarted.db.event.count({ where: { action: "appointment-reminder-dropped" } })).toBe(3);
    await restarted.close();
  });
});

describe("the node-cron wiring", () => {
  const deferred = () => {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => { resolve = r; });
    return { promise, resolve };
  };
  const empty = (job: string): TickReport => ({ job, due: 0, done: 0, held: 0, skipped: 0, failed: 0 });

  it("never overlaps ticks of one job", async () => {
    const gate = deferred();
    let calls = 0;
    const job: Job = { name: "slow", cron: "* * * * * *", run: async () => { calls++; await gate.promise; return empty("slow"); } };
    const ticker = createTicker(job, { database: d, clock: () => T0, log: captureLog().log });
    const first = ticker.tick();
    expect(await ticker.tick()).toBeNull(); // skipped while the first runs
    gate.resolve();
    expect(await first).toMatchObject({ job: "slow" });
    await ticker.tick();
    expect(calls).toBe(2);
  });

  it("never lets a tick throw, and logs the error", async () => {
    const { lines, log } = captureLog();
    const job: Job = { name: "broken", cron: "* * * * * *", run: async () => { throw new Error("database is down"); } };
    await expect(createTicker(job, { database: d, clock: () => T0, log }).tick()).resolves.toBeNull();
    expect(lines).toEqual([{ level: "error", msg: "job broken: tick failed", extra: { error: "Error: database is down" } }]);
  });

  it("schedules every job in the configured time zone without overlap, and stop() waits for a running tick", async () => {
    const scheduled: { expr: string; opts: object; fn: () => Promise<unknown> }[] = [];
    const stopped: string[] = [];
    const gate = deferred();
    let finished = false;
    const slow: Job = { name: "slow", cron: "*/10 * * * * *", run: async () => { await gate.promise; finished = true; return empty("slow"); } };
    const jobs = startJobs({ database: d, clock: () => T0, log: captureLog().log, timezone: "Asia/Shanghai" }, {
      jobs: [...JOBS, slow],
      schedule: (expr, fn, opts) => { scheduled.push({ expr, opts, fn }); return { stop: () => void stopped.push(opts.name) }; },
    });
    expect(scheduled.map((x) => (x.opts as { name: string }).name)).toEqual([...JOBS.map((j) => j.name), "slow"]);
    expect(scheduled.every((x) => (x.opts as { timezone: string; noOverlap: boolean }).timezone === "Asia/Shanghai")).toBe(true);
    expect(scheduled.every((x) => (x.opts as { noOverlap: boolean }).noOverlap)).toBe(true);
    const running = scheduled.at(-1)!.fn();
    const stopping = jobs.stop();
    await Promise.resolve();
    expect(finished).toBe(false);
    gate.resolve();
    await stopping;
    await running;
    expect(finished).toBe(true);
    expect(stopped).toHaveLength(JOBS.length + 1);
  });

  it("starts and stops real node-cron tasks", async () => {
    const jobs = startJobs({ database: d, clock: () => T0, log: captureLog().log });
    await jobs.stop();
  });
});
