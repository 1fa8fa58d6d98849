// Middleware that runs before every feature: update dedupe, the sender's person row and language.
// Both wait while the database is unreachable (nothing has happened yet, so the update can be
// tried again whole); past the patience the sender is asked to try again in their language.
import type { Context, MiddlewareFn } from "grammy";
import { createPersonCache } from "../domain/person-cache.ts";
import { languageOfTelegram, type Language } from "../domain/types.ts";
import type { BotContext, BotDeps } from "./context.ts";
import { translator, type Translate } from "./i18n.ts";

/** Ids this far below the highest one seen are not reordering but numbering that started over. */
const REORDER_SLACK = 100; // getUpdates hands out at most 100 at a time
const GAVE_UP = Symbol("gave up");

export type Patience = { patienceMs: number; firstDelayMs?: number; maxDelayMs?: number };

/** Tells the sender (a callback press too) that something failed on our side and to try again. */
export async function apologise(ctx: Context, t: Translate) {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
  if (ctx.chat) await ctx.reply(t("error-generic")).catch(() => undefined);
}

/** Errors of our own making: waiting for the database would not help. */
const isBug = (e: unknown) => e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError
  || e instanceof SyntaxError || (e instanceof Error && e.name === "PrismaClientValidationError");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs fn until the database answers, waiting with a capped backoff; gives up after the patience. */
async function patiently<T>(
  deps: BotDeps, p: Patience, ctx: Context, language: () => Language, fn: () => Promise<T>,
): Promise<T | typeof GAVE_UP> {
  const start = performance.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (isBug(e)) throw e;
      const update = ctx.update.update_id;
      if (attempt === 0) deps.log.warn("database unavailable, holding the update", { update, error: String(e) });
      if (performance.now() - start >= p.patienceMs) {
        deps.log.error("database still unavailable, asked the sender to try again", { update, error: String(e) });
        await apologise(ctx, translator(language()));
        return GAVE_UP;
      }
      await sleep(Math.min((p.firstDelayMs ?? 50) * 2 ** attempt, p.maxDelayMs ?? 2_000));
    }
  }
}

/**
 * A Telegram update delivered twice (same update_id within the bookkeeping's window) has no second
 * effect; a lower id than the last one seen is still served (the numbering started over), and logged.
 * Then loads (or creates) the sender's person row and sets ctx.t in their language.
 */
export function receiveUpdates(deps: BotDeps, patience: Patience): MiddlewareFn<BotContext> {
  const people = createPersonCache(deps.database, deps.config.adminTelegramIds);
  const fallback = (ctx: Context): Language => {
    const known = ctx.from ? people.peek(ctx.from.id) : undefined;
    return known?.language ?? languageOfTelegram(ctx.from?.language_code) ?? deps.config.defaultLanguage;
  };
  let last = 0;
  return async (ctx, next) => {
    ctx.deps = deps;
    const id = ctx.update.update_id;
    const claimed = await patiently(deps, patience, ctx, () => fallback(ctx), () => deps.database.bookkeeping.claimUpdate(id, deps.clock()));
    if (claimed !== true) return; // a duplicate, or the database stayed away
    if (last - id > REORDER_SLACK) deps.log.warn("update ids went back: numbering started over, serving them", { last, update: id });
    last = last - id > REORDER_SLACK ? id : Math.max(last, id);

    const from = ctx.from;
    if (from && !from.is_bot) {
      const name = [from.first_name, from.last_name].filter(Boolean).join(" ");
      // a new person starts in their Telegram language when we have it, else the configured default
      const language = languageOfTelegram(from.language_code) ?? deps.config.defaultLanguage;
      const user = { telegramId: from.id, name, username: from.username, language };
      const person = await patiently(deps, patience, ctx, () => fallback(ctx), () => people.get(user, deps.clock()));
      if (person === GAVE_UP) return;
      ctx.person = person;
      ctx.lang = person.language;
    } else {
      ctx.person = undefined;
      ctx.lang = deps.config.defaultLanguage;
    }
    ctx.t = translator(ctx.lang);
    ctx.remember = (key, load) => (from && ctx.person ? people.remember(from.id, key, load, deps.clock()) : load());
    await next();
  };
}
