// The only place that reads process.env: config → database (migrated) → bot, outbox sender, jobs.
import { run } from "@grammyjs/runner";
import { parseConfig } from "./config.ts";
import { createDatabase } from "./db/client.ts";
import { migrate } from "./db/migrate.ts";
import { createBot } from "./bot/create-bot.ts";
import { setDefaultCommands } from "./bot/commands.ts";
import { createOutboxSender } from "./bot/outbox-sender.ts";
import { startJobs } from "./jobs/index.ts";
import { createLogger } from "./log.ts";

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  console.error(parsed.error);
  process.exit(1);
}
const config = parsed.config;
const log = createLogger(config.logLevel);
const clock = () => new Date();

const database = await createDatabase(config.databaseUrl);
const applied = await migrate(database);
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
