// What nobody else handled: unknown commands, stale buttons, stickers and other stray messages.
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { helpFor } from "./start.ts";

export const fallbackFeature = new Composer<BotContext>();

fallbackFeature.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("stale-button"), show_alert: true }));

const chat = fallbackFeature.chatType("private");
chat.on("message::bot_command", (ctx) => ctx.reply(`${ctx.t("unknown-command")}\n\n${helpFor(ctx)}`));
chat.on("message", (ctx) => ctx.reply(`${ctx.t("not-understood")}\n\n${helpFor(ctx)}`));
