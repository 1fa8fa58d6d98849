// Makes a test database unreachable for a while, as an outage would: SQLite locked by another
// connection (writes get SQLITE_BUSY), PostgreSQL refusing and dropping connections.
import { openSqlite } from "../../src/db/bookkeeping.ts";
import type { TestDatabase } from "./db.ts";
import { TEST_DB, pgAdmin } from "./db-settings.ts";

/** Starts the outage; the returned function ends it. */
export async function takeDown(database: TestDatabase): Promise<() => Promise<void>> {
  if (TEST_DB === "postgresql") {
    const name = new URL(database.url).pathname.slice(1);
    await pgAdmin(async (c) => {
      await c.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
    });
    return () => pgAdmin(async (c) => void (await c.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`)));
  }
  const conn = openSqlite(database.url.replace(/^file:/, ""));
  conn.exec("BEGIN EXCLUSIVE");
  return async () => {
    conn.exec("COMMIT");
    conn.close();
  };
}
