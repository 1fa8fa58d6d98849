// The job card written with an accept (acceptJob(…, { card: true })), sent to the technician's
// private chat at once by the handler of the press, a private offer's or the team group's.
import { cardSent, type QueuedCard } from "../domain/tickets/job-card.ts";
import type { BotContext } from "./context.ts";
import { renderKeyboard } from "./keyboards.ts";
import { withoutHandOver } from "./telegram-fetch.ts";

/**
 * Sends the queued card privately (never into a group the press came from); if it cannot go now, the
 * outbox sender sends it (see cardSent), and after a kill before this, once the row's hold runs out.
 * Whether it went now.
 */
export async function sendCard(ctx: BotContext, card: QueuedCard): Promise<boolean> {
  const reply_markup = renderKeyboard(ctx.lang, card.buttons);
  const text = ctx.t("job-card-accepted", card.params);
  const sent = await ctx.api.sendMessage(ctx.from!.id, text, { reply_markup, ...withoutHandOver }).catch((e) => {
    ctx.deps.log.warn("job card not sent now: the outbox sends it", { outboxId: card.outboxId, error: String(e) });
    return null;
  });
  await cardSent(ctx.deps.database.db, card.outboxId, sent?.message_id ?? null, ctx.deps.clock());
  return sent !== null;
}
