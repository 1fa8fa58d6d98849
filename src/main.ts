// The only place that reads process.env: config → database (migrated) → bot, outbox sender, jobs.
import { parseConfig } from "./config.ts";
import { createDatabase } from "./db/client.ts";
import { migrate } from "./db/migrate.ts";
import { createBot } from "./bot/create-bot.ts";
import { setDefaultCommands } from "./bot/commands.ts";
import { createOutboxSender } from "./bot/outbox-sender.ts";
import { startJobs } from "./jobs/index.ts";
import { createLogger } from "./log.ts";
import { startPolling } from "./server/polling.ts";
import { trackUpdates } from "./server/updates.ts";

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

const updates = trackUpdates(bot, clock);
const polling = startPolling(bot, { log });
polling.task()?.catch((e) => {
  log.error("polling stopped", { error: String(e) });
  void shutdown("polling failed", 1);
});
log.info("bot started", { username: bot.botInfo.username, apiRoot: config.apiRoot });

let stopping = false;
async function shutdown(reason: string, code = 0) {
  if (stopping) return; // npm and a terminal's Ctrl-C can both deliver the same signal
  stopping = true;
  log.info("shutting down", { reason });
  await polling.stop();
  await updates.idle(); // finishes the updates in hand
  await jobs.stop();
  await sender.stop();
  await database.close();
  log.info("stopped");
  process.exit(code);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
