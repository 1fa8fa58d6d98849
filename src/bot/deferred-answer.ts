// A press that a flow takes without a word to say is answered after the flow, on the update's own
// context rather than the flow's: in webhook mode that answer then rides on the reply to Telegram's
// request (grammY's webhook reply), with no Bot API call of its own. (A conversation's API calls go
// through its own Api object, which never has the webhook reply.)
import type { Context, MiddlewareFn } from "grammy";
import type { Update } from "grammy/types";

const deferred = new WeakSet<object>();

/** Inside a flow: this press is to be answered plainly once the update is handled. */
export const deferAnswer = (ctx: Context) => void deferred.add(ctx.update);

/** Only this method may go as the webhook reply: it is the one whose result nobody reads. */
export const canUseWebhookReply = (method: string) => method === "answerCallbackQuery";

export const answerDeferred: MiddlewareFn<Context> = async (ctx, next) => {
  await next();
  if (!deferred.has(ctx.update)) return;
  deferred.delete(ctx.update);
  await ctx.answerCallbackQuery().catch(() => undefined);
};

/** A press answered as it arrived: its chat (a toast it can no longer show goes there as a message). */
export type EarlyAnswer = { chat: number };
const KEEP_MS = 10 * 60_000; // a press is handled within minutes; Telegram refuses an answer after ~15 min anyway
const early = new WeakMap<object, Map<string, EarlyAnswer & { at: number }>>();

/** The presses a bot answered as they arrived (see answerAtReceipt); looked up by the bot's fetch. */
export function earlyAnswers(bot: object): (callbackQueryId: string) => EarlyAnswer | undefined {
  const answered = new Map<string, EarlyAnswer & { at: number }>();
  early.set(bot, answered);
  // a press is answered once: the first answer its handler gives is the one that went early
  return (id) => {
    const a = answered.get(id);
    answered.delete(id);
    return a;
  };
}

/**
 * Webhook mode: a flow's question button (`q|`, in a private chat) is answered as it arrives, in the
 * reply to Telegram's request, once the update is in the inbox: the button stops spinning at once and
 * the press costs no Bot API call. Its handler's own answer then costs nothing either (the bot's fetch
 * knows it went), and a toast it would show comes as a message instead (an old question's button).
 * Other presses are answered by their handlers as before: their answers say something.
 */
export function answerAtReceipt(bot: object, update: Update): { method: "answerCallbackQuery"; callback_query_id: string } | undefined {
  const answered = early.get(bot);
  const press = update.callback_query;
  const chat = press?.message?.chat;
  if (!answered || !press || !press.data?.startsWith("q|") || chat?.type !== "private") return undefined;
  const now = Date.now();
  if (answered.size > 1_000) for (const [id, a] of answered) if (now - a.at > KEEP_MS) answered.delete(id);
  answered.set(press.id, { chat: chat.id, at: now });
  return { method: "answerCallbackQuery", callback_query_id: press.id };
}
