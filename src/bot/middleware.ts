// Middleware that runs before every feature: the sender's person row and language (update dedupe
// is the inbox's, src/server/inbox.ts). It waits while the database is unreachable (nothing has
// happened yet, so the update can be tried again whole); past the patience an update from the inbox
// stays there (its sender is told once that it is kept), any other's sender is asked to try again.
import type { Context, MiddlewareFn } from "grammy";
import { createPersonCache } from "../domain/person-cache.ts";
import { languageOfTelegram, type Language } from "../domain/types.ts";
import type { BotContext, BotDeps } from "./context.ts";
import { translator, type Translate } from "./i18n.ts";
import { DatabaseUnavailable, fromInbox } from "./inboxed.ts";

const GAVE_UP = Symbol("gave up");

export type Patience = { patienceMs: number; firstDelayMs?: number; maxDelayMs?: number };

/** Tells the sender (a callback press too) that something failed on our side and to try again. */
export async function apologise(ctx: Context, t: Translate) {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
  if (ctx.chat) await ctx.reply(t("error-generic")).catch(() => undefined);
}

/** Errors of our own making: waiting for the database would not help. */
export const isBug = (e: unknown) => e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError
  || e instanceof SyntaxError || (e instanceof Error && e.name === "PrismaClientValidationError");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Chats told in this outage that their message is kept (told once, forgotten when it is over). */
const toldKept = new Set<number>();

/** Runs fn until the database answers, waiting with a capped backoff; gives up after the patience. */
async function patiently<T>(
  deps: BotDeps, p: Patience, ctx: Context, language: () => Language, fn: () => Promise<T>,
): Promise<T | typeof GAVE_UP> {
  const start = performance.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const value = await fn();
      toldKept.clear();
      return value;
    } catch (e) {
      if (isBug(e)) throw e;
      const update = ctx.update.update_id;
      if (attempt === 0) deps.log.warn("database unavailable, holding the update", { update, error: String(e) });
      if (performance.now() - start >= p.patienceMs && fromInbox(ctx.update)) {
        const chat = ctx.chat?.id;
        if (chat !== undefined && !toldKept.has(chat)) {
          toldKept.add(chat);
          if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
          await ctx.reply(translator(language())("inbox-kept")).catch(() => undefined);
        }
        throw new DatabaseUnavailable();
      }
      if (performance.now() - start >= p.patienceMs) {
        deps.log.error("database still unavailable, asked the sender to try again", { update, error: String(e) });
        await apologise(ctx, translator(language()));
        return GAVE_UP;
      }
      await sleep(Math.min((p.firstDelayMs ?? 50) * 2 ** attempt, p.maxDelayMs ?? 2_000));
    }
  }
}

/** Loads (or creates) the sender's person row and sets ctx.t in their language. */
export function receiveUpdates(deps: BotDeps, patience: Patience): MiddlewareFn<BotContext> {
  const people = createPersonCache(deps.database, deps.config.adminTelegramIds);
  const fallback = (ctx: Context): Language => {
    const known = ctx.from ? people.peek(ctx.from.id) : undefined;
    return known?.language ?? languageOfTelegram(ctx.from?.language_code) ?? deps.config.defaultLanguage;
  };
  return async (ctx, next) => {
    ctx.deps = deps;
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
