// Issue 11, items 8-9 against the real process: a bad DATABASE_URL is one line and exit 1; the
// bot token never appears in the output, and every log line is JSON, even the polling library's
// dump of a failed request.
import { writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { startFakeTelegram } from "../../src/fake-bot-api/server.ts";
import { createLogger } from "../../src/log.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { pgUrl } from "../helpers/db-settings.ts";
import { startProcess } from "../helpers/process.ts";

const TOKEN = "424243:SECRET-e2e-token-never-in-logs-abcd";
const opened: TestDatabase[] = [];
afterAll(async () => { for (const d of opened) await d.drop(); });

/** Runs src/main.ts; resolves with its exit code and output once it exits or `until` says so. */
async function runMain(env: Record<string, string>, until?: (out: string) => boolean, ms = 60_000) {
  const argv = [process.execPath, "--import", "tsx", "src/main.ts"];
  const main = startProcess({ BOT_TOKEN: TOKEN, ADMIN_TELEGRAM_IDS: "1", LOG_LEVEL: "info", ...env }, argv);
  const timer = setTimeout(() => main.child.kill("SIGKILL"), ms);
  const seen = () => { if (until?.(main.output())) main.child.kill("SIGTERM"); };
  main.child.stdout!.on("data", seen);
  main.child.stderr!.on("data", seen);
  const code = await main.exited;
  clearTimeout(timer);
  return { code, out: main.output() };
}

describe("item 9: a bad DATABASE_URL is one line naming it, and exit 1", () => {
  writeFileSync(".tmp/not-a-database.db", Buffer.alloc(4096, 0x5a));
  const cases: [string, string, RegExp][] = [
    ["unreachable host", "postgresql://postgres@127.0.0.1:1/x", /cannot reach the database server at 127\.0\.0\.1:1/],
    ["unknown role", pgUrl("postgres").replace("postgres@", "no_such_role@"), /role "no_such_role" does not exist/],
    ["missing database", pgUrl("no_such_database_i11"), /database "no_such_database_i11" does not exist/],
    ["garbage SQLite file", "file:.tmp/not-a-database.db", /not an SQLite database/],
    ["SQLite file in a folder that cannot be made", "file:/proc/x/y.db", /cannot create the folder \/proc\/x: ENOENT/],
    ["malformed URL", "postgresql://post gres@[bad", /is invalid/],
  ];
  for (const [what, url, reason] of cases) {
    it(what, async () => {
      const { code, out } = await runMain({ DATABASE_URL: url, TELEGRAM_API_ROOT: "http://127.0.0.1:9" });
      expect(code).toBe(1);
      const lines = out.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Configuration error: DATABASE_URL /);
      expect(lines[0]).toMatch(reason);
    }, 60_000);
  }
});

describe("item 8: the token is never logged", () => {
  it("redacts it from every line of the logger, in any field or nested error", () => {
    const lines: string[] = [];
    const log = createLogger("info", { secrets: [TOKEN], write: (l) => void lines.push(l) });
    log.error("request failed", { url: `http://x/bot${TOKEN}/getUpdates`, error: new Error(`fetch http://x/bot${encodeURIComponent(TOKEN)}/getMe`) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("SECRET-e2e");
    expect(JSON.parse(lines[0]!).error.message).toContain("[redacted]");
  });

  it("keeps the process output JSON and token-free when polling fails", async () => {
    const database = await testDatabase();
    opened.push(database);
    const fake = await startFakeTelegram({ botId: 424243, username: "repair_desk_e2e_bot", token: TOKEN, maxPollMs: 200 });
    let closed = false;
    const { out } = await runMain({ DATABASE_URL: database.url, TELEGRAM_API_ROOT: fake.apiRoot }, (o) => {
      if (!closed && o.includes("bot started")) { closed = true; void fake.close(); } // the API goes away: polling fails
      return closed && /fetching updates|Network request/i.test(o);
    });
    expect(out).toMatch(/fetching updates|Network request/i);
    expect(out).not.toContain("SECRET-e2e");
    for (const line of out.trim().split("\n")) expect(() => JSON.parse(line)).not.toThrow();
  }, 90_000);
});
