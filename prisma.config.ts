// Prisma CLI configuration. The JavaScript schema engine works offline (the native one would be
// downloaded). PRISMA_TARGET=postgresql points the CLI at the generated PostgreSQL copy.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { mkdirSync } from "node:fs";
import { defineConfig } from "prisma/config";

const pg = process.env.PRISMA_TARGET === "postgresql";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: pg ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: pg ? "prisma/postgresql/migrations" : "prisma/migrations" },
  adapter: async () =>
    pg
      ? new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test" })
      : (mkdirSync("data", { recursive: true }), new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./data/repair-desk.db" })),
});
