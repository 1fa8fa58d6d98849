// Issue 11, items 10-11: long replies stay within Telegram's 4,096 characters; typed and uploaded
// input is normalized or refused politely, and nothing broken is stored.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { splitText } from "../../src/bot/long-text.ts";
import { cleanText, isIsoDate, normalizeDigits } from "../../src/domain/text.ts";
import { createHarness, textOf, type Call, type Harness } from "../helpers/bot-harness.ts";
import { makeSite, nextTelegramId } from "../helpers/fixtures.ts";

let h: Harness;
const ADMIN = nextTelegramId();
beforeEach(async () => { h = await createHarness({ adminIds: [ADMIN] }); });
afterEach(async () => { await h.close(); });

const sent = (calls: Call[]) => calls.filter((c) => /^(send|edit)Message/.test(c.method));
const holidays = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));

describe("item 10: every long reply is split within 4,096 characters", () => {
  it("/settings with 400 holidays arrives as several messages, none over the limit, nothing lost", async () => {
    const admin = h.user(ADMIN, "陈经理");
    await admin.send("/newproperty BX 碧溪花园");
    const days = holidays(400);
    const changed = sent(await admin.send(`/settings BX holidays ${days.join(",")}`));
    expect(textOf(changed[0])).toContain("holidays");
    for (const c of changed) expect(textOf(c).length).toBeLessThanOrEqual(4096);
    const out = sent(await admin.send("/settings BX"));
    expect(out.length).toBeGreaterThan(1);
    for (const c of out) {
      expect(textOf(c).length).toBeLessThanOrEqual(4096);
      for (const e of c.payload.entities ?? []) expect(e.offset + e.length).toBeLessThanOrEqual(textOf(c).length);
      expect(c.error).toBeUndefined();
    }
    const all = out.map(textOf).join("");
    for (const d of [days[0]!, days[399]!]) expect(all).toContain(d);
    expect(textOf(out.at(-1))).toContain("续");
  });

  it("/people with long role lists and the owner's /my stay within the limit", async () => {
    const s = await makeSite(h.database.db, 1);
    const admin = h.user(ADMIN, "陈经理");
    await admin.send("/start");
    for (let i = 0; i < 120; i++) {
      const p = await h.database.db.property.create({ data: { code: `P${i}`, name: `Garden ${i}` } });
      await h.database.db.roleGrant.create({ data: { personId: s.technicians[0]!.id, role: "technician", propertyId: p.id, skills: "water,electricity,gas,doors_locks" } });
    }
    const out = sent(await admin.send("/people"));
    for (const c of out) {
      expect(textOf(c).length).toBeLessThanOrEqual(4096);
      expect(c.error).toBeUndefined();
    }
  });

  it("splitText cuts at line breaks, never inside a surrogate pair", () => {
    const text = Array.from({ length: 300 }, (_, i) => `第 ${i} 行 😀`).join("\n");
    const pieces = splitText(text, 100);
    expect(pieces.every((p) => p.length <= 100)).toBe(true);
    expect(pieces.join("\n")).toBe(text);
    const long = splitText("😀".repeat(100), 51);
    expect(long.every((p) => p.length <= 51 && !/[\uD800-\uDBFF]$/.test(p))).toBe(true);
    expect(long.join("")).toBe("😀".repeat(100));
  });
});

describe("item 11: inputs", () => {
  it("normalizes full-width and Arabic-Indic digits in unit labels, by command and by CSV", async () => {
    const admin = h.user(ADMIN, "陈经理");
    await admin.send("/newproperty BX 碧溪花园");
    expect(textOf((await admin.send("/addunit BX ３-１-５０２")).at(-1))).toContain("3-1-502 已添加");
    expect(textOf((await admin.send("/addunit BX ٣-١-٥٠٢")).at(-1))).not.toContain("已添加");
    h.fake.files.set("CSV-W", "楼栋,单元,房号\n３，１，５０３\n٣,١,٥٠٤\n");
    await admin.document("CSV-W", "units.csv", "/import BX");
    const units = await h.database.db.unit.findMany({ orderBy: { id: "asc" } });
    expect(units.map((u) => `${u.building}-${u.entrance}-${u.room}`)).toEqual(["3-1-502", "3-1-503", "3-1-504"]);
    expect(normalizeDigits("۳-۱-۵۰۲")).toBe("3-1-502");
  });

  it("refuses impossible dates", async () => {
    const admin = h.user(ADMIN, "陈经理");
    await admin.send("/newproperty BX 碧溪花园");
    expect(textOf((await admin.send("/settings BX holidays 2026-02-30")).at(-1))).toContain("值不对");
    expect(textOf((await admin.send("/settings BX holidays 2026-13-01")).at(-1))).toContain("值不对");
    expect((await h.database.db.property.findFirstOrThrow()).holidays).toBe("");
    expect([isIsoDate("2028-02-29"), isIsoDate("2026-02-29"), isIsoDate("2026-04-31")]).toEqual([true, false, false]);
  });

  it("answers a GBK CSV with an encoding hint and imports nothing", async () => {
    const admin = h.user(ADMIN, "陈经理");
    await admin.send("/newproperty BX 碧溪花园");
    // "楼栋,单元,房号\n1,1,101\n" in GBK
    h.fake.files.set("CSV-GBK", Buffer.from("c2a5b6b02cb5a5d4aa2cb7bfbac50a312c312c3130310a", "hex"));
    const out = await admin.document("CSV-GBK", "units.csv", "/import BX");
    expect(out.map(textOf).join("\n")).toContain("UTF-8");
    expect(await h.database.db.unit.count()).toBe(0);
  });

  it("refuses a file over the limit before downloading it, although the message gave no size", async () => {
    const admin = h.user(ADMIN, "陈经理");
    await admin.send("/newproperty BX 碧溪花园");
    h.fake.files.set("CSV-BIG", `1,1,101,${"x".repeat(1_200_000)}\n`); // 1.2 MB in one line; the document carries no file_size
    const out = await admin.document("CSV-BIG", "units.csv", "/import BX");
    expect(out.map(textOf).join("\n")).toContain("文件太大");
    expect(await h.database.db.unit.count()).toBe(0);
  });

  it("never stores NUL or lone surrogates", async () => {
    const s = await makeSite(h.database.db, 1);
    const owner = h.user(Number(s.owner.telegramId), "王阿姨\uD800");
    await owner.send("/repair");
    await owner.press("1-2-301");
    await owner.press("给排水");
    await owner.send("厨房\u0000水管\uDC00漏水");
    await owner.press("跳过");
    await owner.press("不紧急");
    await owner.press("家里有人");
    await owner.press("尽快");
    await owner.send("13800138000");
    await owner.press("确认提交");
    const ticket = await h.database.db.ticket.findFirstOrThrow();
    expect(ticket.description).toBe("厨房水管\uFFFD漏水");
    const person = await h.database.db.person.findUniqueOrThrow({ where: { id: s.owner.id } });
    expect(person.name).toBe("王阿姨\uFFFD");
    expect(cleanText("a\u0000b\nc\td\uD83D")).toBe("ab\nc\td\uFFFD");
    expect(h.errors).toEqual([]);
  });
});
