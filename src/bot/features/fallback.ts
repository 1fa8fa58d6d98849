// What nobody else handled: unknown commands, stale buttons, stickers and other stray messages.
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { helpFor } from "./start.ts";
import { submittedSince } from "../../domain/tickets/report.ts";
import { WAIT_LIMIT_MS } from "../conversations/ask.ts";

export const fallbackFeature = new Composer<BotContext>();

// A report's submit pressed again after its flow ended: the number it made, nothing new.
fallbackFeature.callbackQuery(/^q\|\d+\|confirm$/, async (ctx, next) => {
  const shown = Math.max((ctx.callbackQuery.message?.date ?? 0) * 1000, ctx.deps.clock().getTime() - WAIT_LIMIT_MS);
  const number = await submittedSince(ctx.deps.database, ctx.chat!.id, new Date(shown));
  if (!number) return next();
  await ctx.answerCallbackQuery({ text: ctx.t("submitted-again", { number }), show_alert: true });
});

fallbackFeature.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("stale-button"), show_alert: true }));

const chat = fallbackFeature.chatType("private");
chat.on("message::bot_command", (ctx) => ctx.reply(`${ctx.t("unknown-command")}\n\n${helpFor(ctx)}`));
chat.on("message", (ctx) => ctx.reply(`${ctx.t("not-understood")}\n\n${helpFor(ctx)}`));
