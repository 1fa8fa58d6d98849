// /report and /export as a supervisor sees them: the figures of the hand-made November as one
// message with monospace tables, the chart as a PNG photo (its signature and size checked), the
// month's tickets as a CSV document that parses back to the same rows; refusals for others.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CHART_HEIGHT, CHART_WIDTH } from "../../src/bot/report-chart.ts";
import { createHarness, textOf, type Harness } from "../helpers/bot-harness.ts";
import { november } from "../helpers/figures-month.ts";
import { makeDesk, sh, type Desk } from "../jobs/site.ts";

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
    expect(text).toMatch(/有偿服务收费\(元\)\s+50\.00/);
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
