// Start-up: open and migrate the database, or say in one line why not (no stack trace).
import { createDatabase, type Database } from "./client.ts";
import { migrate } from "./migrate.ts";

type DriverCause = { kind?: string; host?: string; port?: number; originalMessage?: string };

/** Why the database could not be opened, in a few words (never the URL, which may hold a password). */
export function databaseProblem(e: unknown): string {
  const err = e as { code?: string; message?: string; meta?: { driverAdapterError?: { cause?: DriverCause } } };
  const cause = err?.meta?.driverAdapterError?.cause;
  if (cause?.kind === "DatabaseNotReachable") {
    return `cannot reach the database server at ${cause.host ?? "?"}${cause.port ? `:${cause.port}` : ""}`;
  }
  if (cause?.originalMessage) return cause.originalMessage;
  if (err?.code === "SQLITE_NOTADB") return "the file is not an SQLite database";
  const lines = String(err?.message ?? e).split("\n").map((l) => l.trim()).filter(Boolean);
  return (lines.at(-1) ?? "unknown error").replace(/postgres(ql)?:\/\/\S+/g, "postgresql://…");
}

/** The migrated database, or an Error whose message is one line naming DATABASE_URL. */
export async function openDatabase(url: string): Promise<{ database: Database; applied: string[] }> {
  let database: Database | undefined;
  try {
    database = await createDatabase(url);
    const applied = await migrate(database);
    return { database, applied };
  } catch (e) {
    await database?.close().catch(() => undefined);
    throw new Error(`Configuration error: DATABASE_URL cannot be used: ${databaseProblem(e)}`);
  }
}
