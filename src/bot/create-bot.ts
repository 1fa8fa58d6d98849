// Builds the whole bot from its dependencies. No import-time side effects.
import { Bot, GrammyError, HttpError, type BotConfig } from "grammy";
import { conversations, createConversation } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { createSessionStorage } from "../db/session-storage.ts";
import { slimStorage } from "./conversations/slim-state.ts";
import type { BotContext, BotDeps } from "./context.ts";
import { apologise, isBug, receiveUpdates, type Patience } from "./middleware.ts";
import { DatabaseUnavailable, fromInbox } from "./inboxed.ts";
import { servedUpdates } from "./served-updates.ts";
import { answerDeferred, canUseWebhookReply, earlyAnswers } from "./deferred-answer.ts";
import { cleanUpdate, guardPresses } from "./guards.ts";
import { REPAIR, repairConversation } from "./conversations/repair.ts";
import { shortFlows } from "./conversations/short-flows.ts";
import { WAIT_LIMIT_MS, keepAnswersOnSendFailure } from "./conversations/ask.ts";
import { createTelegramFetch, type TelegramFetchOptions } from "./telegram-fetch.ts";
import { queueReply } from "../domain/outbox.ts";
import { startFeature } from "./features/start.ts";
import { ownerFeature } from "./features/owner.ts";
import { technicianFeature } from "./features/technician.ts";
import { adminFeature } from "./features/admin.ts";
import { deskFeature } from "./features/desk.ts";
import { complaintsFeature } from "./features/complaints.ts";
import { reportFeature } from "./features/report.ts";
import { intakeFeature } from "./features/intake.ts";
import { queueFeature } from "./features/queue.ts";
import { urgeFeature } from "./features/urge.ts";
import { ticketActionsFeature } from "./features/ticket-actions.ts";
import { paidFeature } from "./features/paid.ts";
import { paidOfficeFeature } from "./features/paid-office.ts";
import { fallbackFeature } from "./features/fallback.ts";
import { groupFeature } from "./features/group.ts";
import { consoleFeature } from "./features/console.ts";

/** Bump when the sequence of waits/externals of a flow changes (drops flows in progress). */
export const CONVERSATIONS_VERSION = 3;
/** A chat's conversation state is the Session row keyed by this and the chat's id (the inbox reads it with a claim). */
const CONVERSATION_PREFIX = "conv:";
export const conversationKey = (chatKey: string) => `${CONVERSATION_PREFIX}${chatKey}`;

/** How long an update waits for an unreachable database before its sender is asked to try again. */
const DATABASE_PATIENCE: Patience = { patienceMs: 60_000 };

export type BotOptions = Pick<BotConfig<BotContext>, "botInfo"> & {
  databasePatience?: Patience;
  /** Per-chat pacing and 429 waits of the bot's own calls (replies), see telegram-fetch.ts. */
  pacing?: TelegramFetchOptions;
};

/** The database answers a write within 2 s (a locked SQLite file reads but does not write). */
async function databaseAnswers(deps: BotDeps): Promise<boolean> {
  const probe = deps.database.bookkeeping.deleteSession("probe:database");
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 2_000).unref());
  return Promise.race([probe.then(() => true, () => false), timeout]);
}

export function createBot(deps: BotDeps, { pacing, databasePatience, ...options }: BotOptions = {}) {
  // The fetch is handed to the conversations' own Api objects too, so replies in flows are paced,
  // outlast Telegram's faults, and go to the durable outbox when they still cannot go.
  const handOver = async (method: string, payload: Record<string, unknown>) => {
    await queueReply(deps.database.db, deps.clock(), { method, payload });
    deps.log.warn("a reply could not go: handed to the outbox", { method, chat: String(payload.chat_id) });
  };
  type ClientFetch = NonNullable<NonNullable<BotConfig<BotContext>["client"]>["fetch"]>;
  let answeredEarly: ReturnType<typeof earlyAnswers> = () => undefined;
  const fetch = createTelegramFetch({ handOver, answeredEarly: (id) => answeredEarly(id), ...pacing }) as ClientFetch;
  const client = { apiRoot: deps.config.apiRoot, fetch, canUseWebhookReply };
  const bot = new Bot<BotContext>(deps.config.botToken, { botInfo: options.botInfo, client });
  answeredEarly = earlyAnswers(bot); // (webhook mode: presses answered as they arrive, see answerAtReceipt)

  // Updates of one chat run one at a time under the runner: conversation state is read at the
  // start of an update and written at its end.
  bot.use(sequentialize((ctx: BotContext) => String(ctx.chat?.id ?? ctx.from?.id ?? "")));
  bot.use(servedUpdates(deps)); // updates the bot does not serve stop here, on purpose
  bot.use(cleanUpdate); // before the sender's name is read
  bot.use(receiveUpdates(deps, databasePatience ?? DATABASE_PATIENCE));
  const app = bot.errorBoundary(async (e) => {
    // The database went away in the middle: an update from the inbox stays there and is handled
    // again once it is back (handlers are safe to repeat), instead of an apology and the update gone.
    if (fromInbox(e.ctx.update) && !isBug(e.error) && !(await databaseAnswers(deps))) throw new DatabaseUnavailable();
    deps.log.error("update failed", { update: e.ctx.update.update_id, error: String(e.error) });
    await apologise(e.ctx, e.ctx.t);
  });

  app.use(groupFeature); // the technicians' group (its presses are not private ones)
  app.use(guardPresses);
  app.use(answerDeferred);
  // /cancel, and any command typed in the middle of a flow, ends the flow first.
  app.use(conversations({ storage: { type: "key", version: CONVERSATIONS_VERSION, adapter: slimStorage(createSessionStorage(deps.database)), prefix: CONVERSATION_PREFIX } }));
  app.command("cancel", async (ctx) => {
    const active = Object.keys(ctx.conversation.active()).length > 0;
    await ctx.conversation.exitAll();
    await ctx.reply(ctx.t(active ? "cancelled" : "nothing-to-cancel"), { reply_markup: { remove_keyboard: true } });
  });
  app.on("message::bot_command", async (ctx, next) => {
    const [flow] = Object.keys(ctx.conversation.active());
    if (flow) {
      await ctx.conversation.exitAll();
      await ctx.reply(ctx.t("flow-interrupted", { flow }), { reply_markup: { remove_keyboard: true } });
    }
    await next();
  });
  const repair = keepAnswersOnSendFailure(repairConversation(deps), deps.log);
  app.use(createConversation(repair, { id: REPAIR, maxMillisecondsToWait: WAIT_LIMIT_MS }));
  for (const [id, flow] of Object.entries(shortFlows(deps))) {
    app.use(createConversation(keepAnswersOnSendFailure(flow, deps.log), { id, maxMillisecondsToWait: WAIT_LIMIT_MS }));
  }

  // paid work before the technician's Done (refused without an approved quote) and the admin's CSV upload
  app.use(startFeature, paidFeature(deps), paidOfficeFeature, ownerFeature, technicianFeature, adminFeature, deskFeature);
  app.use(intakeFeature, queueFeature, ticketActionsFeature, urgeFeature, complaintsFeature, reportFeature, consoleFeature, fallbackFeature);

  bot.catch((e) => {
    const kind = e.error instanceof GrammyError ? "telegram" : e.error instanceof HttpError ? "network" : "bug";
    deps.log.error(`unhandled ${kind} error`, { update: e.ctx.update.update_id, error: String(e.error) });
  });
  return bot;
}
