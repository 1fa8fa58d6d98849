// The technician's quote, kept short: (reason, if not yet paid work) → the items as text → check
// the preview → send. And the supervisor's reason when rejecting a quote. Domain calls run in
// conversation.external; the only other side effects are API calls through ctx.
import type { MessageEntity } from "grammy/types";
import { CHARGE_REASONS, markChargeable } from "../../domain/paid/chargeable.ts";
import { formatFen } from "../../domain/paid/money.ts";
import { itemName, listPrices, type PriceLine } from "../../domain/paid/prices.ts";
import { MAX_QUOTE_TEXT, quoteTable } from "../../domain/paid/quote-lines.ts";
import { createQuote, previewQuote, reviewQuote, type CreatedQuote, type QuotePreview } from "../../domain/paid/quotes.ts";
import { alignRows } from "../../domain/text-table.ts";
import type { Language } from "../../domain/types.ts";
import type { BotDeps, ConversationContext } from "../context.ts";
import { errorKey } from "../errors.ts";
import { translator, type Translate } from "../i18n.ts";
import { longMessages } from "../long-text.ts";
import { again, ask, askText, flowKey, TooManyTries, type Conv } from "./ask.ts";

export const QUOTE = "paid-quote";
export const QUOTE_REJECT = "paid-quote-reject";
export type QuoteArgs = {
  personId: number; lang: Language; ticketId: number; number: string; propertyId: number; chargeable: boolean;
};
export type RejectArgs = { personId: number; lang: Language; quoteId: number; number: string };
const TRIES = 3;

/** A message whose `block` part is monospace (a table). */
export function withBlock(head: string, block: string, tail = ""): { text: string; entities: MessageEntity[] } {
  const text = `${head}\n\n${block}${tail ? `\n\n${tail}` : ""}`;
  return { text, entities: [{ type: "pre", offset: head.length + 2, length: block.length }] };
}

const say = (ctx: ConversationContext, m: { text: string; entities?: MessageEntity[] }) =>
  ctx.reply(m.text, m.entities ? { entities: m.entities } : {});

/** The price list as a table, split into messages of at most 4,096 characters (a list may be long). */
export function priceTable(t: Translate, lang: string, prices: PriceLine[], head?: string[]): string {
  const rows = prices.map((p) => [p.code, itemName(p, lang), p.unit, formatFen(p.priceFen), t("paid-kind", { kind: p.kind })]);
  return alignRows(head ? [head, ...rows] : rows);
}

function priceList(t: Translate, lang: string, prices: PriceLine[]) {
  if (prices.length === 0) return [{ text: t("paid-no-prices"), entities: [] }];
  return longMessages([{ text: t("paid-price-list") }, { text: priceTable(t, lang, prices), monospace: true }], t);
}

/** What a quote comes to and what it needs (a supervisor's review, an agreement), as the chat and the console say it. */
export type QuoteFigures = { totalFen: number; needsReview: boolean; needsAgreement: boolean; agreementFen: number };
export const quoteNotes = (t: Translate, q: QuoteFigures): string[] => [
  t("paid-total", { total: formatFen(q.totalFen) }),
  ...(q.needsReview ? [t("paid-preview-review")] : []),
  ...(q.needsAgreement ? [t("paid-preview-agreement", { threshold: formatFen(q.agreementFen) })] : []),
];

/** What the quoter is told once a quote is made: to the supervisor first, to the owner, or to nobody reachable. */
export function quoteSent(t: Translate, number: string, m: CreatedQuote): string {
  const sent = m.status === "review" ? "paid-sent-review" : m.ownersReached > 0 ? "paid-sent-owner" : "paid-sent-none";
  return again(t, number, m.again) + t(sent, { version: m.version, total: formatFen(m.totalFen) });
}

function preview(t: Translate, lang: string, number: string, p: QuotePreview) {
  return withBlock(t("paid-preview", { number }), quoteTable(p.lines, lang, { review: true }), quoteNotes(t, p).join("\n"));
}

export function quoteFlows(deps: BotDeps) {
  const now = () => deps.clock();
  const db = deps.database.db;

  /** true when the job is (now) paid work; false when the technician chose to keep it free or it was refused. */
  async function chargeable(conversation: Conv, ctx: ConversationContext, t: Translate, a: QuoteArgs): Promise<boolean> {
    if (a.chargeable) return true;
    const reasons = CHARGE_REASONS.map((r) => [{ value: r, label: t("paid-reason", { reason: r }) }]);
    const reason = await ask(conversation, ctx, t, {
      step: 1, text: t("paid-ask-reason", { number: a.number }), hint: t("ask-use-buttons"),
      choices: [...reasons, [{ value: "free", label: t("btn-paid-free") }]],
    });
    if (reason.kind !== "choice" || reason.value === "free") {
      await ctx.reply(t("paid-stay-free", { number: a.number }));
      return false;
    }
    const marked = await conversation.external(() => markChargeable(db, a.personId, a.ticketId, reason.value, now()));
    if (!marked.ok) await ctx.reply(t(errorKey(marked.error)));
    return marked.ok;
  }

  async function quote(conversation: Conv, ctx: ConversationContext, a: QuoteArgs) {
    const t = translator(a.lang);
    try {
      if (!(await chargeable(conversation, ctx, t, a))) return;
      const prices = await conversation.external(() => listPrices(db, a.propertyId));
      for (const m of priceList(t, a.lang, prices)) await say(ctx, m);
      for (let i = 0; i < TRIES; i++) {
        const question = t(i === 0 ? "paid-ask-lines" : "paid-lines-again");
        const text = (await askText(conversation, ctx, t, { step: 10 + i * 10, text: question, max: MAX_QUOTE_TEXT })) ?? "";
        const res = await conversation.external(() => previewQuote(db, a.personId, a.ticketId, text));
        if (!res.ok) return void (await ctx.reply(t(errorKey(res.error))));
        if (res.value.problems.length > 0 || res.value.lines.length === 0) {
          await ctx.reply(res.value.problems.map((x) => t("paid-line-problem", x)).join("\n") || t("error-invalid-input"));
          continue;
        }
        await say(ctx, preview(t, a.lang, a.number, res.value));
        const go = await ask(conversation, ctx, t, {
          step: 11 + i * 10, text: t("paid-confirm"), hint: t("ask-use-buttons"),
          choices: [[{ value: "send", label: t("btn-paid-send") }, { value: "cancel", label: t("btn-paid-cancel") }]],
        });
        if (go.kind !== "choice" || go.value !== "send") return void (await ctx.reply(t("paid-cancelled")));
        const key = flowKey(ctx);
        const made = await conversation.external(() =>
          createQuote(deps.database, a.personId, a.ticketId, text, now(), key));
        if (!made.ok) return void (await ctx.reply(t(errorKey(made.error))));
        return void (await ctx.reply(quoteSent(t, a.number, made.value)));
      }
      await ctx.reply(t("ask-too-many-tries", { flow: QUOTE }));
    } catch (e) {
      if (!(e instanceof TooManyTries)) throw e;
      await ctx.reply(t("ask-too-many-tries", { flow: QUOTE }));
    }
  }

  async function reject(conversation: Conv, ctx: ConversationContext, a: RejectArgs) {
    const t = translator(a.lang);
    try {
      const question = t("paid-ask-reject-reason", { number: a.number });
      const reason = (await askText(conversation, ctx, t, { step: 1, text: question, max: 500 })) ?? "";
      const res = await conversation.external(() => reviewQuote(deps.database, a.personId, a.quoteId, false, reason, now()));
      await ctx.reply(res.ok ? t("paid-review-rejected", { number: a.number }) : t(errorKey(res.error)));
    } catch (e) {
      if (!(e instanceof TooManyTries)) throw e;
      await ctx.reply(t("ask-too-many-tries", { flow: QUOTE_REJECT }));
    }
  }

  return { [QUOTE]: quote, [QUOTE_REJECT]: reject };
}
