// Fault suite: the real bot and outbox sender against a fake Bot API that enforces Telegram's
// limits and injects 429 storms, 403, 5xx and outages (simulated time). After each fault: no report,
// notification or button press lost or doubled — the fake's chat logs agree with the outbox and
// the tickets. (A database that goes away is another suite's.)
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BLOCKED, floodWait, serverError } from "../../src/fake-bot-api/server.ts";
import { createHarness, said, repairUpToPhone, textOf, type Harness } from "../helpers/bot-harness.ts";
import { T0, makeProperty, makeUnit, nextTelegramId } from "../helpers/fixtures.ts";

const TECHS = 4;
let h: Harness;
beforeEach(async () => { h = await createHarness({ enforce: true }); });
afterEach(async () => { await h.close(); });

type User = ReturnType<Harness["user"]>;

/** A property, an owner of 3-1-502 and TECHS water technicians, all joined through their links. */
async function office() {
  const db = h.database.db;
  const property = await makeProperty(db);
  const unit = await makeUnit(db, property.id, "3-1-502");
  const expiresAt = new Date(T0.getTime() + 7 * 86_400_000);
  await db.invite.create({ data: { code: "OWNER-502", kind: "owner", unitId: unit.id, propertyId: property.id, expiresAt } });
  const owner = h.user(nextTelegramId(), "王阿姨");
  await owner.send("/start OWNER-502");
  const techs: User[] = [];
  for (let i = 0; i < TECHS; i++) {
    await db.invite.create({ data: { code: `TECH-${i}`, kind: "staff", role: "technician", skills: "water", propertyId: property.id, expiresAt } });
    const tech = h.user(nextTelegramId(), `师傅${i}`);
    await tech.send(`/start TECH-${i}`);
    techs.push(tech);
  }
  return { owner, techs };
}

async function report(owner: User) {
  await repairUpToPhone(owner);
  await owner.contact("+86 138 0013 8000");
  return owner.press("确认提交");
}

/** Runs the sender until nothing is queued, moving the clock to the next due row (backoffs, 429s). */
async function drain() {
  const db = h.database.db;
  for (let i = 0; i < 200; i++) {
    await h.flush().catch(() => undefined);
    const next = await db.outbox.findFirst({ where: { status: { in: ["pending", "sending"] } }, orderBy: { dueAt: "asc" } });
    if (!next) return;
    h.setNow(new Date(Math.max(h.now().getTime() + 1100, next.dueAt.getTime())));
  }
  throw new Error("the outbox did not drain");
}

/** Successful messages in a chat whose text contains `needle`. */
const delivered = (u: User, needle: string) => h.fake.sent(u.id).filter((c) => textOf(c).includes(needle));

/** The invariant after every fault: one ticket, each outbox row sent once as recorded, nothing twice. */
async function nothingLostOrDoubled(techs: User[], blocked: User[] = []) {
  const db = h.database.db;
  const tickets = await db.ticket.findMany();
  expect(tickets).toHaveLength(1);
  const number = tickets[0]!.number;
  for (const tech of techs) {
    expect(delivered(tech, `新工单 ${number}`)).toHaveLength(blocked.includes(tech) ? 0 : 1);
  }
  const rows = await db.outbox.findMany({ orderBy: { id: "asc" } });
  for (const row of rows) {
    const chat = String(row.chatId);
    const live = blocked.some((b) => String(b.id) === chat);
    expect(row.status).toBe(live ? "dead" : "sent");
    if (live) continue;
    // exactly one successful call put this row's message in its chat
    const calls = h.fake.calls.filter((c) => String(c.payload?.chat_id) === chat && c.result && (c.result.message_id ?? c.payload.message_id) === row.messageId);
    expect(calls.length).toBeGreaterThanOrEqual(1);
    expect(calls.filter((c) => c.method.startsWith("send"))).toHaveLength(1);
  }
  return tickets[0]!;
}

describe("faults at Telegram", () => {
  it("a 429 storm over replies and notifications loses and doubles nothing", async () => {
    const { owner, techs } = await office();
    h.fake.failNext("*", floodWait(1), 3);
    expect(textOf(said(await report(owner)))).toContain("BX-20261123-0001");
    h.fake.failNext("*", floodWait(2), 6);
    await drain();
    const ticket = await nothingLostOrDoubled(techs);
    expect(h.fake.floods().length).toBeGreaterThanOrEqual(9);
    expect(ticket).toMatchObject({ phone: "13800138000", description: "厨房水龙头一直滴水" });
    expect(h.errors).toEqual([]);
  });

  it("403 from one technician: they are marked blocked, the others get their offer once", async () => {
    const { owner, techs } = await office();
    await report(owner);
    h.fake.failChat(techs[1]!.id, BLOCKED);
    await drain();
    await nothingLostOrDoubled(techs, [techs[1]!]);
    const person = await h.database.db.person.findFirstOrThrow({ where: { telegramId: BigInt(techs[1]!.id) } });
    expect(person.blockedAt).not.toBeNull();
  });

  it("5xx on notifications and on a reply: retried, delivered once", async () => {
    const { owner, techs } = await office();
    await report(owner);
    h.fake.failNext("*", serverError(502), 5);
    await drain();
    await nothingLostOrDoubled(techs);
  });

  it("the API down for 30 s: the owner's answers survive, offers wait, a press counts once", async () => {
    await h.close();
    h = await createHarness({ enforce: true, virtualWaits: true }); // the bot's 25 s of retries move the clock
    const { owner, techs } = await office();
    await owner.send("/repair");
    await owner.press("3-1-502");
    await owner.press("给排水");
    h.fake.goDown(30_000); // connections reset
    // the answer is kept; its next question, tried for 25 s, goes to the outbox
    await owner.send("厨房水龙头一直滴水");
    h.advance(0.5);
    await drain(); // Telegram is back: the question arrives
    for (const step of ["跳过", "不紧急", "家里有人", "尽快"]) await owner.press(step);
    await owner.contact("+86 138 0013 8000");
    expect(textOf(said(await owner.press("确认提交")))).toContain("BX-20261123-0001");

    h.fake.goDown(30_000, 502);
    await h.flush().catch(() => undefined); // every offer fails: retried with backoff
    h.advance(0.5);
    await drain();
    await nothingLostOrDoubled(techs);

    h.fake.goDown(30_000); // the first technician presses Accept while Telegram is unreachable
    await techs[0]!.press("接单");
    h.advance(0.5);
    await techs[0]!.press("接单"); // and again once it is back
    await drain();
    const db = h.database.db;
    const ticket = await db.ticket.findFirstOrThrow();
    expect(ticket.assigneeId).not.toBeNull();
    expect(await db.event.count({ where: { ticketId: ticket.id, action: "accepted" } })).toBe(1);
    expect(delivered(owner, "已为您安排")).toHaveLength(1);
    await nothingLostOrDoubled(techs);
  });
});
