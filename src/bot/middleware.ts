// Middleware that runs before every feature: update dedupe, the sender's person row and language.
import type { MiddlewareFn } from "grammy";
import { isUniqueViolation } from "../db/client.ts";
import { ensurePerson } from "../domain/people.ts";
import { languageOfTelegram } from "../domain/types.ts";
import type { BotContext, BotDeps } from "./context.ts";
import { translator } from "./i18n.ts";

/** A Telegram update delivered twice (same update_id) has no second effect. */
export function dedupeUpdates(deps: BotDeps): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    try {
      await deps.database.db.processedUpdate.create({ data: { updateId: BigInt(ctx.update.update_id), at: deps.clock() } });
    } catch (e) {
      if (isUniqueViolation(e)) return; // seen before
      throw e;
    }
    await next();
  };
}

/** Loads (or creates) the sender's person row and sets ctx.t in their language. */
export function attachPerson(deps: BotDeps): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    ctx.deps = deps;
    const from = ctx.from;
    if (from && !from.is_bot) {
      const name = [from.first_name, from.last_name].filter(Boolean).join(" ");
      // a new person starts in their Telegram language when we have it, else the configured default
      const language = languageOfTelegram(from.language_code) ?? deps.config.defaultLanguage;
      const { person } = await ensurePerson(
        deps.database.db, { telegramId: from.id, name, username: from.username, language },
        deps.config.adminTelegramIds, deps.clock(),
      );
      ctx.person = person;
      ctx.lang = person.language;
    } else {
      ctx.person = undefined;
      ctx.lang = deps.config.defaultLanguage;
    }
    ctx.t = translator(ctx.lang);
    await next();
  };
}
