// What an update costs in SQL statements (speed itself is measured in `npm run bench`): a step of
// a conversation that changes nothing but the conversation costs at most 3 (dedupe claim, state
// read, state write); the sender's person and roles come from memory until something changes them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/bot-harness.ts";
import { makeOwner, makeProperty, makeStaff, makeUnit } from "../helpers/fixtures.ts";
import { revokeRole, setLanguage } from "../../src/domain/people.ts";

let h: Harness;
beforeEach(async () => { h = await createHarness({ countStatements: true }); });
afterEach(async () => { await h.close(); });

async function statementsOf(fn: () => Promise<unknown>) {
  const before = h.database.statements();
  await fn();
  return h.database.statements() - before;
}

describe("statements per update", () => {
  it("costs at most 3 for a conversation step, with the person cached", async () => {
    const db = h.database.db;
    const unit = await makeUnit(db, (await makeProperty(db)).id, "3-1-502");
    const owner = h.user(Number((await makeOwner(db, unit.id, "王阿姨")).telegramId), "王阿姨");
    await owner.send("/help"); // first contact: the person row is read (and the name kept fresh)
    await owner.send("/repair");
    expect(await statementsOf(() => owner.press("3-1-502"))).toBeLessThanOrEqual(3);
    expect(await statementsOf(() => owner.press("给排水"))).toBeLessThanOrEqual(3);
    expect(await statementsOf(() => owner.send("厨房水龙头一直滴水"))).toBeLessThanOrEqual(3);
    expect(await statementsOf(() => owner.send("🤔"))).toBeLessThanOrEqual(3); // a wrong answer, asked again
    expect(owner.lastText()).toContain("照片");
  });

  it("sees a change of language or roles at the next update", async () => {
    const db = h.database.db;
    const property = await makeProperty(db);
    const admin = await makeStaff(db, property.id, "admin", "管理员");
    const techRow = await makeStaff(db, property.id, "technician", "李师傅");
    const tech = h.user(Number(techRow.telegramId), "李师傅");
    expect(tech.lastText()).toBe("");
    await tech.send("/help");
    expect(tech.lastText()).toContain("维修人员");
    await tech.send("/help");
    expect(await statementsOf(() => tech.send("/help"))).toBeLessThanOrEqual(2); // cached: dedupe claim, conversation state

    expect((await revokeRole(h.database, admin.id, techRow.id, "technician", h.now())).ok).toBe(true);
    await tech.send("/help");
    expect(tech.lastText()).not.toContain("维修人员");

    await setLanguage(db, techRow.id, "en", h.now());
    await tech.send("/help");
    expect(tech.lastText()).toContain("Your account is not linked to a home yet");
  });
});
