// /tocomplaint takes only low ratings (1-2) or a callback's complaint, in the desk's words; /complain's
// picker names the home, category and date and leaves out cancelled tickets; /complaints marks
// overdue ones and shows no priority before classification; reminders go to the named handler.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assignComplaint, classifyComplaint } from "../../src/domain/complaint-desk.ts";
import { fileComplaint } from "../../src/domain/complaints.ts";
import { runDeadlines } from "../../src/domain/scheduled/deadlines.ts";
import { answerSurvey } from "../../src/domain/surveys.ts";
import { cancelTicket } from "../../src/domain/tickets/owner.ts";
import { createHarness, buttonsOf, textOf, type Harness } from "../helpers/bot-harness.ts";
import { completed, count, makeDesk, reported, sh, value, type Desk } from "../jobs/site.ts";

let h: Harness;
let s: Desk;
beforeEach(async () => {
  h = await createHarness();
  s = await makeDesk(h.database);
});
afterEach(async () => { await h.close(); });

const chatOf = (p: { telegramId: bigint | null; name: string }) => h.user(Number(p.telegramId), p.name);
const numberOf = async (id: number) => (await h.database.db.ticket.findUniqueOrThrow({ where: { id } })).number;

describe("complaint rules", () => {
  it("/tocomplaint refuses a rating of 4 and files a 2 in the desk's words", async () => {
    const good = await completed(h.database, s, h.now());
    value(await answerSurvey(h.database, { ticketId: good, actorId: s.owner.id, rating: 4, channel: "bot" }, h.now()));
    const desk = chatOf(s.desk);
    expect(textOf((await desk.send(`/tocomplaint ${await numberOf(good)}`)).at(-1))).toContain("只有「不满意」「很不满意」");
    const bad = await completed(h.database, s, h.now());
    value(await answerSurvey(h.database, { ticketId: bad, actorId: s.owner.id, rating: 2, channel: "bot" }, h.now()));
    await desk.send(`/tocomplaint ${await numberOf(bad)}`);
    const c = await h.database.db.complaint.findFirstOrThrow({ where: { ticketId: bad } });
    expect(c.description).toBe("业主回访评价为不满意，未留言。");
    expect(await h.database.db.complaint.count({ where: { ticketId: good } })).toBe(0);
  });

  it("/complain's picker shows home, category and date, without cancelled tickets", async () => {
    await reported(h.database, s, h.now(), { category: "lighting" });
    const gone = await reported(h.database, s, h.now());
    value(await cancelTicket(h.database, s.owner.id, gone, h.now()));
    const owner = chatOf(s.owner);
    await owner.send("/complain");
    await owner.press("某张报修单");
    const choices = buttonsOf(owner.inbox().at(-1)).map((b) => b.text);
    expect(choices).toEqual(["1-2-301 · 照明 · 11-23（0001）"]);
  });

  it("/complaints marks overdue ones and shows no priority before classification", async () => {
    const complaint = { propertyId: s.property.id, complainantId: s.owner.id, description: "电梯噪音", urgent: false };
    const late = value(await fileComplaint(h.database, complaint, sh("2026-11-16T10:00:00")));
    value(await classifyComplaint(h.database, { complaintId: late.complaintId, actorId: s.desk.id, category: "quality", urgent: false, valid: true }, sh("2026-11-16T10:30:00")));
    value(await fileComplaint(h.database, { ...complaint, description: "楼道脏" }, h.now()));
    const text = textOf((await chatOf(s.desk).send("/complaints")).at(-1));
    const [first, second] = text.split("\n\n").slice(1);
    expect(first).toMatch(/^🔴 已超期 BX-TS0001 · 工作质量 · 一般 · 期限/);
    expect(second).toMatch(/^BX-TS0002 · 待分类 · 期限/);
  });

  it("reminds the named handler of a complaint, not the whole desk", async () => {
    const complaint = { propertyId: s.property.id, complainantId: s.owner.id, category: "attitude", description: "态度差", urgent: false };
    const c = value(await fileComplaint(h.database, complaint, sh("2026-11-23T10:00:00")));
    value(await assignComplaint(h.database, { complaintId: c.complaintId, actorId: s.desk.id, handlerId: s.supervisor.id }, sh("2026-11-23T10:10:00")));
    await runDeadlines(h.database, sh("2026-11-25T10:00:00")); // a working day before the Thursday deadline
    expect(await count(h.database, "complaint-reminder", s.supervisor.id)).toBe(1);
    expect(await count(h.database, "complaint-reminder", s.desk.id)).toBe(0);
  });
});
