// Telegram takes at most 4,096 characters a message: every reply that can grow (tables, lists,
// timelines) goes through here and is split at line breaks into numbered messages.
import type { InlineKeyboard } from "grammy";
import type { MessageEntity } from "grammy/types";
import type { BotContext } from "./context.ts";

export const MAX_TEXT = 4096;
/** Room kept for the "(continued 2/3)" line. */
const MARK = 40;

/** Pieces of at most `limit` UTF-16 units, cut at line breaks (a longer line is cut where it must). */
export function splitText(text: string, limit = MAX_TEXT): string[] {
  const pieces: string[] = [];
  let current = "";
  const push = () => { if (current) pieces.push(current); current = ""; };
  for (const line of text.split("\n")) {
    let rest = line;
    while (rest.length > limit) {
      push();
      let cut = limit;
      if (/[\uD800-\uDBFF]/.test(rest[cut - 1]!)) cut--; // never split a surrogate pair
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    const joined = current ? `${current}\n${rest}` : rest;
    if (joined.length > limit) { push(); current = rest; } else current = joined;
  }
  push();
  return pieces.length > 0 ? pieces : [""];
}

export type Part = { text: string; monospace?: boolean };
type Options = { reply_markup?: InlineKeyboard };

type Translate = (key: string, params?: Record<string, string | number>) => string;
export type LongMessage = { text: string; entities: MessageEntity[] };

/**
 * Parts (a title, a monospace table, a footer…) as few messages as fit, each within the limit; a
 * monospace part stays monospace in every piece; pieces after the first say "(continued 2/3)".
 */
export function longMessages(parts: Part[], t: Translate): LongMessage[] {
  const pieces = parts.filter((p) => p.text)
    .flatMap((p) => splitText(p.text, MAX_TEXT - MARK).map((text) => ({ text, monospace: p.monospace })));
  const messages: LongMessage[] = [];
  let current: LongMessage = { text: "", entities: [] };
  for (const piece of pieces) {
    const sep = current.text ? "\n\n" : "";
    if (current.text && current.text.length + sep.length + piece.text.length > MAX_TEXT - MARK) {
      messages.push(current);
      current = { text: "", entities: [] };
    }
    const offset = current.text.length + (current.text ? 2 : 0);
    current.text += (current.text ? "\n\n" : "") + piece.text;
    if (piece.monospace) current.entities.push({ type: "pre", offset, length: piece.text.length });
  }
  messages.push(current);
  const pages = messages.length;
  const mark = (i: number) => `\n\n${t("more-pages", { page: i + 1, pages })}`;
  return messages.map((m, i) => (pages > 1 && i > 0 ? { ...m, text: m.text + mark(i) } : m));
}

/** Sends `longMessages(parts)`; the keyboard goes on the last message. */
export async function replyLong(ctx: BotContext, parts: Part[], options: Options = {}): Promise<void> {
  const messages = longMessages(parts, ctx.t);
  for (const [i, m] of messages.entries()) {
    await ctx.reply(m.text, { entities: m.entities, ...(i === messages.length - 1 ? options : {}) });
  }
}
