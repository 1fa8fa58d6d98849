// Issue 18, cases 2-5: a reply that outlasts Telegram's faults (429 for 12 s, 500s for 20 s, a
// network error), submits that a second press or a resubmit never doubles, and the job card written
// in the accept's transaction. The real bot against the fake Bot API; the bot's own waits move the
// test clock (virtualWaits), so 12-25 s of waiting costs nothing.
import { afterEach, describe, expect, it } from "vitest";
import { floodWait, serverError } from "../../src/fake-bot-api/server.ts";
import { acceptJob } from "../../src/domain/tickets/dispatch.ts";
import { reportFault } from "../../src/domain/tickets/report.ts";
import { createHarness, repairUpToPhone, textOf, type Harness } from "../helpers/bot-harness.ts";
import { makeOwner, makeSite, makeStaff, makeUnit, report, value } from "../helpers/fixtures.ts";

let h: Harness;
afterEach(async () => { await h.close(); });

type User = ReturnType<Harness["user"]>;
const chatOf = (p: { telegramId: bigint | null; name: string }) => h.user(Number(p.telegramId), p.name);
/** Messages that reached a chat (sent directly or by the outbox) whose text contains `needle`. */
const delivered = (u: User, needle: string) => h.fake.sent(u.id).filter((c) => textOf(c).includes(needle));

/** Runs the outbox until nothing is queued, moving the clock to the next due row. */
async function drain() {
  const db = h.database.db;
  for (let i = 0; i < 200; i++) {
    await h.flush().catch(() => undefined);
    const queued = { status: { in: ["pending", "sending"] } };
    const next = await db.outbox.findFirst({ where: queued, orderBy: { dueAt: "asc" } });
    if (!next) return;
    const due = next.status === "sending" && next.lockedUntil ? next.lockedUntil : next.dueAt;
    h.setNow(new Date(Math.max(h.now().getTime() + 1100, due.getTime() + 1)));
  }
  throw new Error("the outbox did not drain");
}

/** A site with `owners` owners of 3-1-502 and two technicians, each with a chat. */
async function site(owners = 1) {
  const db = h.database.db;
  const s = await makeSite(db, 2);
  const unit = await makeUnit(db, s.property.id, "3-1-502");
  const people = [];
  for (let i = 0; i < owners; i++) people.push(chatOf(await makeOwner(db, unit.id, `业主${i}`)));
  return { ...s, owners: people, techs: s.technicians.map(chatOf) };
}

async function upToSummary(owner: User) {
  await repairUpToPhone(owner);
  await owner.send("13800138000");
}

async function oneDispatch() {
  const db = h.database.db;
  for (const t of await db.ticket.findMany()) {
    expect(await db.offer.count({ where: { ticketId: t.id } })).toBe(2);
    expect(await db.event.count({ where: { ticketId: t.id, action: "reported" } })).toBe(1);
  }
}

describe("case 2: a 12 s 429 on the receipt", () => {
  it("the owner gets the receipt; the old summary button pressed again files nothing new", async () => {
    h = await createHarness({ enforce: true, virtualWaits: true });
    const { owners: [owner], techs } = await site();
    await upToSummary(owner!);
    h.fake.failNext("sendMessage", floodWait(12));
    await owner!.press("确认提交");
    const number = (await h.database.db.ticket.findFirstOrThrow()).number;
    expect(delivered(owner!, `报修成功！您的报修编号是 ${number}`)).toHaveLength(1);
    const again = await owner!.press("确认提交"); // the summary's button, pressed again
    expect(again.find((c) => c.method === "answerCallbackQuery")?.payload?.text).toContain(`已提交，编号 ${number}`);
    await owner!.send("提交了吗？");
    await drain();
    expect(await h.database.db.ticket.count()).toBe(1);
    await oneDispatch();
    for (const tech of techs) expect(delivered(tech, `新工单 ${number}`)).toHaveLength(1);
  });
});

describe("case 3: 500s for 20 s on sends and edits", () => {
  it("10 owners pressing again after recovery: 10 tickets, each owner told their own number once", async () => {
    h = await createHarness({ enforce: true, virtualWaits: true });
    const { owners } = await site(10);
    for (const owner of owners) await upToSummary(owner);
    for (const owner of owners) {
      // 500s from now for 20 s of tries (0, 0.5, 1.5, 3.5, 7.5, 15.5 s): the 7th try, at 23.5 s, goes through
      h.fake.failNext("sendMessage", serverError(500), 6);
      h.fake.failNext("editMessageText", serverError(500), 6);
      await owner.press("确认提交");
    }
    for (const owner of owners) await owner.press("确认提交");
    await drain();
    const tickets = await h.database.db.ticket.findMany({ include: { reporter: true }, orderBy: { id: "asc" } });
    expect(tickets).toHaveLength(10);
    for (const [i, owner] of owners.entries()) {
      const mine = tickets.filter((t) => Number(t.reporter.telegramId) === owner.id);
      expect(mine).toHaveLength(1);
      expect(delivered(owner, mine[0]!.number)).toHaveLength(1);
      expect(delivered(owner, "报修成功")).toHaveLength(1);
      expect(i).toBeLessThan(10);
    }
    await oneDispatch();
  });

  it("a receipt that cannot go for 25 s is handed to the outbox and arrives once Telegram is back", async () => {
    h = await createHarness({ enforce: true, virtualWaits: true });
    const { owners: [owner] } = await site();
    await upToSummary(owner!);
    h.fake.failChat(owner!.id, serverError(500));
    await owner!.press("确认提交");
    const number = (await h.database.db.ticket.findFirstOrThrow()).number;
    expect(delivered(owner!, number)).toHaveLength(0);
    h.fake.clearFailures();
    await owner!.press("确认提交");
    await drain();
    expect(delivered(owner!, `报修成功！您的报修编号是 ${number}`)).toHaveLength(1);
    expect(await h.database.db.ticket.count()).toBe(1);
    expect(h.errors).toEqual([]);
  });
});

describe("case 4: a reply that fails on a network error", () => {
  it("a 10,001-line price list is saved and the supervisor gets the real result, not an apology", async () => {
    h = await createHarness({ virtualWaits: true });
    const s = await makeSite(h.database.db, 1);
    const supervisor = chatOf(await makeStaff(h.database.db, s.property.id, "supervisor", "赵主管"));
    const lines = Array.from({ length: 10_000 }, (_, i) => `P${i},配件${i},个,${(i % 90) + 10},材料`);
    h.fake.files.set("BIG", `编号,名称,单位,单价,类别\n${lines.join("\n")}\n`);
    let downloaded = false;
    // the file comes down, then the API goes unreachable (connections reset) for 10 minutes
    h.fake.onCall((c) => { if (c.method === "getFile" && !downloaded) (downloaded = true, h.fake.goDown(600_000)); });
    await supervisor.document("BIG", "prices.csv", "/prices import BX");
    expect(await h.database.db.priceItem.count()).toBe(10_000);
    h.fake.clearFailures();
    await drain();
    const texts = h.fake.sent(supervisor.id).map(textOf);
    expect(texts.some((t) => /价目表已导入：新增 10,?000 项/.test(t))).toBe(true);
    expect(texts.some((t) => t.includes("系统出了点问题"))).toBe(false);
  }, 120_000);
});

describe("case 5: the job card is written in the accept's transaction", () => {
  it("the process dies right after the accept: the card still comes, once, with its buttons", async () => {
    h = await createHarness({ virtualWaits: true });
    const s = await makeSite(h.database.db, 1);
    const tech = chatOf(s.technicians[0]!);
    const r = value(await reportFault(h.database, report(s.owner.id, s.unit.id), h.now()));
    await drain();
    // what the accept's handler does first; it never gets to send the card (kill -9)
    value(await acceptJob(h.database, s.technicians[0]!.id, r.ticketId, h.now(), { card: true }));
    expect(await h.database.db.jobCard.count({ where: { ticketId: r.ticketId } })).toBe(1);
    h.restart();
    await drain();
    const cards = delivered(tech, `您已接单 ${r.number}`);
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(cards[0]!.payload.reply_markup)).toContain("已到场");
  });

  it("the card's reply fails for good: the sender sends it, once, and its clock finds it", async () => {
    h = await createHarness({ virtualWaits: true });
    const s = await makeSite(h.database.db, 1);
    const tech = chatOf(s.technicians[0]!);
    const r = value(await reportFault(h.database, report(s.owner.id, s.unit.id), h.now()));
    await drain();
    h.fake.failNext("sendMessage", serverError(502), 100);
    await tech.press("接单");
    h.fake.clearFailures();
    await drain();
    expect(delivered(tech, `您已接单 ${r.number}`)).toHaveLength(1);
    const ref = `job:${r.ticketId}:${s.technicians[0]!.id}`;
    const row = await h.database.db.outbox.findFirstOrThrow({ where: { ref } });
    expect(row).toMatchObject({ status: "sent" });
    expect(row.messageId).toBeGreaterThan(0);
  });
});

describe("double presses: one effect each", () => {
  it("accept and arrived pressed twice: one accept, one arrival, the second press says what happened", async () => {
    h = await createHarness();
    const s = await makeSite(h.database.db, 1);
    const tech = chatOf(s.technicians[0]!);
    const r = value(await reportFault(h.database, report(s.owner.id, s.unit.id), h.now()));
    await h.flush();
    const db = h.database.db;
    await tech.press("接单");
    const again = await tech.pressData(`accept|${r.ticketId}`);
    expect(again.map(textOf).join("\n")).toContain(`您已接单 ${r.number}`);
    expect(again.find((c) => c.method === "answerCallbackQuery")?.payload?.show_alert).toBeFalsy();
    expect(await db.event.count({ where: { ticketId: r.ticketId, action: "accepted" } })).toBe(1);
    await tech.press("已到场");
    const second = await tech.pressData(`arrived|${r.ticketId}`);
    expect(second.find((c) => c.method === "answerCallbackQuery")?.payload?.show_alert).toBeFalsy();
    expect(await db.event.count({ where: { ticketId: r.ticketId, action: "arrived" } })).toBe(1);
    await h.flush();
    expect(delivered(chatOf(s.owner), "已为您安排")).toHaveLength(1);
  });

  it("two honest reports of two leaks make two tickets", async () => {
    h = await createHarness();
    const { owners: [owner] } = await site();
    for (let i = 0; i < 2; i++) {
      await upToSummary(owner!);
      await owner!.press("确认提交");
    }
    expect(await h.database.db.ticket.count()).toBe(2);
    expect(delivered(owner!, "报修成功")).toHaveLength(2);
  });
});
