// A press that a flow takes without a word to say is answered after the flow, on the update's own
// context rather than the flow's: in webhook mode that answer then rides on the reply to Telegram's
// request (grammY's webhook reply), with no Bot API call of its own. (A conversation's API calls go
// through its own Api object, which never has the webhook reply.)
import type { Context, MiddlewareFn } from "grammy";

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
