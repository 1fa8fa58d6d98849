// The scheduled jobs' hot path on the driver's own path (see filing.ts): a tick reads its due rows
// with plain statements (one per relation, as Prisma does, without its query compiler), and writes
// its claims, messages, events and woken job cards in one short transaction that runs start to
// finish without waiting on anything else. Prisma's compiler costs 1-2 ms of CPU per statement; a
// tick of 10 items made 10-20 of them.
import pg from "pg";
import type { SqliteConnection } from "./bookkeeping.ts";

/** The fields of each model, as the generated client describes them (its runtime data model). */
export type DataModel = { models: Record<string, { fields: { name: string; kind: string; type: string; relationName?: string }[] }> };

/**
 * A filter in Prisma's words, the subset the jobs use: a value (null: IS NULL), or
 * `{ in, lt, lte, gt, gte, not: null }` on a column; `OR` of filters.
 */
export type Where = Record<string, unknown>;
type Order = Record<string, "asc" | "desc">;
/** to-one relations whose foreign key is on this model (`property` → `propertyId`) load an object or null; the others a list. */
type Include = Record<string, true | { include: Include }>;
export type FindArgs = { where?: Where; orderBy?: Order | Order[]; take?: number; include?: Include };

/** An outbox row before the recipient's chat is known (a person without a reachable chat gets none). */
export type MessageRow = {
  personId: number; kind: string; key: string; params: string; buttons: string; photos: string; ref: string | null; at: Date;
};
export type EventRow = { ticketId: number | null; complaintId: number | null; actorId: number | null; action: string; data: string; at: Date };
/** One conditional update of many rows (`where` is an OR of the items' conditions); the ids it changed are won. */
export type ClaimGroup = { model: string; where: { OR: Where[] }; data: Record<string, unknown> };
/**
 * Offers a tick writes with its claims: existing rows renewed (by id, unless declined since they were
 * read) or new rows (none when the technician got one since); the messages of the offers written, once
 * their ids are known.
 */
export type OfferWrites = {
  renew: { ids: number[]; round: number }[];
  create: { ticketId: number; technicianId: number; round: number; createdAt: Date }[];
  messages: (offerIdOf: OfferIdOf) => MessageRow[];
};
type OfferIdOf = (ticketId: number, technicianId: number) => number | undefined;
/** What a tick writes once its claims are known. */
export type SweepWrites = {
  messages: MessageRow[]; events: EventRow[]; wake: { ticketIds: number[]; at: Date }[]; offers?: OfferWrites;
};

/** Rows counted (and a column summed) per value of a column. */
export type GroupArgs = { by: string; where?: Where; sum?: string };
export type Group = { key: unknown; count: number; sum: number };

export type Sweep = {
  /** Rows of `model` (every scalar field, typed as Prisma returns them) and the relations included. */
  findMany: <T>(model: string, args: FindArgs) => Promise<T[]>;
  groupBy: (model: string, args: GroupArgs) => Promise<Group[]>;
  /**
   * In one transaction: the claims, then what `then` makes of the ids won (it runs synchronously,
   * between the statements): the messages (to people with a chat who have not blocked the bot, as
   * notifyEach), the events, and the job cards to wake. Returns the ids won.
   */
  commit: (claims: ClaimGroup[], then: (won: Set<number>) => SweepWrites) => Promise<Set<number>>;
  statements: () => number;
  close: () => Promise<void>;
};

/** Columns whose value Prisma sets on every update (`@updatedAt`), per table. */
const UPDATED_AT: Record<string, string> = { Ticket: "updatedAt" };
const NAME = /^[A-Za-z]+$/;
const q = (name: string) => {
  if (!NAME.test(name)) throw new Error(`sweep: bad name ${name}`);
  return `"${name}"`;
};
const table = (model: string) => model[0]!.toUpperCase() + model.slice(1);

type Dialect = {
  /** The i-th parameter (1-based). */
  p: (i: number) => string;
  date: (d: Date) => unknown;
  bool: (b: boolean) => unknown;
};

/** SQL of a filter; values are pushed onto `args`. */
function whereSql(w: Where, args: unknown[], d: Dialect, alias = ""): string {
  const value = (v: unknown) => {
    args.push(v instanceof Date ? d.date(v) : typeof v === "boolean" ? d.bool(v) : v);
    return d.p(args.length);
  };
  const parts = Object.entries(w).map(([key, v]): string => {
    if (key === "OR") {
      const ors = (v as Where[]).map((o) => `(${whereSql(o, args, d, alias)})`);
      return ors.length === 0 ? "1 = 0" : `(${ors.join(" OR ")})`;
    }
    const col = alias + q(key);
    if (v === null) return `${col} IS NULL`;
    if (v === undefined) return "1 = 1";
    if (typeof v !== "object" || v instanceof Date) return `${col} = ${value(v)}`;
    const ops = v as Record<string, unknown>;
    return Object.entries(ops).map(([op, x]) => {
      switch (op) {
        case "in": return (x as unknown[]).length === 0 ? "1 = 0" : `${col} IN (${(x as unknown[]).map(value).join(", ")})`;
        case "lt": return `${col} < ${value(x)}`;
        case "lte": return `${col} <= ${value(x)}`;
        case "gt": return `${col} > ${value(x)}`;
        case "gte": return `${col} >= ${value(x)}`;
        case "not": if (x === null) return `${col} IS NOT NULL`; // falls through
        default: throw new Error(`sweep: unsupported filter ${key}.${op}`);
      }
    }).join(" AND ");
  });
  return parts.length === 0 ? "1 = 1" : parts.join(" AND ");
}

/** A stored value as Prisma returns it for the field's type. */
function fromDb(v: unknown, type: string): unknown {
  if (v === null || v === undefined) return null;
  switch (type) {
    case "DateTime":
      if (v instanceof Date) return v;
      if (typeof v === "number" || typeof v === "bigint") return new Date(Number(v));
      // ISO text as Prisma writes it; "YYYY-MM-DD HH:MM:SS" (SQLite's CURRENT_TIMESTAMP) is UTC too
      return new Date(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/.test(String(v)) ? `${String(v).replace(" ", "T")}Z` : String(v));
    case "Boolean": return v === true || v === 1 || v === 1n || v === "1" || v === "t";
    case "BigInt": return BigInt(v as number | string);
    case "Int": return Number(v);
    default: return v;
  }
}

type Row = Record<string, unknown>;
type Run = {
  all: (sql: string, args: unknown[]) => Promise<Row[]>;
};

/** findMany over `run`: one statement for the rows, then one per relation (by the ids found). */
function finder(model: DataModel, d: Dialect, run: Run) {
  const scalars = (name: string) => {
    const m = model.models[name];
    if (!m) throw new Error(`sweep: no model ${name}`);
    return m.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");
  };
  const typed = (name: string, rows: Row[]) => {
    const fields = scalars(name);
    return rows.map((r) => Object.fromEntries(fields.map((f) => [f.name, fromDb(r[f.name], f.type)])));
  };
  const find = async (name: string, args: FindArgs): Promise<Row[]> => {
    const params: unknown[] = [];
    const cols = scalars(name).map((f) => q(f.name)).join(", ");
    const order = (Array.isArray(args.orderBy) ? args.orderBy : args.orderBy ? [args.orderBy] : [])
      .flatMap((o) => Object.entries(o).map(([c, dir]) => `${q(c)} ${dir === "desc" ? "DESC" : "ASC"}`));
    const sql = `SELECT ${cols} FROM ${q(name)} WHERE ${whereSql(args.where ?? {}, params, d)}`
      + (order.length ? ` ORDER BY ${order.join(", ")}` : "")
      + (args.take !== undefined ? ` LIMIT ${Math.max(0, Math.floor(args.take))}` : "");
    const rows = typed(name, await run.all(sql, params));
    for (const [rel, spec] of Object.entries(args.include ?? {})) {
      const field = model.models[name]!.fields.find((f) => f.name === rel && f.kind === "object");
      if (!field) throw new Error(`sweep: no relation ${name}.${rel}`);
      const nested = spec === true ? undefined : spec.include;
      const fk = `${rel}Id`;
      if (scalars(name).some((f) => f.name === fk)) {
        const ids = [...new Set(rows.map((r) => r[fk]).filter((x) => x !== null))];
        const found = ids.length === 0 ? [] : await find(field.type, { where: { id: { in: ids } }, include: nested });
        const byId = new Map(found.map((x) => [x.id, x]));
        for (const r of rows) r[rel] = r[fk] === null ? null : byId.get(r[fk]) ?? null;
      } else {
        const back = model.models[field.type]!.fields.find((f) => f.relationName === field.relationName && f.kind === "object");
        const backFk = `${back?.name}Id`;
        if (!back || !scalars(field.type).some((f) => f.name === backFk)) throw new Error(`sweep: cannot load ${name}.${rel}`);
        const ids = rows.map((r) => r.id);
        const found = ids.length === 0 ? [] : await find(field.type, { where: { [backFk]: { in: ids } }, orderBy: { id: "asc" }, include: nested });
        for (const r of rows) r[rel] = found.filter((x) => x[backFk] === r.id);
      }
    }
    return rows;
  };
  return find;
}

/** The SQL of a groupBy (its parameters pushed onto `args`). */
function groupSql(name: string, g: GroupArgs, args: unknown[], d: Dialect): string {
  const sum = g.sum ? `SUM(${q(g.sum)})` : "0";
  return `SELECT ${q(g.by)} AS "key", COUNT(*) AS "count", ${sum} AS "sum" FROM ${q(name)} WHERE ${whereSql(g.where ?? {}, args, d)} GROUP BY ${q(g.by)}`;
}
const groupOf = (r: Row): Group => ({ key: typeof r.key === "bigint" ? Number(r.key) : r.key, count: Number(r.count), sum: Number(r.sum ?? 0) });

/** The statements of a commit, in order; `then` runs between the claims and the rest. */
function* commitSteps(claims: ClaimGroup[], then: (won: Set<number>) => SweepWrites, d: Dialect, now: () => Date):
  Generator<{ sql: string; args: unknown[]; kind: "claim" | "people" | "write" }, Set<number>, Row[]> {
  const won = new Set<number>();
  for (const c of claims) {
    const t = table(c.model);
    const data: Record<string, unknown> = { ...c.data, ...(UPDATED_AT[t] ? { [UPDATED_AT[t]!]: now() } : {}) };
    const args: unknown[] = [];
    const sets = Object.entries(data).map(([col, v]) => {
      if (v !== null && typeof v === "object" && !(v instanceof Date)) {
        const inc = (v as { increment?: number }).increment;
        if (typeof inc !== "number") throw new Error(`sweep: unsupported update of ${col}`);
        args.push(inc);
        return `${q(col)} = ${q(col)} + ${d.p(args.length)}`;
      }
      args.push(v instanceof Date ? d.date(v) : typeof v === "boolean" ? d.bool(v) : v);
      return `${q(col)} = ${d.p(args.length)}`;
    });
    const sql = `UPDATE ${q(t)} SET ${sets.join(", ")} WHERE ${whereSql(c.where, args, d)} RETURNING "id"`;
    for (const r of yield { sql, args, kind: "claim" }) won.add(Number(r.id));
  }
  const w = then(won);
  // the offers' messages first (a technician's offer goes out before the alerts about it)
  const messages = w.offers ? [...w.offers.messages(yield* offerSteps(w.offers, d)), ...w.messages] : w.messages;
  if (messages.length > 0) {
    const ids = [...new Set(messages.map((m) => m.personId))];
    const args: unknown[] = [];
    const sql = `SELECT "id", "telegramId" FROM "Person" WHERE ${whereSql({ id: { in: ids }, telegramId: { not: null }, blockedAt: null }, args, d)}`;
    const chats = new Map((yield { sql, args, kind: "people" }).map((r) => [Number(r.id), r.telegramId]));
    const rows = messages.filter((m) => chats.has(m.personId)).map((m) => [
      chats.get(m.personId), m.personId, m.kind, m.key, m.params, m.buttons, m.photos, m.ref, "pending", 0, d.date(m.at), d.date(m.at),
    ]);
    if (rows.length > 0) yield { ...insert("Outbox", MESSAGE_COLUMNS, rows, d), kind: "write" };
  }
  if (w.events.length > 0) {
    const rows = w.events.map((e) => [e.ticketId, e.complaintId, e.actorId, e.action, e.data, d.date(e.at)]);
    yield { ...insert("Event", EVENT_COLUMNS, rows, d), kind: "write" };
  }
  for (const wake of w.wake) {
    if (wake.ticketIds.length === 0) continue;
    const args: unknown[] = [d.date(wake.at)];
    yield { sql: `UPDATE "JobCard" SET "nextEditAt" = ${d.p(1)} WHERE ${whereSql({ ticketId: { in: wake.ticketIds }, endedAt: null }, args, d)}`, args, kind: "write" };
  }
  return won;
}

/** The statements of a tick's offers; returns the id of each offer written, by ticket and technician. */
function* offerSteps(o: OfferWrites, d: Dialect):
  Generator<{ sql: string; args: unknown[]; kind: "write" }, OfferIdOf, Row[]> {
  const written = new Map<string, number>();
  const keep = (rows: Row[]) => {
    for (const r of rows) written.set(`${Number(r.ticketId)}:${Number(r.technicianId)}`, Number(r.id));
  };
  const returning = ` RETURNING "id", "ticketId", "technicianId"`;
  for (const r of o.renew) {
    if (r.ids.length === 0) continue;
    const args: unknown[] = [r.round];
    const where = whereSql({ id: { in: r.ids } }, args, d);
    const sql = `UPDATE "Offer" SET "round" = ${d.p(1)}, "status" = 'offered' WHERE ${where} AND "status" <> 'declined'${returning}`;
    keep(yield { sql, args, kind: "write" });
  }
  if (o.create.length > 0) {
    const rows = o.create.map((c) => [c.ticketId, c.technicianId, c.round, d.date(c.createdAt)]);
    const { sql, args } = insert("Offer", OFFER_COLUMNS, rows, d);
    keep(yield { sql: `${sql} ON CONFLICT ("ticketId", "technicianId") DO NOTHING${returning}`, args, kind: "write" });
  }
  return (ticketId, technicianId) => written.get(`${ticketId}:${technicianId}`);
}

const OFFER_COLUMNS = ["ticketId", "technicianId", "round", "createdAt"];
const MESSAGE_COLUMNS = ["chatId", "personId", "kind", "key", "params", "buttons", "photos", "ref", "status", "attempts", "dueAt", "createdAt"];
const EVENT_COLUMNS = ["ticketId", "complaintId", "actorId", "action", "data", "at"];
function insert(t: string, columns: string[], rows: unknown[][], d: Dialect) {
  const args = rows.flat();
  const values = rows.map((_, r) => `(${columns.map((_, i) => d.p(r * columns.length + i + 1)).join(", ")})`).join(", ");
  return { sql: `INSERT INTO ${q(t)} (${columns.map(q).join(", ")}) VALUES ${values}`, args };
}

const sqliteDialect: Dialect = { p: () => "?", date: (x) => x.toISOString().replace("Z", "+00:00"), bool: (b) => (b ? 1 : 0) };
const pgDialect: Dialect = { p: (i) => `$${i}`, date: (x) => x.toISOString().replace("Z", ""), bool: (b) => b };

/**
 * SQLite: an own connection. Reads need no lock (WAL: readers never wait for the writer); the
 * commit takes `lock`, the mutex every Prisma statement takes (see client.ts), and runs synchronously.
 * `wrote` is told which tables were written (the client's generation of cached people).
 */
export function sqliteSweep(conn: SqliteConnection & { transaction: <A, T>(fn: (a: A) => T) => (a: A) => T },
  lock: <T>(fn: () => Promise<T>) => Promise<T>, model: DataModel, wrote: (table: string) => void): Sweep {
  const cache = new Map<string, ReturnType<SqliteConnection["prepare"]> & { all: (...a: unknown[]) => Row[]; reader: boolean }>();
  const stmt = (sql: string) => {
    let s = cache.get(sql);
    if (!s) {
      if (cache.size > 500) cache.clear(); // statements by row count: bounded by the batch sizes, kept in check anyway
      cache.set(sql, (s = conn.prepare(sql) as never));
    }
    return s!;
  };
  let count = 0;
  const all = (sql: string, args: unknown[]) => (count++, stmt(sql).all(...args));
  const commit = conn.transaction((steps: Generator<{ sql: string; args: unknown[]; kind: string }, Set<number>, Row[]>) => {
    let next = steps.next([]);
    while (!next.done) {
      const s = stmt(next.value.sql);
      count++;
      next = steps.next(s.reader ? s.all(...next.value.args) : (s.run(...next.value.args), []));
    }
    return next.value;
  }) as unknown as (steps: Generator<{ sql: string; args: unknown[]; kind: string }, Set<number>, Row[]>) => Set<number>;
  return {
    findMany: async <T>(name: string, args: FindArgs) => (await finder(model, sqliteDialect, { all: async (sql, a) => all(sql, a) })(table(name), args)) as T[],
    groupBy: async (name, g) => {
      const args: unknown[] = [];
      return all(groupSql(table(name), g, args, sqliteDialect), args).map(groupOf);
    },
    commit: (claims, then) => lock(async () => {
      const tables = [...new Set(claims.map((c) => table(c.model)))];
      tables.forEach(wrote); // before and after, as a write through Prisma (see client.ts)
      try {
        return commit(commitSteps(claims, then, sqliteDialect, () => new Date()));
      } finally {
        tables.forEach(wrote);
      }
    }),
    statements: () => count,
    close: async () => conn.close(),
  };
}

/** PostgreSQL: statements on the pool Prisma uses too; the commit in one transaction of one client. */
export function pgSweep(pool: pg.Pool, model: DataModel, wrote: (table: string) => void): Sweep {
  let count = 0;
  // timestamp without time zone holds the UTC wall time (as Prisma writes it): read it as UTC, whatever TZ is
  const types = {
    getTypeParser: (oid: number, format?: string) =>
      oid === pg.types.builtins.TIMESTAMP ? (s: string) => new Date(`${s.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format as never),
  };
  const on = async (c: pg.Pool | pg.PoolClient, sql: string, args: unknown[]) =>
    (count++, (await c.query({ text: sql, values: args, types } as pg.QueryConfig)).rows as Row[]);
  return {
    findMany: async <T>(name: string, args: FindArgs) => (await finder(model, pgDialect, { all: (sql, a) => on(pool, sql, a) })(table(name), args)) as T[],
    groupBy: async (name, g) => {
      const args: unknown[] = [];
      return (await on(pool, groupSql(table(name), g, args, pgDialect), args)).map(groupOf);
    },
    commit: async (claims, then) => {
      const tables = [...new Set(claims.map((c) => table(c.model)))];
      tables.forEach(wrote); // before and after, as a write through Prisma (see client.ts)
      const c = await pool.connect();
      try {
        await c.query("BEGIN");
        count += 2; // BEGIN, COMMIT
        const steps = commitSteps(claims, then, pgDialect, () => new Date());
        let next = steps.next([]);
        while (!next.done) next = steps.next(await on(c, next.value.sql, next.value.args));
        await c.query("COMMIT");
        return next.value;
      } catch (e) {
        await c.query("ROLLBACK").catch(() => undefined);
        throw e;
      } finally {
        c.release();
        tables.forEach(wrote);
      }
    },
    statements: () => count,
    close: async () => undefined, // the pool is closed with the database
  };
}
