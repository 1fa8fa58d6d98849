// The technician's quote, kept short: (reason, if not yet paid work) → the items as text → check
// the preview → send. And the supervisor's reason when rejecting a quote. Domain calls run in
// conversation.external; the only other side effects are API calls through ctx.
import type { MessageEntity } from "grammy/types";
import { CHARGE_REASONS, markChargeable } from "../../domain/paid/chargeable.ts";
import { formatFen } from "../../domain/paid/money.ts";
import { itemName, listPrices } from "../../domain/paid/prices.ts";
import { quoteTable } from "../../domain/paid/quote-lines.ts";
import { createQuote, previewQuote, reviewQuote } from "../../domain/paid/quotes.ts";
import { alignRows } from "../../domain/text-table.ts";
import type { Language } from "../../domain/types.ts";
import type { BotDeps, ConversationContext } from "../context.ts";
import { errorKey } from "../errors.ts";
import { translator, type Translate } from "../i18n.ts";
import { ask, askText, TooManyTries, type Conv } from "./ask.ts";

export const QUOTE = "paid-quote";
export const QUOTE_REJECT = "paid-quote-reject";
export type QuoteArgs = { personId: number; lang: Language; ticketId: number; number: string; propertyId: number; chargeable: boolean };
export type RejectArgs = { personId: number; lang: Language; quoteId: number; number: string };
const MAX_QUOTE_TEXT = 1000;
const TRIES = 3;

/** A message whose `block` part is monospace (a table). */
export function withBlock(head: string, block: string, tail = ""): { text: string; entities: MessageEntity[] } {
  const text = `${head}\n\n${block}${tail ? `\n\n${tail}` : ""}`;
  return { text, entities: [{ type: "pre", offset: head.length + 2, length: block.length }] };
}

export function quoteFlows(deps: BotDeps) {
  const now = () => deps.clock();
  const db = deps.database.db;

  async function quote(conversation: Conv, ctx: ConversationContext, a: QuoteArgs) {
    const t = translator(a.lang);
    try {
      if (!a.chargeable) {
        const reason = await ask(conversation, ctx, t, {
          step: 1, text: t("paid-ask-reason", { number: a.number }), hint: t("ask-use-buttons"),
          choices: [...CHARGE_REASONS.map((r) => [{ value: r, label: t("paid-reason", { reason: r }) }]), [{ value: "free", label: t("btn-paid-free") }]],
        });
        if (reason.kind !== "choice" || reason.value === "free") return void (await ctx.reply(t("paid-stay-free", { number: a.number })));
        const marked = await conversation.external(() => markChargeable(db, a.personId, a.ticketId, reason.value, now()));
        if (!marked.ok) return void (await ctx.reply(t(errorKey(marked.error))));
      }
      const prices = await conversation.external(() => listPrices(db, a.propertyId));
      const rows = prices.map((p) => [p.code, itemName(p, a.lang), p.unit, formatFen(p.priceFen), t("paid-kind", { kind: p.kind })]);
      await ctx.reply(...replyArgs(prices.length ? withBlock(t("paid-price-list"), alignRows(rows.slice(0, 60), rows.length - 60)) : { text: t("paid-no-prices") }));
      for (let i = 0; i < TRIES; i++) {
        const text = await askText(conversation, ctx, t, { step: 10 + i * 10, text: t(i === 0 ? "paid-ask-lines" : "paid-lines-again"), max: MAX_QUOTE_TEXT });
        const preview = await conversation.external(() => previewQuote(db, a.personId, a.ticketId, text ?? ""));
        if (!preview.ok) return void (await ctx.reply(t(errorKey(preview.error))));
        const p = preview.value;
        if (p.problems.length > 0 || p.lines.length === 0) {
          await ctx.reply(p.problems.map((x) => t("paid-line-problem", x)).join("\n") || t("error-invalid-input"));
          continue;
        }
        const notes = [t("paid-total", { total: formatFen(p.totalFen) }), p.needsReview ? t("paid-preview-review") : "", p.needsAgreement ? t("paid-preview-agreement", { threshold: formatFen(p.agreementFen) }) : ""];
        await ctx.reply(...replyArgs(withBlock(t("paid-preview", { number: a.number }),
          quoteTable(p.lines, a.lang, { review: true }), notes.filter(Boolean).join("\n"))));
        const go = await ask(conversation, ctx, t, {
          step: 11 + i * 10, text: t("paid-confirm"), hint: t("ask-use-buttons"),
          choices: [[{ value: "send", label: t("btn-paid-send") }, { value: "cancel", label: t("btn-paid-cancel") }]],
        });
        if (go.kind !== "choice" || go.value !== "send") return void (await ctx.reply(t("paid-cancelled")));
        const made = await conversation.external(() => createQuote(deps.database, a.personId, a.ticketId, text ?? "", now()));
        if (!made.ok) return void (await ctx.reply(t(errorKey(made.error))));
        const m = made.value;
        const key = m.status === "review" ? "paid-sent-review" : m.ownersReached > 0 ? "paid-sent-owner" : "paid-sent-none";
        return void (await ctx.reply(t(key, { version: m.version, total: formatFen(m.totalFen) })));
      }
      await ctx.reply(t("ask-too-many-tries"));
    } catch (e) {
      if (!(e instanceof TooManyTries)) throw e;
      await ctx.reply(t("ask-too-many-tries"));
    }
  }

  async function reject(conversation: Conv, ctx: ConversationContext, a: RejectArgs) {
    const t: Translate = translator(a.lang);
    try {
      const reason = (await askText(conversation, ctx, t, { step: 1, text: t("paid-ask-reject-reason", { number: a.number }), max: 500 }))!;
      const res = await conversation.external(() => reviewQuote(deps.database, a.personId, a.quoteId, false, reason, now()));
      await ctx.reply(res.ok ? t("paid-review-rejected", { number: a.number }) : t(errorKey(res.error)));
    } catch (e) {
      if (!(e instanceof TooManyTries)) throw e;
      await ctx.reply(t("ask-too-many-tries"));
    }
  }

  return { [QUOTE]: quote, [QUOTE_REJECT]: reject };
}

const replyArgs = (m: { text: string; entities?: MessageEntity[] }) => [m.text, m.entities ? { entities: m.entities } : {}] as const;
