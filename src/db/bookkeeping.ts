// The per-update bookkeeping (update dedupe, conversation state) on the driver's own path: one
// prepared statement each, no Prisma query compilation (about 2-3 ms of CPU per statement here).
import { createRequire } from "node:module";
import type pg from "pg";
import type { Database } from "./client.ts";

/** How long an update id is remembered: a redelivery comes within minutes, a reused id much later. */
export const UPDATE_WINDOW_MS = 24 * 60 * 60_000;

export type Bookkeeping = {
  /** Claims an update id: true when it was not seen in the window before `now` (seen = a duplicate). */
  claimUpdate: (updateId: number, now: Date) => Promise<boolean>;
  readSession: (key: string) => Promise<string | undefined>;
  writeSession: (key: string, value: string) => Promise<void>;
  deleteSession: (key: string) => Promise<void>;
  /** Statements run so far (for `npm run bench`). */
  statements: () => number;
  close: () => Promise<void>;
};

/** A later claim of the same id wins only when the stored one is older than the window. */
const CLAIM = (p: (n: number) => string) => `INSERT INTO "ProcessedUpdate" ("updateId", "at") VALUES (${p(1)}, ${p(2)})
  ON CONFLICT ("updateId") DO UPDATE SET "at" = excluded."at" WHERE "ProcessedUpdate"."at" < ${p(3)} RETURNING 1 AS "claimed"`;
const READ = (p: (n: number) => string) => `SELECT "value" FROM "Session" WHERE "key" = ${p(1)}`;
const WRITE = (p: (n: number) => string) => `INSERT INTO "Session" ("key", "value") VALUES (${p(1)}, ${p(2)})
  ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value"`;
const DELETE = (p: (n: number) => string) => `DELETE FROM "Session" WHERE "key" = ${p(1)}`;

/** Dates as Prisma writes them on SQLite (ISO text, +00:00), so both compare as text. */
const sqliteDate = (d: Date) => d.toISOString().replace("Z", "+00:00");

type SqliteStatement = { run: (...a: unknown[]) => unknown; get: (...a: unknown[]) => unknown };
export type SqliteConnection = {
  prepare: (sql: string) => SqliteStatement; pragma: (s: string) => unknown; exec: (sql: string) => void; close: () => void;
};

/** A connection of the better-sqlite3 the Prisma adapter ships with (it is not a dependency of ours). */
export function openSqlite(file: string, opts: { timeout?: number } = {}): SqliteConnection {
  const require = createRequire(createRequire(import.meta.url).resolve("@prisma/adapter-better-sqlite3"));
  const Driver = require("better-sqlite3") as new (file: string, opts: object) => SqliteConnection;
  return new Driver(file, opts);
}

/**
 * SQLite: an own connection (the better-sqlite3 the Prisma adapter ships with). `lock` is the
 * mutex every Prisma statement takes, so nothing here runs while a transaction is open, and a
 * short busy timeout turns a lock held elsewhere into an error the caller can wait out
 * asynchronously (a long one would block the event loop).
 */
export function sqliteBookkeeping(file: string, lock: <T>(fn: () => Promise<T>) => Promise<T>): Bookkeeping {
  const conn = openSqlite(file, { timeout: 200 });
  conn.pragma("journal_mode = WAL");
  const q = () => "?";
  /** Prepared on first use (the tables exist once migrations ran). */
  const prepared = (sql: string) => {
    let stmt: SqliteStatement | undefined;
    return () => (stmt ??= conn.prepare(sql));
  };
  const [claim, read, write, del] = [CLAIM(q), READ(q), WRITE(q), DELETE(q)].map(prepared) as [
    () => SqliteStatement, () => SqliteStatement, () => SqliteStatement, () => SqliteStatement,
  ];
  let count = 0;
  const run = <T>(fn: () => T) => lock(async () => (count++, fn()));
  return {
    claimUpdate: (id, now) => run(() => claim().get(id, sqliteDate(now), sqliteDate(windowStart(now))) !== undefined),
    readSession: (key) => run(() => (read().get(key) as { value: string } | undefined)?.value),
    writeSession: (key, value) => run(() => void write().run(key, value)),
    deleteSession: (key) => run(() => void del().run(key)),
    statements: () => count,
    close: async () => conn.close(),
  };
}

/** PostgreSQL: named (prepared once per connection) statements on the pool Prisma uses too. */
export function pgBookkeeping(pool: pg.Pool): Bookkeeping {
  const q = (n: number) => `$${n}`;
  let count = 0;
  const query = async (name: string, text: string, values: unknown[]) => {
    count++;
    return (await pool.query({ name, text, values })).rows as Record<string, unknown>[];
  };
  // timestamp without time zone, as Prisma stores DateTime: the UTC wall time
  const pgDate = (d: Date) => d.toISOString().replace("Z", "");
  return {
    claimUpdate: async (id, now) => (await query("rd_claim", CLAIM(q), [id, pgDate(now), pgDate(windowStart(now))])).length > 0,
    readSession: async (key) => (await query("rd_read", READ(q), [key]))[0]?.value as string | undefined,
    writeSession: async (key, value) => void (await query("rd_write", WRITE(q), [key, value])),
    deleteSession: async (key) => void (await query("rd_delete", DELETE(q), [key])),
    statements: () => count,
    close: async () => undefined, // the pool is closed with the database
  };
}

const windowStart = (now: Date) => new Date(now.getTime() - UPDATE_WINDOW_MS);

/** Forgets update ids handled before `before` (a scheduled prune); returns how many. */
export async function pruneProcessedUpdates(database: Database, before: Date): Promise<number> {
  return (await database.db.processedUpdate.deleteMany({ where: { at: { lt: before } } })).count;
}
