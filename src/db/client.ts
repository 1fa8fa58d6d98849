// Creates the Prisma client for SQLite (default) or PostgreSQL. Only src/db imports Prisma.
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient, Prisma } from "./generated/sqlite/client.ts";
import { PrismaClient as PgClient } from "./generated/pg/client.ts";

/** The client type the rest of the code sees (both generated clients share the same models). */
export type Db = SqliteClient;
/** A client bound to an open transaction. */
export type Tx = Prisma.TransactionClient;
export type DbOrTx = Db | Tx;
export type Provider = "sqlite" | "postgresql";

export type Database = {
  db: Db;
  provider: Provider;
  /** Runs fn in one transaction. On SQLite no other statement can slip into it (see TRAPS.md). */
  tx: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
};

export function providerOf(url: string): Provider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** file:./data/x.db → absolute path (relative to the working directory, like the Prisma CLI). */
export function sqlitePath(url: string): string {
  return resolve(url.replace(/^file:/, ""));
}

/** A promise-chain mutex: one holder at a time, FIFO. */
function createMutex() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

export async function createDatabase(url: string): Promise<Database> {
  if (providerOf(url) === "postgresql") {
    const u = new URL(url);
    const schema = u.searchParams.get("schema") ?? undefined;
    u.searchParams.delete("schema");
    const client = new PgClient({ adapter: new PrismaPg({ connectionString: u.toString(), max: 10, connectionTimeoutMillis: 10_000 }, { schema }) });
    const db = client as unknown as Db;
    return {
      db,
      provider: "postgresql",
      tx: (fn) => db.$transaction(fn, { timeout: 15_000, maxWait: 10_000 }),
      close: () => client.$disconnect(),
    };
  }
  const file = sqlitePath(url);
  mkdirSync(dirname(file), { recursive: true });
  const base = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: file, timeout: 10_000 }) });
  await base.$queryRawUnsafe("PRAGMA journal_mode=WAL");
  await base.$executeRawUnsafe("PRAGMA synchronous=NORMAL"); // safe with WAL: a power cut loses at most the last commits, never corrupts
  await base.$queryRawUnsafe("PRAGMA busy_timeout=10000");
  // better-sqlite3 shares one connection: a statement issued while an interactive transaction is
  // open would run inside it. Every statement outside our tx() waits for the lock instead.
  const lock = createMutex();
  const inTx = new AsyncLocalStorage<true>();
  const db = base.$extends({
    query: {
      async $allOperations({ args, query }) {
        return inTx.getStore() ? query(args) : lock(() => query(args));
      },
    },
  }) as unknown as Db;
  return {
    db,
    provider: "sqlite",
    tx: (fn) => lock(() => inTx.run(true, () => db.$transaction(fn, { timeout: 15_000, maxWait: 10_000 }))),
    close: () => base.$disconnect(),
  };
}

/** True when err is a unique-constraint violation (Prisma P2002). */
export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}
