// `npm run bench`: /report for one month of a property with 100,000 tickets over a year (≈ 8,200 in
// the month), with ratings, rework and complaints: the figures (domain), the message and the chart.
//   npm run bench:report                 SQLite (a temporary file)
//   npm run bench:report -- --pg [url]   PostgreSQL too
import { performance } from "node:perf_hooks";
import type { Database } from "../src/db/client.ts";
import { propertyReport } from "../src/domain/figures/report.ts";
import { addMinutes } from "../src/domain/time.ts";
import { translator } from "../src/bot/i18n.ts";
import { chartPng } from "../src/bot/report-chart.ts";
import { chartLabels, reportMessage } from "../src/bot/report-view.ts";
import { bulkInsert } from "./bulk.ts";
import { benchArgs, withBenchDatabase } from "./common.ts";
import { loadFigureRows } from "../src/domain/figures/rows.ts";
import { headlineFigures } from "../src/domain/figures/headline.ts";
import { calendarOf } from "../src/domain/schedule.ts";

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const YEAR_START = new Date("2025-12-31T16:00:00Z"); // 1 Jan 2026 00:00 in Shanghai
const NOW = new Date("2026-12-01T01:00:00Z");
const RUNS = 5;

async function seed(database: Database) {
  const db = database.db;
  await db.property.create({ data: { id: 1, code: "BX", name: "碧溪花园", timezone: "Asia/Shanghai" } });
  await db.unit.create({ data: { id: 1, propertyId: 1, building: "1", entrance: "1", room: "101" } });
  const people = ["owner", "supervisor", ...Array(5).fill("technician")].map((role, i) => ({ id: i + 1, name: `${role}${i}`, role }));
  await db.person.createMany({ data: people.map(({ role: _, ...p }) => p) });
  await db.roleGrant.createMany({ data: people.slice(1).map((p) => ({ personId: p.id, role: p.role, propertyId: 1 })) });
  const step = (365 * 24 * 60) / TICKETS;
  const tickets = Array.from({ length: TICKETS }, (_, i) => {
    const reportedAt = addMinutes(YEAR_START, i * step);
    return {
      id: i + 1, number: `BX-${String(i + 1).padStart(7, "0")}`, propertyId: 1, unitId: 1, reporterId: 1, category: ["water", "electricity", "doors_locks", "other"][i % 4],
      description: "bench", channel: i % 7 === 0 ? "phone" : "chat", status: "closed", assigneeId: 3 + (i % 5), reworkOfId: i % 300 === 299 ? i : null,
      reportedAt, acceptedAt: addMinutes(reportedAt, 2 + (i % 7)), arrivedAt: addMinutes(reportedAt, 15 + (i % 30)),
      completedAt: addMinutes(reportedAt, 120), confirmedAt: addMinutes(reportedAt, 180), updatedAt: NOW,
    };
  });
  await bulkInsert(database, "Ticket", tickets);
  await bulkInsert(database, "Survey", tickets.filter((t) => t.id % 10 !== 0).map((t) => ({
    ticketId: t.id, status: "answered", rating: t.id % 23 === 0 ? 2 : t.id % 5 === 0 ? 4 : 5, channel: "bot", answeredAt: t.confirmedAt, createdAt: t.completedAt,
  })));
  await bulkInsert(database, "Complaint", Array.from({ length: TICKETS / 50 }, (_, i) => {
    const t = tickets[i * 50]!;
    return { propertyId: 1, complainantId: 1, ticketId: t.id, category: "quality", description: "bench", status: "answered", dueAt: t.completedAt, answeredAt: addMinutes(t.reportedAt, 24 * 60), createdAt: t.reportedAt };
  }));
}

async function measure(database: Database) {
  const t = translator("zh-CN");
  const times = { figures: [] as number[], message: [] as number[], chart: [] as number[] };
  let tickets = 0;
  for (let run = 0; run <= RUNS; run++) {
    const a = performance.now();
    const res = await propertyReport(database.db, 2, "BX", "2026-11", NOW);
    const b = performance.now();
    if (!res.ok) throw new Error(res.error);
    reportMessage(res.value, t);
    const c = performance.now();
    chartPng(res.value.daily, chartLabels(res.value, t));
    const d = performance.now();
    tickets = res.value.headline.figures.find((f) => f.key === "reported")!.num;
    if (run === 0) continue; // warm-up
    times.figures.push(b - a);
    times.message.push(c - b);
    times.chart.push(d - c);
  }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
  return { tickets, figures: med(times.figures), message: med(times.message), chart: med(times.chart) };
}

async function run(provider: "sqlite" | "postgresql", pgUrl: string) {
  await withBenchDatabase(provider, pgUrl, `rd_bench_report_${process.pid}`, async (database, analyze) => {
    await seed(database);
    await analyze();
    const m = await measure(database);
    const from = new Date("2026-10-31T16:00:00Z");
    const to = new Date("2026-11-30T16:00:00Z");
    const a = performance.now();
    const rows = await loadFigureRows(database.db, 1, from, to);
    const b = performance.now();
    headlineFigures(rows, from, to, calendarOf({ timezone: "Asia/Shanghai", officeStart: "08:00", officeEnd: "17:30", holidays: "" }), NOW);
    const c = performance.now();
    const total = m.figures + m.message + m.chart;
    console.log(`${provider}: /report BX 2026-11 over ${TICKETS.toLocaleString("en")} tickets (${m.tickets.toLocaleString("en")} in the month), median of ${RUNS}:`
      + ` figures ${m.figures.toFixed(0)} ms (loading the rows ${(b - a).toFixed(0)} ms, headline ${(c - b).toFixed(0)} ms),`
      + ` message ${m.message.toFixed(1)} ms, chart PNG ${m.chart.toFixed(0)} ms, total ${total.toFixed(0)} ms`
      + ` ${total < 1000 ? "(under 1 s ✓)" : "(OVER 1 s ✗)"}`);
  });
}

const { pgUrl, providers } = benchArgs();
for (const provider of providers) await run(provider, pgUrl);
