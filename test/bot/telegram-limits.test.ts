// Replies under Telegram's limits: the fake enforces 1 message/s per chat and answers 429 with
// retry_after; an owner's report must survive it (defect 1 of issue 10).
import { afterEach, describe, expect, it } from "vitest";
import { floodWait, serverError } from "../../src/fake-bot-api/server.ts";
import { createHarness, said, repairUpToPhone, textOf, type Harness } from "../helpers/bot-harness.ts";
import { T0, makeProperty, makeUnit, nextTelegramId } from "../helpers/fixtures.ts";

let h: Harness;
afterEach(async () => { await h.close(); });

async function ownerOf502() {
  const db = h.database.db;
  const property = await makeProperty(db);
  const unit = await makeUnit(db, property.id, "3-1-502");
  await db.invite.create({ data: { code: "OWNERCODE-502", kind: "owner", unitId: unit.id, propertyId: property.id, expiresAt: new Date(T0.getTime() + 86_400_000) } });
  const owner = h.user(nextTelegramId(), "王阿姨");
  await owner.send("/start OWNERCODE-502");
  return owner;
}

const upToPhone = repairUpToPhone;

describe("replies under Telegram's limits (enforcing fake)", () => {
  it("the phone step's two messages in one second both arrive, paced, and the report is filed", async () => {
    h = await createHarness({ enforce: true });
    const owner = await ownerOf502();
    await upToPhone(owner);
    const phone = await owner.contact("+86 138 0013 8000");
    expect(phone.map(textOf).join("\n")).toContain("联系电话：13800138000");
    expect(textOf(phone.filter((c) => c.result).at(-1))).toContain("请核对报修信息");
    expect(textOf(said(await owner.press("确认提交")))).toContain("BX-20261123-0001");
    expect(h.fake.floods()).toEqual([]);
    expect(h.errors).toEqual([]);
  });

  it("a 429 storm on replies is waited out: the flow goes on and nothing is lost", async () => {
    h = await createHarness({ enforce: true });
    const owner = await ownerOf502();
    await upToPhone(owner);
    h.fake.failNext("*", floodWait(1), 2);
    const phone = await owner.contact("+86 138 0013 8000");
    expect(h.fake.floods()).toHaveLength(2);
    expect(phone.filter((c) => c.result).map(textOf).join("\n")).toContain("请核对报修信息");
    expect(textOf(said(await owner.press("确认提交")))).toContain("BX-20261123-0001");
    expect(h.errors).toEqual([]);
  });

  it("a reply that cannot go in time (long 429) waits in the outbox, a 5xx is tried again: the flow goes on", async () => {
    h = await createHarness({ enforce: true, virtualWaits: true });
    const owner = await ownerOf502();
    await upToPhone(owner);
    h.fake.failNext("*", floodWait(60)); // longer than a reply may wait: handed to the outbox
    h.fake.failNext("*", serverError(502)); // tried again half a second later
    await owner.contact("+86 138 0013 8000"); // the chat may get nothing for 60 s: both replies wait in the outbox
    h.advance(1.1);
    await h.flush();
    const texts = h.fake.sent(owner.id).map(textOf).join("\n");
    expect(texts).toContain("好的，联系电话：13800138000");
    expect(texts).toContain("请核对报修信息");
    await owner.press("确认提交");
    const ticket = await h.database.db.ticket.findFirstOrThrow();
    expect(ticket).toMatchObject({ category: "water", description: "厨房水龙头一直滴水", phone: "13800138000" });
    expect(h.errors).toEqual([]);
  });
});
