// The desk's quote on the console's ticket screen, as `/quote N` in chat: the same domain calls
// (previewQuote, markChargeable, createQuote) decide and write the same events and messages; the
// items are typed as in chat or picked from the property's price list, and become the chat's text.
import { quoteNotes, quoteSent, type QuoteFigures } from "../../bot/conversations/quote.ts";
import { CHARGE_REASONS, isChargeReason, markChargeable } from "../../domain/paid/chargeable.ts";
import { formatFen, formatQuantity } from "../../domain/paid/money.ts";
import { itemName } from "../../domain/paid/prices.ts";
import { aboveList, MAX_QUOTE_LINES, MAX_QUOTE_TEXT } from "../../domain/paid/quote-lines.ts";
import { ticketQuote, type QuoteLineView } from "../../domain/paid/quote-view.ts";
import { createQuote, previewQuote } from "../../domain/paid/quotes.ts";
import { invalid, refuse, type ApiDeps, type Call } from "./api.ts";
import { sendJson } from "./http.ts";

export const QUOTE_KINDS = ["quote-preview", "quote"] as const;
export type QuoteKind = (typeof QUOTE_KINDS)[number];
const SUBMIT_KEY = /^[A-Za-z0-9_-]{8,64}$/;

const rows = (c: Call, lines: QuoteLineView[]) => lines.map((l) => ({
  name: itemName(l, c.viewer.language), quantity: `${formatQuantity(l.qtyCenti)}${l.unit}`,
  price: l.ownerSupplied ? "-" : formatFen(l.unitFen), amount: formatFen(l.amountFen),
  own: l.ownerSupplied, above: aboveList(l),
}));

/** The total and what the quote needs, in the chat preview's sentences. */
const notes = (c: Call, q: QuoteFigures) => quoteNotes(c.t, q);

/** The ticket page's quote part, for those who may work on its paid side (null for the others). */
export async function quoteSection(c: Call, deps: ApiDeps, id: number) {
  const r = await ticketQuote(deps.database.db, c.viewer.personId, id);
  if (!r.ok) return null;
  const q = r.value;
  const lang = c.viewer.language;
  return {
    may: q.refusal === null, chargeable: q.chargeable,
    reasons: q.chargeable ? [] : CHARGE_REASONS.map((r) => ({ value: r, label: c.t("paid-reason", { reason: r }) })),
    prices: q.prices.map((p) => {
      const label = { code: p.code, name: itemName(p, lang), price: formatFen(p.priceFen), unit: p.unit };
      return { code: p.code, label: c.t("console-quote-item", label) };
    }),
    latest: q.latest && {
      version: q.latest.version, status: q.latest.status, lines: rows(c, q.latest.lines),
      notes: notes(c, { ...q.latest, agreementFen: q.agreementFen }), reviewNote: q.latest.reviewNote,
    },
  };
}

/** The chat's quote text: the picked items ("A01 2"), then the lines typed as in chat; null if empty or too long. */
function quoteText(b: Record<string, unknown>): string | null {
  // one word each: a space or a line break inside a field cannot make another line
  const word = (v: unknown) =>
    (typeof v === "string" || typeof v === "number" ? String(v).replace(/[\s;；]+/g, "") : "");
  const picked = (Array.isArray(b.lines) ? b.lines : []).slice(0, MAX_QUOTE_LINES + 1).map((l) => {
    const line = (l && typeof l === "object" ? l : {}) as Record<string, unknown>;
    return [word(line.code), word(line.quantity), word(line.price)].filter(Boolean).join(" ");
  }).filter(Boolean);
  const typed = typeof b.text === "string" ? b.text.trim() : "";
  const text = [...picked, ...(typed ? [typed] : [])].join("\n");
  return text && text.length <= MAX_QUOTE_TEXT ? text : null;
}

/**
 * Preview (no write) or send a quote. A job not yet paid work needs the reason, as the chat asks it
 * first; it is marked chargeable only when a valid quote is sent. The page's `key` is the submitKey:
 * the same form sent twice finds the quote it made the first time.
 */
export async function quoteAction(c: Call, deps: ApiDeps, id: number, number: string, kind: QuoteKind) {
  const b = await c.body();
  const { database } = deps;
  const actorId = c.viewer.personId;
  const q = await ticketQuote(database.db, actorId, id);
  if (!q.ok) return refuse(c, q.error);
  if (q.value.refusal) return refuse(c, q.value.refusal);
  const reason = q.value.chargeable ? undefined : String(b.reason ?? "");
  if (reason !== undefined && !isChargeReason(reason)) return invalid(c, "charge-reason");
  const text = quoteText(b);
  if (text === null) return invalid(c, "quote");
  const preview = await previewQuote(database.db, actorId, id, text, reason);
  if (!preview.ok) return refuse(c, preview.error);
  const p = preview.value;
  if (p.problems.length > 0) {
    const message = p.problems.map((x) => c.t("paid-line-problem", x)).join("\n");
    return sendJson(c.res, 400, { error: "INVALID_INPUT", field: "quote", message });
  }
  if (p.lines.length === 0 || p.lines.length > MAX_QUOTE_LINES) return invalid(c, "quote");
  if (kind === "quote-preview") return sendJson(c.res, 200, { lines: rows(c, p.lines), notes: notes(c, p) });

  const key = typeof b.key === "string" && SUBMIT_KEY.test(b.key) ? b.key : "";
  if (!key) return refuse(c, "INVALID_INPUT");
  const now = deps.clock();
  if (reason !== undefined) {
    const marked = await markChargeable(database.db, actorId, id, reason, now);
    if (!marked.ok) return refuse(c, marked.error);
  }
  const made = await createQuote(database, actorId, id, text, now, `console:${actorId}:${key}`);
  if (!made.ok) return refuse(c, made.error);
  return quoteSent(c.t, number, made.value);
}
