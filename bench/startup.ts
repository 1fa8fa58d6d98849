// `npm run bench:startup` (and the last part of `npm run bench`): time from spawning the process to
// its first getUpdates at the fake Bot API, for the compiled build (`node dist/main.js`, what
// `npm start` execs), `npm start` itself, and `tsx src/main.ts` (`npm run dev`). Each is started
// RUNS times on a SQLite file that is already migrated (the first start, which migrates, is not
// counted), then stopped with SIGTERM. Builds dist/ first.
import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { startFakeTelegram } from "../src/fake-bot-api/server.ts";

const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 5);
const TOKEN = "424243:BENCH-token-for-the-fake-bot-api";
const file = join(tmpdir(), `rd-startup-${process.pid}.db`);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

const COMMANDS: Record<string, [string, string[]]> = {
  "node dist/main.js": [process.execPath, ["dist/main.js"]],
  "npm start": [npm, ["start", "--silent"]],
  "tsx src/main.ts (npm run dev)": [process.execPath, ["--import", "tsx", "src/main.ts"]],
};

execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
const fake = await startFakeTelegram({ botId: 424243, username: "startup_bench_bot", token: TOKEN, maxPollMs: 200 });
const env = {
  ...process.env, BOT_TOKEN: TOKEN, ADMIN_TELEGRAM_IDS: "1", DATABASE_URL: `file:${file}`,
  TELEGRAM_API_ROOT: fake.apiRoot, LOG_LEVEL: "warn",
};

/** Starts the command, waits for its first getUpdates, SIGTERMs it; ms to the poll and the exit code. */
async function once([cmd, args]: [string, string[]]): Promise<{ ms: number; code: number | null }> {
  fake.reset();
  const started = performance.now();
  const child = spawn(cmd, args, { env, stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
  while (!fake.calls.some((c) => c.method === "getUpdates")) {
    if (child.exitCode !== null) throw new Error(`${cmd} exited with ${child.exitCode} before polling`);
    await new Promise((r) => setTimeout(r, 2));
  }
  const ms = performance.now() - started;
  child.kill("SIGTERM");
  return { ms, code: await exited };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  await once(COMMANDS["node dist/main.js"]!); // migrates the new file
  console.log(`\nstart-up to the first getUpdates (${RUNS} runs, migrated SQLite;` +
    " target ≤ 1200 ms for the README's node dist/main.js)");
  for (const [name, command] of Object.entries(COMMANDS)) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(command));
    const ms = runs.map((r) => r.ms);
    const codes = [...new Set(runs.map((r) => r.code))].join(",");
    const f = (x: number) => x.toFixed(0).padStart(5);
    const spread = `median ${f(median(ms))} ms, min ${f(Math.min(...ms))}, max ${f(Math.max(...ms))}`;
    console.log(`  ${name.padEnd(30)} ${spread}  exit code after SIGTERM: ${codes}`);
  }
} finally {
  await fake.close();
  for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
}
