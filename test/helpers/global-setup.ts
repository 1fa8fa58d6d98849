// Builds one migrated template database per run (named per run, so parallel runs do not clash);
// each test file copies it (see db.ts).
import { mkdirSync, rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { createDatabase } from "../../src/db/client.ts";
import { migrate } from "../../src/db/migrate.ts";
import { TEST_DB, pgAdmin, pgUrl } from "./db-settings.ts";

export default async function setup(project: TestProject) {
  const name = `rd_tpl_${process.pid}`;
  if (TEST_DB === "postgresql") {
    await pgAdmin(async (c) => {
      // leftovers of runs that were killed
      const old = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE 'rd\\_%' AND datname <> 'test'`);
      for (const r of old.rows) {
        const pid = Number(/^rd_(?:tpl_)?(\d+)/.exec(r.datname)?.[1]);
        if (pid && !isAlive(pid)) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${name}`);
    });
    const d = await createDatabase(pgUrl(name));
    await migrate(d);
    await d.close();
    project.provide("dbTemplate", name);
    return async () => {
      await pgAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    };
  }
  mkdirSync(".tmp", { recursive: true });
  const file = `.tmp/${name}.db`;
  const clean = () => { for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true }); };
  clean();
  const d = await createDatabase(`file:${file}`);
  await migrate(d);
  await d.db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  await d.close();
  project.provide("dbTemplate", file);
  return clean;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
