// The desk as people see it: the callback ladder's messages rendered by the real bot, the owner
// answering the callback with its buttons, the desk recording a phone answer from /callbacks, and
// a supervisor closing the follow-up so the owner hears the result. Real createBot, real database,
// fake Telegram over HTTP; the jobs run with the harness clock.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCallbacks } from "../../src/domain/scheduled/callbacks.ts";
import { runCloseOut } from "../../src/domain/scheduled/close-out.ts";
import { addMinutes } from "../../src/domain/time.ts";
import { createHarness, buttonsOf, textOf, type Harness } from "../helpers/bot-harness.ts";
import { T0 } from "../helpers/fixtures.ts";
import { completed, makeDesk, type Desk } from "../jobs/site.ts";

let h: Harness;
let s: Desk;
beforeEach(async () => {
  h = await createHarness();
  s = await makeDesk(h.database);
});
afterEach(async () => { await h.close(); });

const chatOf = (p: { telegramId: bigint | null; name: string }) => h.user(Number(p.telegramId), p.name);
/** Moves the harness clock to T0 + minutes, runs the callback job, and sends the outbox. */
async function callbacksAt(minutes: number) {
  h.setNow(addMinutes(T0, minutes));
  await runCallbacks(h.database, h.now());
  await h.flush();
}

describe("callbacks as the owner sees them", () => {
  it("asks whether it is fixed with the 1-5 buttons, and the owner's rating ends the ladder", async () => {
    const id = await completed(h.database, s, T0);
    await callbacksAt(120);
    const owner = chatOf(s.owner);
    const ask = owner.inbox().at(-1);
    expect(textOf(ask)).toContain("BX-20261123-0001");
    expect(textOf(ask)).toContain("请问问题解决了吗");
    expect(buttonsOf(ask).map((b) => b.text)).toEqual(["✅ 已修好", "❌ 没修好", "5 很满意", "4 满意", "3 一般", "2 不满意", "1 很不满意"]);
    await owner.press("4 满意");
    expect((await h.database.db.survey.findUniqueOrThrow({ where: { ticketId: id } })).rating).toBe(4);
    await callbacksAt(24 * 60);
    expect(chatOf(s.desk).inbox()).toEqual([]);
    expect(h.errors).toEqual([]);
  });
  it("takes a typed 5 as the rating and replaces the question's buttons with the rating", async () => {
    const id = await completed(h.database, s, T0);
    await callbacksAt(120);
    const owner = chatOf(s.owner);
    const ask = owner.inbox().at(-1)!;
    expect(buttonsOf(ask)).toHaveLength(7);
    await owner.send("5");
    expect((await h.database.db.survey.findUniqueOrThrow({ where: { ticketId: id } })).rating).toBe(5);
    await h.flush();
    const edit = h.fake.calls.filter((c) => c.method === "editMessageText" && c.payload.message_id === ask.result.message_id).at(-1);
    expect(textOf(edit)).toContain("已收到您的评价：5 分");
    expect(buttonsOf(edit)).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});

describe("the desk's phone callbacks", () => {
  it("lists phone tasks and records the owner's phone answer; a low rating becomes a follow-up whose result reaches the owner", async () => {
    const id = await completed(h.database, s, T0);
    await callbacksAt(120);
    await callbacksAt(360);
    await callbacksAt(24 * 60);
    const desk = chatOf(s.desk);
    const task = desk.inbox().at(-1);
    expect(textOf(task)).toContain("请电话回访");
    expect(textOf(task)).toContain("13800138000");
    expect(buttonsOf(task).map((b) => b.text)).toEqual(["📝 记录电话回访结果"]);

    const list = await desk.send("/callbacks");
    expect(textOf(list.at(-1))).toContain("BX-20261123-0001 · 王阿姨 · 1-2-301");
    expect(textOf(list.at(-1))).toContain("13800138000");
    await desk.press("BX-20261123-0001");
    expect(desk.lastText()).toContain("王阿姨");
    await desk.press("2 不满意");
    expect(desk.lastText()).toContain("跳过");
    await desk.send("师傅迟到了,业主不太满意");
    expect(desk.lastText()).toContain("已记录工单 BX-20261123-0001 的电话回访：2 不满意");
    const survey = await h.database.db.survey.findUniqueOrThrow({ where: { ticketId: id } });
    expect(survey).toMatchObject({ status: "answered", channel: "phone", rating: 2, answeredBy: s.desk.id, comment: "师傅迟到了,业主不太满意" });
    expect(textOf((await desk.send("/callbacks")).at(-1))).toContain("没有需要电话回访");

    const supervisor = chatOf(s.supervisor);
    const followups = await supervisor.send("/followups");
    expect(textOf(followups.at(-1))).toContain("师傅迟到了,业主不太满意");
    await supervisor.press("结案");
    await supervisor.send("已上门致歉,并安排师傅复查");
    expect(supervisor.lastText()).toContain("已结案");
    await h.flush();
    expect(chatOf(s.owner).lastText()).toContain("已上门致歉,并安排师傅复查");
    expect(textOf((await supervisor.send("/followups")).at(-1))).toContain("没有待跟进事项");
    expect(h.errors).toEqual([]);
  });

  it("lets the phone task's own button start the record, and refuses people who are not desk staff", async () => {
    await completed(h.database, s, T0);
    await h.database.db.person.update({ where: { id: s.owner.id }, data: { blockedAt: T0 } }); // straight to the desk
    await callbacksAt(120);
    const desk = chatOf(s.desk);
    await desk.press("记录电话回访结果");
    await desk.press("5 很满意");
    await desk.press("跳过");
    expect(desk.lastText()).toContain("5 很满意");

    const tech = chatOf(s.technicians[0]!);
    expect(textOf((await tech.send("/callbacks")).at(-1))).toContain("仅限客服");
    expect(textOf((await tech.send("/followups")).at(-1))).toContain("仅限客服");
    const pressed = await tech.pressData("cbans|1");
    expect(pressed.find((c) => c.method === "answerCallbackQuery")?.payload.text).toContain("仅限客服");
  });
});

describe("the daily close-out", () => {
  it("reaches the desk as one readable message", async () => {
    await completed(h.database, s, T0);
    await runCloseOut(h.database, T0);
    h.setNow(new Date("2026-11-23T09:30:00Z")); // 17:30 local
    await runCloseOut(h.database, h.now());
    await h.flush();
    const text = chatOf(s.desk).lastText();
    expect(text).toContain("每日工单日清");
    expect(text).toContain("今日完成  1");
  });
});
