// The one lookup from a raw name to the words people read, in their language: every event kind,
// ticket status, category and channel has `word-<kind>-<value>` in each locale (words.ftl; a test
// enumerates them). Used by the ticket card, the owner's timeline, the handover, the report and
// the CSV export; a name without words shows as it is rather than failing.
import { EVENT_KINDS } from "../domain/events.ts";
import { CHANNELS } from "../domain/tickets/new-ticket.ts";
import type { TimelineEntry } from "../domain/tickets/view.ts";
import { CATEGORIES, TICKET_STATUSES } from "../domain/types.ts";
import { WORD_TOKEN, type WordKind } from "../domain/word-token.ts";
import { hasKey, t } from "./i18n.ts";

/** Every raw name that needs words, by kind. */
export const WORD_VALUES: Record<WordKind, readonly string[]> = {
  event: EVENT_KINDS, status: TICKET_STATUSES, category: CATEGORIES, channel: CHANNELS,
};

export const wordKey = (kind: WordKind, value: string) => `word-${kind}-${value}`;

/** The words for a raw name in a language (zh-CN's when the language lacks them, else the name). */
export function words(lang: string, kind: WordKind, value: string): string {
  const key = wordKey(kind, value);
  return hasKey("zh-CN", key) ? t(lang, key) : value;
}

/** A text with every `wordToken` replaced by its words in `lang`. */
export const expandWords = (lang: string, text: string) =>
  text.replace(WORD_TOKEN, (_, kind: WordKind, value: string) => words(lang, kind, value));

/**
 * One event of a ticket's timeline as the card shows it (chat and console): when, who, what in words,
 * and why (a reason or a note; a paid-work reason, which is a code, in its words).
 */
export function cardEventLine(lang: string, e: TimelineEntry): string {
  const raw = String(e.data.reason ?? e.data.text ?? "");
  const why = raw && e.action === "marked-chargeable" ? t(lang, "paid-reason", { reason: raw }) : raw;
  return t(lang, "card-event", { at: e.at, actor: e.actor || "-", action: words(lang, "event", e.action), why: why || "none" });
}
