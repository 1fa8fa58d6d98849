import pg from "pg";

export const TEST_DB = process.env.TEST_DB === "postgresql" ? "postgresql" : "sqlite";
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
export const pgUrl = (database: string) => PG_ADMIN_URL.replace(/\/[^/]*$/, `/${database}`);

export async function pgAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated template: a SQLite file path or a PostgreSQL database name. */
    dbTemplate: string;
  }
}
