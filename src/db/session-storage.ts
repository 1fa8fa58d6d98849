// Conversation state in the Session table, through the bookkeeping's prepared statements (same
// rows and behaviour as @grammyjs/storage-prisma, whose 2.6.0 ESM entry point is missing).
import type { StorageAdapter } from "grammy";
import type { Database } from "./client.ts";

export function createSessionStorage<T>(database: Pick<Database, "bookkeeping">): StorageAdapter<T> {
  const b = database.bookkeeping;
  return {
    async read(key) {
      const value = await b.readSession(key);
      return value === undefined ? undefined : (JSON.parse(value) as T);
    },
    write: (key, data) => b.writeSession(key, JSON.stringify(data)),
    delete: (key) => b.deleteSession(key),
  };
}
