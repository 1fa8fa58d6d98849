// Paid work through the real bot and the fake Bot API, in zh-CN and en: the price list loaded from
// a CSV, a job marked chargeable, the quote, the owner's consent, Done refused before it, the fee
// recorded and received, /fees with its CSV; a line above the list needing a supervisor; a changed
// quote after approval; an old Approve refused; a forged Approve; a declined quote.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reportFault } from "../../src/domain/tickets/report.ts";
import { createHarness, buttonsOf, textOf, type Call, type Harness } from "../helpers/bot-harness.ts";
import { makeOwner, makeSite, makeStaff, makeUnit, report } from "../helpers/fixtures.ts";

let h: Harness;
beforeEach(async () => { h = await createHarness(); });
afterEach(async () => { await h.close(); });

const CSV = "\uFEFF编号,名称,单位,单价,类别,English,繁體\nA01,更换水龙头,个,35,工时,Replace tap,更換水龍頭\nM01，PPR水管，米，12.5，材料，PPR pipe\nM02,水龙头,个,68.00元,材料,Tap\nbad,line\n";
const all = (calls: Call[]) => calls.map((c) => `${textOf(c)} ${c.payload?.text ?? ""}`).join("\n");
const alert = (calls: Call[]) => calls.find((c) => c.method === "answerCallbackQuery")?.payload?.text ?? "";

async function site(lang: "zh-CN" | "en") {
  const s = await makeSite(h.database.db, 1);
  const db = h.database.db;
  const techRow = s.technicians[0]!;
  await db.person.update({ where: { id: techRow.id }, data: { language: lang } });
  await db.person.update({ where: { id: s.owner.id }, data: { language: lang } });
  const supervisorRow = await makeStaff(db, s.property.id, "supervisor", "赵主管", "", lang);
  const deskRow = await makeStaff(db, s.property.id, "desk", "小李", "", lang);
  const code = lang === "en" ? "en" : "zh-hans";
  const chat = (p: { telegramId: bigint | null; name: string }) => h.user(Number(p.telegramId), p.name, code);
  const out = { ...s, owner: chat(s.owner), ownerRow: s.owner, tech: chat(techRow), supervisor: chat(supervisorRow), desk: chat(deskRow), deskRow };
  h.fake.files.set("PRICES", CSV);
  await out.supervisor.document("PRICES", "prices.csv", "/prices import BX");
  const r = await reportFault(h.database, report(s.owner.id, s.unit.id), h.now());
  if (!r.ok) throw new Error(r.error);
  await h.flush();
  await out.tech.press(lang === "en" ? "Accept" : "接单");
  return { ...out, ticketId: r.value.ticketId, number: r.value.number };
}

/** The technician's quote: (reason) → items → send. */
async function quote(s: Awaited<ReturnType<typeof site>>, lines: string, reason?: string) {
  await s.tech.press("💰");
  if (reason) await s.tech.press(reason);
  await s.tech.send(lines);
  const sent = await s.tech.press("✅");
  await h.flush();
  return sent;
}

describe("paid work", () => {
  it("zh-CN: price list, chargeable, quote, Done refused, forged approve, approval, fee recorded, received, /fees", async () => {
    const s = await site("zh-CN");
    const imported = s.supervisor.inbox().map(textOf).join("\n");
    expect(imported).toContain("新增 3 项");
    expect(imported).toContain("第 5 行「bad,line」：列数不对");
    const prices = (await s.supervisor.send("/prices BX")).at(-1)!;
    expect(textOf(prices)).toMatch(/A01\s+更换水龙头\s+个\s+35\.00\s+工时/);
    expect(prices.payload.entities).toEqual([expect.objectContaining({ type: "pre" })]);
    expect(textOf((await s.tech.send("/prices set BX A01 40")).at(-1))).toContain("仅限主管和管理员");

    await s.tech.press("💰");
    expect(s.tech.lastText()).toContain("需要业主付费的原因");
    await s.tech.press("超出保修期");
    expect(s.tech.inbox().map(textOf).join("\n")).toMatch(/M01\s+PPR水管\s+米\s+12\.50\s+材料/);
    const bad = await s.tech.send("A01 1\nZZ 2");
    expect(all(bad)).toContain("第 2 行「ZZ 2」：价目表中没有这个编号");
    const preview = await s.tech.send("A01 1\nM01 2\nM02 1 自备");
    expect(all(preview)).toContain("合计：60.00 元");
    expect(all(await s.tech.press("发送报价"))).toContain("第 1 版报价（60.00 元）已发给业主");
    await h.flush();

    const owner = s.owner.inbox().at(-1)!;
    expect(textOf(owner)).toMatch(/更换水龙头\s+1个\s+×35\.00\s+35\.00/);
    expect(textOf(owner)).toContain("*水龙头");
    expect(textOf(owner)).toContain("* 业主自备材料，只登记不收费。");
    expect(textOf(owner)).toContain("合计：60.00 元");
    expect(buttonsOf(owner).map((b) => b.text)).toEqual(["✅ 同意，现金交客服前台", "✅ 同意，转账", "✅ 同意，计入物业费", "✖️ 不同意"]);
    expect(alert(await s.tech.pressData(`done|${s.ticketId}`))).toContain("业主确认报价后才能完工");

    const strangerRow = await makeOwner(h.database.db, (await makeUnit(h.database.db, s.property.id, "9-9-909")).id, "邻居");
    const stranger = h.user(Number(strangerRow.telegramId), "邻居");
    const approveCash = buttonsOf(owner)[0]!.data;
    expect(alert(await stranger.pressData(approveCash))).toContain("没有找到");
    expect((await h.database.db.quote.findFirstOrThrow()).status).toBe("sent");

    expect(all(await s.owner.press("转账"))).toContain("已确认报价（60.00 元，转账）");
    await h.flush();
    expect(s.tech.lastText()).toContain("业主已同意工单");
    await s.tech.pressData(`done|${s.ticketId}`);
    await s.tech.press("跳过");
    expect(all(await s.tech.press("跳过"))).toContain(`已完成 ${s.number}`);
    await h.flush();
    expect(s.desk.lastText()).toContain(`应收 60.00 元（转账）`);
    expect(await h.database.db.materialUse.count()).toBe(2);

    expect(all(await s.desk.send(`/fees paid ${s.number} R-0001`))).toContain("收据号 R-0001");
    const fees = await s.desk.send("/fees BX");
    expect(all(fees)).toMatch(new RegExp(`${s.number}\\s+1-2-301\\s+A01 M01\\s+60\\.00\\s+转账\\s+已收`));
    expect(all(fees)).toContain("共 1 单，应收 60.00 元，已收 60.00 元，未收 0.00 元");
    const doc = fees.find((c) => c.method === "sendDocument")!;
    const csv = doc.payload.document.content.toString("utf8") as string;
    expect(csv.startsWith("\uFEFF工单号,房号")).toBe(true);
    expect(csv).toContain(`${s.number},1-2-301,A01 更换水龙头; M01 PPR水管,60.00,转账,已收,R-0001`);
    expect(csv).toContain("*M02 1个");
  });

  it("en: above the list needs the supervisor; a changed quote needs a new approval; the old Approve is refused", async () => {
    const s = await site("en");
    await quote(s, "A01 1 50", "beyond warranty");
    expect(s.tech.inbox().map(textOf).join("\n")).toContain("is with the supervisor");
    const review = s.supervisor.inbox().at(-1)!;
    expect(textOf(review)).toMatch(/!Replace tap\s+1个\s+×50\.00\s+50\.00/);
    expect(s.owner.inbox().some((c) => textOf(c).includes("paid work"))).toBe(false);
    await s.supervisor.press("Reject");
    expect(all(await s.supervisor.send("too expensive"))).toContain("was rejected");
    await h.flush();
    expect(s.tech.lastText()).toContain("rejected quote version 1 of job");
    expect(s.tech.lastText()).toContain("too expensive");

    await quote(s, "A01 1 45");
    expect(alert(await s.owner.pressData(`qpay|2|cash`))).toContain("cannot be done at this stage"); // still with the supervisor
    expect(all(await s.supervisor.press("Approve"))).toContain("approved and sent to the owner");
    await h.flush();
    const v2 = s.owner.inbox().at(-1)!;
    expect(textOf(v2)).toContain("Total: 45.00 yuan");
    expect(all(await s.owner.press("cash at the desk"))).toContain("Quote approved (45.00 yuan, cash at the service desk)");

    await quote(s, "A01 2");
    const v3 = s.owner.inbox().at(-1)!;
    expect(textOf(v3)).toContain("version 3");
    expect(textOf(v3)).toContain("Total: 70.00 yuan");
    expect(alert(await s.tech.pressData(`done|${s.ticketId}`))).toContain("only after the owner approves");
    expect(alert(await s.owner.pressData(buttonsOf(v2)[0]!.data))).toContain("replaced by a newer one");
    expect((await h.database.db.quote.findMany({ orderBy: { version: "asc" } })).map((q) => q.status)).toEqual(["rejected", "replaced", "sent"]);
    await s.owner.pressData(buttonsOf(v3)[2]!.data);
    expect((await h.database.db.quote.findFirstOrThrow({ where: { version: 3 } })).payMethod).toBe("bill");
  });

  it("zh-CN: a declined quote ends the job, the desk is told, no rating is asked; the desk records a phone answer", async () => {
    const s = await site("zh-CN");
    await quote(s, "A01 1", "人为损坏");
    await s.owner.press("不同意");
    expect(s.owner.lastText()).toContain("确定不同意报价吗");
    expect(all(await s.owner.press("确定不同意"))).toContain("本次维修结束");
    await h.flush();
    expect(s.desk.lastText()).toContain("业主不同意工单");
    expect(s.tech.lastText()).toContain("工单已结束");
    const t = await h.database.db.ticket.findUniqueOrThrow({ where: { id: s.ticketId } });
    expect(t.status).toBe("declined");
    expect(await h.database.db.survey.count()).toBe(0);

    // an owner without Telegram: the desk phones and records the answer with its own name
    const r = await reportFault(h.database, report(s.ownerRow.id, s.unit.id), h.now());
    if (!r.ok) throw new Error(r.error);
    await h.flush();
    await s.tech.press("接单");
    await h.database.db.person.update({ where: { id: s.ownerRow.id }, data: { telegramId: null } });
    // the desk makes this quote itself, from the ticket number
    expect(all(await s.desk.send("/quote BX-00000000-0000"))).toContain("没有找到");
    expect(all(await s.owner.send(`/quote ${r.value.number}`))).toContain("没有权限");
    await s.desk.send(`/quote ${r.value.number}`);
    await s.desk.press("户内设施维修");
    await s.desk.send("A01 1");
    expect(all(await s.desk.press("发送报价"))).toContain("已请客服电话联系业主");
    await h.flush();
    expect(s.desk.lastText()).toContain("请电话联系业主确认报价");
    expect(all(await s.desk.press("计入物业费"))).toContain("已记录业主电话答复");
    const q = await h.database.db.quote.findFirstOrThrow({ where: { ticketId: r.value.ticketId } });
    expect(q).toMatchObject({ status: "approved", decidedVia: "phone", decidedById: s.deskRow.id, payMethod: "bill" });
  });
});

describe("paid-work notices", () => {
  it("render in every language with the parameters the domain writes", async () => {
    const { t } = await import("../../src/bot/i18n.ts");
    const base = { number: "BX-1", place: "1-2-301", version: 2, total: "60.00", agreement: "yes", own: "yes", threshold: "500.00",
      technician: "师傅", owner: "王", phone: "138", table: "A  1个  ×35.00  35.00" };
    const keys = ["paid-quote-owner", "paid-quote-review", "paid-quote-phone", "paid-quote-approved", "paid-quote-declined", "paid-quote-rejected"];
    for (const lang of ["zh-CN", "en"]) {
      for (const key of keys) expect(t(lang, key, { ...base, method: "cash", via: "phone", reason: "贵" }), `${lang} ${key}`).not.toBe(key);
      expect(t(lang, "paid-fee-due", { number: "BX-1", total: "60.00", method: "bill" })).toContain("60.00");
    }
  });
});
