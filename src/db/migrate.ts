// Applies the SQL migrations in prisma/(postgresql/)migrations at start-up, keeping Prisma's
// `_prisma_migrations` bookkeeping so `prisma migrate status/deploy` agree with what ran.
// Own runner because Prisma 6.19's JS schema engine cannot apply migrations on PostgreSQL
// (prisma/orm#27403); the same code runs on SQLite so both databases take one path.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Database } from "./client.ts";

const root = fileURLToPath(new URL("../../prisma/", import.meta.url));
const LOCK_KEY = 72707369; // the advisory lock id Prisma's own migrate uses

const BOOKKEEPING = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
};

export type Migration = { name: string; sql: string; checksum: string };

export function listMigrations(provider: Database["provider"]): Migration[] {
  const dir = root + (provider === "postgresql" ? "postgresql/migrations/" : "migrations/");
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(dir + d.name + "/migration.sql"))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(dir + name + "/migration.sql", "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Splits a Prisma-generated migration into statements (they end with `;` at a line end). */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter((s) => s.length > 0);
}

/** Applies pending migrations; returns the names applied. Safe to run from two processes at once. */
export async function migrate({ db, provider, tx }: Database): Promise<string[]> {
  await db.$executeRawUnsafe(BOOKKEEPING[provider]);
  const $ = (i: number) => (provider === "sqlite" ? "?" : `$${i}`);
  const applied: string[] = [];
  for (const m of listMigrations(provider)) {
    const done = await tx(async (t) => {
      if (provider === "postgresql") await t.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
      const rows = await t.$queryRawUnsafe<{ checksum: string }[]>(
        `SELECT checksum FROM "_prisma_migrations" WHERE migration_name = ${$(1)} AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        m.name,
      );
      if (rows.length > 0) {
        if (rows[0]!.checksum !== m.checksum) throw new Error(`migration ${m.name} was edited after it was applied`);
        return false;
      }
      const steps = splitStatements(m.sql);
      for (const statement of steps) await t.$executeRawUnsafe(statement);
      const now = new Date();
      await t.$executeRawUnsafe(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (${[1, 2, 3, 4, 5, 6].map($).join(", ")})`,
        randomUUID(), m.checksum, provider === "sqlite" ? now.getTime() : now, m.name, provider === "sqlite" ? now.getTime() : now, steps.length,
      );
      return true;
    });
    if (done) applied.push(m.name);
  }
  return applied;
}
