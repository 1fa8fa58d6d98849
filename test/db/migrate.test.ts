import { afterEach, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { migrate, splitStatements } from "../../src/db/migrate.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";

let d: TestDatabase | undefined;
afterEach(async () => { await d?.drop(); d = undefined; });

describe("migrations", () => {
  it("are recorded the way Prisma records them, so a second run applies nothing", async () => {
    d = await testDatabase();
    expect(await migrate(d)).toEqual([]);
    const rows = await d.db.$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"`,
    );
    expect(rows.map((r) => r.migration_name)).toContain("20261125000000_init");
    expect(rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("leave prisma migrate status saying the schema is up to date", async () => {
    d = await testDatabase();
    const out = execFileSync("npx", ["prisma", "migrate", "status"], {
      env: {
        ...process.env,
        DATABASE_URL: d.url,
        PRISMA_TARGET: d.provider,
        PRISMA_SCHEMA_ENGINE_BINARY: "package.json",
        PRISMA_QUERY_ENGINE_LIBRARY: "package.json",
      },
    }).toString();
    expect(out).toContain("Database schema is up to date");
  });

  it("split a migration into statements without losing any", () => {
    const sql = `-- CreateTable\nCREATE TABLE "A" (\n "x" TEXT\n);\n\n-- CreateIndex\nCREATE INDEX "i" ON "A"("x");\n`;
    expect(splitStatements(sql)).toEqual([`CREATE TABLE "A" (\n "x" TEXT\n)`, `CREATE INDEX "i" ON "A"("x")`]);
  });
});
