// SQLite's WAL checkpoints on a thread of their own (src/db/checkpoint.ts): our connections' commits
// never checkpoint (that waits for fsyncs on the event loop), the thread does, and when it is lost
// the main thread takes over. Observed through the WAL: once all of it is checkpointed, the next
// commit starts it over from its first frame; left unchecked it only grows.
import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { openSqlite, type SqliteConnection } from "../../src/db/bookkeeping.ts";
import { startCheckpointer } from "../../src/db/checkpoint.ts";
import { sqlitePath } from "../../src/db/client.ts";
import { testDatabase } from "../helpers/db.ts";
import { TEST_DB } from "../helpers/db-settings.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The frames in the file's WAL now (a passive checkpoint's report; it copies nothing already copied). */
const walFrames = (conn: SqliteConnection) => (conn.pragma("wal_checkpoint(PASSIVE)") as { log: number }[])[0]!.log;
const autocheckpoint = (conn: SqliteConnection) => (conn.pragma("wal_autocheckpoint") as { wal_autocheckpoint: number }[])[0]!.wal_autocheckpoint;

const files: string[] = [];
afterEach(() => {
  for (const f of files.splice(0)) for (const s of ["", "-wal", "-shm"]) rmSync(f + s, { force: true });
});
/** A WAL database file with one table, and a writer like ours (no checkpoint at commit). */
function scratch() {
  const file = `.tmp/checkpoint-${process.pid}-${files.length}.db`;
  files.push(file);
  const writer = openSqlite(file);
  writer.pragma("journal_mode = WAL");
  writer.exec("CREATE TABLE t (v TEXT)");
  const insert = writer.prepare("INSERT INTO t (v) VALUES (?)");
  /** ~1,200 pages of WAL in 300 commits. */
  const writeMuch = () => { for (let i = 0; i < 300; i++) insert.run("x".repeat(16_000)); };
  return { file, writer, writeMuch, writeOne: () => insert.run("y") };
}

describe.skipIf(TEST_DB === "postgresql")("WAL checkpoints (SQLite: skipped on the PostgreSQL pass)", () => {
  it("are not made by a commit of ours: the WAL grows while nobody checkpoints", () => {
    const s = scratch();
    expect(autocheckpoint(s.writer)).toBe(0);
    s.writeMuch();
    s.writeOne();
    expect(walFrames(s.writer)).toBeGreaterThan(1_000); // (SQLite's own would have checkpointed at 1,000 and started over)
    s.writer.close();
  });

  it("are made by the thread of their own: the WAL starts over", async () => {
    const s = scratch();
    const c = startCheckpointer(s.file, 20);
    try {
      s.writeMuch();
      await sleep(300); // (the thread's turns)
      s.writeOne();
      expect(c.where()).toBe("worker");
      expect(walFrames(s.writer)).toBeLessThan(10);
    } finally {
      await c.close();
      s.writer.close();
    }
  });

  it("go on from the main thread when that thread is lost", async () => {
    const s = scratch();
    const c = startCheckpointer(s.file, 20);
    try {
      await c.worker.terminate();
      expect(c.where()).toBe("main thread");
      s.writeMuch();
      await sleep(300);
      s.writeOne();
      expect(walFrames(s.writer)).toBeLessThan(10);
    } finally {
      await c.close();
      s.writer.close();
    }
  });

  it("run for a database: its commits do not checkpoint, its thread does, and it ends when the database is closed", async () => {
    const d = await testDatabase();
    const reader = openSqlite(sqlitePath(d.url));
    try {
      const [prisma] = await d.db.$queryRawUnsafe<{ wal_autocheckpoint: bigint | number }[]>("PRAGMA wal_autocheckpoint");
      expect(Number(prisma!.wal_autocheckpoint)).toBe(0);
      for (let i = 0; i < 300; i++) await d.bookkeeping.writeSession(`k${i}`, "x".repeat(16_000));
      await sleep(600); // (the thread's turns: every 200 ms)
      await d.bookkeeping.writeSession("k0", "y");
      expect(walFrames(reader)).toBeLessThan(10);
    } finally {
      reader.close();
      await d.drop(); // (would hang if the thread kept running: it is unref'd, but close waits for it)
    }
  });
});
