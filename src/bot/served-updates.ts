// Which updates the bot serves: messages and button presses of people in their private chat with
// the bot. Everything else is ignored here on purpose, so no handler meets an update it cannot
// answer (a channel post has no sender, an inline query no chat):
// - edited messages (an answer counts as sent; an edit changes nothing already filed),
// - groups, supergroups and channels (the desk works in private chats only), except commands in
//   groups (the technicians' group is linked with /linkgroup; its presses come as callback queries)
//   and a group's upgrade to a supergroup (its new chat id),
// - inline queries and other kinds the bot never asked for,
// - messages from bots or without a sender.
// `my_chat_member` in a private chat is served: blocking the bot stops notifications to that
// person, unblocking (or starting again) resumes them.
import type { MiddlewareFn } from "grammy";
import { setBlocked } from "../domain/people.ts";
import type { BotContext, BotDeps } from "./context.ts";

const isGroup = (type: string | undefined) => type === "group" || type === "supergroup";
const isCommand = (m: { entities?: { type: string; offset: number }[] }) =>
  Boolean(m.entities?.some((e) => e.type === "bot_command" && e.offset === 0));

export function servedUpdates(deps: BotDeps): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const member = ctx.myChatMember;
    if (member) {
      if (member.chat.type !== "private") return;
      const status = member.new_chat_member.status;
      if (status === "kicked" || status === "member") {
        await setBlocked(deps.database.db, member.from.id, status === "kicked", deps.clock());
      }
      return;
    }
    const press = ctx.callbackQuery;
    if (press) {
      // A press on an inline-mode message: nothing of ours, but the button must stop spinning.
      if (!press.message) return void (await ctx.answerCallbackQuery().catch(() => undefined));
      return next(); // presses outside a private chat are answered by guardPresses
    }
    if (!ctx.message || !ctx.from || ctx.from.is_bot) return;
    // in a group only commands reach the bot (the team group's /linkgroup, see features/group.ts)
    const groupNews = isCommand(ctx.message) || ctx.message.migrate_to_chat_id !== undefined;
    if (ctx.chat?.type !== "private" && !(isGroup(ctx.chat?.type) && groupNews)) return;
    await next();
  };
}
