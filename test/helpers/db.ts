// A fresh, migrated database for one test file: a copy of the template SQLite file, or a
// PostgreSQL database cloned from the template (TEST_DB=postgresql).
import { copyFileSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { createDatabase, type Database } from "../../src/db/client.ts";
import { PG_ADMIN_URL, PG_TEMPLATE, SQLITE_TEMPLATE, TEST_DB, pgAdmin } from "./db-settings.ts";

export type TestDatabase = Database & { url: string; drop: () => Promise<void> };

export async function testDatabase(): Promise<TestDatabase> {
  const name = `rd_${process.pid}_${randomBytes(4).toString("hex")}`;
  if (TEST_DB === "postgresql") {
    await pgAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${PG_TEMPLATE}`));
    const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
    const d = await createDatabase(url);
    return {
      ...d, url,
      drop: async () => {
        await d.close();
        await pgAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      },
    };
  }
  const file = `.tmp/${name}.db`;
  copyFileSync(SQLITE_TEMPLATE, file);
  const url = `file:${file}`;
  const d = await createDatabase(url);
  return {
    ...d, url,
    drop: async () => {
      await d.close();
      for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
    },
  };
}
