// The performance anchor (../shared/bench-prototype, see its README): the same pipeline stripped to
// its bones, run in a child process next to the bot's own figures. Set up once in .tmp/proto (copied,
// its two Prisma clients generated); absent when the shared folder is not next to the repository.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { Provider } from "./common.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE = resolve(ROOT, "../shared/bench-prototype");
const DIR = join(ROOT, ".tmp/proto");

export type PrototypeResult = { updatesPerS: number; p99Ms: number; cpuMsPerUpdate: number } | { absent: string };

/**
 * The prototype imports better-sqlite3 by name, which is installed under the Prisma adapter here:
 * its node_modules links every package of ours, and that one.
 */
function linkModules() {
  const own = join(DIR, "node_modules");
  if (existsSync(join(own, "better-sqlite3"))) return;
  if (existsSync(own) && lstatSync(own).isSymbolicLink()) rmSync(own);
  mkdirSync(own, { recursive: true });
  const root = join(ROOT, "node_modules");
  for (const name of readdirSync(root)) if (!existsSync(join(own, name))) symlinkSync(join(root, name), join(own, name));
  const nested = join(root, "@prisma/adapter-better-sqlite3/node_modules/better-sqlite3");
  if (!existsSync(join(own, "better-sqlite3")) && existsSync(nested)) symlinkSync(nested, join(own, "better-sqlite3"));
}

/** .tmp/proto ready to run (set up now if needed); a reason when the prototype is not there. */
function ready(): string | null {
  if (existsSync(join(DIR, "generated/client")) && existsSync(join(DIR, "generated/pg"))) return void linkModules(), null;
  if (!existsSync(join(SOURCE, "e2e-bench.mjs"))) return `no prototype at ${SOURCE}`;
  mkdirSync(dirname(DIR), { recursive: true });
  cpSync(SOURCE, DIR, { recursive: true });
  linkModules();
  writeFileSync(join(DIR, "package.json"), '{ "type": "module" }\n');
  // the offline CLI: the engine variables point at any existing file (TRAPS.md)
  const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "package.json", PRISMA_QUERY_ENGINE_LIBRARY: "package.json" };
  for (const target of [{}, { PRISMA_TARGET: "pg" }]) {
    execFileSync("npx", ["prisma", "generate"], { cwd: DIR, env: { ...env, ...target }, stdio: "ignore" });
  }
  return null;
}

/** The prototype with `conc` chats at once on `provider` (a throw-away database on the server at pgUrl). */
export async function runPrototype(provider: Provider, pgUrl: string, conc: number): Promise<PrototypeResult> {
  const absent = ready();
  if (absent) return { absent };
  const name = `rd_proto_${process.pid}`;
  const admin = provider === "postgresql" ? new pg.Client({ connectionString: pgUrl }) : null;
  try {
    if (admin) {
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
    }
    const env = {
      ...process.env, DB: admin ? "pg" : "sqlite", N_CHATS: String(conc === 1 ? 300 : 2000), CONC: String(conc),
      BENCH_DIR: join(ROOT, ".tmp"), PERF_LIB: "./lib.mjs", // (its default path is that of the folder it came from)
      ...(admin ? { PG_URL: pgUrl.replace(/\/[^/]*$/, `/${name}`) } : {}),
    };
    const out = await new Promise<string>((done, fail) => {
      const child = spawn(process.execPath, ["e2e-bench.mjs"], { cwd: DIR, env, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (b) => (stdout += b));
      child.stderr.on("data", (b) => (stderr += b));
      child.on("error", fail);
      child.on("exit", (code) => (code === 0 ? done(stdout) : fail(new Error(`prototype exited ${code}: ${stderr.replace(/\s+/g, " ").slice(-200)}`))));
    });
    const r = JSON.parse(out.trim().split("\n").at(-1)!) as { updates_per_s: number; p99_ms: number; cpu_ms_per_update: number };
    return { updatesPerS: r.updates_per_s, p99Ms: r.p99_ms, cpuMsPerUpdate: r.cpu_ms_per_update };
  } finally {
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await admin.end().catch(() => undefined);
    }
  }
}
