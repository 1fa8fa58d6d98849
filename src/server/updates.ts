// What both ways of receiving updates share: the update kinds the bot asks Telegram for, and the
// updates in hand (so a clean stop waits for them, and /healthz can say when the last one came).
import type { Bot } from "grammy";
import type { BotContext } from "../bot/context.ts";

export const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

export type UpdateTracker = {
  /** When the last update arrived (null before the first). */
  lastUpdateAt: () => Date | null;
  /** Resolves when every update in hand has been handled. */
  idle: () => Promise<void>;
};

/** Wraps bot.handleUpdate (which polling and the webhook both call) to count the updates in hand. */
export function trackUpdates(bot: Bot<BotContext>, clock: () => Date): UpdateTracker {
  const inHand = new Set<Promise<void>>();
  let last: Date | null = null;
  const handle = bot.handleUpdate.bind(bot);
  bot.handleUpdate = (update, reply) => {
    last = clock();
    const task = handle(update, reply).finally(() => inHand.delete(task));
    inHand.add(task);
    return task;
  };
  return {
    lastUpdateAt: () => last,
    idle: async () => {
      while (inHand.size > 0) await Promise.allSettled([...inHand]);
    },
  };
}
