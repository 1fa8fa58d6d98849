// 催单: the owner's urge button on /my and the ticket card, and the desk's 催办 on the staff card
// (at most once every two hours a ticket).
import { Composer } from "grammy";
import { chaseTechnician, URGE_EVERY_MINUTES, urgeTicket } from "../../domain/tickets/urge.ts";
import { callbackFor, parseCallback } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import { errorKey } from "../errors.ts";

export const urgeFeature = new Composer<BotContext>();

urgeFeature.callbackQuery(callbackFor("urge"), async (ctx) => {
  const res = await urgeTicket(ctx.deps.database, ctx.person!.id, parseCallback(ctx.callbackQuery.data)!.id, ctx.deps.clock());
  if (!res.ok) {
    const text = res.error === "TOO_SOON" ? ctx.t("urge-too-soon") : ctx.t(errorKey(res.error));
    return ctx.answerCallbackQuery({ text, show_alert: true });
  }
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("urge-ok", { number: res.value.number, hours: URGE_EVERY_MINUTES / 60 }));
});

urgeFeature.callbackQuery(callbackFor("cchase"), async (ctx) => {
  const ticketId = parseCallback(ctx.callbackQuery.data)!.id;
  const res = await chaseTechnician(ctx.deps.database, ctx.person!.id, ticketId, ctx.deps.clock());
  if (!res.ok) {
    const hours = URGE_EVERY_MINUTES / 60;
    const text = res.error === "TOO_SOON" ? ctx.t("chase-too-soon", { hours }) : ctx.t(errorKey(res.error));
    return ctx.answerCallbackQuery({ text, show_alert: true });
  }
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("chase-ok", { number: res.value.number, urges: res.value.urges }));
});
