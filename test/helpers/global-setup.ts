// Builds one migrated template database per run; each test file copies it (see db.ts).
import { rmSync, mkdirSync } from "node:fs";
import { createDatabase } from "../../src/db/client.ts";
import { migrate } from "../../src/db/migrate.ts";
import { PG_ADMIN_URL, PG_TEMPLATE, SQLITE_TEMPLATE, TEST_DB, pgAdmin } from "./db-settings.ts";

export async function setup() {
  if (TEST_DB === "postgresql") {
    await pgAdmin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${PG_TEMPLATE}`);
    });
    const d = await createDatabase(PG_ADMIN_URL.replace(/\/[^/]*$/, `/${PG_TEMPLATE}`));
    await migrate(d);
    await d.close();
  } else {
    mkdirSync(".tmp", { recursive: true });
    for (const s of ["", "-wal", "-shm"]) rmSync(SQLITE_TEMPLATE + s, { force: true });
    const d = await createDatabase(`file:${SQLITE_TEMPLATE}`);
    await migrate(d);
    await d.db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    await d.close();
  }
}
