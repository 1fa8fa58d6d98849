// Entering a flow while another is open ends the open one politely, naming what was left
// unfinished; a person is never stuck behind "a conversation was already entered".
import type { BotContext } from "../context.ts";

/** Ends any open flow (saying which), then starts `id` with `args`. */
export async function enterFlow(ctx: BotContext, id: string, args: unknown): Promise<void> {
  const open = Object.keys(ctx.conversation.active());
  if (open.length > 0) {
    await ctx.conversation.exitAll();
    const flow = open.map((name) => ctx.t(`flow-name-${name}`)).join("、");
    await ctx.reply(ctx.t("flow-replaced", { flow }), { reply_markup: { remove_keyboard: true } });
  }
  await ctx.conversation.enter(id, args);
}
