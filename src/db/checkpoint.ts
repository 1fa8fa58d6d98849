// SQLite's WAL checkpoints on a thread of their own. Left to SQLite, the commit that takes the WAL
// past 1,000 pages copies them into the database file and waits for fsyncs, on the event loop's
// thread: every chat waits (measured on the inbox's writes, 10,000 in a row: a stall of 3-7 ms
// every 80 or so; p99 of one update's writes 2.8 ms, with this 0.2 ms). Our connections are opened
// with wal_autocheckpoint = 0 (openSqlite, and Prisma's in client.ts) and a worker thread with a
// connection of its own checkpoints every `everyMs`, in PASSIVE mode: it copies what is committed
// and makes no reader or writer wait (a write may still wait in the file system for its fsync:
// seen 0-3 times in those 10,000, 11-24 ms). Should that thread be lost, the checkpoints go on from
// the main thread, on the same period.
import { Worker } from "node:worker_threads";
import { openSqlite, sqliteDriverPath, type SqliteConnection } from "./bookkeeping.ts";

/** The worker: CommonJS, given the driver's path, the file and the period. */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Driver = require(workerData.driver);
const conn = new Driver(workerData.file, { timeout: 0 });
conn.pragma("synchronous = NORMAL"); // (a checkpoint waits for its fsyncs: here, off the event loop)
const checkpoint = () => {
  try { conn.pragma("wal_checkpoint(PASSIVE)"); } catch { /* busy or locked: the next turn takes it */ }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on("message", () => {
  clearInterval(timer);
  checkpoint();
  conn.close();
  parentPort.close();
});
`;

export type Checkpointer = {
  /** Stops: one last checkpoint, then the thread ends (resolves when it has). */
  close: () => Promise<void>;
  /** Where the checkpoints are made now. */
  where: () => "worker" | "main thread";
  /** The thread (when it ends unasked, the checkpoints go on from the main thread). */
  worker: Worker;
};

/** Checkpoints `file`'s WAL every `everyMs` from a worker thread (see above). */
export function startCheckpointer(file: string, everyMs = 200): Checkpointer {
  let fallback: { timer: NodeJS.Timeout; conn?: SqliteConnection } | undefined;
  let closing = false;
  const worker = new Worker(WORKER, { eval: true, workerData: { driver: sqliteDriverPath(), file, everyMs } });
  worker.unref(); // (a database left open does not keep the process alive)
  const ended = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  const lost = () => {
    if (closing || fallback) return;
    // (opened in the turn, not here: this runs in the worker's event handler, where a throw would end the process)
    const timer = setInterval(() => {
      try {
        fallback!.conn ??= openSqlite(file, { timeout: 0 });
        fallback!.conn.pragma("wal_checkpoint(PASSIVE)");
      } catch {
        // busy, locked or not openable now: the next turn tries again
      }
    }, everyMs);
    timer.unref();
    fallback = { timer };
  };
  worker.on("error", lost);
  worker.once("exit", lost);
  return {
    close: async () => {
      closing = true;
      if (fallback) {
        clearInterval(fallback.timer);
        fallback.conn?.close();
      }
      worker.ref(); // (else nothing may keep the process up until it has ended)
      worker.postMessage("stop");
      await ended;
    },
    where: () => (fallback ? "main thread" : "worker"),
    worker,
  };
}
