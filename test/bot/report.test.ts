// /report and /export as a supervisor sees them: the figures of the hand-made November as one
// message with monospace tables, the chart as a PNG photo (its signature and size checked), the
// month's tickets as a CSV document that parses back to the same rows; refusals for others.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { CHART_HEIGHT, CHART_WIDTH } from "../../src/bot/report-chart.ts";
import { createHarness, textOf, type Harness } from "../helpers/bot-harness.ts";
import { november } from "../helpers/figures-month.ts";
import { completed, makeDesk, sh, value, type Desk } from "../jobs/site.ts";
import { answerSurvey } from "../../src/domain/surveys.ts";
import { monthExport } from "../../src/domain/figures/export.ts";

let h: Harness;
let s: Desk;
beforeEach(async () => {
  h = await createHarness({ now: sh("2026-12-01T09:00:00") });
  s = await makeDesk(h.database);
  await november(h.database, s);
});
afterEach(async () => { await h.close(); });

const chatOf = (p: { telegramId: bigint | null; name: string }, lang = "zh-hans") => h.user(Number(p.telegramId), p.name, lang);

/** Width and height from a PNG's IHDR chunk, after checking the 8-byte signature. */
function pngSize(png: Buffer) {
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("/report", () => {
  it("sends the month's figures as tables and the chart as a photo (zh-CN)", async () => {
    const calls = await chatOf(s.supervisor).send("/report BX 2026-11");
    const message = calls.find((c) => c.method === "sendMessage")!;
    const text = textOf(message);
    expect(text).toContain("BX Garden（BX）服务绩效 · 2026-11");
    expect(text).toMatch(/满意率\s+66\.7% \(2\/3\)\s+≥95%\s+❌/);
    expect(text).toMatch(/紧急维修及时率\s+100\.0% \(1\/1\)\s+≥100%\s+✅/);
    expect(text).toMatch(/按时完工\s+—/);
    expect(text).toMatch(/有偿服务收费（元）\s+50\.00/);
    expect(text).toContain("按类别：给排水 2 · 电路 2");
    expect(text).toMatch(/师傅2\s+2\s+23\.5\s+—\s+2\.0\s+1\s+1/);
    expect(message.payload.entities.filter((e: { type: string }) => e.type === "pre")).toHaveLength(2);
    const photo = calls.find((c) => c.method === "sendPhoto")!;
    expect(pngSize(photo.payload.photo.content)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
    expect(h.errors).toEqual([]);
  });

  it("reads in English, and refuses the desk, unknown codes and bad periods politely", async () => {
    await h.database.db.person.update({ where: { id: s.supervisor.id }, data: { language: "en" } });
    const calls = await chatOf(s.supervisor, "en").send("/report BX 2026-11");
    expect(textOf(calls.find((c) => c.method === "sendMessage"))).toMatch(/Satisfaction\s+66\.7% \(2\/3\)\s+≥95%\s+❌/);
    expect(calls.some((c) => c.method === "sendPhoto")).toBe(true);
    const desk = chatOf(s.desk);
    expect(textOf((await desk.send("/report BX")).at(-1))).toContain("仅限该项目的主管和管理员");
    expect(textOf((await chatOf(s.supervisor, "en").send("/report ZZ")).at(-1))).toContain('no property with the code "ZZ"');
    expect(textOf((await chatOf(s.supervisor, "en").send("/report BX yesterday")).at(-1))).toContain("Usage: /report");
  });
});

describe("/export", () => {
  it("sends the month's tickets as a UTF-8 CSV with BOM that parses back to the same rows", async () => {
    const calls = await chatOf(s.supervisor).send("/export BX month 2026-11");
    const doc = calls.find((c) => c.method === "sendDocument")!;
    expect(doc.payload.document.filename).toBe("BX-2026-11.csv");
    expect(doc.payload.caption).toContain("共 6 张");
    const bytes: Buffer = doc.payload.document.content;
    expect(bytes.subarray(0, 3).toString("hex")).toBe("efbbbf");
    const rows: string[][] = parse(bytes, { bom: true });
    expect(rows[0]!.slice(0, 4)).toEqual(["报修编号", "位置", "类别", "紧急"]);
    expect(rows).toHaveLength(7);
    const col = (name: string) => rows[0]!.indexOf(name);
    const byNumber = new Map(rows.slice(1).map((r) => [r[0], r]));
    const t2 = byNumber.get("BX-T3")!; // the phone ticket with the agreed fee
    expect([t2[col("渠道")], t2[col("报修时间")], t2[col("接单时间")], t2[col("到场时间")], t2[col("完工时间")]]).toEqual(
      ["电话报修", "2026-11-03 09:00", "2026-11-03 09:10", "2026-11-03 09:50", "2026-11-03 12:00"]);
    expect([t2[col("维修人员")], t2[col("评分")], t2[col("回访方式")], t2[col("收费（元）")]])
      .toEqual(["师傅1", "4", "业主在线评价", "50.00"]);
    expect([t2[col("类别")], t2[col("紧急")], t2[col("优先级")], t2[col("状态")]]).toEqual(["给排水", "否", "一般", "已完成"]);
    const complaint = (await h.database.db.complaint.findFirstOrThrow({ where: { ticketId: { not: null } } })).id;
    const t4 = byNumber.get("BX-T4")!; // the emergency, complained about
    expect([t4[col("紧急")], t4[col("类别")], t4[col("投诉单号")]]).toEqual(["是", "电路", `BX-TS${String(complaint).padStart(4, "0")}`]);
    expect(byNumber.get("BX-T6")![col("返修原单")]).toBe("BX-T5");
    expect(byNumber.get("BX-T6")![col("状态")]).toBe("已接单");
    expect(byNumber.get("BX-T7")![col("状态")]).toBe("已取消");
    expect(byNumber.get("BX-T2")![col("收费（元）")]).toBe(""); // only a quote
    expect([...byNumber.keys()]).toEqual(["BX-T2", "BX-T3", "BX-T4", "BX-T5", "BX-T6", "BX-T7"]);
    expect(rows[0]).toEqual(expect.arrayContaining(["完工时限", "优先级", "投诉单号", "业主确认时间"]));
    const { records } = value(await monthExport(h.database.db, s.supervisor.id, "BX", "2026-11", h.now()));
    expect(rows.slice(1).map((r) => r[0])).toEqual(records.map((r) => r.number));
  });

  it("puts the completion deadline in, and the owner's confirmation, not a phone callback's time", async () => {
    const [owner, desk] = [s.owner.id, s.desk.id];
    const byPhone = await completed(h.database, s, sh("2026-11-10T09:00:00"));
    value(await answerSurvey(h.database, { ticketId: byPhone, actorId: desk, rating: 5, channel: "phone" }, sh("2026-11-10T15:00:00")));
    const byOwner = await completed(h.database, s, sh("2026-11-11T09:00:00"));
    value(await answerSurvey(h.database, { ticketId: byOwner, actorId: owner, rating: 5, channel: "bot" }, sh("2026-11-11T15:00:00")));
    const calls = await chatOf(s.supervisor).send("/export BX month 2026-11");
    const rows: string[][] = parse(calls.find((c) => c.method === "sendDocument")!.payload.document.content, { bom: true });
    const col = (name: string) => rows[0]!.indexOf(name);
    const [phone, bot] = rows.slice(-2);
    expect([phone![col("回访方式")], phone![col("业主确认时间")], phone![col("完工时限")]])
      .toEqual(["电话回访", "", "2026-11-11 09:00"]);
    expect([bot![col("回访方式")], bot![col("业主确认时间")]]).toEqual(["业主在线评价", "2026-11-11 15:00"]);
    await h.database.db.person.update({ where: { id: s.supervisor.id }, data: { language: "en" } });
    const en = await chatOf(s.supervisor, "en").send("/export BX month 2026-11");
    const head = (parse(en.find((c) => c.method === "sendDocument")!.payload.document.content, { bom: true }) as string[][])[0]!;
    expect(head).toEqual(expect.arrayContaining(["Completion deadline", "Priority", "Complaints"]));
  });

  it("refuses a day as the period, and people who are not supervisors", async () => {
    expect(textOf((await chatOf(s.supervisor).send("/export BX day")).at(-1))).toContain("用法：/export");
    expect(textOf((await chatOf(s.owner).send("/export BX month 2026-11")).at(-1))).toContain("仅限该项目的主管和管理员");
  });
});
