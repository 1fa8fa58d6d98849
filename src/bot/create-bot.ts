// Builds the whole bot from its dependencies. No import-time side effects.
import { Bot, GrammyError, HttpError, type BotConfig } from "grammy";
import { conversations, createConversation } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { createSessionStorage } from "../db/session-storage.ts";
import type { BotContext, BotDeps } from "./context.ts";
import { attachPerson, dedupeUpdates } from "./middleware.ts";
import { cleanUpdate, guardPresses } from "./guards.ts";
import { REPAIR, repairConversation } from "./conversations/repair.ts";
import { shortFlows } from "./conversations/short-flows.ts";
import { WAIT_LIMIT_MS } from "./conversations/ask.ts";
import { startFeature } from "./features/start.ts";
import { ownerFeature } from "./features/owner.ts";
import { technicianFeature } from "./features/technician.ts";
import { adminFeature } from "./features/admin.ts";
import { deskFeature } from "./features/desk.ts";
import { fallbackFeature } from "./features/fallback.ts";

/** Bump when the sequence of waits/externals of a flow changes (drops flows in progress). */
export const CONVERSATIONS_VERSION = 2;

export function createBot(deps: BotDeps, options: Pick<BotConfig<BotContext>, "botInfo"> = {}) {
  const bot = new Bot<BotContext>(deps.config.botToken, { ...options, client: { apiRoot: deps.config.apiRoot } });

  // Updates of one chat run one at a time under the runner: conversation state is read at the
  // start of an update and written at its end.
  bot.use(sequentialize((ctx: BotContext) => String(ctx.chat?.id ?? ctx.from?.id ?? "")));
  bot.use(dedupeUpdates(deps));
  bot.use(cleanUpdate);
  bot.use(attachPerson(deps));
  const app = bot.errorBoundary(async (e) => {
    deps.log.error("update failed", { update: e.ctx.update.update_id, error: String(e.error) });
    if (e.ctx.callbackQuery) await e.ctx.answerCallbackQuery().catch(() => undefined);
    if (e.ctx.chat) await e.ctx.reply(e.ctx.t("error-generic")).catch(() => undefined);
  });

  app.use(guardPresses);
  // /cancel, and any command typed in the middle of a flow, ends the flow first.
  app.use(conversations({ storage: { type: "key", version: CONVERSATIONS_VERSION, adapter: createSessionStorage(deps.database.db), prefix: "conv:" } }));
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
  app.use(createConversation(repairConversation(deps), { id: REPAIR, maxMillisecondsToWait: WAIT_LIMIT_MS }));
  for (const [id, flow] of Object.entries(shortFlows(deps))) {
    app.use(createConversation(flow, { id, maxMillisecondsToWait: WAIT_LIMIT_MS }));
  }

  app.use(startFeature, ownerFeature, technicianFeature, adminFeature, deskFeature, fallbackFeature);

  bot.catch((e) => {
    const kind = e.error instanceof GrammyError ? "telegram" : e.error instanceof HttpError ? "network" : "bug";
    deps.log.error(`unhandled ${kind} error`, { update: e.ctx.update.update_id, error: String(e.error) });
  });
  return bot;
}
