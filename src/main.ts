// The only place that reads process.env: config → database (migrated) → bot, outbox sender, jobs,
// and updates coming in by long polling or the webhook (src/server); a signal stops them in order.
import { Api } from "grammy";
import { parseConfig } from "./config.ts";
import { openDatabase } from "./db/open.ts";
import { createBot } from "./bot/create-bot.ts";
import { setDefaultCommands } from "./bot/commands.ts";
import { createOutboxSender } from "./bot/outbox-sender.ts";
import { startJobs } from "./jobs/index.ts";
import { captureConsole, createLogger } from "./log.ts";
import { startReceiving, type Receiving } from "./server/receive.ts";
import { retryUntilUp } from "./server/start-up.ts";
import { createConsole } from "./server/console/index.ts";
import { setConsoleMenus } from "./bot/console-menu.ts";

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

// A signal stops the process at any time, also while start-up waits for Telegram.
const starting = new AbortController();
let started: { receiving: Receiving; jobs: ReturnType<typeof startJobs>; sender: ReturnType<typeof createOutboxSender> } | null = null;
let stopping = false;
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

const deps = { database, config, clock, log };
const bot = createBot(deps);
const up = <T>(what: string, fn: () => Promise<T>) => retryUntilUp(what, fn, { log, signal: starting.signal });
try {
  // (bot.init() would wrap getMe in grammY's own retry: the botInfo is set from our loop instead)
  const me = await up("getMe", () => bot.api.getMe());
  if (me) bot.botInfo = me;
} catch (e) {
  log.error("cannot start: Telegram refuses the bot token", { error: String(e) });
  await shutdown("start-up failed", 1);
}
if (!starting.signal.aborted) {
  await up("setMyCommands", () => setDefaultCommands(bot.api)).catch((e) => log.warn("setMyCommands failed", { error: String(e) }));
}
if (!starting.signal.aborted) await start();

async function start() {
  // The desk console (WEBAPP_URL): its menu button in every office chat, in the background.
  const { webapp } = config;
  if (webapp) {
    void setConsoleMenus(bot.api, database, webapp.url, log).catch((e) => log.warn("console menus", { error: String(e) }));
  }
  const deskConsole = webapp && {
    serve: createConsole({
      database, clock, log, botToken: config.botToken, basePath: webapp.path, defaultTz: config.timezone, api: bot.api,
    }),
    host: webapp.host, port: webapp.port,
  };
  // The sender paces itself per chat and settles 429s per row: it calls Telegram without the bot's
  // pacing, and gives up on a hung request after 30 s instead of grammY's 500 s.
  const senderApi = new Api(config.botToken, { apiRoot: config.apiRoot, timeoutSeconds: 30 });
  const sender = createOutboxSender({ db: database.db, api: senderApi, clock, log });
  const receiving = await startReceiving(bot, {
    config, database, clock, log, senderHolder: sender.holder, console: deskConsole || undefined,
    onFatal: (e) => {
      log.error("cannot receive updates", { error: String(e) });
      void shutdown("polling failed", 1);
    },
  });
  sender.start();
  const jobs = startJobs({ database, clock, log, timezone: config.timezone, retentionDays: config.retentionDays });
  started = { receiving, jobs, sender };
  const mode = config.webhook ? "webhook" : "polling";
  log.info("bot started", { username: bot.botInfo.username, apiRoot: config.apiRoot, mode });
}

async function shutdown(reason: string, code = 0) {
  if (stopping) return; // npm and a terminal's Ctrl-C can both deliver the same signal
  stopping = true;
  starting.abort();
  log.info("shutting down", { reason });
  // Each step waits a bounded time (Telegram may be unreachable): stopped within 10 s in all.
  const bounded = (ms: number, what: string, step: () => Promise<unknown>) =>
    Promise.race([step(), new Promise((resolve) => setTimeout(resolve, ms).unref())])
      .catch((e) => log.warn(`shutdown: ${what} failed`, { error: String(e) }));
  if (started) {
    const { receiving, jobs, sender } = started;
    await bounded(5000, "receiving", () => receiving.stop()); // finishes the updates in hand
    await bounded(2000, "jobs", () => jobs.stop());
    await bounded(1500, "outbox sender", () => sender.stop());
  }
  await bounded(1000, "database", () => database.close());
  log.info("stopped");
  process.exit(code);
}
