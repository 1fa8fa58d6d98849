// Paid work in the chat: the technician's quote button on the job card (and Done refused without
// an approved quote), the supervisor's review, the owner's Approve (with how to pay) / Decline,
// and the desk recording an owner's answer given by phone. The domain re-checks every press.
import { Composer } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import { paidWorkTicket, paidWorkTicketByNumber, quoteRefusal } from "../../domain/paid/chargeable.ts";
import { formatFen } from "../../domain/paid/money.ts";
import { decideQuote, doneRefusal, quoteNumber, reviewQuote } from "../../domain/paid/quotes.ts";
import { callbackFor, parseCallback } from "../callback-data.ts";
import type { BotContext, BotDeps } from "../context.ts";
import { errorKey } from "../errors.ts";
import { enterFlow } from "../conversations/enter.ts";
import { renderKeyboard } from "../keyboards.ts";
import { WAIT_LIMIT_MS } from "../conversations/ask.ts";
import { QUOTE, QUOTE_REJECT, quoteFlows, type QuoteArgs, type RejectArgs } from "../conversations/quote.ts";

export function paidFeature(deps: BotDeps) {
  const feature = new Composer<BotContext>();
  for (const [id, flow] of Object.entries(quoteFlows(deps))) {
    feature.use(createConversation(flow, { id, maxMillisecondsToWait: WAIT_LIMIT_MS }));
  }
  const data = (ctx: BotContext) => parseCallback(ctx.callbackQuery?.data)!;
  const refuse = (ctx: BotContext, code: string) =>
    ctx.answerCallbackQuery({ text: ctx.t(errorKey(code)), show_alert: true });

  // Before the technician's own Done: a paid job needs the owner's approved quote first.
  feature.callbackQuery(callbackFor("done"), async (ctx, next) => {
    const refusal = await doneRefusal(ctx.deps.database.db, data(ctx).id);
    if (!refusal) return next();
    await refuse(ctx, refusal);
  });

  /** Starts the quote flow for a ticket the person may quote; otherwise the refusal's code. */
  async function startQuote(ctx: BotContext, res: Awaited<ReturnType<typeof paidWorkTicket>>): Promise<string | null> {
    if (!res.ok) return res.error;
    const t = res.value;
    const refusal = quoteRefusal(t);
    if (refusal) return refusal;
    const args: QuoteArgs = {
      personId: ctx.person!.id, lang: ctx.lang, ticketId: t.id, number: t.number, propertyId: t.propertyId, chargeable: t.chargeable,
    };
    await enterFlow(ctx, QUOTE, args);
    return null;
  }

  // The technician's job card button, and "/quote TICKET" for the desk (a phone or walk-in request).
  feature.callbackQuery(callbackFor("paid"), async (ctx) => {
    await ctx.answerCallbackQuery();
    const refused = await startQuote(ctx, await paidWorkTicket(ctx.deps.database.db, ctx.person!.id, data(ctx).id));
    if (refused) await ctx.reply(ctx.t(errorKey(refused)));
  });
  feature.chatType("private").command("quote", async (ctx) => {
    if (!ctx.match.trim()) return ctx.reply(ctx.t("paid-quote-usage"));
    const refused = await startQuote(ctx, await paidWorkTicketByNumber(ctx.deps.database.db, ctx.person!.id, ctx.match));
    if (refused) await ctx.reply(ctx.t(errorKey(refused)));
  });

  // The owner: approve with a way to pay, or decline (asked once more).
  feature.callbackQuery(callbackFor("qpay"), async (ctx) => {
    const { id, arg } = data(ctx);
    const res = await decideQuote(ctx.deps.database, ctx.person!.id, id, arg, "bot", ctx.deps.clock());
    if (!res.ok) return refuse(ctx, res.error);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    // above the agreement amount: no "work starts now", the agreement and prepayment come first
    const key = res.value.needsAgreement ? "paid-owner-approved-prepay" : "paid-owner-approved";
    await ctx.reply(ctx.t(key, { total: formatFen(res.value.totalFen), method: arg }));
  });
  feature.callbackQuery(callbackFor("qdecl"), async (ctx) => {
    const id = data(ctx).id;
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("paid-decline-ask"), { reply_markup: renderKeyboard(ctx.lang, [[
      { label: "btn-quote-decline-yes", action: "qdeclok", id },
      { label: "btn-quote-decline-no", action: "qdeclno", id },
    ]]) });
  });
  feature.callbackQuery(callbackFor("qdeclok"), async (ctx) => {
    const res = await decideQuote(ctx.deps.database, ctx.person!.id, data(ctx).id, "decline", "bot", ctx.deps.clock());
    if (!res.ok) return refuse(ctx, res.error);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("paid-owner-declined")).catch(() => undefined);
  });
  feature.callbackQuery(callbackFor("qdeclno"), async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("paid-owner-think")).catch(() => undefined);
  });

  // The supervisor: approve (it goes to the owner) or reject with a reason.
  feature.callbackQuery(callbackFor("qok"), async (ctx) => {
    const res = await reviewQuote(ctx.deps.database, ctx.person!.id, data(ctx).id, true, "", ctx.deps.clock());
    if (!res.ok) return refuse(ctx, res.error);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.reply(ctx.t("paid-review-approved", { number: res.value.number, version: res.value.version }));
  });
  feature.callbackQuery(callbackFor("qno"), async (ctx) => {
    const id = data(ctx).id;
    const number = await quoteNumber(ctx.deps.database.db, ctx.person!.id, id);
    if (!number) return refuse(ctx, "NOT_FOUND");
    await ctx.answerCallbackQuery();
    const args: RejectArgs = { personId: ctx.person!.id, lang: ctx.lang, quoteId: id, number };
    await enterFlow(ctx, QUOTE_REJECT, args);
  });

  // The desk: the owner's answer given by phone, recorded under the desk person's name.
  feature.callbackQuery(callbackFor("qtel"), async (ctx) => {
    const { id, arg } = data(ctx);
    const res = await decideQuote(ctx.deps.database, ctx.person!.id, id, arg, "phone", ctx.deps.clock());
    if (!res.ok) return refuse(ctx, res.error);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    const { number, version } = res.value;
    await ctx.reply(ctx.t("paid-phone-recorded", { number, version, decision: arg, method: arg }));
  });
  return feature;
}
