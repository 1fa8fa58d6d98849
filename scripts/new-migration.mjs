// Usage: npm run db:migration -- <name>
// Writes the SQL for the change from the schema as last committed (git HEAD) to the working
// prisma/schema.prisma, once for SQLite and once for PostgreSQL (`prisma migrate dev` needs a
// shadow database and does not work offline here).
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: npm run db:migration -- <snake_case_name>");
execFileSync("node", ["scripts/schemas.mjs"], { stdio: "inherit" });
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const tmp = mkdtempSync(join(tmpdir(), "schema-"));
for (const [target, schema, dir] of [
  ["sqlite", "prisma/schema.prisma", "prisma/migrations"],
  ["postgresql", "prisma/postgresql/schema.prisma", "prisma/postgresql/migrations"],
]) {
  const before = join(tmp, `${target}.prisma`);
  writeFileSync(before, execFileSync("git", ["show", `HEAD:${schema}`]));
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", "--from-schema-datamodel", before, "--to-schema-datamodel", schema, "--script"],
    { env: { ...process.env, PRISMA_TARGET: target } },
  ).toString();
  mkdirSync(join(dir, `${stamp}_${name}`), { recursive: true });
  writeFileSync(join(dir, `${stamp}_${name}`, "migration.sql"), sql);
  console.log(`${dir}/${stamp}_${name}/migration.sql`);
}
