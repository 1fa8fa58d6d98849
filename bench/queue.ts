// `npm run bench`: /queue over a property with 10,000 open tickets (the desk's worst day and more):
// the counts of every group and one page, as queueOf answers the bot. Target p95 < 50 ms. The CPU
// time of this process is printed too: on a shared machine the wall time mostly measures the others.
//   npm run bench:queue                 SQLite (a temporary file)
//   npm run bench:queue -- --pg [url]   PostgreSQL too
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { Database } from "../src/db/client.ts";
import { addMinutes } from "../src/domain/time.ts";
import { QUEUE_GROUPS, queueOf } from "../src/domain/tickets/queue.ts";
import { bulkInsert } from "./bulk.ts";
import { benchArgs, withBenchDatabase } from "./common.ts";

const OPEN = Number(process.env.BENCH_OPEN ?? 10_000);
const HISTORY = 20_000;
const RUNS = 200;
const NOW = new Date("2026-11-23T02:00:00Z");
const DESK = 3;

async function seed(database: Database) {
  const db = database.db;
  for (const p of [1, 2]) {
    await db.property.create({ data: { id: p, code: `P${p}`, name: `Property ${p}`, timezone: "Asia/Shanghai" } });
    await db.unit.create({ data: { id: p, propertyId: p, building: "1", entrance: "1", room: "101" } });
  }
  await db.person.createMany({ data: [1, 2, 3].map((id) => ({ id, name: `p${id}`, telegramId: BigInt(7_000_000_000 + id) })) });
  await db.roleGrant.createMany({ data: [{ personId: 2, role: "technician", propertyId: 1 }, { personId: DESK, role: "desk", propertyId: 1 }] });
  const statuses = ["open", "accepted", "accepted", "postponed", "arrived", "completed"];
  const rows = Array.from({ length: OPEN + HISTORY }, (_, i) => {
    const live = i < OPEN;
    const status = live ? statuses[i % statuses.length]! : "closed";
    const reportedAt = addMinutes(NOW, -(i % 5000) - 1);
    return {
      id: i + 1, number: `P1-${String(i + 1).padStart(8, "0")}`, propertyId: live || i % 2 ? 1 : 2, unitId: 1, reporterId: 1,
      category: "water", description: "bench", phone: "13800138000", status, reportedAt, updatedAt: NOW,
      assigneeId: status === "open" ? null : 2, arrivalDueAt: status === "accepted" ? addMinutes(NOW, i % 2 ? -10 : 30) : null,
    };
  });
  await bulkInsert(database, "Ticket", rows);
  await bulkInsert(database, "Survey", rows.filter((r) => r.status === "completed").slice(0, 300)
    .map((r) => ({ ticketId: r.id, status: "phone", phoneTaskAt: NOW, createdAt: NOW })));
}

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
