import { InlineKeyboard } from "grammy";
import type { ButtonIntent } from "../domain/types.ts";
import { packCallback } from "./callback-data.ts";
import { t, type Params } from "./i18n.ts";

/** Renders button intents (from the domain or a handler) as an inline keyboard in a language. */
export function renderKeyboard(lang: string, rows: ButtonIntent[][], params: Params = {}): InlineKeyboard | undefined {
  if (rows.length === 0) return undefined;
  return InlineKeyboard.from(
    rows.map((row) => row.map((b) => InlineKeyboard.text(t(lang, b.label, params), packCallback(b.action, b.id, b.arg)))),
  );
}
