// How updates come in: the webhook when WEBHOOK_URL is set, long polling otherwise; either way into
// the durable inbox, which hands them to the bot. stop() stops taking new updates and waits for the
// ones in hand (what is in the inbox and not handled yet is handled after the next start).
import { BotError, type Bot } from "grammy";
import { conversationKey } from "../bot/create-bot.ts";
import { DatabaseUnavailable } from "../bot/inboxed.ts";
import type { BotContext } from "../bot/context.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import type { Logger } from "../log.ts";
import { checkHealth } from "./health.ts";
import { createInbox } from "./inbox.ts";
import { startPolling } from "./polling.ts";
import { trackUpdates } from "./updates.ts";
import { startWebhook } from "./webhook.ts";
import type { ConsoleHandler } from "./console/index.ts";
import { startConsoleServer } from "./console/server.ts";

export type ReceiveDeps = {
  config: Pick<Config, "webhook">;
  database: Database;
  clock: () => Date;
  log: Logger;
  /** The outbox sender's lease id, shown by /healthz. */
  senderHolder: string;
  /** Polling gave up for good (a revoked token: 401). */
  onFatal: (error: unknown) => void;
  /** The desk console (WEBAPP_URL): served by the webhook's server, or by a server of its own when polling. */
  console?: { serve: ConsoleHandler; host: string; port: number };
};

/** port: where the webhook (or, when polling, the desk console) listens; null when there is none. */
export type Receiving = { port: number | null; stop: () => Promise<void> };

export async function startReceiving(bot: Bot<BotContext>, deps: ReceiveDeps): Promise<Receiving> {
  const { config, database, clock, log } = deps;
  const updates = trackUpdates(bot, clock);
  const inbox = createInbox({
    store: database.bookkeeping.inbox, clock, log, sessionKey: conversationKey,
    handle: async (update) => {
      try {
        await bot.handleUpdate(update);
      } catch (e) {
        if (e instanceof BotError && !(e.error instanceof DatabaseUnavailable)) await bot.errorHandler(e);
        else throw e;
      }
    },
  });
  inbox.start();
  let stopReceiving: () => Promise<void>;
  let port: number | null = null;
  const { senderHolder } = deps;
  const health = () => checkHealth({ database, clock, senderHolder, lastUpdateAt: updates.lastUpdateAt });
  let stopConsole = async (): Promise<void> => undefined;
  if (config.webhook) {
    const webhook = await startWebhook(bot, { config: config.webhook, log, health, inbox, serve: deps.console?.serve });
    stopReceiving = webhook.stop;
    port = webhook.port;
  } else {
    if (deps.console) {
      const server = await startConsoleServer({ ...deps.console, health });
      stopConsole = server.stop;
      port = server.port;
    }
    const polling = startPolling(bot, { log, inbox });
    polling.task()?.catch(deps.onFatal);
    stopReceiving = polling.stop;
  }
  return {
    port,
    stop: async () => {
      await stopReceiving();
      await stopConsole();
      await inbox.stop();
      await updates.idle();
    },
  };
}
