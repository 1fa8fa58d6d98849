// While the database cannot take updates, they are not acknowledged: Telegram keeps them (a day)
// and hands them out again, so they are handled once the database is back. After a while the
// people waiting are told so, once per chat and outage, in their Telegram language: the truth,
// not an apology that asks them to type it all again.
import type { Api } from "grammy";
import type { Update } from "grammy/types";
import { t } from "../bot/i18n.ts";
import { languageOfTelegram } from "../domain/types.ts";
import { chatKeyOf } from "./inbox.ts";

/** How long the database may be away before the people waiting are told. */
export const KEPT_NOTICE_AFTER_MS = 10_000;

export type KeptNotice = {
  /** The database cannot take these updates (since `since`, performance.now() ms). */
  failed: (updates: Update[]) => Promise<void>;
  /** The database took updates again: the next outage tells again. */
  ok: () => void;
};

export function keptNotice(api: Api, afterMs = KEPT_NOTICE_AFTER_MS, now = () => performance.now()): KeptNotice {
  let since: number | null = null;
  const told = new Set<string>();
  return {
    async failed(updates) {
      since ??= now();
      if (now() - since < afterMs) return;
      for (const u of updates) {
        const chat = chatKeyOf(u);
        const person = (u.message ?? u.callback_query)?.from;
        if (!person || chat === "" || told.has(chat) || (u.message && u.message.chat.type !== "private")) continue;
        told.add(chat);
        if (u.callback_query) await api.answerCallbackQuery(u.callback_query.id).catch(() => undefined);
        const lang = languageOfTelegram(person.language_code) ?? "zh-CN";
        await api.sendMessage(Number(chat), t(lang, "inbox-kept")).catch(() => undefined);
      }
    },
    ok() {
      since = null;
      told.clear();
    },
  };
}
