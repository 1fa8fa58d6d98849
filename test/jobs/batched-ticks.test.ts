// Jobs whose tick works on its due items together (claimDue): the job cards' clocks and the
// appointment reminder. What each item gets is the same as when it is alone; the tick costs a few
// statements plus about one per item (claims, waiting edits replaced, reporters read at once), two
// schedulers edit a card once, and a poisoned item only delays itself.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runAppointmentReminders } from "../../src/domain/scheduled/appointment-reminder.ts";
import { runArrivalWatch } from "../../src/domain/scheduled/arrival-watch.ts";
import { runDispatchEscalation } from "../../src/domain/scheduled/dispatch-escalation.ts";
import { runJobCards } from "../../src/domain/scheduled/job-cards.ts";
import { notify } from "../../src/domain/notify.ts";
import { acceptJob } from "../../src/domain/tickets/dispatch.ts";
import { jobCardShown, openJobCard } from "../../src/domain/tickets/job-card.ts";
import { reportFault } from "../../src/domain/tickets/report.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { makeOwner, makeUnit } from "../helpers/fixtures.ts";
import { captureLog, makeDesk, min, poisonedSite, reported, secondScheduler, sent, sh, T0, value, type Desk } from "./site.ts";

let d: TestDatabase;
let s: Desk;
beforeEach(async () => {
  d = await testDatabase({ countStatements: true });
  s = await makeDesk(d);
});
afterEach(async () => { await d.drop(); });

const tech = () => s.technicians[0]!;
let messageId = 100;

/** A job accepted by the first technician at `at`, its card shown then; the card's ref. */
async function carded(at: Date, site: Desk = s): Promise<{ ticketId: number; ref: string }> {
  const ticketId = await reported(d, site, at);
  value(await acceptJob(d, tech().id, ticketId, at));
  const open = value(await openJobCard(d.db, tech().id, ticketId, at));
  await jobCardShown(d.db, open.card, { chatId: Number(tech().telegramId), messageId: ++messageId }, at);
  return { ticketId, ref: `job:${ticketId}:${tech().id}` };
}

async function statementsOf<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const before = d.statements();
  const result = await fn();
  return { result, statements: d.statements() - before };
}

/** The edits of the card waiting to go out, with their params. */
async function waiting(ref: string) {
  const rows = await d.db.outbox.findMany({ where: { ref, kind: "edit", status: "pending" } });
  return rows.map((r) => JSON.parse(r.params) as Record<string, unknown>);
}

describe("the job cards' clocks, a tick at a time", () => {
  it("edits every due card in one tick of a few statements plus one a card: late ones name the supervisor, a waiting edit is replaced", async () => {
    const late = [];
    for (let i = 0; i < 4; i++) late.push(await carded(T0));
    const running = [];
    for (let i = 0; i < 4; i++) running.push(await carded(min(T0, 20)));
    await notify(d.db, min(T0, 21), tech().id, { kind: "edit", ref: running[0]!.ref, key: "job-card", params: { left: 29 } });
    // the first four are 40 minutes past their acceptance: the supervisor has been alerted
    await runArrivalWatch(d, min(T0, 30));
    await runArrivalWatch(d, min(T0, 40));

    const { result, statements } = await statementsOf(() => runJobCards(d, min(T0, 40)));
    expect(result).toMatchObject({ due: 8, done: 8, failed: 0 });
    expect(statements).toBeLessThanOrEqual(8 + 12);
    for (const c of late) {
      expect(await waiting(c.ref)).toEqual([expect.objectContaining({ clock: "arrival", late: "yes", alerted: "赵主管", alertedCount: 1 })]);
    }
    for (const c of running) {
      expect(await waiting(c.ref)).toEqual([expect.objectContaining({ clock: "arrival", late: "no", due: "10:50", left: 10, unit: "min" })]);
    }
    // the replaced edit kept its place: still the oldest edit row
    const edits = await d.db.outbox.findMany({ where: { kind: "edit", key: "job-card" }, orderBy: { id: "asc" } });
    expect(edits).toHaveLength(8);
    expect(edits[0]!.ref).toBe(running[0]!.ref);
  });

  it("edits each card once when two schedulers tick at once", async () => {
    const cards = [];
    for (let i = 0; i < 6; i++) cards.push(await carded(T0));
    const other = await secondScheduler(d);
    try {
      const [one, two] = await Promise.all([runJobCards(d, min(T0, 1)), runJobCards(other.database, min(T0, 1))]);
      expect(one.done + two.done).toBe(6);
      expect(one.failed + two.failed).toBe(0);
    } finally {
      await other.close();
    }
    for (const c of cards) expect(await waiting(c.ref)).toEqual([expect.objectContaining({ left: 29 })]);
  });

  it("re-offers the pool off Prisma's path: the probe, then a few driver statements whatever the number of tickets", async () => {
    for (let i = 0; i < 5; i++) await reported(d, s, T0);
    const [total, swept] = [d.statements(), d.sweep.statements()];
    expect(await runDispatchEscalation(d, min(T0, 5))).toMatchObject({ due: 5, done: 5 });
    const bySweep = d.sweep.statements() - swept;
    expect(d.statements() - total - bySweep).toBe(1); // "anything due?", and no statement through Prisma
    expect(bySweep).toBeLessThanOrEqual(18); // reads 10, commit 6 (+ BEGIN/COMMIT on PostgreSQL)
    expect(await d.db.outbox.count({ where: { key: "offer-reminder" } })).toBe(10);
    expect(await d.db.event.count({ where: { action: "offered", at: min(T0, 5) } })).toBe(5);
  });

  it("backs off a poisoned card and edits the rest", async () => {
    const good = [await carded(T0), await carded(T0)];
    const z = await poisonedSite(d, s);
    const bad = await carded(T0, z.site);
    await z.poison();
    const { log, lines } = captureLog();
    expect(await runJobCards(d, min(T0, 1), { log })).toMatchObject({ due: 3, done: 2, failed: 1 });
    for (const c of good) expect(await waiting(c.ref)).toHaveLength(1);
    expect(await waiting(bad.ref)).toHaveLength(0);
    expect(await d.db.jobCard.findFirstOrThrow({ where: { ticketId: bad.ticketId } })).toMatchObject({ nextEditAt: min(T0, 2) });
    expect(lines.some((l) => l.level === "error" && l.msg.includes("job-cards"))).toBe(true);
  });
});

describe("the appointment reminder, a tick at a time", () => {
  it("tells every reporter of each incident due once, in one tick of a few statements", async () => {
    const neighbour = await makeOwner(d.db, (await makeUnit(d.db, s.property.id, "3-1-502")).id, "李先生");
    const pub = (reporterId: number, location: string) => ({
      reporterId, unitId: null, propertyId: s.property.id, location, category: "public_facilities", description: "坏了",
      emergency: false, access: "public", preferredTime: "today_pm", phone: "13800138000", photos: [] as string[],
    });
    const report = async (reporterId: number, location: string) => value(await reportFault(d, pub(reporterId, location), T0));
    // the lift: reported by the owner, then by the neighbour and the owner again (linked)
    const lift = await report(s.owner.id, "3栋1单元电梯");
    await report(neighbour.id, "3栋 1单元，电梯");
    await report(s.owner.id, "3栋1单元 电梯");
    // the gate: reported by the neighbour, then by the owner (linked)
    const gate = await report(neighbour.id, "北门门禁");
    await report(s.owner.id, "北门 门禁");
    // and three flats' own faults
    const homes = [];
    for (let i = 0; i < 3; i++) homes.push(await reported(d, s, T0, { preferredTime: "today_pm" }));
    expect(await d.db.ticket.count({ where: { status: "linked" } })).toBe(3);
    for (const id of [lift.ticketId, gate.ticketId, ...homes]) value(await acceptJob(d, tech().id, id, T0));

    const { result, statements } = await statementsOf(() => runAppointmentReminders(d, sh("2026-11-23T13:30:00")));
    expect(result).toMatchObject({ due: 5, done: 5, failed: 0 });
    expect(statements).toBeLessThanOrEqual(14);
    expect(await sent(d, "appointment-reminder-technician", tech().id)).toHaveLength(5);
    const told = async (personId: number) =>
      (await sent(d, "appointment-coming-owner", personId)).map((r) => JSON.parse(r.params).number as string).sort();
    // the owner: the lift once (primary and linked report alike), the gate, the three flats
    const numbers = await d.db.ticket.findMany({ where: { id: { in: homes } }, select: { number: true } });
    expect(await told(s.owner.id)).toEqual([lift.number, gate.number, ...numbers.map((n) => n.number)].sort());
    expect(await told(neighbour.id)).toEqual([lift.number, gate.number].sort());
  });
});
