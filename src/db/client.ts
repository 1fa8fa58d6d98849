// Creates the Prisma client for SQLite (default) or PostgreSQL. Only src/db imports Prisma.
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { pgBookkeeping, sqliteBookkeeping, type Bookkeeping } from "./bookkeeping.ts";
import { pgDueProbe, sqliteDueProbe, type DueCheck } from "./due.ts";
import { pgFiling, sqliteFiling, type Filing } from "./filing.ts";
import { pgSweep, sqliteSweep, type DataModel, type Group, type GroupArgs, type Sweep } from "./sweep.ts";
import { openSqlite } from "./bookkeeping.ts";
import { startCheckpointer } from "./checkpoint.ts";
import { PrismaClient as SqliteClient, Prisma } from "./generated/sqlite/client.ts";
import { PrismaClient as PgClient } from "./generated/pg/client.ts";

/** The client type the rest of the code sees (both generated clients share the same models). */
export type Db = SqliteClient;
/** A client bound to an open transaction. */
export type Tx = Prisma.TransactionClient;
export type DbOrTx = Db | Tx;
export type Provider = "sqlite" | "postgresql";

type ModelKey = Uncapitalize<Prisma.ModelName>;
/**
 * Reads the jobs make before their claim, the same through Prisma (`readsOf(db)`, inside a
 * transaction too) or on the sweep's path (`database.sweep`): findMany typed as Prisma's with the
 * same arguments (where, orderBy, take, include), and counts (and a sum) per value of a column.
 */
export type Reads = {
  findMany: <M extends ModelKey, A extends Prisma.Args<Db[M], "findMany">>(model: M, args: A) => Promise<Prisma.Result<Db[M], A, "findMany">>;
  groupBy: (model: ModelKey, args: GroupArgs) => Promise<Group[]>;
};
export type TypedSweep = Omit<Sweep, "findMany" | "groupBy"> & Reads;

/** Reads through Prisma (see Reads). */
export function readsOf(db: DbOrTx): Reads {
  type Delegate = { findMany: (a: unknown) => Promise<never>; groupBy: (a: unknown) => Promise<Record<string, never>[]> };
  const of = (model: ModelKey) => (db as unknown as Record<string, Delegate>)[model]!;
  return {
    findMany: (model, args) => of(model).findMany(args),
    groupBy: async (model, g) => (await of(model).groupBy({
      by: [g.by], where: g.where ?? {}, _count: { _all: true }, ...(g.sum ? { _sum: { [g.sum]: true } } : {}),
    })).map((r: Record<string, any>) => ({ key: r[g.by], count: Number(r._count._all), sum: Number(g.sum ? r._sum[g.sum] ?? 0 : 0) })),
  };
}

export type Database = {
  db: Db;
  provider: Provider;
  /** Runs fn in one transaction. On SQLite no other statement can slip into it (see TRAPS.md). */
  tx: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
  /** Update dedupe and conversation state on the driver's cheapest path. */
  bookkeeping: Bookkeeping;
  /** The owner's everyday report off Prisma's path (see filing.ts). */
  filing: Filing;
  /** The scheduled jobs' due reads and their tick's writes off Prisma's path (see sweep.ts). */
  sweep: TypedSweep;
  /** "Anything due?" for a scheduled job: one indexed statement off Prisma's path (see due.ts). */
  anyDue: (checks: DueCheck[]) => Promise<boolean>;
  /**
   * Goes up on every write through this client except to the models listed in QUIET_MODELS (raw
   * statements count as writes): what is cached from people, roles and units is stale when it moved.
   * With a person id, a write of that person's own row by id (their language, phone, duty) moves it
   * too, and nobody else's.
   */
  generation: (personId?: number) => number;
  /** Statements sent so far through Prisma and the bookkeeping (with `countStatements` only). */
  statements: () => number;
  close: () => Promise<void>;
};

export type DatabaseOptions = { countStatements?: boolean };

/** Models whose writes never change a person, their roles or their units (nested writes included). */
const QUIET_MODELS = new Set([
  "Ticket", "TicketCounter", "TicketPhoto", "Offer", "Outbox", "Event", "Survey", "FollowUp", "Complaint",
  "Charge", "MaterialUse", "Lease", "Session", "InboundUpdate", "JobCard",
]);
const READS = new Set([
  "$transaction", // what runs inside is watched statement by statement
  "findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany", "count", "aggregate", "groupBy", "$queryRaw",
  "$queryRawUnsafe",
]);

/** Counts writes that may change people (see Database.generation) and, optionally, statements. */
function watch(client: SqliteClient | PgClient, options: DatabaseOptions) {
  let generation = 0;
  let statements = 0;
  if (options.countStatements) (client as SqliteClient).$on("query" as never, () => void statements++);
  const ofPerson = new Map<number, number>();
  const changes = (model: string | undefined, operation: string) => !READS.has(operation) && !(model && QUIET_MODELS.has(model));
  /** The person whose own row alone a write changes (an update of Person by id, no nested writes), if so. */
  const onePerson = (model: string | undefined, operation: string, args: unknown): number | undefined => {
    if (model !== "Person" || (operation !== "update" && operation !== "updateMany")) return undefined;
    const { where, data } = (args ?? {}) as { where?: Record<string, unknown>; data?: Record<string, unknown> };
    const id = where?.id;
    const flat = Object.values(data ?? {}).every((v) => v === null || typeof v !== "object" || v instanceof Date);
    return typeof id === "number" && Object.keys(where!).length === 1 && flat ? id : undefined;
  };
  const touch = (personId: number) => void ofPerson.set(personId, (ofPerson.get(personId) ?? 0) + 1);
  return {
    /** A write off Prisma's path to a table (by its model name): moves the generation unless quiet. */
    wrote: (model: string) => { if (!QUIET_MODELS.has(model)) generation++; },
    generation: (personId?: number) => generation + (personId === undefined ? 0 : ofPerson.get(personId) ?? 0),
    statements: () => statements,
    touch,
    /** Runs a query, moving the generation before and after a write (a read in between sees it move). */
    around: async <T>(model: string | undefined, operation: string, args: unknown, run: () => Promise<T>): Promise<T> => {
      if (!changes(model, operation)) return run();
      const person = onePerson(model, operation, args);
      const move = person === undefined ? () => void generation++ : () => touch(person);
      move();
      try {
        return await run();
      } finally {
        move();
      }
    },
  };
}

export function providerOf(url: string): Provider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** file:./data/x.db → absolute path (relative to the working directory, like the Prisma CLI). */
export function sqlitePath(url: string): string {
  return resolve(url.replace(/^file:/, ""));
}

/**
 * A promise-chain mutex: one holder at a time, FIFO. `now` runs a synchronous piece of work (a
 * statement of better-sqlite3, which is synchronous) at once when nobody holds or waits for the
 * lock: nothing can come between, and the update path saves the chain's promise hops on every
 * statement (the lock is idle almost always: Prisma is off that path).
 */
export type Lock = (<T>(fn: () => Promise<T>) => Promise<T>) & { now: <T>(fn: () => T) => Promise<T> };
function createMutex(): Lock {
  let tail: Promise<unknown> = Promise.resolve();
  let waiting = 0; // holders and waiters
  const release = () => void waiting--;
  const lock = <T>(fn: () => Promise<T>): Promise<T> => {
    waiting++;
    const run = tail.then(fn, fn);
    tail = run.then(release, release);
    return run;
  };
  const now = <T>(fn: () => T): Promise<T> => {
    if (waiting > 0) return lock(async () => fn());
    try {
      return Promise.resolve(fn());
    } catch (e) {
      return Promise.reject(e);
    }
  };
  return Object.assign(lock, { now });
}

/**
 * Prisma 6.19's query interpreter loads the relations of an `include` in parallel; inside an
 * interactive transaction they all go to its one pg client, which overlaps queries (deprecated in
 * pg 8, an error in pg 9). The adapter's transactions are wrapped so their queries run one by one.
 */
function serialTransactions<F extends object>(factory: F): F {
  const wrap = <T extends object>(target: T, methods: Record<string, (original: any, target: T) => unknown>): T =>
    new Proxy(target, {
      get(t, key, receiver) {
        const value = Reflect.get(t, key, receiver);
        if (typeof key === "string" && key in methods) return methods[key]!(value, t);
        return typeof value === "function" ? value.bind(t) : value;
      },
    });
  const serialTx = (tx: object) => {
    const lock = createMutex();
    const serial = (original: (...a: unknown[]) => Promise<unknown>, t: object) =>
      (...args: unknown[]) => lock(() => original.apply(t, args));
    return wrap(tx, { queryRaw: serial, executeRaw: serial });
  };
  const adapter = (a: object) => wrap(a, {
    startTransaction: (original: (...a: unknown[]) => Promise<object>, t) =>
      async (...args: unknown[]) => serialTx(await original.apply(t, args)),
  });
  return wrap(factory, {
    connect: (original: () => Promise<object>, t) => async () => adapter(await original.apply(t)),
  });
}

export async function createDatabase(url: string, options: DatabaseOptions = {}): Promise<Database> {
  const log = { log: options.countStatements ? [{ emit: "event" as const, level: "query" as const }] : [] };
  if (providerOf(url) === "postgresql") {
    const u = new URL(url);
    const schema = u.searchParams.get("schema") ?? undefined;
    u.searchParams.delete("schema");
    // Idle connections stay 5 minutes (pg's default is 10 s): the jobs tick every 20-60 s, and a new
    // connection costs 8-10 ms. One the server closed meanwhile is dropped by the pool on its error.
    const pool = new pg.Pool({
      connectionString: u.toString(), max: 10, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 300_000,
      ...(schema ? { options: `-c search_path="${schema}"` } : {}),
    });
    pool.on("error", () => undefined); // an idle connection that died (server restart): the next query opens another
    const client = new PgClient({ adapter: serialTransactions(new PrismaPg(pool, { schema })), ...log });
    const watcher = watch(client, options);
    const db = client.$extends({
      query: { async $allOperations({ model, operation, args, query }) { return watcher.around(model, operation, args, () => query(args)); } },
    }) as unknown as Db;
    const bookkeeping = pgBookkeeping(pool);
    const due = pgDueProbe(pool);
    const filing = touching(pgFiling(pool), watcher.touch);
    const sweep = pgSweep(pool, dataModelOf(client), watcher.wrote) as TypedSweep;
    let closing: Promise<void> | undefined;
    return {
      db,
      provider: "postgresql",
      tx: (fn) => db.$transaction(fn, { timeout: 15_000, maxWait: 10_000 }),
      bookkeeping,
      filing,
      sweep,
      anyDue: due.anyDue,
      generation: watcher.generation,
      statements: () => watcher.statements() + bookkeeping.statements() + due.statements() + filing.statements() + sweep.statements(),
      close: () => (closing ??= client.$disconnect().finally(() => pool.end())),
    };
  }
  const file = sqlitePath(url);
  makeFolder(dirname(file));
  const base = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: file, timeout: 10_000 }), ...log });
  const watcher = watch(base, options);
  await base.$queryRawUnsafe("PRAGMA journal_mode=WAL");
  await base.$executeRawUnsafe("PRAGMA synchronous=NORMAL"); // safe with WAL: a power cut loses at most the last commits, never corrupts
  await base.$queryRawUnsafe("PRAGMA busy_timeout=10000");
  await base.$queryRawUnsafe("PRAGMA wal_autocheckpoint=0"); // (a thread of their own makes the checkpoints: checkpoint.ts)
  // better-sqlite3 shares one connection: a statement issued while an interactive transaction is
  // open would run inside it. Every statement outside our tx() waits for the lock instead; one of
  // the transaction's own client carries it in Prisma's request (an AsyncLocalStorage would tell
  // too, but it turns on promise hooks for the whole process: ~5 % of the update path's CPU).
  const lock = createMutex();
  const db = base.$extends({
    query: {
      async $allOperations({ model, operation, args, query, ...rest }) {
        const run = () => watcher.around(model, operation, args, () => query(args));
        return inTransaction(rest) ? run() : lock(run);
      },
    },
  }) as unknown as Db;
  const bookkeeping = sqliteBookkeeping(file, lock);
  const due = sqliteDueProbe(file);
  const filing = touching(sqliteFiling(openSqlite(file, { timeout: 200 }) as never, lock), watcher.touch);
  const sweep = sqliteSweep(openSqlite(file, { timeout: 200 }) as never, lock, dataModelOf(base), watcher.wrote) as TypedSweep;
  const checkpointer = startCheckpointer(file);
  return {
    db,
    provider: "sqlite",
    tx: (fn) => lock(() => db.$transaction(fn, { timeout: 15_000, maxWait: 10_000 })),
    bookkeeping,
    filing,
    sweep,
    anyDue: due.anyDue,
    generation: watcher.generation,
    statements: () => watcher.statements() + bookkeeping.statements() + due.statements() + filing.statements() + sweep.statements(),
    close: async () => {
      await sweep.close();
      await filing.close();
      await due.close();
      await bookkeeping.close();
      await base.$disconnect();
      await checkpointer.close();
    },
  };
}

/**
 * Whether a query extension's call belongs to an interactive transaction: Prisma 6.19 hands the
 * request to the callback as `__internalParams`, with `transaction` set (kind "itx") inside one.
 * test/db/transactions.test.ts fails if a Prisma upgrade drops it (a transaction would wait on its own lock).
 */
function inTransaction(params: object): boolean {
  const request = (params as { __internalParams?: { transaction?: { kind?: string } } }).__internalParams;
  return request?.transaction?.kind === "itx";
}

/** The models' fields as the generated client knows them (both clients share the same models). */
function dataModelOf(client: SqliteClient | PgClient): DataModel {
  const model = (client as unknown as { _runtimeDataModel?: DataModel })._runtimeDataModel;
  if (!model?.models?.Ticket) throw new Error("the Prisma client has no runtime data model (Prisma upgraded?): see src/db/sweep.ts");
  return model;
}

/** A filing whose phone write moves the reporter's generation (their cached row is stale). */
function touching(f: Filing, touch: (personId: number) => void): Filing {
  return {
    ...f,
    fileTicket: async (t) => {
      const personId = t.phone === null ? undefined : t.ticket.reporterId;
      if (personId !== undefined) touch(personId);
      try {
        return await f.fileTicket(t);
      } finally {
        if (personId !== undefined) touch(personId);
      }
    },
  };
}

/**
 * mkdir -p one level at a time: Node's recursive mkdirSync loops forever at 100 % CPU under a
 * folder that refuses new entries (`/proc/x`); a plain mkdir there fails at once with ENOENT.
 */
function makeFolder(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeFolder(parent);
  try {
    mkdirSync(dir);
  } catch (e) {
    if ((e as { code?: string }).code === "EEXIST") return; // made meanwhile by another process
    throw new Error(`cannot create the folder ${dir}: ${(e as { code?: string }).code ?? String(e)}`);
  }
}

/** True when err is a unique-constraint violation (Prisma P2002). */
export function isUniqueViolation(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) return err.code === "P2002";
  // the drivers' own errors, from the statements that bypass Prisma (filing.ts)
  const code = (err as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "23505";
}
