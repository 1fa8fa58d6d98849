// Issue 22 item 4: raw names where people read words. Every event kind, ticket status, category and
// channel has words in every language; the ticket card's timeline, the owner's timeline, the night
// handover, the report and the CSV export show them; the card pages its timeline instead of dropping
// the oldest events.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { hasKey } from "../../src/bot/i18n.ts";
import { WORD_VALUES, wordKey, words } from "../../src/bot/words.ts";
import { EVENT_KINDS } from "../../src/domain/events.ts";
import { runHandover } from "../../src/domain/scheduled/handover.ts";
import { LANGUAGES } from "../../src/domain/types.ts";
import { createHarness, textOf, type Harness } from "../helpers/bot-harness.ts";
import { makeDesk, reported, sh, type Desk } from "../jobs/site.ts";

describe("words for every raw name", () => {
  it("every event kind, status, category and channel has words in zh-CN, zh-TW and en", () => {
    const missing: string[] = [];
    for (const [kind, values] of Object.entries(WORD_VALUES)) {
      for (const v of values) for (const lang of LANGUAGES) if (!hasKey(lang, wordKey(kind as never, v))) missing.push(`${lang} ${kind} ${v}`);
    }
    expect(missing).toEqual([]);
    expect(WORD_VALUES.event.length).toBeGreaterThan(80);
    expect(words("en", "channel", "chat")).not.toBe("chat");
    expect(words("zh-CN", "status", "open")).toBe("待接单");
  });
});

let h: Harness;
let s: Desk;
beforeEach(async () => {
  h = await createHarness({ now: sh("2026-12-01T09:00:00") });
  s = await makeDesk(h.database);
});
afterEach(async () => { await h.close(); });
const chatOf = (p: { telegramId: bigint | null; name: string }, lang = "zh-hans") => h.user(Number(p.telegramId), p.name, lang);

describe("the ticket card and the owner's timeline", () => {
  it("show every event in words, none dropped, each message within 4,096 characters", async () => {
    const id = await reported(h.database, s, h.now());
    // one event of every kind on the ticket, with a reason each (setup rows)
    await h.database.db.event.createMany({
      data: EVENT_KINDS.map((action, i) => ({
        ticketId: id, actorId: s.desk.id, action, data: JSON.stringify({ reason: `原因${i}` }), at: new Date(h.now().getTime() + i * 60_000),
      })),
    });
    const card = (await chatOf(s.desk).pressData(`card|${id}`)).filter((c) => c.method === "sendMessage");
    const text = card.map(textOf).join("\n");
    for (const m of card) expect(textOf(m).length).toBeLessThanOrEqual(4096);
    for (const kind of ["marked-chargeable", "quote-created", "quote-approved", "complaint-filed", "follow-up-reminded", "dispatch-escalated"]) {
      expect(text, kind).not.toContain(` · ${kind}`);
    }
    expect(text).toContain(" · 确认为有偿服务（原因");
    expect(text).toContain(" · 派单超时，已通知主管（原因");
    for (const i of [0, EVENT_KINDS.length - 1]) expect(text).toContain(`原因${i}）`); // the oldest and the newest

    const owner = await chatOf(s.owner).pressData(`tk|${id}`);
    const mine = owner.map(textOf).join("\n");
    expect(mine).toContain("确认修好");
    expect(mine).not.toMatch(/ (confirmed|follow-up-closed|commented) /);
  });
});

describe("the handover, the report and the export", () => {
  it("the handover names statuses in words; the English report's channels are words; the CSV has words", async () => {
    await runHandover(h.database, sh("2026-11-30T20:00:00"));
    await reported(h.database, s, sh("2026-11-30T22:10:00"));
    await runHandover(h.database, sh("2026-12-01T08:00:00"));
    await h.flush();
    const digest = chatOf(s.desk).inbox().map(textOf).find((x) => x.includes("夜间交接"))!;
    expect(digest).toContain("待接单");
    expect(digest).not.toMatch(/\bopen\b|⟦/);

    await reported(h.database, s, sh("2026-11-10T10:00:00"), { category: "water" });
    const en = chatOf(s.supervisor, "en");
    await h.database.db.person.update({ where: { id: s.supervisor.id }, data: { language: "en" } });
    const report = textOf((await en.send("/report BX 2026-11")).find((c) => c.method === "sendMessage"));
    expect(report).toMatch(/By channel: in the bot 2/);
    const doc = (await chatOf(s.supervisor).send("/export BX month 2026-11")).find((c) => c.method === "sendDocument")!;
    const rows = parse(doc.payload.document.content.toString("utf8"), { bom: true }) as string[][];
    const line = rows[1]!.join(",");
    expect(line).toContain("Water");
    expect(line).toMatch(/in the bot/);
    expect(line).not.toMatch(/,(water|chat|open|0|1),/);
  });
});
