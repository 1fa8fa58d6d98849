// A fresh, migrated database for one test: a copy of the template SQLite file, or a
// PostgreSQL database cloned from the template (TEST_DB=postgresql).
import { copyFileSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createDatabase, type Database, type DatabaseOptions } from "../../src/db/client.ts";
import { TEST_DB, pgAdmin, pgUrl } from "./db-settings.ts";

export type TestDatabase = Database & { url: string; drop: () => Promise<void> };

export async function testDatabase(options: DatabaseOptions = {}): Promise<TestDatabase> {
  const template = inject("dbTemplate");
  const name = `rd_${process.pid}_${randomBytes(4).toString("hex")}`;
  if (TEST_DB === "postgresql") {
    await pgAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
    const url = pgUrl(name);
    const d = await createDatabase(url, options);
    return {
      ...d, url,
      drop: async () => {
        await d.close();
        await pgAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      },
    };
  }
  const file = `.tmp/${name}.db`;
  copyFileSync(template, file);
  const url = `file:${file}`;
  const d = await createDatabase(url, options);
  return {
    ...d, url,
    drop: async () => {
      await d.close();
      for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
    },
  };
}
