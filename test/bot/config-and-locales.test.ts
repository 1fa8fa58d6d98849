// Start-up configuration (one clear line naming a bad variable) and locale parity (every key the
// bot can show exists in every language, so nobody gets a raw key in the wrong language).
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.ts";
import { keysOf } from "../../src/bot/i18n.ts";
import { commandsFor } from "../../src/bot/commands.ts";
import { hasKey, t } from "../../src/bot/i18n.ts";
import { LANGUAGES, languageOfTelegram } from "../../src/domain/types.ts";
import { fullWidth, readLocale, toTraditional, zhCnFiles } from "../../scripts/locales-tw.ts";

const good = { BOT_TOKEN: "123456789:AAEhBOweik6ad9r_QXGdl-7OYf6uh2eGh4o", ADMIN_TELEGRAM_IDS: "111, 222" };

describe("configuration", () => {
  it("defaults to SQLite under data/, Telegram's API root, Asia/Shanghai and Chinese", () => {
    const r = parseConfig(good);
    expect(r.ok && r.config).toMatchObject({
      databaseUrl: "file:./data/repair-desk.db", apiRoot: "https://api.telegram.org", adminTelegramIds: [111, 222],
      timezone: "Asia/Shanghai", defaultLanguage: "zh-CN", officeStart: "08:00", officeEnd: "17:30",
    });
  });

  it("says what a bot token looks like, and takes one with stray spaces around it", () => {
    const r = parseConfig({ ...good, BOT_TOKEN: "123456:short" });
    expect(!r.ok && r.error).toBe(
      "Configuration error: BOT_TOKEN is invalid: a token from @BotFather looks like 123456789:AAE…: digits, a colon, then 30 or more letters, digits, _ or -",
    );
    // Telegram documents no length: a longer token (or a 30-character one) is accepted, 29 is not
    for (const tail of ["A".repeat(30), `${"x_-9".repeat(12)}`]) {
      expect(parseConfig({ ...good, BOT_TOKEN: `42:${tail}` }).ok).toBe(true);
    }
    expect(parseConfig({ ...good, BOT_TOKEN: `42:${"A".repeat(29)}` }).ok).toBe(false);
    const spaced = parseConfig({ ...good, BOT_TOKEN: ` ${good.BOT_TOKEN}\n` });
    expect(spaced.ok && spaced.config.botToken).toBe(good.BOT_TOKEN);
    expect(parseConfig({ ...good, RETENTION_DAYS: "7" })).toMatchObject({ ok: true, config: { retentionDays: 7 } });
    expect(parseConfig(good)).toMatchObject({ ok: true, config: { retentionDays: 30 } });
    // set to nothing (as env files write it) is not set: back to long polling and the defaults
    expect(parseConfig({ ...good, WEBHOOK_URL: "", TZ: "", RETENTION_DAYS: " " })).toMatchObject({
      ok: true, config: { webhook: null, timezone: "Asia/Shanghai", retentionDays: 30 },
    });
    expect(parseConfig({ ...good, BOT_TOKEN: "" })).toEqual({ ok: false, error: "Configuration error: BOT_TOKEN is missing" });
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
    [{ ...good, RETENTION_DAYS: "0" }, "Configuration error: RETENTION_DAYS is invalid"],
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
    expect(commandsFor([])).toEqual(["repair", "my", "complain", "prices", "language", "help", "cancel"]);
  });
});

describe("Traditional Chinese (zh-TW)", () => {
  it("is generated from zh-CN: every zh-TW file is up to date (rerun `npm run locales:tw` after changing zh-CN)", () => {
    for (const file of zhCnFiles()) {
      const cn = readLocale("zh-CN", file);
      expect(fullWidth(cn), `zh-CN/${file} has half-width punctuation in Chinese text`).toBe(cn);
      expect(readLocale("zh-TW", file), `zh-TW/${file} is out of date`).toBe(toTraditional(cn, file));
    }
  });

  it("reads like a Taiwan / Hong Kong property desk: Traditional characters and the hand fixes applied", () => {
    expect(t("zh-TW", "welcome", { name: "陳先生" })).toBe("您好，陳先生！這裡是物業報修服務台，請問能為您做些什麼？");
    expect(t("zh-TW", "help-not-joined")).toContain("綁定");
    expect(t("zh-TW", "language-name")).toBe("繁體中文");
    expect(t("zh-TW", "category-gas")).toBe("瓦斯");
    expect(t("zh-TW", "owner-accepted", { number: "BX-1", technician: "李師傅", techphone: "none", booked: "no", minutes: 30 }))
      .toBe("👷 您的報修 BX-1 已為您安排 李師傅，預計 30 分鐘內上門，請保持電話暢通。");
  });

  it("picks a new person's language from Telegram's, else DEFAULT_LANGUAGE", () => {
    expect(["zh-hant", "zh-TW", "zh-hk", "zh-hans", "zh", "en", "en-GB", "fr", undefined].map(languageOfTelegram))
      .toEqual(["zh-TW", "zh-TW", "zh-TW", "zh-CN", "zh-CN", "en", "en", undefined, undefined]);
    const r = parseConfig({ ...good, DEFAULT_LANGUAGE: "zh-TW" });
    expect(r.ok && r.config.defaultLanguage).toBe("zh-TW");
  });
});
