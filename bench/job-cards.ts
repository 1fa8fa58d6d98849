// `npm run bench:cards`: one tick of the job cards' clocks with many live cards. DUE cards have a
// value to change now (a minute passed); the rest are live but not due, so the indexed
// `nextEditAt <= now` query should keep the tick's cost with the DUE, not with the live cards.
//   npm run bench:cards            SQLite (a temporary file); BENCH_CARDS=1000,10000 sets the sizes
//   npm run bench:cards -- --pg    PostgreSQL too
import { performance } from "node:perf_hooks";
import type { Database } from "../src/db/client.ts";
import { runJobCards } from "../src/domain/scheduled/job-cards.ts";
import { addMinutes } from "../src/domain/time.ts";
import { bulkInsert } from "./bulk.ts";
import { benchArgs, withBenchDatabase } from "./common.ts";

const SIZES = (process.env.BENCH_CARDS ?? "1000,10000").split(",").map(Number);
const DUE = 100;
const NOW = new Date("2026-11-23T02:00:00Z"); // Monday 10:00 in Asia/Shanghai

/** n accepted jobs with a card each; DUE of them show a value a minute old. */
async function seed(database: Database, n: number) {
  const db = database.db;
  await db.property.create({ data: { id: 1, code: "P1", name: "Property", timezone: "Asia/Shanghai" } });
  await db.unit.create({ data: { id: 1, propertyId: 1, building: "1", entrance: "1", room: "101" } });
  const techs = Array.from({ length: 50 }, (_, i) => ({ id: 10 + i, name: `tech ${i}`, telegramId: BigInt(7_000_000_000 + i) }));
  await db.person.createMany({ data: [{ id: 1, name: "owner", telegramId: 6_000_000_000n }, ...techs] });
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  await bulkInsert(database, "Ticket", ids.map((id) => ({
    id, number: `P1-${String(id).padStart(7, "0")}`, propertyId: 1, unitId: 1, reporterId: 1, category: "water",
    description: "bench", phone: "13800138000", reportedAt: addMinutes(NOW, -10), updatedAt: NOW, status: "accepted",
    assigneeId: 10 + (id % 50), acceptedAt: addMinutes(NOW, -5), arrivalDueAt: addMinutes(NOW, 20 + (id % 600)),
  })));
  await bulkInsert(database, "JobCard", ids.map((id) => ({
    ticketId: id, personId: 10 + (id % 50), ref: `job:${id}:${10 + (id % 50)}`, createdAt: addMinutes(NOW, -5),
    shown: "arrival:old", editedAt: addMinutes(NOW, -5), nextEditAt: id <= DUE ? addMinutes(NOW, -1) : addMinutes(NOW, 1 + (id % 600)),
  })));
}

const { pgUrl, providers } = benchArgs();
for (const provider of providers) {
  for (const n of SIZES) {
    await withBenchDatabase(provider, pgUrl, `rd_cards_${process.pid}_${n}`, async (database, analyze) => {
      await seed(database, n);
      await analyze();
      await runJobCards(database, addMinutes(NOW, -60)); // warm-up, nothing due
      const s0 = database.statements();
      let start = performance.now();
      const report = await runJobCards(database, NOW);
      const ms = performance.now() - start;
      const statements = database.statements() - s0;
      start = performance.now();
      await runJobCards(database, NOW);
      const idle = performance.now() - start;
      console.log(`${provider}, ${n.toLocaleString("en")} live cards: a tick editing ${report.done}/${report.due} due in ${ms.toFixed(0)} ms `
        + `(${(ms / Math.max(1, report.done)).toFixed(2)} ms, ${(statements / Math.max(1, report.done)).toFixed(1)} statements a card); nothing due: ${idle.toFixed(1)} ms`);
    }, { countStatements: true });
  }
}
