// The technician's job card keeps its clock: the time left to arrival, then to completion, edited
// as it runs down (only when the shown value changes), red at the breach with the supervisor who
// was alerted, and ended with the job. The owner's ticket card says when the technician is expected.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runArrivalWatch } from "../../src/domain/scheduled/arrival-watch.ts";
import { runCompletionClock } from "../../src/domain/scheduled/completion-clock.ts";
import { runJobCards } from "../../src/domain/scheduled/job-cards.ts";
import { reportFault } from "../../src/domain/tickets/report.ts";
import { addMinutes } from "../../src/domain/time.ts";
import { floodWait } from "../../src/fake-bot-api/server.ts";
import { createHarness, buttonsOf, textOf, type Call, type Harness } from "../helpers/bot-harness.ts";
import { T0, makeSite, makeStaff, report, value } from "../helpers/fixtures.ts";

let h: Harness;
beforeEach(async () => { h = await createHarness(); });
afterEach(async () => { await h.close(); });

/** Owner, two technicians and a supervisor; a ticket reported at T0 (Monday 10:00 in Shanghai) and offered. */
async function site() {
  const s = await makeSite(h.database.db, 2);
  await makeStaff(h.database.db, s.property.id, "supervisor", "赵主管");
  const chat = (p: { telegramId: bigint | null; name: string }) => h.user(Number(p.telegramId), p.name);
  const ticket = value(await reportFault(h.database, report(s.owner.id, s.unit.id), h.now()));
  await h.flush();
  return { ...s, ticket, owner: chat(s.owner), tech: chat(s.technicians[0]!) };
}

/** Runs the job cards' tick at `at` (clock set there) and sends what it queued. */
async function tickAt(at: Date) {
  h.setNow(at);
  const report = await runJobCards(h.database, h.now());
  await h.flush();
  return report;
}

/** The edits of one message in a chat, oldest first. */
const editsOf = (calls: Call[], messageId: number) =>
  calls.filter((c) => c.method === "editMessageText" && c.payload.message_id === messageId);

describe("the technician's job card", () => {
  it("under Telegram's limits (enforcing fake), a 429 on the card's edit is waited out: one edit arrives", async () => {
    await h.close();
    h = await createHarness({ enforce: true });
    const s = await site();
    const card = (await s.tech.press("接单")).find((c) => buttonsOf(c).some((b) => b.text.includes("已完成")))!;
    await h.flush(); // the other technician's offer is edited to "taken" first
    h.fake.failNext("editMessageText", floodWait(2));
    await tickAt(addMinutes(h.now(), 10));
    // the edit waits out retry_after: it is due again then, and goes
    const waiting = await h.database.db.outbox.findFirstOrThrow({ where: { status: "pending", ref: { startsWith: "job:" } } });
    expect(waiting.dueAt.getTime()).toBeGreaterThan(h.now().getTime());
    h.setNow(waiting.dueAt);
    await h.flush();
    const edits = editsOf(s.tech.inbox(), card.result.message_id as number);
    expect(h.fake.floods()).toHaveLength(1);
    expect(edits.filter((c) => c.result)).toHaveLength(1);
    expect(textOf(edits.at(-1))).toMatch(/还剩 \d+ 分钟。/);
    expect(await h.database.db.outbox.count({ where: { status: { not: "sent" } } })).toBe(0);
  });

  it("counts down to arrival after the accept, edited only when the shown value changes, once across two ticks", async () => {
    const s = await site();
    const accepted = await s.tech.press("接单");
    const card = accepted.find((c) => buttonsOf(c).some((b) => b.text.includes("已完成")))!;
    expect(textOf(card)).toContain("⏱ 请于 10:30 前到场，还剩 30 分钟。");
    const id = card.result.message_id as number;
    const edits = () => editsOf(s.tech.inbox(), id);

    // 30 seconds on: still "30 minutes", nothing is due, nothing is sent
    expect((await tickAt(addMinutes(T0, 0.5))).due).toBe(0);
    expect(edits()).toHaveLength(0);

    // a minute on, two schedulers tick at once: one edit
    h.setNow(addMinutes(T0, 1));
    const [one, two] = await Promise.all([runJobCards(h.database, h.now()), runJobCards(h.database, h.now())]);
    expect(one.done + two.done).toBe(1);
    await h.flush();
    expect(edits().map(textOf)).toHaveLength(1);
    expect(textOf(edits()[0])).toContain("⏱ 请于 10:30 前到场，还剩 29 分钟。");
    expect(buttonsOf(edits()[0]).map((b) => b.text)).toEqual(buttonsOf(card).map((b) => b.text)); // the buttons stay
    expect(textOf(edits()[0])).toContain(s.ticket.number);

    // ten seconds later the value is the same: no edit
    expect((await tickAt(addMinutes(T0, 1 + 1 / 6))).done).toBe(0);
    expect(edits()).toHaveLength(1);

    // a jump of 24 minutes is one edit, to the value of now
    await tickAt(addMinutes(T0, 25));
    expect(edits()).toHaveLength(2);
    expect(textOf(edits()[1])).toContain("还剩 5 分钟。");
    expect(await h.database.db.outbox.count({ where: { ref: { startsWith: "job:" }, kind: "edit" } })).toBe(2);
  });

  it("turns red at the breach and names the supervisor alerted; after arrival it counts down to completion", async () => {
    const s = await site();
    const card = (await s.tech.press("接单")).find((c) => buttonsOf(c).some((b) => b.text.includes("已完成")))!;
    const edits = () => editsOf(s.tech.inbox(), card.result.message_id as number);

    await tickAt(addMinutes(T0, 30));
    expect(edits().at(-1) && textOf(edits().at(-1))).toContain("🔴 已超过到场时限，请尽快到场。");
    const red = edits().length;
    // the technician's own reminder wakes the card, but what it shows is the same
    await runArrivalWatch(h.database, h.now());
    await tickAt(addMinutes(T0, 31));
    expect(edits()).toHaveLength(red);

    // ten minutes later the supervisor is alerted: the card names them
    h.setNow(addMinutes(T0, 41));
    await runArrivalWatch(h.database, h.now());
    await tickAt(addMinutes(T0, 41));
    expect(textOf(edits().at(-1))).toContain("🔴 已超过到场时限，已通知主管 赵主管。");
    expect(edits()).toHaveLength(red + 1);

    // on site: the clock moves to the completion deadline (a day from the report)
    h.setNow(addMinutes(T0, 45));
    await s.tech.press("已到场");
    await tickAt(addMinutes(T0, 45));
    expect(textOf(edits().at(-1))).toContain("⏱ 请于 11-24 10:00 前完工，还剩约 23 小时。");
    expect(buttonsOf(edits().at(-1)).some((b) => b.text.includes("已完成"))).toBe(true);

    // the completion deadline passes: warned at 80 % (05:12, held to the office's 08:00), then the
    // supervisor at the breach
    h.setNow(addMinutes(T0, 1320));
    await runCompletionClock(h.database, h.now());
    h.setNow(addMinutes(T0, 1440));
    await runCompletionClock(h.database, h.now());
    await tickAt(addMinutes(T0, 1440));
    expect(textOf(edits().at(-1))).toContain("🔴 已超过完工时限 10:00，已通知主管 赵主管。");
  });

  it("stops with the job: the done job's card loses its clock and buttons, then is left alone", async () => {
    const s = await site();
    const card = (await s.tech.press("接单")).find((c) => buttonsOf(c).some((b) => b.text.includes("已完成")))!;
    const edits = () => editsOf(s.tech.inbox(), card.result.message_id as number);
    h.setNow(addMinutes(T0, 5));
    await s.tech.press("已完成");
    await s.tech.send("换了阀芯");
    await s.tech.press("跳过");
    expect((await h.database.db.ticket.findUniqueOrThrow({ where: { id: s.ticket.ticketId } })).status).toBe("completed");

    await tickAt(addMinutes(T0, 5));
    expect(edits()).toHaveLength(1);
    expect(textOf(edits()[0])).not.toContain("⏱");
    expect(textOf(edits()[0])).toContain("状态：待业主确认");
    expect(buttonsOf(edits()[0])).toEqual([]);
    for (const m of [6, 30, 90, 600]) await tickAt(addMinutes(T0, m));
    expect(edits()).toHaveLength(1);
    const row = await h.database.db.jobCard.findFirstOrThrow({ where: { ticketId: s.ticket.ticketId } });
    expect(row.endedAt).not.toBeNull();
    expect(row.nextEditAt).toBeNull();
  });

  it("keeps one edit waiting at most: a newer value replaces one not yet sent", async () => {
    const s = await site();
    await s.tech.press("接单");
    for (const m of [1, 2, 3]) {
      h.setNow(addMinutes(T0, m));
      await runJobCards(h.database, h.now()); // the sender is not running
    }
    const waiting = await h.database.db.outbox.findMany({ where: { ref: { startsWith: "job:" }, kind: "edit", status: "pending" } });
    expect(waiting).toHaveLength(1);
    expect(JSON.parse(waiting[0]!.params)).toMatchObject({ left: 27, unit: "min" });
  });
});

describe("the owner's ticket card", () => {
  it("shows when the technician is expected, on the property's clock", async () => {
    const s = await site();
    await s.tech.press("接单");
    await h.flush();
    await s.owner.send("/my");
    const shown = await s.owner.press(s.ticket.number);
    expect(shown.map(textOf).join("\n")).toContain("预计上门：2026-11-23 10:30 前");
    h.setNow(addMinutes(T0, 10));
    await s.tech.press("已到场");
    expect((await s.owner.press(s.ticket.number)).map(textOf).join("\n")).not.toContain("预计上门");
  });
});
