// Presses are checked at the edge before any feature sees them: data that does not parse is an
// expired button, and a press on a message outside a private chat never answers into that chat.
// Texts lose NUL, control characters and broken surrogates before anything reads them.
import type { MiddlewareFn } from "grammy";
import { cleanText } from "../domain/text.ts";
import { parseCallback } from "./callback-data.ts";
import type { BotContext } from "./context.ts";

export const guardPresses: MiddlewareFn<BotContext> = async (ctx, next) => {
  const press = ctx.callbackQuery;
  if (!press) return next();
  if (!parseCallback(press.data)) {
    return void (await ctx.answerCallbackQuery({ text: ctx.t("stale-button"), show_alert: true }));
  }
  // Buttons in groups (a forwarded card, a message in a group the bot was added to) would post a
  // private detail to everyone there: the person is asked to use their private chat instead.
  if (press.message?.chat.type !== "private") {
    return void (await ctx.answerCallbackQuery({ text: ctx.t("private-chat-only"), show_alert: true }));
  }
  await next();
};

/** Every text of an update (message, caption, names, contact, button data) is cleaned in place first. */
export const cleanUpdate: MiddlewareFn<BotContext> = async (ctx, next) => {
  clean(ctx.update);
  await next();
};

function clean(value: unknown): void {
  if (!value || typeof value !== "object") return;
  const obj = value as Record<string, unknown>;
  for (const [key, v] of Object.entries(obj)) {
    if (typeof v === "string") obj[key] = cleanText(v);
    else if (typeof v === "object") clean(v);
  }
}
