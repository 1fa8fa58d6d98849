// The database goes away while owners are writing: an update that arrives then waits and is
// served when the database returns (nothing lost, nothing twice), or, if the database stays away
// too long, its sender is asked in their language to try again.
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, textOf, type Harness } from "../helpers/bot-harness.ts";
import { makeOwner, makeProperty, makeUnit } from "../helpers/fixtures.ts";
import { takeDown } from "../helpers/outage.ts";

let h: Harness;
afterEach(async () => { await h.close(); });

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function owner(language = "zh-CN") {
  const db = h.database.db;
  const unit = await makeUnit(db, (await makeProperty(db)).id, "3-1-502");
  const row = await makeOwner(db, unit.id, "王阿姨", language);
  return h.user(Number(row.telegramId), "王阿姨");
}

describe("an unreachable database", () => {
  it("holds the update until the database is back, then serves it once", async () => {
    h = await createHarness({ databasePatience: { patienceMs: 60_000, maxDelayMs: 100 } });
    const o = await owner();
    await o.send("/repair");
    await o.press("3-1-502");
    const bringBack = await takeDown(h.database);
    const before = o.inbox().length;
    const pressed = o.press("给排水");
    await wait(800);
    expect(o.inbox().length).toBe(before); // nothing happened yet, nothing lost either
    await bringBack();
    await pressed;
    expect(o.inbox().slice(before).filter((c) => c.method === "sendMessage").map(textOf)).toEqual([expect.stringContaining("描述")]);

    await o.send("厨房水龙头一直滴水");
    await o.press("跳过");
    await o.press("不紧急");
    await o.press("家里有人");
    await o.press("尽快");
    await o.send("13800138000");
    expect(textOf((await o.press("确认提交")).at(-1))).toContain("BX-");
    expect(await h.database.db.ticket.count()).toBe(1);
    expect(h.warnings.some((w) => w.includes("database unavailable"))).toBe(true);
    expect(h.errors).toEqual([]);
  });

  it("asks the sender to try again, in their language, when the database stays away", async () => {
    h = await createHarness({ databasePatience: { patienceMs: 400, maxDelayMs: 100 } });
    const o = await owner("en");
    await o.send("/help"); // seen once: the bot knows their language
    const bringBack = await takeDown(h.database);
    let calls;
    try {
      calls = await o.send("/my");
    } finally {
      await bringBack();
    }
    expect(calls.map(textOf)).toEqual([expect.stringContaining("please try again")]);
    expect(textOf((await o.send("/my")).at(-1))).toContain("no"); // served now
    expect(h.errors.filter((e) => !e.includes("database still unavailable"))).toEqual([]);
  });
});
