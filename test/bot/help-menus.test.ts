// Issue 22 item 21: /help per role lists every command the role has, in every language; the menus
// show the same; and the table in src/bot/commands.ts matches the handlers the bot registers
// (a handler without a help line, or a help line without a handler, fails here).
import { readdirSync, readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMMANDS, commandsFor, type Audience } from "../../src/bot/commands.ts";
import { hasKey } from "../../src/bot/i18n.ts";
import { LANGUAGES } from "../../src/domain/types.ts";
import { createHarness, textOf, type Harness } from "../helpers/bot-harness.ts";
import { makeDesk, sh, type Desk } from "../jobs/site.ts";
import { makeStaff } from "../helpers/fixtures.ts";

/** Every command name a handler is registered for in src/bot (`.command("x"` and `.command(["x", "y"]`). */
function registeredCommands(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory() && e.name !== "locales") walk(`${dir}/${e.name}`);
      else if (e.name.endsWith(".ts")) {
        const src = readFileSync(`${dir}/${e.name}`, "utf8");
        for (const m of src.matchAll(/\.command\(\s*("[a-z_]+"|\[[^\]]*\])/g)) {
          for (const name of m[1]!.matchAll(/"([a-z_]+)"/g)) found.add(name[1]!);
        }
      }
    }
  };
  walk("src/bot");
  return found;
}

describe("the command table", () => {
  it("names every registered handler, and every row has a handler", () => {
    const table = new Set(COMMANDS.map((c) => c.command));
    const handlers = registeredCommands();
    expect([...handlers].filter((c) => !table.has(c)), "handlers without a row in COMMANDS").toEqual([]);
    expect([...table].filter((c) => !handlers.has(c)), "rows without a handler").toEqual([]);
  });

  it("describes every command in every language", () => {
    for (const lang of LANGUAGES) for (const c of COMMANDS) expect(hasKey(lang, `cmd-${c.command}`), `${lang} cmd-${c.command}`).toBe(true);
  });
});

let h: Harness;
let s: Desk;
beforeEach(async () => {
  h = await createHarness({ now: sh("2026-12-01T09:00:00") });
  s = await makeDesk(h.database);
});
afterEach(async () => { await h.close(); });

const LANG_CODE = { "zh-CN": "zh-hans", "zh-TW": "zh-hant", en: "en" } as const;

describe("/help per role", () => {
  it.each(LANGUAGES)("%s: lists every command of each role, and the menu shows the same", async (lang) => {
    const admin = await makeStaff(h.database.db, s.property.id, "admin", "管理员");
    const people: [Audience, { id: number; telegramId: bigint | null; name: string }][] = [
      ["owner", s.owner], ["technician", s.technicians[0]!], ["desk", s.desk], ["supervisor", s.supervisor],
      ["control_room", s.control], ["admin", admin],
    ];
    for (const [role, p] of people) {
      await h.database.db.person.update({ where: { id: p.id }, data: { language: lang } });
      const help = textOf((await h.user(Number(p.telegramId), p.name, LANG_CODE[lang]).send("/help")).at(-1));
      const mine = COMMANDS.filter((c) => c.for.includes(role) || c.for.includes("everyone")).map((c) => c.command);
      for (const c of mine) expect(help, `${lang} ${role} /help lacks /${c}`).toMatch(new RegExp(`/${c}\\b`));
      const others = COMMANDS.filter((c) => !c.for.includes(role) && !c.for.includes("everyone")).map((c) => c.command);
      for (const c of others) expect(help, `${lang} ${role} /help shows /${c}`).not.toMatch(new RegExp(`/${c}\\b`));
      if (role !== "owner") {
        const menu = commandsFor([role]);
        for (const c of mine.filter((x) => !["import", "start", "join"].includes(x))) expect(menu).toContain(c);
      }
    }
  });

  it("the desk's /help has /quote and /fees; the owner's /complain and /prices", async () => {
    const desk = textOf((await h.user(Number(s.desk.telegramId), "钱客服").send("/help")).at(-1));
    for (const c of ["/quote", "/fees", "/complaints", "/tocomplaint"]) expect(desk).toContain(c);
    const owner = textOf((await h.user(Number(s.owner.telegramId), "王阿姨").send("/help")).at(-1));
    for (const c of ["/complain", "/prices", "/repair", "/my"]) expect(owner).toContain(c);
    expect(owner).not.toContain("/queue");
  });
});
