// `npm run bench`: /queue over a property with 10,000 open tickets (the desk's worst day and more):
// the counts of every group and one page, as queueOf answers the bot. Target p95 < 50 ms. The CPU
// time of this process is printed too: on a shared machine the wall time mostly measures the others.
//   npm run bench:queue                 SQLite (a temporary file)
//   npm run bench:queue -- --pg [url]   PostgreSQL too
import os from "node:os";
import { performance } from "node:perf_hooks";
import { QUEUE_GROUPS, queueOf } from "../src/domain/tickets/queue.ts";
import { DESK, NOW, OPEN, seed } from "./queue-seed.ts";
import { benchArgs, withBenchDatabase } from "./common.ts";

const RUNS = 200;

async function run(provider: "sqlite" | "postgresql", pgUrl: string) {
  await withBenchDatabase(provider, pgUrl, `rd_benchq_${process.pid}`, async (database) => {
    await seed(database);
    await database.db.$executeRawUnsafe("ANALYZE");
    const times: number[] = [];
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < RUNS + 20; i++) {
      const group = QUEUE_GROUPS[i % QUEUE_GROUPS.length]!;
      const start = performance.now();
      const res = await queueOf(database.db, DESK, i % 3 ? { group, page: i % 40 } : {}, NOW);
      if (!res.ok) throw new Error(res.error);
      if (i >= 20) times.push(performance.now() - start);
    }
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000 / (RUNS + 20);
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(1);
    console.log(`${provider}: /queue (queueOf) over ${OPEN.toLocaleString("en")} open tickets: p50 ${pct(50)} ms, p95 ${pct(95)} ms, `
      + `max ${pct(100)} ms (${RUNS} runs); this process's CPU ${cpuMs.toFixed(1)} ms a call, load ${os.loadavg()[0]!.toFixed(1)}`);
  });
}

const { pgUrl, providers } = benchArgs();
for (const provider of providers) await run(provider, pgUrl);
