// "Anything due?" for the scheduled jobs: one indexed EXISTS statement on the driver's own path
// (a prepared statement, no Prisma query compilation), so a tick with nothing due costs a fraction
// of a millisecond instead of the job's full queries (about 1-3 ms each through Prisma).
import type pg from "pg";
import { openSqlite, type SqliteConnection } from "./bookkeeping.ts";

/**
 * One due condition: a row of `table` whose `column` is at or before `at` (and, with `status`,
 * whose status is one of them: the status-first indexes), or, with `orNull`, has no value yet.
 */
export type DueCheck = { table: string; column: string; at: Date; status?: readonly string[]; orNull?: boolean };

export type DueProbe = {
  /** True when any check has a row. */
  anyDue: (checks: DueCheck[]) => Promise<boolean>;
  statements: () => number;
  close: () => Promise<void>;
};

const NAME = /^[A-Za-z]+$/;
const VALUE = /^[a-z_]+$/;

/** The SQL of the checks; `p(i)` is the i-th (1-based) parameter. Names are checked, never quoted from input. */
export function dueSql(checks: DueCheck[], p: (i: number) => string): string {
  return `SELECT 1 AS "due" WHERE ${checks.map((c, i) => {
    if (!NAME.test(c.table) || !NAME.test(c.column) || !(c.status ?? []).every((s) => VALUE.test(s))) {
      throw new Error(`due check: bad name in ${JSON.stringify(c)}`);
    }
    const status = c.status ? `"status" IN (${c.status.map((s) => `'${s}'`).join(", ")}) AND ` : "";
    const due = `EXISTS (SELECT 1 FROM "${c.table}" WHERE ${status}"${c.column}" <= ${p(i + 1)})`;
    return c.orNull ? `${due} OR EXISTS (SELECT 1 FROM "${c.table}" WHERE ${status}"${c.column}" IS NULL)` : due;
  }).join(" OR ")}`;
}

/** Dates as Prisma writes them: ISO text with +00:00 on SQLite, UTC wall time on PostgreSQL. */
const sqliteDate = (d: Date) => d.toISOString().replace("Z", "+00:00");
const pgDate = (d: Date) => d.toISOString().replace("Z", "");

/** SQLite: an own read connection (WAL: readers never wait for the writer). */
export function sqliteDueProbe(file: string): DueProbe {
  let conn: SqliteConnection | undefined;
  const prepared = new Map<string, ReturnType<SqliteConnection["prepare"]>>();
  let count = 0;
  return {
    anyDue: async (checks) => {
      conn ??= openSqlite(file, { timeout: 200 });
      const sql = dueSql(checks, () => "?");
      let stmt = prepared.get(sql);
      if (!stmt) prepared.set(sql, (stmt = conn.prepare(sql)));
      count++;
      return stmt.get(...checks.map((c) => sqliteDate(c.at))) !== undefined;
    },
    statements: () => count,
    close: async () => conn?.close(),
  };
}

/** PostgreSQL: a named statement (prepared once per connection) on the pool Prisma uses too. */
export function pgDueProbe(pool: pg.Pool): DueProbe {
  const names = new Map<string, string>();
  let count = 0;
  return {
    anyDue: async (checks) => {
      const text = dueSql(checks, (i) => `$${i}::timestamp`);
      let name = names.get(text);
      if (!name) names.set(text, (name = `rd_due_${names.size}`));
      count++;
      return (await pool.query({ name, text, values: checks.map((c) => pgDate(c.at)) })).rows.length > 0;
    },
    statements: () => count,
    close: async () => undefined, // the pool is closed with the database
  };
}
