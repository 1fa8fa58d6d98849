// Issue 11, items 1-4: every press re-checks, at that moment, the role at the ticket's property and
// the state of the thing pressed; revoking ends access at once; no private detail in a group;
// join codes cannot be guessed without limit.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { reportFault } from "../../src/domain/tickets/report.ts";
import { createHarness, textOf, type Call, type Harness } from "../helpers/bot-harness.ts";
import { makeProperty, makeSite, makeStaff, report } from "../helpers/fixtures.ts";

const ADMIN = 5_000_001;
let h: Harness;
beforeEach(async () => { h = await createHarness({ adminIds: [ADMIN] }); });
afterEach(async () => { await h.close(); });

/** Everything a person saw from a batch of calls: message texts and callback answers. */
const said = (calls: Call[]) => calls.map((c) => (c.method === "answerCallbackQuery" ? String(c.payload.text ?? "") : textOf(c))).join("\n");
const chat = (p: { telegramId: bigint | null; name: string }) => h.user(Number(p.telegramId), p.name);

async function site() {
  const s = await makeSite(h.database.db, 2);
  const supervisorRow = await makeStaff(h.database.db, s.property.id, "supervisor", "主管");
  const admin = h.user(ADMIN, "Admin");
  await admin.send("/start");
  return { ...s, ownerRow: s.owner, owner: chat(s.owner), a: chat(s.technicians[0]!), b: chat(s.technicians[1]!), supervisor: chat(supervisorRow), admin };
}
const newTicket = async (ownerId: number, unitId: number) => {
  const r = await reportFault(h.database, report(ownerId, unitId), h.now());
  if (!r.ok) throw new Error(r.error);
  await h.flush();
  return r.value;
};
/** The technician also holds the role at a second property. */
async function alsoTechnicianElsewhere(tech: { id: number }) {
  const other = await makeProperty(h.database.db, "QT");
  await h.database.db.roleGrant.create({ data: { personId: tech.id, role: "technician", propertyId: other.id } });
  return tech;
}
const ticketRow = (id: number) => h.database.db.ticket.findUniqueOrThrow({ where: { id } });

describe("item 1: revoking a technician ends every access at once", () => {
  for (const scope of ["at the property", "everywhere"]) {
    it(`${scope}: no phone, no Arrived/Done, the job is re-offered and the supervisor told`, async () => {
      const s = await site();
      const t = await newTicket(s.ownerRow.id, s.unit.id);
      await s.a.press("接单");
      const techA = s.technicians[0]!;
      const suffix = scope === "everywhere" ? "" : ` ${s.property.code}`;
      expect(textOf((await s.admin.send(`/revoke ${techA.id} technician${suffix}`)).at(-1))).toContain("已撤销");

      const detail = said(await s.a.pressData(`job|${t.ticketId}`));
      expect(detail).not.toContain("13800138000");
      expect(detail).toContain("没有权限");
      expect(said(await s.a.pressData(`arrived|${t.ticketId}`))).toContain("没有权限");
      expect(said(await s.a.pressData(`done|${t.ticketId}`))).toContain("没有权限");
      expect(said(await s.a.pressData(`cannot|${t.ticketId}`))).toContain("没有权限");
      expect(said(await s.a.pressData(`accept|${t.ticketId}`))).toContain("没有权限");

      const row = await ticketRow(t.ticketId);
      expect(row.status).toBe("open");
      expect(row.assigneeId).toBeNull();
      expect(row.dispatchDueAt).not.toBeNull();
      await h.flush();
      expect(s.b.inbox().filter((c) => textOf(c).includes("新工单"))).toHaveLength(2); // first offer, then the re-offer
      expect(s.supervisor.lastText()).toContain(`工单 ${t.number}`);
      expect(s.supervisor.lastText()).toContain("退回重新派单");
      expect(s.owner.inbox().some((c) => textOf(c).includes("已完成"))).toBe(false);
      const events = await h.database.db.event.findMany({ where: { ticketId: t.ticketId, action: "released" } });
      expect(events).toHaveLength(1);
      // the other technician can take it
      expect(said(await s.b.press("接单"))).toContain(t.number);
      expect((await ticketRow(t.ticketId)).assigneeId).toBe(s.technicians[1]!.id);
    });
  }

  it("a technician revoked at one property keeps the jobs of another, and open offers there are withdrawn", async () => {
    const s = await site();
    const techA = await alsoTechnicianElsewhere(s.technicians[0]!);
    const t = await newTicket(s.ownerRow.id, s.unit.id);
    await s.admin.send(`/revoke ${techA.id} technician ${s.property.code}`);
    await h.flush();
    expect(s.a.lastText()).toContain("已收回");
    expect(said(await s.a.pressData(`accept|${t.ticketId}`))).toContain("没有权限");
    expect((await ticketRow(t.ticketId)).status).toBe("open");
  });
});

describe("item 2: a declined or withdrawn offer cannot be accepted", () => {
  it("press 暂不接, then forge accept: refused, the ticket stays open", async () => {
    const s = await site();
    const t = await newTicket(s.ownerRow.id, s.unit.id);
    await s.b.press("暂不接");
    expect(said(await s.b.pressData(`accept|${t.ticketId}`))).toContain("已不再派给您");
    expect((await ticketRow(t.ticketId)).status).toBe("open");
  });

  it("a technician at another property cannot accept an old offer here", async () => {
    const s = await site();
    const techA = await alsoTechnicianElsewhere(s.technicians[0]!);
    const t = await newTicket(s.ownerRow.id, s.unit.id);
    // the grant here is revoked behind the bot's back (no release): the offer row still says "offered"
    await h.database.db.roleGrant.updateMany({ where: { personId: techA.id, propertyId: s.property.id }, data: { revokedAt: h.now() } });
    expect(said(await s.a.press("接单"))).toContain("没有权限");
    expect((await ticketRow(t.ticketId)).status).toBe("open");
  });
});

describe("item 3: presses in a group chat never post private details there", () => {
  it("a job card pressed in a group answers privately and sends nothing to the group", async () => {
    const s = await site();
    const t = await newTicket(s.ownerRow.id, s.unit.id);
    await s.a.press("接单");
    const group = { id: -100123, type: "supergroup" as const, title: "维修群" };
    const from = { id: s.a.id, is_bot: false, first_name: "师傅1" };
    const press = (data: string) => h.handle({ callback_query: { id: `g${data}`, from, chat_instance: "g", data, message: { message_id: 5, date: 0, chat: group, text: "" } } } as unknown as Update);
    for (const data of [`job|${t.ticketId}`, `tk|${t.ticketId}`, `arrived|${t.ticketId}`]) {
      const calls = await press(data);
      expect(calls.filter((c) => String(c.payload?.chat_id) === String(group.id))).toEqual([]);
      expect(said(calls)).toContain("私聊");
    }
    expect((await ticketRow(t.ticketId)).status).toBe("accepted");
  });
});

describe("item 4: join codes are throttled per person and logged", () => {
  it("five wrong codes, then a polite wait even for a right code; after 10 minutes it works", async () => {
    const p = await makeProperty(h.database.db);
    await h.database.db.invite.create({ data: { code: "SRIGHTCODE", kind: "staff", role: "desk", propertyId: p.id, expiresAt: new Date(h.now().getTime() + 86_400_000) } });
    const guesser = h.user(6_000_001, "猜码");
    for (let i = 0; i < 5; i++) expect(textOf((await guesser.send(`/join WRONG${i}XX`)).at(-1))).toContain("无效");
    expect(textOf((await guesser.send("/join SRIGHTCODE")).at(-1))).toContain("10 分钟后再试");
    expect(await h.database.db.event.count({ where: { action: "invite-failed" } })).toBe(5);
    expect(await h.database.db.event.count({ where: { action: "invite-throttled" } })).toBe(1);
    const other = h.user(6_000_002, "别人");
    expect(textOf((await other.send("/join WRONGAGAIN")).at(-1))).toContain("无效"); // per person
    h.advance(11);
    expect(textOf((await guesser.send("/join SRIGHTCODE")).at(-1))).toContain("欢迎加入");
  });
});
