// Conversation state in the Session table. Same behaviour as @grammyjs/storage-prisma, whose
// 2.6.0 ESM entry point (dist/mod.mjs) is missing from the published package.
import type { StorageAdapter } from "grammy";
import type { Db } from "./client.ts";

export function createSessionStorage<T>(db: Db): StorageAdapter<T> {
  return {
    async read(key) {
      const row = await db.session.findUnique({ where: { key } });
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    async write(key, data) {
      const value = JSON.stringify(data);
      await db.session.upsert({ where: { key }, create: { key, value }, update: { value } });
    },
    async delete(key) {
      await db.session.deleteMany({ where: { key } });
    },
  };
}
