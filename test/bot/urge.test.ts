// 催单 and the completion clock as people see them: an urge before the breach (technician and desk),
// a second one too soon, the 80 % warning and the breach once each across two schedulers, an urge
// after the breach reaching the supervisor; the queue shows urges and lateness; the desk changes
// the priority with a reason.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCompletionClock } from "../../src/domain/scheduled/completion-clock.ts";
import { acceptJob } from "../../src/domain/tickets/dispatch.ts";
import { addMinutes } from "../../src/domain/time.ts";
import { createHarness, textOf, type Harness } from "../helpers/bot-harness.ts";
import { T0, value } from "../helpers/fixtures.ts";
import { makeDesk, reported, secondScheduler, type Desk } from "../jobs/site.ts";

let h: Harness;
let s: Desk;
beforeEach(async () => {
  h = await createHarness();
  s = await makeDesk(h.database);
});
afterEach(async () => { await h.close(); });

const chatOf = (p: { telegramId: bigint | null; name: string }) => h.user(Number(p.telegramId), p.name);
const keys = async (personId: number) => (await h.database.db.outbox.findMany({ where: { personId }, orderBy: { id: "asc" } })).map((o) => o.key);

async function clockAt(minutes: number) {
  h.setNow(addMinutes(T0, minutes));
  const other = await secondScheduler(h.database);
  const done = [(await runCompletionClock(h.database, h.now())).done, (await runCompletionClock(other.database, h.now())).done];
  await other.close();
  await h.flush();
  return done;
}

describe("催单 and the completion clock", () => {
  it("urges before and after a breach; warns at 80 % and reports the breach once each", async () => {
    const id = await reported(h.database, s, T0);
    value(await acceptJob(h.database, s.technicians[0]!.id, id, T0));
    expect(await h.database.db.ticket.findUniqueOrThrow({ where: { id } })).toMatchObject({
      priority: "normal", completionDueAt: addMinutes(T0, 1440), completionCheckAt: addMinutes(T0, 1320), // 80 % is 05:12, held to the office's 08:00
    });
    await h.flush();
    const owner = chatOf(s.owner);
    await owner.send("/my");
    await owner.press("催单");
    expect(owner.lastText()).toContain("已为您催促工单 BX-20261123-0001");
    const again = await owner.press("催单");
    expect(again.find((c) => c.method === "answerCallbackQuery")?.payload.text).toContain("每 2 小时可催单一次");
    await h.flush();
    expect(chatOf(s.technicians[0]!).lastText()).toContain("业主催单");
    expect(chatOf(s.desk).lastText()).toContain("已催 1 次");
    expect(await keys(s.supervisor.id)).not.toContain("urge-supervisor");

    expect(await clockAt(1152)).toEqual([0, 0]);
    expect(await clockAt(1320)).toEqual([1, 0]);
    expect(chatOf(s.technicians[0]!).lastText()).toContain("将于 2026-11-24 10:00 到达完成时限");
    expect(await clockAt(1400)).toEqual([0, 0]);
    expect(await clockAt(1440)).toEqual([1, 0]);
    expect(await clockAt(1500)).toEqual([0, 0]);
    expect(chatOf(s.supervisor).lastText()).toContain("已超过完成时限");
    expect((await keys(s.supervisor.id)).filter((k) => k === "completion-breached")).toHaveLength(1);
    expect((await keys(s.technicians[0]!.id)).filter((k) => k === "completion-warning")).toHaveLength(1);

    await owner.send("/my");
    await owner.press("催单");
    await h.flush();
    expect(chatOf(s.supervisor).lastText()).toContain("超时工单被催单");
    const q = (await chatOf(s.desk).send("/queue")).at(-1);
    expect(textOf(q)).toContain("超时未完成：1");
    expect(textOf(q)).toContain("📣催2次");
    expect(textOf(q)).toContain("⏰超时");
    expect(h.errors).toEqual([]);
  });

  it("in English: the desk raises the priority with a reason, and the deadline follows", async () => {
    await h.database.db.person.update({ where: { id: s.desk.id }, data: { language: "en" } });
    const id = await reported(h.database, s, T0);
    const desk = chatOf(s.desk);
    await desk.send("/queue");
    await desk.press("BX-20261123-0001");
    expect(desk.lastText()).toContain("General · complete by 2026-11-24 10:00");
    await desk.press("Priority");
    await desk.press("Urgent");
    await desk.send("Water is reaching the neighbour below");
    expect(desk.lastText()).toContain('is now "Urgent"');
    expect(await h.database.db.ticket.findUniqueOrThrow({ where: { id } })).toMatchObject({ priority: "urgent", completionDueAt: addMinutes(T0, 480) });
    const e = await h.database.db.event.findFirstOrThrow({ where: { ticketId: id, action: "priority-changed" } });
    expect(e.actorId).toBe(s.desk.id);
    expect(JSON.parse(e.data)).toMatchObject({ from: "normal", to: "urgent", reason: "Water is reaching the neighbour below" });
    const owner = chatOf(s.owner);
    await owner.send("/my");
    await owner.press("催单");
    expect(owner.lastText()).toContain("已为您催促");
    expect(h.errors).toEqual([]);
  });
});
