// Every Fluent message a caller names exists in every language and renders with the arguments
// that caller passes: the source is scanned for `t("key", { … })` / `ctx.t(…)` calls and outbox
// notices (`key: "…", params: { … }`), and each is rendered in each locale. A missing key or a
// variable the caller does not pass ("Unknown variable: $flow") fails here, not in a person's chat.
// Also: every flow is started through the one rule (enterFlow) and has a name to be ended by.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderProblems } from "../../src/bot/i18n.ts";
import { LANGUAGES } from "../../src/domain/types.ts";

const SRC = join(import.meta.dirname, "../../src");
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  if (statSync(p).isDirectory()) return f === "generated" || f === "locales" ? [] : files(p);
  return p.endsWith(".ts") ? [p] : [];
});
const sources = files(SRC).map((path) => ({ path: path.slice(SRC.length + 1), text: readFileSync(path, "utf8") }));

/** The names an object literal passes, or null when a spread hides some of them. */
function namesOf(literal: string | undefined): string[] | null {
  if (!literal) return [];
  const body = literal.slice(1, -1).trim();
  if (!body) return [];
  const entries = body.split(",").map((e) => e.trim()).filter(Boolean);
  if (entries.some((e) => e.startsWith("..."))) return null;
  return entries.map((e) => /^["']?([A-Za-z_$][\w$-]*)/.exec(e)?.[1] ?? e);
}

type Use = { where: string; key: string; names: string[] | null };
const uses: Use[] = [];
for (const { path, text } of sources) {
  const line = (i: number) => `${path}:${text.slice(0, i).split("\n").length}`;
  for (const m of text.matchAll(/\bt\(\s*"([a-z][a-z0-9-]*)"\s*(?:,\s*(\{[^{}]*\})\s*)?([,)])/g)) {
    uses.push({ where: line(m.index), key: m[1]!, names: m[3] === ")" ? namesOf(m[2]) : null });
  }
  for (const m of text.matchAll(/\bkey: "([a-z][a-z0-9-]*)",\s*params: (\{[^{}]*\})/g)) {
    uses.push({ where: line(m.index), key: m[1]!, names: namesOf(m[2]) });
  }
}

describe("every message a caller names", () => {
  it("is found in the source (the scan works)", () => {
    expect(uses.length).toBeGreaterThan(300);
    expect(uses.some((u) => u.key === "ask-too-many-tries" && u.where.startsWith("bot/conversations/quote.ts"))).toBe(true);
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: exists and renders with the arguments its caller passes`, () => {
      const problems = uses.flatMap((u) => {
        const params = Object.fromEntries((u.names ?? []).map((n) => [n, 1]));
        // a spread passes variables we cannot see: only the key is checked
        const found = renderProblems(lang, u.key, params).filter((p) => u.names !== null || p.includes("no message"));
        return found.map((p) => `${u.where} ${p}`);
      });
      expect(problems).toEqual([]);
    });
  }
});

describe("flows", () => {
  const ids = sources
    .filter((s) => /^bot\/(conversations|features)\//.test(s.path))
    .flatMap((s) => [...s.text.matchAll(/^export const [A-Z_]+ = "([a-z-]+)";/gm)].map((m) => m[1]!));

  it("are all started through enterFlow, which ends an open one politely", () => {
    const direct = sources.filter((s) => s.path !== "bot/conversations/enter.ts" && s.text.includes("conversation.enter("));
    expect(direct.map((s) => s.path)).toEqual([]);
  });

  it.each(LANGUAGES)("%s: each has a name to be ended by", (lang) => {
    expect(ids).toEqual(expect.arrayContaining(["paid-quote", "complain", "ticket-reason"]));
    expect(ids.flatMap((id) => renderProblems(lang, `flow-name-${id}`, {}))).toEqual([]);
  });
});
