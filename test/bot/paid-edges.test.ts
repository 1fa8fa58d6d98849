// Issue 22, items 11-13 and 22: paid work at its edges through the real bot and the fake Bot API —
// above the agreement amount the work waits for the agreement and the prepayment; a long price
// list pages; owners see the list; /fees answers a second "paid", a named month, item names.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reportFault } from "../../src/domain/tickets/report.ts";
import { t } from "../../src/bot/i18n.ts";
import { buttonsOf, createHarness, textOf, type Call, type Harness } from "../helpers/bot-harness.ts";
import { makeSite, makeStaff, report } from "../helpers/fixtures.ts";

let h: Harness;
beforeEach(async () => { h = await createHarness(); });
afterEach(async () => { await h.close(); });

const CSV = "编号,名称,单位,单价,类别\nA01,更换水龙头,个,35,工时\nB01,更换热水器,台,340,工时\n";
const all = (calls: Call[]) => calls.map(textOf).join("\n");
const alert = (calls: Call[]) => calls.find((c) => c.method === "answerCallbackQuery")?.payload?.text ?? "";

async function site(csv = CSV, lang: "zh-CN" | "zh-TW" = "zh-CN") {
  const s = await makeSite(h.database.db, 1);
  const db = h.database.db;
  const techRow = s.technicians[0]!;
  await db.person.update({ where: { id: techRow.id }, data: { language: lang } });
  const supervisorRow = await makeStaff(db, s.property.id, "supervisor", "赵主管");
  const deskRow = await makeStaff(db, s.property.id, "desk", "小李");
  const chat = (p: { telegramId: bigint | null; name: string }, code = "zh-hans") => h.user(Number(p.telegramId), p.name, code);
  const out = {
    ...s, owner: chat(s.owner), tech: chat(techRow, lang === "zh-TW" ? "zh-hant" : "zh-hans"),
    supervisor: chat(supervisorRow), desk: chat(deskRow), deskRow, techRow,
  };
  h.fake.files.set("PRICES", csv);
  await out.supervisor.document("PRICES", "prices.csv", "/prices import BX");
  const r = await reportFault(h.database, report(s.owner.id, s.unit.id), h.now());
  if (!r.ok) throw new Error(r.error);
  await h.flush();
  await out.tech.press(lang === "zh-TW" ? "接單" : "接单");
  return { ...out, ticketId: r.value.ticketId, number: r.value.number };
}

describe("item 11: over the agreement amount, work waits for the agreement and the prepayment", () => {
  it("680 元: the owner is not told work starts; Done waits; the desk's record lets work start", async () => {
    const s = await site();
    await s.tech.press("💰");
    await s.tech.press("超出保修期");
    await s.tech.send("B01 2");
    await s.tech.press("发送报价");
    await h.flush();
    const approved = all(await s.owner.press("现金"));
    expect(approved).toContain("已确认报价（680.00 元");
    expect(approved).toContain("签订维修协议并预收费用");
    expect(approved).not.toContain("马上开工");
    await h.flush();
    expect(s.tech.lastText()).toContain("请先不要开工");
    expect(s.desk.inbox().map(textOf).join("\n")).toContain(`/fees prepaid ${s.number} 金额 收据号`);
    expect((await h.database.db.quote.findFirstOrThrow()).status).toBe("prepay");
    expect(alert(await s.tech.pressData(`done|${s.ticketId}`))).toContain("预收费用后才能开工");

    expect(all(await s.tech.send(`/fees prepaid ${s.number} 680 R-9`))).not.toContain("已登记");
    expect(all(await s.desk.send(`/fees prepaid ${s.number} 680 R-0009`))).toContain("预收费用 680.00 元");
    await h.flush();
    expect(s.tech.lastText()).toContain(`工单 ${s.number} 已签订维修协议并预收 680.00 元（收据号 R-0009），可以开工`);
    expect(all(await s.desk.send(`/fees prepaid ${s.number} 680 R-0010`))).toContain("当前状态");
    await s.tech.pressData(`done|${s.ticketId}`);
    await s.tech.press("跳过");
    expect(all(await s.tech.press("跳过"))).toContain(`已完成 ${s.number}`);
    const charge = await h.database.db.charge.findFirstOrThrow();
    expect(charge).toMatchObject({ status: "received", receipt: "R-0009", amountCents: 68000 });
    const events = await h.database.db.event.findMany({ where: { ticketId: s.ticketId }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toContain("prepayment-recorded");
  });
});

/** 79 items with 40-character names: the list of issue 22 item 12. */
const LONG_CSV = ["编号,名称,单位,单价,类别", ...Array.from({ length: 79 }, (_, i) =>
  `X${String(i + 1).padStart(2, "0")},${`更换卫生间淋浴龙头及配套软管与阀芯总成第${i + 1}号`.padEnd(40, "件")},套,${100 + i},工时`)].join("\n");

describe("item 12: a long price list pages, and so does the technician's list", () => {
  it("/prices BX and 💰 answer in messages of at most 4,096 characters; a quote can be made", async () => {
    const s = await site(LONG_CSV);
    expect(s.supervisor.inbox().map(textOf).join("\n")).toContain("新增 79 项");
    const prices = (await s.supervisor.send("/prices BX")).filter((c) => c.method === "sendMessage");
    expect(prices.length).toBeGreaterThan(1);
    for (const m of prices) expect(textOf(m).length).toBeLessThanOrEqual(4096);
    const shown = prices.map(textOf).join("\n");
    for (const code of ["X01", "X40", "X79"]) expect(shown).toContain(code);

    const list = (await s.tech.press("💰")).concat(await s.tech.press("超出保修期")).filter((c) => c.method === "sendMessage");
    expect(list.map(textOf).join("\n")).toContain("X79");
    for (const m of list) expect(textOf(m).length).toBeLessThanOrEqual(4096);
    await s.tech.send("X79 1");
    expect(all(await s.tech.press("发送报价"))).toContain("第 1 版报价（178.00 元）已发给业主");
    expect(h.errors).toEqual([]);
  });
});

describe("item 13: owners see the price list; /fees remembers and reads a month", () => {
  it("an owner's /prices shows their property's list", async () => {
    const s = await site();
    const shown = all(await s.owner.send("/prices"));
    expect(shown).toMatch(/B01\s+更换热水器\s+台\s+340\.00/);
    expect(shown).toContain("须经您同意才会收费");
  });

  it("a second /fees paid says who recorded it; /fees BX 2026-11 shows November; the CSV names the items", async () => {
    const s = await site();
    await s.tech.press("💰");
    await s.tech.press("超出保修期");
    await s.tech.send("A01 1");
    await s.tech.press("发送报价");
    await h.flush();
    await s.owner.press("转账");
    await s.tech.pressData(`done|${s.ticketId}`);
    await s.tech.press("跳过");
    await s.tech.press("跳过");
    expect(all(await s.desk.send(`/fees paid ${s.number} R-0001`))).toContain("收据号 R-0001");
    h.advance(60);
    const again = all(await s.desk.send(`/fees paid ${s.number} R-0002`));
    expect(again).toContain("已由 小李 于 2026-11-23 10:00 登记，收据号 R-0001");
    const fees = await s.desk.send("/fees BX 2026-11");
    expect(all(fees)).toContain("2026-11-01 至 2026-11-30");
    const csv = fees.find((c) => c.method === "sendDocument")!.payload.document.content.toString("utf8") as string;
    expect(csv).toContain("A01 更换水龙头");
    expect(all(await s.desk.send("/fees BX 2026-10"))).toContain("没有有偿服务收费");
    expect(all(await s.desk.send("/fees BX 2026-13"))).toContain("收费明细用法");
  });
});

describe("item 22: zh-TW says 項目 for a quote's items and 社區 for the property", () => {
  it("the quote prompt and the fees column", async () => {
    const s = await site(CSV, "zh-TW");
    await s.tech.press("💰");
    const reason = buttonsOf(s.tech.inbox().at(-1))[0]!;
    const shown = all(await s.tech.pressData(reason.data, s.tech.inbox().at(-1)!.result.message_id));
    expect(shown).toContain("請輸入報價項目");
    expect(shown).toContain("價目表外的項目");
    expect(shown).not.toMatch(/報價社區|價目表外的社區/);
    expect(t("zh-TW", "fees-col-items")).toBe("項目");
    expect(t("zh-TW", "report-usage")).toContain("社區代碼");
  });
});
