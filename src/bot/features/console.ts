// /desk (desk, control room, supervisors): opens the desk console when WEBAPP_URL is set, and
// otherwise says how to turn it on. Everyone else is told it is for the office.
import { Composer, InlineKeyboard } from "grammy";
import { intakeStart } from "../../domain/tickets/intake.ts";
import type { BotContext } from "../context.ts";

export const consoleFeature = new Composer<BotContext>();

consoleFeature.chatType("private").command("desk", async (ctx) => {
  const office = await intakeStart(ctx.deps.database.db, ctx.person!.id);
  if (!office.ok) return ctx.reply(ctx.t("desk-console-only"));
  const url = ctx.deps.config.webapp?.url;
  if (!url) return ctx.reply(ctx.t("desk-console-off"));
  const open = new InlineKeyboard().webApp(ctx.t("btn-desk-console"), url);
  await ctx.reply(ctx.t("desk-console-open"), { reply_markup: open });
});
