// `npm run bench:console`: the desk console's queue endpoint over HTTP (GET …/api/queue with signed
// initData: the signature, the person's role re-read, the queue, JSON and its ETag) on a property with
// 10,000 open tickets, and the 5 s poll that changed nothing (304). Target p95 ≤ 50 ms. Then the
// page's size (gzipped) and the time the sandbox's console takes to show its first screen in Chromium.
//   npm run bench:console                 SQLite (a temporary file)
//   npm run bench:console -- --pg [url]   PostgreSQL too
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { sign } from "@telegram-apps/init-data-node";
import puppeteer from "puppeteer-core";
import { startSandbox } from "../src/sandbox/sandbox.ts";
import { consoleAssets } from "../src/server/console/assets.ts";
import { createConsole } from "../src/server/console/index.ts";
import { DESK_QUEUE_LIMIT } from "../src/domain/tickets/desk-queue.ts";
import { benchArgs, withBenchDatabase } from "./common.ts";
import { NOW, OPEN, seed } from "./queue-seed.ts";

const RUNS = 200;
const TOKEN = "123456:BENCH-token-for-the-console";
const quiet = { info: () => undefined, warn: () => undefined, error: (m: string) => console.error(m) };

const pct = (times: number[], p: number) =>
  [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(1);

async function endpoint(provider: "sqlite" | "postgresql", pgUrl: string) {
  await withBenchDatabase(provider, pgUrl, `rd_benchc_${process.pid}`, async (database) => {
    await seed(database);
    await database.db.$executeRawUnsafe("ANALYZE");
    const serve = createConsole({ database, clock: () => NOW, log: quiet, botToken: TOKEN, basePath: "/console/" });
    const server = createServer((req, res) => void serve(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/console/api/queue`;
    const desk = await database.db.person.findUniqueOrThrow({ where: { id: 3 } });
    const authorization = `tma ${sign({ user: { id: Number(desk.telegramId), first_name: "desk" } } as never, TOKEN, NOW)}`;
    const filters = ["", "?group=overdue", "?group=not_arrived", "?priority=normal", "?category=water"];
    const full: number[] = [];
    const unchanged: number[] = [];
    const cpu0 = process.cpuUsage();
    let etag = "";
    for (let i = 0; i < RUNS + 20; i++) {
      const start = performance.now();
      const res = await fetch(url + filters[i % filters.length], { headers: { authorization } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`queue answered ${res.status}`);
      if (i >= 20) full.push(performance.now() - start);
      if (i % filters.length === 0) etag = res.headers.get("etag")!;
      const again = performance.now();
      const r304 = await fetch(url, { headers: { authorization, "if-none-match": etag } });
      await r304.arrayBuffer();
      if (i >= 20 && r304.status === 304) unchanged.push(performance.now() - again);
    }
    const cpu = process.cpuUsage(cpu0);
    server.close();
    const cpuMs = (cpu.user + cpu.system) / 1000 / (2 * (RUNS + 20));
    console.log(`${provider}: console GET api/queue over ${OPEN.toLocaleString("en")} open tickets: p50 ${pct(full, 50)} ms, `
      + `p95 ${pct(full, 95)} ms, max ${pct(full, 100)} ms (${RUNS} runs, ${DESK_QUEUE_LIMIT} lines at most); unchanged poll (304): `
      + `p95 ${pct(unchanged, 95)} ms; CPU ${cpuMs.toFixed(1)} ms a request (server and client), load ${os.loadavg()[0]!.toFixed(1)}`);
  });
}

async function page() {
  const { js, css } = await consoleAssets();
  const gz = (s: string) => (gzipSync(s).length / 1024).toFixed(1);
  console.log(`console page: app.js ${(js.length / 1024).toFixed(1)} kB (${gz(js)} kB gzipped), app.css ${gz(css)} kB gzipped; `
    + `total ${(gzipSync(js).length / 1024 + gzipSync(css).length / 1024).toFixed(1)} kB gzipped (target ≤ 120 kB)`);
  if (!existsSync("/usr/bin/chromium")) return console.log("first screen: skipped (no /usr/bin/chromium)");
  const sandbox = await startSandbox({ databaseUrl: `file:${os.tmpdir()}/bench-console-${process.pid}.db`, log: quiet });
  const args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"];
  const browser = await puppeteer.launch({ executablePath: "/usr/bin/chromium", headless: true, args });
  const times: number[] = [];
  try {
    for (let i = 0; i < 6; i++) {
      const tab = await browser.newPage();
      const start = performance.now();
      await tab.goto(sandbox.url + sandbox.consoleUrl("desk"), { waitUntil: "domcontentloaded" });
      await tab.waitForSelector("main .empty, table.queue");
      if (i > 0) times.push(performance.now() - start); // the first also builds the bundle
      await tab.close();
    }
  } finally {
    await browser.close();
    await sandbox.close();
  }
  console.log(`console first screen in the sandbox (navigation to the queue shown, Chromium): `
    + `median ${pct(times, 50)} ms, max ${pct(times, 100)} ms (5 loads; target ≤ 1000 ms)`);
}

const { pgUrl, providers } = benchArgs();
for (const provider of providers) await endpoint(provider, pgUrl);
await page();
process.exit(0);
