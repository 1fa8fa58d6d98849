// Start-up configuration (one clear line naming a bad variable) and locale parity (every key the
// bot can show exists in every language, so nobody gets a raw key in the wrong language).
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.ts";
import { keysOf } from "../../src/bot/i18n.ts";
import { commandsFor } from "../../src/bot/commands.ts";
import { hasKey } from "../../src/bot/i18n.ts";
import { LANGUAGES } from "../../src/domain/types.ts";

const good = { BOT_TOKEN: "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ", ADMIN_TELEGRAM_IDS: "111, 222" };

describe("configuration", () => {
  it("defaults to SQLite under data/, Telegram's API root, Asia/Shanghai and Chinese", () => {
    const r = parseConfig(good);
    expect(r.ok && r.config).toMatchObject({
      databaseUrl: "file:./data/repair-desk.db", apiRoot: "https://api.telegram.org", adminTelegramIds: [111, 222],
      timezone: "Asia/Shanghai", defaultLanguage: "zh-CN", officeStart: "08:00", officeEnd: "17:30",
    });
  });

  it("takes a self-hosted Bot API root and PostgreSQL from the environment", () => {
    const r = parseConfig({ ...good, TELEGRAM_API_ROOT: "http://127.0.0.1:8081/", DATABASE_URL: "postgresql://u@db:5432/desk" });
    expect(r.ok && [r.config.apiRoot, r.config.databaseUrl]).toEqual(["http://127.0.0.1:8081", "postgresql://u@db:5432/desk"]);
  });

  it("polls by default; WEBHOOK_URL switches to a webhook listening on the URL's path", () => {
    const polling = parseConfig(good);
    expect(polling.ok && polling.config.webhook).toBeNull();
    const r = parseConfig({ ...good, WEBHOOK_URL: "https://bot.example.com/tg/updates", WEBHOOK_PORT: "3000" });
    expect(r.ok && r.config.webhook).toMatchObject({ url: "https://bot.example.com/tg/updates", host: "0.0.0.0", port: 3000, path: "/tg/updates" });
    // Without WEBHOOK_SECRET every instance with this token derives the same secret.
    const again = parseConfig({ ...good, WEBHOOK_URL: "https://other.example.com/" });
    expect(r.ok && again.ok && r.config.webhook!.secret).toBe(again.ok && again.config.webhook!.secret);
    expect(r.ok && r.config.webhook!.secret).toMatch(/^[0-9a-f]{64}$/);
    const own = parseConfig({ ...good, WEBHOOK_URL: "https://b.example.com/x", WEBHOOK_SECRET: "s3cret_-X", WEBHOOK_PATH: "/y" });
    expect(own.ok && [own.config.webhook!.secret, own.config.webhook!.path]).toEqual(["s3cret_-X", "/y"]);
  });

  it.each([
    [{ ...good, WEBHOOK_URL: "http://bot.example.com/tg" }, "Configuration error: WEBHOOK_URL is invalid"],
    [{ ...good, WEBHOOK_URL: "https://b.example.com/", WEBHOOK_SECRET: "has space" }, "Configuration error: WEBHOOK_SECRET is invalid"],
    [{ ...good, WEBHOOK_URL: "https://b.example.com/", WEBHOOK_PORT: "99999" }, "Configuration error: WEBHOOK_PORT is invalid"],
    [{ ...good, WEBHOOK_URL: "https://b.example.com/", WEBHOOK_PATH: "tg" }, "Configuration error: WEBHOOK_PATH is invalid"],
    [{ ADMIN_TELEGRAM_IDS: "1" }, "Configuration error: BOT_TOKEN is missing"],
    [{ ...good, BOT_TOKEN: "nope" }, "Configuration error: BOT_TOKEN is invalid"],
    [{ ...good, ADMIN_TELEGRAM_IDS: "abc" }, "Configuration error: ADMIN_TELEGRAM_IDS is invalid"],
    [{ ...good, DATABASE_URL: "mysql://x" }, "Configuration error: DATABASE_URL is invalid"],
    [{ ...good, TZ: "Mars/Base" }, "Configuration error: TZ is invalid"],
    [{ ...good, TELEGRAM_API_ROOT: "not a url" }, "Configuration error: TELEGRAM_API_ROOT is invalid"],
    [{ ...good, OFFICE_HOURS: "8-17" }, "Configuration error: OFFICE_HOURS is invalid"],
  ])("refuses %j with one line naming the variable", (env, line) => {
    const r = parseConfig(env);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.startsWith(line)).toBe(true);
      expect(r.error).not.toContain("\n");
    }
  });
});

describe("locales", () => {
  it("have the same keys in every language", () => {
    const [first, ...rest] = LANGUAGES.map((l) => new Set(keysOf(l)));
    for (const [i, keys] of rest.entries()) {
      expect([...first!].filter((k) => !keys.has(k)), `missing in ${LANGUAGES[i + 1]}`).toEqual([]);
      expect([...keys].filter((k) => !first!.has(k)), `missing in ${LANGUAGES[0]}`).toEqual([]);
    }
  });

  it("describe every command a menu can show", () => {
    const all = commandsFor(["technician", "desk", "supervisor", "admin"]);
    expect(all).toContain("jobs");
    for (const lang of LANGUAGES) for (const c of all) expect(hasKey(lang, `cmd-${c}`), `${lang} cmd-${c}`).toBe(true);
    expect(commandsFor([])).toEqual(["repair", "my", "language", "help", "cancel"]);
  });
});
