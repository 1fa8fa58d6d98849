// The technician's side in the chat: duty on/off, decline, /jobs, cannot finish with a new time,
// an owner's cancel reaching the technician, and commands from people without the role.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reportFault } from "../../src/domain/tickets/report.ts";
import { createHarness, buttonsOf, textOf, type Harness } from "../helpers/bot-harness.ts";
import { T0, makeSite, report } from "../helpers/fixtures.ts";

let h: Harness;
beforeEach(async () => { h = await createHarness(); });
afterEach(async () => { await h.close(); });

async function site() {
  const s = await makeSite(h.database.db, 2);
  const chat = (p: { telegramId: bigint | null; name: string }) => h.user(Number(p.telegramId), p.name);
  return { ...s, owner: chat(s.owner), a: chat(s.technicians[0]!), b: chat(s.technicians[1]!), ownerRow: s.owner };
}
const newTicket = async (ownerId: number, unitId: number, over = {}) => {
  const r = await reportFault(h.database, report(ownerId, unitId, over), h.now());
  if (!r.ok) throw new Error(r.error);
  await h.flush();
  return r.value;
};

describe("technician", () => {
  it("gets no offers while off duty, and gets them again on duty", async () => {
    const s = await site();
    expect(textOf((await s.b.send("/duty")).at(-1))).toContain("当前状态：上班");
    expect(textOf((await s.b.send("/duty off")).at(-1))).toContain("已下班");
    await newTicket(s.ownerRow.id, s.unit.id);
    expect(s.a.inbox().some((c) => textOf(c).includes("🔔 新工单"))).toBe(true);
    expect(s.b.inbox().some((c) => textOf(c).includes("🔔 新工单"))).toBe(false);
    await s.b.send("/duty on");
    await newTicket(s.ownerRow.id, s.unit.id);
    expect(s.b.inbox().filter((c) => textOf(c).includes("🔔 新工单"))).toHaveLength(1);
  });

  it("declines, lists open jobs, and records 'cannot finish today' with a new time the owner hears", async () => {
    const s = await site();
    const t = await newTicket(s.ownerRow.id, s.unit.id);
    const declined = await s.b.press("暂不接");
    expect(declined.map(textOf).join("\n") + (declined.find((c) => c.method === "answerCallbackQuery")?.payload.text ?? "")).toContain(`婉拒工单 ${t.number}`);
    expect(textOf((await s.a.send("/jobs")).at(-1))).toContain("没有进行中的工单");
    await s.a.press("接单");
    const jobs = (await s.a.send("/jobs")).at(-1);
    expect(textOf(jobs)).toContain("1 张进行中的工单");
    expect(buttonsOf(jobs)[0]!.text).toContain(t.number);
    await s.a.press(t.number);
    await s.a.press("今天修不完");
    expect(s.a.lastText()).toContain("无法完成");
    await s.a.send("需要订购配件");
    await s.a.press("明天上午");
    expect(s.a.lastText()).toContain("已通知业主");
    await h.flush();
    expect(s.owner.lastText()).toContain("需要订购配件");
    const row = await h.database.db.ticket.findUniqueOrThrow({ where: { id: t.ticketId } });
    expect(row.status).toBe("postponed");
    expect(row.postponedUntil).not.toBeNull();
  });

  it("hears when the owner cancels; others cannot use technician commands or buttons", async () => {
    const s = await site();
    const t = await newTicket(s.ownerRow.id, s.unit.id);
    await s.a.press("接单");
    await s.owner.send("/my");
    await s.owner.press(t.number);
    await s.owner.press("取消这张报修单");
    expect(textOf((await s.owner.press("确定取消")).at(-1))).toContain("已取消");
    await h.flush();
    expect(s.a.lastText()).toContain("已被业主取消");
    expect(textOf((await s.owner.send("/jobs")).at(-1))).toContain("仅限维修人员");
    expect(textOf((await s.owner.send("/duty off")).at(-1))).toContain("仅限维修人员");
    const forged = await s.owner.pressData(`arrived|${t.ticketId}`);
    expect(forged.map((c) => String(c.payload?.text ?? "")).join("\n")).toMatch(/没有权限|没有派给您|已取消或已结束|仅限维修人员/);
  });
});
