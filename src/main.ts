// The only place that reads process.env: config → database (migrated) → bot, outbox sender, jobs.
import { run } from "@grammyjs/runner";
import { Api } from "grammy";
import { parseConfig } from "./config.ts";
import { openDatabase } from "./db/open.ts";
import { createBot } from "./bot/create-bot.ts";
import { setDefaultCommands } from "./bot/commands.ts";
import { createOutboxSender } from "./bot/outbox-sender.ts";
import { startJobs } from "./jobs/index.ts";
import { captureConsole, createLogger } from "./log.ts";

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  console.error(parsed.error);
  process.exit(1);
}
const config = parsed.config;
const log = createLogger(config.logLevel, { secrets: [config.botToken] });
captureConsole(log);
const clock = () => new Date();

const { database, applied } = await openDatabase(config.databaseUrl).catch((e: Error) => {
  process.stderr.write(`${e.message}\n`); // one plain line, like the configuration errors above
  return process.exit(1);
});
log.info("database ready", { provider: database.provider, migrationsApplied: applied });

const deps = { database, config, clock, log };
const bot = createBot(deps);
await bot.init();
await setDefaultCommands(bot.api).catch((e) => log.warn("setMyCommands failed", { error: String(e) }));

// The sender paces itself per chat and settles 429s per row: it calls Telegram without the bot's
// pacing, and gives up on a hung request after 30 s instead of grammY's 500 s.
const senderApi = new Api(config.botToken, { apiRoot: config.apiRoot, timeoutSeconds: 30 });
const sender = createOutboxSender({ db: database.db, api: senderApi, clock, log });
sender.start();
const jobs = startJobs({ database, clock, log, timezone: config.timezone, retentionDays: config.retentionDays });

// While Telegram is unreachable, poll again every 3 s (not a doubling delay), and never give up.
const runner = run(bot, {
  runner: {
    fetch: { allowed_updates: ["message", "callback_query", "my_chat_member"] },
    retryInterval: 3000,
    maxRetryTime: Infinity,
  },
});
log.info("bot started", { username: bot.botInfo.username, apiRoot: config.apiRoot });

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info("shutting down", { signal });
  // Each step waits a bounded time (Telegram may be unreachable): stopped within 10 s in all.
  const bounded = (ms: number, what: string, step: () => Promise<unknown>) =>
    Promise.race([step(), new Promise((resolve) => setTimeout(resolve, ms).unref())])
      .catch((e) => log.warn(`shutdown: ${what} failed`, { error: String(e) }));
  await bounded(5000, "runner", () => runner.stop()); // finishes the updates in hand
  await bounded(2000, "jobs", () => jobs.stop());
  await bounded(1500, "outbox sender", () => sender.stop());
  await bounded(1000, "database", () => database.close());
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
