// `npm run bench`: how long one tick of each scheduled job takes over 1k, 10k and 100k tickets
// with 10 items due per job. The due queries are indexed (`status, dueAt <= now`), so the tick
// should cost about the same at every size: its work is proportional to the 10, not to the table.
//   npm run bench                       SQLite (a temporary file)
//   npm run bench -- --pg [url]         PostgreSQL too (a temporary database on the server at url,
//                                       default TEST_PG_URL or postgresql://postgres@127.0.0.1:5432/test)
import { performance } from "node:perf_hooks";
import type { Database } from "../src/db/client.ts";
import { addMinutes } from "../src/domain/time.ts";
import type { TickReport } from "../src/domain/scheduled/batch.ts";
import { JOBS } from "../src/jobs/index.ts";
import { bulkInsert } from "./bulk.ts";
import { benchArgs, withBenchDatabase } from "./common.ts";

const SIZES = (process.env.BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);
const DUE = 10;
const PROPERTIES = 10;
/** Unfinished tickets that are not due (the same at every size: a property's live work is bounded). */
const LIVE = 200;
/** The target per due item (issue 19): wall milliseconds of a tick divided by its due items. */
const TARGET_MS = 2;
const NOW = new Date("2026-11-23T02:00:00Z"); // Monday 10:00 in Asia/Shanghai

/** Fills an empty database: N tickets, 10 due items for every job, LIVE unfinished ones not due. */
async function seed(database: Database, n: number) {
  const db = database.db;
  const ago = (min: number) => addMinutes(NOW, -min);
  for (let p = 1; p <= PROPERTIES; p++) {
    await db.property.create({ data: { id: p, code: `P${p}`, name: `Property ${p}`, timezone: "Asia/Shanghai", nextCloseOutDueAt: addMinutes(NOW, p <= DUE ? -1 : 600) } });
    await db.unit.create({ data: { id: p, propertyId: p, building: "1", entrance: "1", room: String(100 + p) } });
    const people = ["owner", "technician", "supervisor", "desk"].map((role, i) => ({ id: p * 10 + i, name: `${role} ${p}`, telegramId: BigInt(7_000_000_000 + p * 10 + i), role }));
    await db.person.createMany({ data: people.map(({ role: _, ...x }) => x) });
    await db.unitMember.create({ data: { personId: p * 10, unitId: p } });
    await db.roleGrant.createMany({ data: people.slice(1).map((x) => ({ personId: x.id, role: x.role, propertyId: p })) });
  }
  type Kind = "history" | "live" | "callback" | "dispatch" | "arrival" | "appointment";
  const kinds: Kind[] = [
    ...Array<Kind>(DUE).fill("callback"), ...Array<Kind>(DUE).fill("dispatch"), ...Array<Kind>(DUE).fill("arrival"),
    ...Array<Kind>(DUE).fill("appointment"), ...Array<Kind>(LIVE).fill("live"),
  ];
  while (kinds.length < n) kinds.push("history");
  type TicketRow = Record<string, unknown> & { id: number; status: string; completedAt?: Date; confirmedAt?: Date; assigneeId?: number };
  const tickets = kinds.map((kind, i): TicketRow => {
    const id = i + 1;
    const p = (i % PROPERTIES) + 1;
    const reportedAt = kind === "history" ? ago(60 * 24 + (i % 365) * 24 * 60) : ago(30);
    const base = {
      id, number: `P${p}-${String(id).padStart(7, "0")}`, propertyId: p, unitId: p, reporterId: p * 10, category: "water",
      description: "bench", phone: "13800138000", reportedAt, updatedAt: NOW,
    };
    const assigned = { assigneeId: p * 10 + 1, acceptedAt: addMinutes(reportedAt, 3) };
    switch (kind) {
      case "history": return { ...base, ...assigned, status: "closed", completedAt: addMinutes(reportedAt, 120), confirmedAt: addMinutes(reportedAt, 180) };
      case "callback": return { ...base, ...assigned, status: "completed", completedAt: ago(121) };
      case "dispatch": return { ...base, status: "open", dispatchDueAt: ago(1) };
      case "arrival": return { ...base, ...assigned, status: "accepted", arrivalDueAt: ago(1) };
      case "appointment": return { ...base, ...assigned, status: "accepted", appointmentAt: addMinutes(NOW, 29), appointmentDueAt: ago(1), arrivalDueAt: addMinutes(NOW, 59) };
      case "live": return { ...base, ...assigned, status: "accepted", arrivalDueAt: addMinutes(NOW, 60 + i), appointmentDueAt: addMinutes(NOW, 30 + i) };
    }
  });
  await bulkInsert(database, "Ticket", tickets);
  const finished = tickets.filter((t) => t.completedAt);
  await bulkInsert(database, "Survey", finished.map((t) => t.status === "closed"
    ? { ticketId: t.id, status: "answered", rating: 5, channel: "bot", answeredAt: t.confirmedAt, createdAt: t.completedAt }
    : { ticketId: t.id, status: "scheduled", dueAt: ago(1), createdAt: t.completedAt }));
  await bulkInsert(database, "Event", finished.map((t) => ({ ticketId: t.id, actorId: t.assigneeId, action: "completed", data: "{}", at: t.completedAt })));
  await db.followUp.createMany({
    data: Array.from({ length: DUE }, (_, i) => ({ propertyId: (i % PROPERTIES) + 1, ticketId: i + 1, assigneeRole: "supervisor", reason: "bench", dueAt: addMinutes(NOW, 600), remindAt: ago(1), createdAt: ago(60) })),
  });
}

type Row = { job: string; ms: number; cpu: number; statements: number; report: TickReport };

/** Wall and CPU milliseconds of fn (CPU: user + system of this process, so other work on a shared machine counts less). */
async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  const c = process.cpuUsage(c0);
  return { value, ms, cpu: (c.user + c.system) / 1000 };
}

/** One tick of every job at NOW (after a warm-up tick an hour earlier, when nothing is due). */
async function measure(database: Database): Promise<Row[]> {
  for (const job of JOBS) await job.run(database, addMinutes(NOW, -60));
  const rows: Row[] = [];
  for (const job of JOBS) {
    const s0 = database.statements();
    const { value: report, ms, cpu } = await timed(() => job.run(database, NOW));
    rows.push({ job: job.name, ms, cpu, statements: database.statements() - s0, report });
  }
  const s0 = database.statements();
  const { ms, cpu } = await timed(async () => { for (const job of JOBS) await job.run(database, NOW); });
  rows.push({ job: "all jobs, nothing due", ms, cpu, statements: database.statements() - s0, report: { job: "", due: 0, done: 0, held: 0, skipped: 0, failed: 0 } });
  return rows;
}

async function runSize(provider: "sqlite" | "postgresql", n: number, pgUrl: string): Promise<Row[]> {
  return withBenchDatabase(provider, pgUrl, `rd_bench_${process.pid}_${n}`, async (database, analyze) => {
    const t0 = performance.now();
    await seed(database, n);
    await analyze();
    process.stderr.write(`  ${provider} ${n.toLocaleString("en")} tickets seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    return measure(database);
  }, { countStatements: true });
}

function print(provider: string, results: Map<number, Row[]>) {
  const jobs = results.get(SIZES[0]!)!.map((r) => r.job);
  const head = ["job", ...SIZES.map((n) => `${n.toLocaleString("en")} tickets`)];
  const lines = jobs.map((job) => [job, ...SIZES.map((n) => {
    const row = results.get(n)!.find((r) => r.job === job)!;
    if (!row.report.job) return `${row.ms.toFixed(1)} ms, ${row.statements} statements`;
    const each = row.report.due > 0 ? `, ${(row.ms / row.report.due).toFixed(2)} ms and ${(row.statements / row.report.due).toFixed(1)} statements/item` : "";
    return `${row.ms.toFixed(1)} ms (${row.report.done}/${row.report.due} done${each})`;
  })]);
  const widths = head.map((_, i) => Math.max(...[head, ...lines].map((l) => l[i]!.length)));
  const fmt = (l: string[]) => `| ${l.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(`\n${provider}: one tick per job, ${DUE} items due per job, ${LIVE} unfinished tickets not due`);
  console.log("targets: ≤ 2 ms per due item; ≤ 5 ms for all jobs with nothing due\n");
  console.log([fmt(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...lines.map(fmt)].join("\n"));
  // per due item: wall and CPU milliseconds, statements, and the target (≤ 2 ms wall per item, at every size)
  const perItem = jobs.filter((job) => SIZES.some((n) => results.get(n)!.find((r) => r.job === job)!.report.due > 0)).map((job) => {
    const rows = SIZES.map((n) => results.get(n)!.find((r) => r.job === job)!);
    const meets = rows.every((r) => r.report.due === 0 || r.ms / r.report.due <= TARGET_MS);
    return [job, ...rows.map((r) => r.report.due === 0 ? "-"
      : `${(r.ms / r.report.due).toFixed(2)} wall, ${(r.cpu / r.report.due).toFixed(2)} CPU, ${(r.statements / r.report.due).toFixed(1)} st`), meets ? "yes" : "NO"];
  });
  const head2 = ["job (ms per due item)", ...SIZES.map((n) => `${n.toLocaleString("en")} tickets`), `≤ ${TARGET_MS} ms`];
  const w2 = head2.map((_, i) => Math.max(...[head2, ...perItem].map((l) => l[i]!.length)));
  const fmt2 = (l: string[]) => `| ${l.map((c, i) => c.padEnd(w2[i]!)).join(" | ")} |`;
  console.log(`\n${provider}: per due item (wall ms, CPU ms of this process, statements)\n`);
  console.log([fmt2(head2), `|${w2.map((w) => "-".repeat(w + 2)).join("|")}|`, ...perItem.map(fmt2)].join("\n"));
  const nothing = SIZES.map((n) => results.get(n)!.find((r) => !r.report.job)!);
  console.log(`all jobs, nothing due: ${nothing.map((r) => `${r.ms.toFixed(1)} ms wall, ${r.cpu.toFixed(1)} ms CPU`).join(" / ")}`);
}

const { pgUrl, providers } = benchArgs();
for (const provider of providers) {
  await runSize(provider, SIZES[0]!, pgUrl); // warm-up (JIT, query plans), not printed
  const results = new Map<number, Row[]>();
  for (const n of SIZES) results.set(n, await runSize(provider, n, pgUrl));
  print(provider, results);
}
