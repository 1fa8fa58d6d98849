// Issue 11, items 5-7: a second flow ends the open one politely, a flow re-asks its question after
// a crash that lost its state, and malformed button data is an expired button.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reportFault } from "../../src/domain/tickets/report.ts";
import { acceptJob } from "../../src/domain/tickets/dispatch.ts";
import { markDone } from "../../src/domain/tickets/work.ts";
import { createHarness, buttonsOf, textOf, type Call, type Harness } from "../helpers/bot-harness.ts";
import { makeSite, report, value } from "../helpers/fixtures.ts";

let h: Harness;
beforeEach(async () => { h = await createHarness(); });
afterEach(async () => { await h.close(); });

const said = (calls: Call[]) => calls.map((c) => (c.method === "answerCallbackQuery" ? String(c.payload.text ?? "") : textOf(c))).join("\n");
const chat = (p: { telegramId: bigint | null; name: string }) => h.user(Number(p.telegramId), p.name);

async function site() {
  const s = await makeSite(h.database.db, 1);
  return { ...s, ownerRow: s.owner, owner: chat(s.owner), tech: chat(s.technicians[0]!), techRow: s.technicians[0]! };
}
const accepted = async (s: Awaited<ReturnType<typeof site>>) => {
  const t = value(await reportFault(h.database, report(s.ownerRow.id, s.unit.id), h.now()));
  value(await acceptJob(h.database, s.techRow.id, t.ticketId, h.now()));
  return t;
};

describe("item 5: a second flow never meets 'a conversation was already entered'", () => {
  it("Done on job A, then Done on job B: A's flow is closed with a word, B's runs to the end", async () => {
    const s = await site();
    const a = await accepted(s);
    const b = await accepted(s);
    expect(said(await s.tech.pressData(`done|${a.ticketId}`))).toContain(a.number);
    const second = said(await s.tech.pressData(`done|${b.ticketId}`));
    expect(second).not.toContain("系统出了点问题");
    expect(second).toContain("「完工登记」还没有完成");
    expect(second).toContain(b.number);
    await s.tech.send("换了阀芯");
    const finished = await s.tech.press("跳过");
    expect(finished.map(textOf).join("\n")).toContain(`已完成 ${b.number}`);
    expect((await h.database.db.ticket.findUniqueOrThrow({ where: { id: b.ticketId } })).status).toBe("completed");
    expect((await h.database.db.ticket.findUniqueOrThrow({ where: { id: a.ticketId } })).status).toBe("accepted");
    expect(h.errors).toEqual([]);
  });

  it("an owner with /repair open can still say 'not fixed' on a finished job", async () => {
    const s = await site();
    const t = await accepted(s);
    value(await markDone(h.database, s.techRow.id, t.ticketId, { note: "" }, h.now()));
    await h.flush();
    await s.owner.send("/repair");
    await s.owner.press("1-2-301");
    const out = said(await s.owner.press("没修好"));
    expect(out).not.toContain("系统出了点问题");
    expect(out).toContain("「报修登记」还没有完成");
    await s.owner.send("还是滴水");
    expect((await h.database.db.ticket.findUniqueOrThrow({ where: { id: t.ticketId } })).status).toBe("accepted");
    expect(h.errors).toEqual([]);
  });

  it("an owner with /repair open can rate 1 and is asked what went wrong", async () => {
    const s = await site();
    const t = await accepted(s);
    value(await markDone(h.database, s.techRow.id, t.ticketId, { note: "" }, h.now()));
    await h.flush();
    await s.owner.send("/repair");
    await s.owner.press("1-2-301");
    await s.owner.press("已修好");
    const out = said(await s.owner.press("1 很不满意"));
    expect(out).not.toContain("系统出了点问题");
    expect(out).toContain("哪里做得不好");
    await s.owner.send("师傅迟到了");
    expect((await h.database.db.survey.findUniqueOrThrow({ where: { ticketId: t.ticketId } })).comment).toBe("师傅迟到了");
    expect(h.errors).toEqual([]);
  });
});

describe("item 6: after a crash between an answer and the next question, the flow re-asks", () => {
  it("the next message gets the current question again, with its buttons", async () => {
    const s = await site();
    await s.owner.send("/repair");
    await s.owner.press("1-2-301");
    // kill -9 after the press was handled but before the conversation state was written: the
    // update is marked processed, the buttons are gone, the stored state is the one before
    const before = await h.database.db.session.findMany();
    await s.owner.press("给排水");
    for (const row of before) await h.database.db.session.update({ where: { key: row.key }, data: { value: row.value } });
    h.restart();
    const again = (await s.owner.send("在吗？")).at(-1);
    expect(textOf(again)).toContain("哪一类问题");
    expect(buttonsOf(again).map((b) => b.text)).toContain("给排水");
    await s.owner.press("给排水");
    expect(s.owner.lastText()).toContain("描述");
  });
});

describe("item 7: malformed button data answers 'this button has expired'", () => {
  for (const data of ["accept|NaN", "tk|1 OR 1=1", "cancelok|-1", "tk|2147483648", "accept|99999999999", "job|", "rate|1|5|x"]) {
    it(`${data}`, async () => {
      const s = await site();
      const out = await s.owner.pressData(data);
      expect(said(out)).toContain("按钮已失效");
      expect(said(out)).not.toContain("系统出了点问题");
      expect(h.errors).toEqual([]);
    });
  }
});
