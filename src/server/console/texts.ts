// The console page's words, from the same Fluent files as the chat: a flat JSON dictionary per
// language. Messages with a choice ({ $status -> … }) are rendered once per value under
// "key.value"; numbers and names stay "{name}" placeholders that the page fills in.
import { keysOf, t } from "../../bot/i18n.ts";
import { PRIORITIES } from "../../domain/tickets/deadline.ts";
import { QUEUE_GROUPS } from "../../domain/tickets/queue.ts";
import { ACCESS } from "../../domain/tickets/report.ts";
import { TIME_WINDOWS } from "../../domain/tickets/new-ticket.ts";
import { STAFF_CHANNELS } from "../../domain/tickets/intake.ts";
import { COMPLAINT_CATEGORIES } from "../../domain/complaints.ts";
import { RATINGS } from "../../domain/surveys.ts";
import { CATEGORIES, type Language } from "../../domain/types.ts";

const STATUSES = ["open", "accepted", "arrived", "postponed", "completed", "closed", "cancelled", "linked"];
export const ACTION_KINDS = [
  "assign", "reassign", "pool", "cancel", "note", "priority", "rework-link", "rework-unlink", "merge", "unmerge",
  "chase", "phone", "quote",
] as const;
/** A quote's states (Quote.status), for the ticket's latest quote. */
const QUOTE_STATUSES = ["review", "sent", "prepay", "approved", "rejected", "declined", "replaced"];

/** Messages with a choice, and the values the page needs of each. */
const CHOICES: Record<string, { param: string; values: readonly string[] }> = {
  "console-group": { param: "group", values: QUEUE_GROUPS },
  "console-status": { param: "status", values: STATUSES },
  "console-clock": { param: "kind", values: ["dispatch", "arrival", "completion"] },
  "console-action": { param: "kind", values: ACTION_KINDS },
  "console-complaint-category": { param: "category", values: [...COMPLAINT_CATEGORIES, "none"] },
  "priority-label": { param: "priority", values: PRIORITIES },
  "console-period": { param: "period", values: ["day", "week", "month"] },
  "console-quote-status": { param: "status", values: QUOTE_STATUSES },
};
/** Messages the page needs from the chat's files, as they are. */
const SHARED = [
  ...CATEGORIES.map((c) => `category-${c}`), ...ACCESS.map((a) => `access-${a}`),
  ...TIME_WINDOWS.map((w) => `time-${w}`), ...STAFF_CHANNELS.map((c) => `channel-${c}`),
  ...RATINGS.map((n) => `rate-${n}`), "btn-paid-send", "paid-no-prices",
];
/** Sentences the server words itself (they choose on a value the page does not have). */
const SERVER_SIDE = new Set([
  "console-intake-done", "console-intake-linked", "console-pool-reached", "console-quote-item",
]);
const PLACEHOLDERS = Object.fromEntries(
  ["min", "h", "d", "count", "shown", "total", "time", "due", "number", "owner", "phone", "query", "version", "note"]
    .map((p) => [p, `{${p}}`]),
);

const cache = new Map<Language, Record<string, string>>();

/** Every word the console page shows, in one language. */
export function consoleTexts(lang: Language): Record<string, string> {
  const known = cache.get(lang);
  if (known) return known;
  const texts: Record<string, string> = {};
  for (const key of keysOf(lang).filter((k) => k.startsWith("console-") && !(k in CHOICES) && !SERVER_SIDE.has(k))) {
    texts[key] = t(lang, key, PLACEHOLDERS);
  }
  for (const key of SHARED) texts[key] = t(lang, key);
  for (const [key, { param, values }] of Object.entries(CHOICES)) {
    for (const v of values) texts[`${key}.${v}`] = t(lang, key, { [param]: v });
  }
  cache.set(lang, texts);
  return texts;
}
