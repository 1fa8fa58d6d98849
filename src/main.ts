// The only place that reads process.env: config → database (migrated) → bot, outbox sender, jobs,
// and updates coming in by long polling or the webhook (src/server); a signal stops them in order.
import { parseConfig } from "./config.ts";
import { openDatabase } from "./db/open.ts";
import { createBot } from "./bot/create-bot.ts";
import { setDefaultCommands } from "./bot/commands.ts";
import { createOutboxSender } from "./bot/outbox-sender.ts";
import { startJobs } from "./jobs/index.ts";
import { captureConsole, createLogger } from "./log.ts";
import { startReceiving } from "./server/receive.ts";

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
const receiving = await startReceiving(bot, {
  config, database, clock, log, senderHolder: sender.holder,
  onFatal: (e) => {
    log.error("cannot receive updates", { error: String(e) });
    void shutdown("polling failed", 1);
  },
});
sender.start();
const jobs = startJobs({ database, clock, log, timezone: config.timezone });
const mode = config.webhook ? "webhook" : "polling";
log.info("bot started", { username: bot.botInfo.username, apiRoot: config.apiRoot, mode });

let stopping = false;
async function shutdown(reason: string, code = 0) {
  if (stopping) return; // npm and a terminal's Ctrl-C can both deliver the same signal
  stopping = true;
  log.info("shutting down", { reason });
  await receiving.stop(); // finishes the updates in hand
  await jobs.stop();
  await sender.stop();
  await database.close();
  log.info("stopped");
  process.exit(code);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
