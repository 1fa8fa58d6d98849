// What every bench shares: its arguments, a throw-away database, the bot against the fake Bot
// API, and the results table printed at the end (metric × database).
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { UserFromGetMe } from "grammy/types";
import pg from "pg";
import { createBot } from "../src/bot/create-bot.ts";
import type { BotDeps } from "../src/bot/context.ts";
import { createDatabase, type Database, type DatabaseOptions } from "../src/db/client.ts";
import { migrate } from "../src/db/migrate.ts";

export type Provider = "sqlite" | "postgresql";

/** `--pg [url]`: PostgreSQL too, on the server at url (default TEST_PG_URL or the local one). */
export function benchArgs(argv = process.argv.slice(2)): { pgUrl: string; providers: readonly Provider[] } {
  const i = argv.indexOf("--pg");
  const next = argv[i + 1];
  const pgUrl = i >= 0 && next && !next.startsWith("--")
    ? next : process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  return { pgUrl, providers: i >= 0 ? ["sqlite", "postgresql"] : ["sqlite"] };
}

/** Cleanups still to run, also on Ctrl-C (a temporary PostgreSQL database is dropped). */
const cleanups = new Set<() => Promise<void>>();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: cleaning up…\n`);
    void Promise.allSettled([...cleanups].map((c) => c())).finally(() => process.exit(130));
  });
}

/**
 * Runs `fn` on a fresh migrated database: a temporary SQLite file, or a temporary PostgreSQL
 * database on the server at pgUrl; dropped afterwards. `analyze` refreshes PostgreSQL's statistics.
 */
export async function withBenchDatabase<T>(
  provider: Provider, pgUrl: string, name: string,
  fn: (d: Database, analyze: () => Promise<void>) => Promise<T>, options: DatabaseOptions = {},
): Promise<T> {
  const file = join(tmpdir(), `${name}.db`);
  const removeFiles = () => { for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true }); };
  const admin = provider === "postgresql" ? new pg.Client({ connectionString: pgUrl }) : null;
  let database: Database | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanup = () => (cleaning ??= (async () => {
    cleanups.delete(cleanup);
    await database?.close().catch(() => undefined);
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((e) => process.stderr.write(`could not drop ${name}: ${e}\n`));
      await admin.end().catch(() => undefined);
    }
    removeFiles();
  })());
  cleanups.add(cleanup);
  try {
    if (admin) {
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
    } else {
      removeFiles();
    }
    database = await createDatabase(admin ? pgUrl.replace(/\/[^/]*$/, `/${name}`) : `file:${file}`, options);
    await migrate(database);
    const db = database;
    return await fn(db, async () => { if (admin) await db.db.$executeRawUnsafe("ANALYZE"); });
  } finally {
    await cleanup();
  }
}

export const BENCH_TOKEN = "123456:BENCH-token-for-the-fake-bot-api";
export const BENCH_BOT: UserFromGetMe = {
  id: 999000, is_bot: true, first_name: "Repair Desk", username: "repair_desk_bench_bot",
  can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false,
  can_connect_to_business: false, has_main_web_app: false,
};

/** The fake Bot API's options for the bench bot. */
export const BENCH_FAKE = { botId: BENCH_BOT.id, username: BENCH_BOT.username! };

/**
 * The real bot against a fake Bot API at apiRoot, without per-chat pacing (the fake here does not
 * enforce limits; pacing would add 1 s to the phone step). Bot errors are collected, not logged.
 */
export function benchBot(database: Database, apiRoot: string) {
  const errors: string[] = [];
  const deps: BotDeps = {
    database,
    config: { botToken: BENCH_TOKEN, apiRoot, adminTelegramIds: [], defaultLanguage: "zh-CN", timezone: "Asia/Shanghai" },
    clock: () => new Date(),
    log: { info: () => undefined, warn: () => undefined, error: (m, e) => void errors.push(`${m} ${JSON.stringify(e)}`) },
  };
  return { bot: createBot(deps, { botInfo: BENCH_BOT, pacing: { perChatMs: 0 } }), errors };
}

/** The results: one row per metric, one column per database; `table` prints them aligned. */
export function benchResults() {
  const rows = new Map<string, Map<Provider, string>>();
  return {
    record: (provider: Provider, metric: string, value: string) => {
      if (!rows.has(metric)) rows.set(metric, new Map());
      rows.get(metric)!.set(provider, value);
    },
    /** A database's results, in order (to hand them from a process of their own to the one that prints). */
    of: (provider: Provider): [string, string][] =>
      [...rows].flatMap(([metric, by]) => (by.has(provider) ? [[metric, by.get(provider)!] as [string, string]] : [])),
    table: (providers: readonly Provider[], extra: string[][] = []) => {
      const head = ["", ...providers];
      const lines = [...[...rows].map(([metric, by]) => [metric, ...providers.map((p) => by.get(p) ?? "-")]), ...extra];
      const widths = head.map((_, i) => Math.max(...[head, ...lines].map((l) => (l[i] ?? "").length)));
      const fmt = (l: string[]) => `| ${l.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
      return [fmt(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...lines.map(fmt)].join("\n");
    },
  };
}

/** The p-th percentile (nearest rank). */
export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
