// The only place that reads process.env: config → database (migrated) → bot, outbox sender, jobs.
import { run } from "@grammyjs/runner";
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

const sender = createOutboxSender({ db: database.db, api: bot.api, clock, log });
sender.start();
const jobs = startJobs({ database, clock, log, timezone: config.timezone });

const runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "callback_query", "my_chat_member"] } } });
log.info("bot started", { username: bot.botInfo.username, apiRoot: config.apiRoot });

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info("shutting down", { signal });
  await runner.stop(); // finishes the updates in hand
  await jobs.stop();
  await sender.stop();
  await database.close();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
