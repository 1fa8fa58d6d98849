// The technicians' group as the dispatch board: /linkgroup and /unlinkgroup, and presses of 接单 on
// a job's post. Privacy mode may stay on: the bot needs only commands and button presses there, and
// no admin rights. Nothing else is served in groups; the answers to presses go on the button
// (answerCallbackQuery), never as messages in the group, and the job card goes to the winner privately.
import { Composer, GrammyError } from "grammy";
import { acceptJob } from "../../domain/tickets/dispatch.ts";
import { BOARD_ACCEPT, boardPress, boardWon, type BoardRefusal } from "../../domain/tickets/group-board.ts";
import { linkGroup, moveGroup, unlinkGroup } from "../../domain/tickets/group-link.ts";
import { callbackFor, parseCallback } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import { errorKey } from "../errors.ts";
import { sendCard } from "../job-card.ts";

export const groupFeature = new Composer<BotContext>();
const groups = groupFeature.chatType(["group", "supergroup"]);
/** The deep link's payload: /start board opens the private chat without being read as an invite. */
const OPENED = "board";

const codeArg = (ctx: BotContext) => String(ctx.match ?? "").trim().split(/\s+/)[0] ?? "";
const LINK_ERRORS: Record<string, string> = { DUPLICATE: "group-link-taken", INVALID_STATE: "group-not-linked" };
/** A refusal of /linkgroup or /unlinkgroup, said in the chat it came from. */
const linkRefusal = (ctx: BotContext, e: string, code: string) =>
  ctx.reply(e === "NOT_FOUND" ? ctx.t("admin-no-property", { code }) : ctx.t(LINK_ERRORS[e] ?? errorKey(e)));

groups.command("linkgroup", async (ctx) => {
  const code = codeArg(ctx);
  if (!code) return ctx.reply(ctx.t("group-link-usage"));
  const chat = { id: ctx.chat.id, title: ctx.chat.title ?? "" };
  const res = await linkGroup(ctx.deps.database.db, ctx.person!.id, code, chat, ctx.deps.clock());
  if (!res.ok) return linkRefusal(ctx, res.error, code);
  await ctx.reply(ctx.t("group-linked", { ...res.value, replaced: res.value.replaced || "none" }));
});

/** /unlinkgroup BX, in the group or in the admin's private chat. */
async function unlink(ctx: BotContext) {
  const code = codeArg(ctx);
  if (!code) return ctx.reply(ctx.t("group-link-usage"));
  const res = await unlinkGroup(ctx.deps.database.db, ctx.person!.id, code, ctx.deps.clock());
  if (!res.ok) return linkRefusal(ctx, res.error, code);
  await ctx.reply(ctx.t("group-unlinked", res.value));
}
groups.command("unlinkgroup", unlink);

const privately = groupFeature.chatType("private");
privately.command("unlinkgroup", unlink);
privately.command("linkgroup", (ctx) => ctx.reply(ctx.t("group-in-group-only", { code: codeArg(ctx) || "BX" })));
privately.command("start", async (ctx, next) => {
  if (ctx.match.trim() !== OPENED) return next();
  await ctx.reply(ctx.t("board-opened"));
});

const refusalKey = (e: BoardRefusal) =>
  e === "FORBIDDEN" ? "board-not-technician" : e === "NOT_ELIGIBLE" ? "board-not-eligible" : errorKey(e);

groups.callbackQuery(callbackFor(BOARD_ACCEPT), async (ctx) => {
  const ticketId = parseCallback(ctx.callbackQuery.data)!.id;
  const { database, clock } = ctx.deps;
  const personId = ctx.person!.id;
  const check = await boardPress(database.db, personId, ticketId, ctx.chat.id, clock());
  if (!check.ok) return ctx.answerCallbackQuery({ text: ctx.t(refusalKey(check.error)), show_alert: true });
  // accepted only when the card (with the owner's phone) can reach them: a job is never stranded
  if (!(await reachable(ctx))) {
    const url = `https://t.me/${ctx.me.username}?start=${OPENED}`;
    return ctx.answerCallbackQuery({ text: ctx.t("board-open-bot"), url });
  }
  // the card is written with the accept: a process killed before it goes out loses nothing
  const res = await acceptJob(database, personId, ticketId, clock(), { card: true });
  if (!res.ok) return ctx.answerCallbackQuery({ text: ctx.t(errorKey(res.error)), show_alert: true });
  await boardWon(database.db, personId, ticketId, res.value.number, clock());
  // none on a second press raced past boardPress: the first one's card is on its way
  const sent = res.value.card ? await sendCard(ctx, res.value.card) : true;
  await ctx.answerCallbackQuery({ text: ctx.t(sent ? "board-accepted-toast" : "board-card-queued") });
});

groups.on("message:migrate_to_chat_id", async (ctx) => {
  await moveGroup(ctx.deps.database.db, ctx.chat.id, ctx.message.migrate_to_chat_id, ctx.deps.clock());
});

// Nothing else is served in groups (a /repair typed there must not start a flow in front of everyone).
groups.on("message", () => undefined);

/** Whether the presser's private chat with the bot is open (a 403 / "chat not found" says it is not). */
async function reachable(ctx: BotContext): Promise<boolean> {
  try {
    await ctx.api.sendChatAction(ctx.from!.id, "typing");
    return true;
  } catch (e) {
    if (e instanceof GrammyError && (e.error_code === 403 || /chat not found/i.test(e.description))) return false;
    return true; // Telegram unreachable for a moment: the card falls back to the outbox
  }
}
