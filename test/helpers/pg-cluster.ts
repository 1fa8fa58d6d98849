// A throwaway PostgreSQL server of its own (initdb + pg_ctl on a temporary directory and a free
// port), for a test that stops and starts the server without touching the one other tests share.
// The binaries run as the `postgres` user (initdb refuses root).
import { execFileSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export type Cluster = { url: (database: string) => string; stop: () => void; start: () => void; destroy: () => void };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs a PostgreSQL binary, as `postgres` when we are root. */
function pg(bin: string, args: string[]) {
  const asRoot = process.getuid?.() === 0;
  const [cmd, all] = asRoot ? ["runuser", ["-u", "postgres", "--", join(BIN, bin), ...args]] : [join(BIN, bin), args];
  execFileSync(cmd, all, { stdio: "pipe", timeout: 60_000 });
}

/** Creates and starts the server (trust authentication, no fsync: it lives for one test). */
export async function startCluster(): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), "rd-pg-"));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, "data");
  const port = await freePort();
  pg("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const start = () => pg("pg_ctl", ["-D", data, "-o", opts, "-l", join(dir, "log"), "-w", "-t", "30", "start"]);
  const stop = () => pg("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "30", "stop"]);
  start();
  let running = true;
  return {
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    stop: () => { stop(); running = false; },
    start: () => { start(); running = true; },
    destroy: () => {
      try {
        if (running) stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
