// The actions of a ticket's card: 指派 / 转单 to a named technician, back to the pool, cancel, a note,
// the owner's phone. Actions that need a reason ask for it in a one-question flow; the domain
// re-checks the role at the ticket's property and the ticket's state on every press.
import { Composer, InlineKeyboard } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import { addNote, assignCandidates, assignTo, cancelByStaff, returnToPool } from "../../domain/tickets/assign.ts";
import { ticketCard, type TicketCard } from "../../domain/tickets/queue.ts";
import { PRIORITIES } from "../../domain/tickets/deadline.ts";
import { setPriority } from "../../domain/tickets/urge.ts";
import { setRework } from "../../domain/tickets/rework.ts";
import { mergeCandidates, mergeTickets, unmergeTicket } from "../../domain/tickets/incident.ts";
import { MAX_NOTE, type Language, type Result } from "../../domain/types.ts";
import { callbackFor, packCallback, parseCallback } from "../callback-data.ts";
import type { BotContext, ConversationContext } from "../context.ts";
import { enterFlow } from "../conversations/enter.ts";
import { errorKey } from "../errors.ts";
import { translator } from "../i18n.ts";
import { askText, TooManyTries, WAIT_LIMIT_MS, type Conv } from "../conversations/ask.ts";

export const TICKET_REASON = "ticket-reason";
export type Kind = "reassign" | "pool" | "cancel" | "note" | "priority" | "rework-link" | "rework-unlink" | "merge" | "unmerge";
type ReasonArgs = {
  personId: number; lang: Language; ticketId: number; kind: Kind; technicianId?: number; priority?: string;
  /** A line under the question (the tickets a merge may go into). */
  hint?: string;
};

/** One text (a reason or a note), then the domain action; the result is said in the chat. */
async function ticketReason(conversation: Conv, ctx: ConversationContext, a: ReasonArgs) {
  const t = translator(a.lang);
  try {
    const question = [t(`ask-reason-${a.kind}`), a.hint].filter(Boolean).join("\n");
    const text = (await askText(conversation, ctx, t, { step: 1, text: question, max: MAX_NOTE }))!;
    const res = await conversation.external((outer: BotContext): Promise<Result<{ number: string }, string>> => {
      const { database, clock } = outer.deps;
      const input = { actorId: a.personId, ticketId: a.ticketId, reason: text };
      if (a.kind === "reassign") return assignTo(database, { ...input, technicianId: a.technicianId! }, clock());
      if (a.kind === "pool") return returnToPool(database, input, clock());
      if (a.kind === "cancel") return cancelByStaff(database, input, clock());
      if (a.kind === "priority") return setPriority(database, { ...input, priority: a.priority ?? "" }, clock());
      // "BX-20261101-0003 同一处漏水": the earlier ticket's number, then the reason
      const [of = "", ...why] = text.split(/\s+/);
      if (a.kind === "rework-link") return setRework(database, { ...input, of, reason: why.join(" ") }, clock());
      if (a.kind === "rework-unlink") return setRework(database, { ...input, of: null }, clock());
      // "0003 同一部电梯": the number (or its end) of the ticket to merge into, then a note
      if (a.kind === "merge") return mergeTickets(database, { ...input, into: of, reason: why.join(" ") }, clock());
      if (a.kind === "unmerge") return unmergeTicket(database, input, clock());
      return addNote(database, { ...input, text }, clock());
    });
    await ctx.reply(res.ok ? t(`done-${a.kind}`, { ...res.value }) : t(errorKey(res.error)));
  } catch (e) {
    if (!(e instanceof TooManyTries)) throw e;
    await ctx.reply(t("ticket-reason-stopped"));
  }
}

export const ticketActionsFeature = new Composer<BotContext>();
ticketActionsFeature.use(createConversation(ticketReason, { id: TICKET_REASON, maxMillisecondsToWait: WAIT_LIMIT_MS }));
const data = (ctx: BotContext) => parseCallback(ctx.callbackQuery?.data)!;
const refuse = (ctx: BotContext, code: string) => ctx.answerCallbackQuery({ text: ctx.t(errorKey(code)), show_alert: true });
/** What the card must allow for each flow (checked again by the domain when the text arrives). */
export const ALLOWED: Record<Kind, (c: TicketCard) => boolean> = {
  reassign: (c) => c.canReassign, pool: (c) => c.canAssign || c.canReassign, cancel: (c) => c.canCancel, note: (c) => c.canAct,
  priority: (c) => c.canCancel,
  "rework-link": (c) => c.canAct && !c.reworkOf,
  "rework-unlink": (c) => c.canAct && Boolean(c.reworkOf),
  merge: (c) => c.canMerge,
  unmerge: (c) => c.canUnmerge,
};
const ask = async (ctx: BotContext, kind: Kind, ticketId: number, technicianId?: number, priority?: string, hint?: string) => {
  const card = await ticketCard(ctx.deps.database.db, ctx.person!.id, ticketId);
  if (!card.ok || !card.value.canAct) return refuse(ctx, card.ok ? "NOT_FOUND" : card.error);
  if (!ALLOWED[kind](card.value)) return refuse(ctx, kind === "merge" || kind === "unmerge" ? "FORBIDDEN" : "INVALID_STATE");
  await ctx.answerCallbackQuery();
  await enterFlow(ctx, TICKET_REASON, { personId: ctx.person!.id, lang: ctx.lang, ticketId, kind, technicianId, priority, hint } satisfies ReasonArgs);
};

ticketActionsFeature.callbackQuery(callbackFor("cassign"), async (ctx) => {
  const res = await assignCandidates(ctx.deps.database.db, ctx.person!.id, data(ctx).id);
  if (!res.ok) return refuse(ctx, res.error);
  await ctx.answerCallbackQuery();
  if (res.value.length === 0) return ctx.reply(ctx.t("assign-none"));
  const kb = InlineKeyboard.from(res.value.map((c) => [InlineKeyboard.text(ctx.t("assign-candidate", c), packCallback("cpick", data(ctx).id, String(c.id)))]));
  await ctx.reply(ctx.t("assign-choose"), { reply_markup: kb });
});

ticketActionsFeature.callbackQuery(callbackFor("cpick"), async (ctx) => {
  const { id, arg } = data(ctx);
  const card = await ticketCard(ctx.deps.database.db, ctx.person!.id, id);
  if (!card.ok || !card.value.canAct) return refuse(ctx, card.ok ? "NOT_FOUND" : card.error);
  if (card.value.canReassign) return ask(ctx, "reassign", id, Number(arg));
  if (!card.value.canAssign) return refuse(ctx, "INVALID_STATE");
  const res = await assignTo(ctx.deps.database, { actorId: ctx.person!.id, ticketId: id, technicianId: Number(arg) }, ctx.deps.clock());
  if (!res.ok) return refuse(ctx, res.error);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("done-assign", res.value)).catch(() => ctx.reply(ctx.t("done-assign", res.value)));
});

ticketActionsFeature.callbackQuery(callbackFor("cpool"), (ctx) => ask(ctx, "pool", data(ctx).id));
ticketActionsFeature.callbackQuery(callbackFor("ccancel"), (ctx) => ask(ctx, "cancel", data(ctx).id));
ticketActionsFeature.callbackQuery(callbackFor("cnote"), (ctx) => ask(ctx, "note", data(ctx).id));

ticketActionsFeature.callbackQuery(callbackFor("cprio"), async (ctx) => {
  const { id } = data(ctx);
  await ctx.answerCallbackQuery();
  const kb = InlineKeyboard.from([PRIORITIES.map((p) => InlineKeyboard.text(ctx.t("priority-label", { priority: p }), packCallback("cprioset", id, p)))]);
  await ctx.reply(ctx.t("priority-choose"), { reply_markup: kb });
});
ticketActionsFeature.callbackQuery(callbackFor("cprioset"), (ctx) => ask(ctx, "priority", data(ctx).id, undefined, data(ctx).arg));

ticketActionsFeature.callbackQuery(callbackFor("crework"), (ctx) => ask(ctx, data(ctx).arg === "unlink" ? "rework-unlink" : "rework-link", data(ctx).id));

// one incident for many reporters: merge into another ticket (its number asked, the likely ones shown), or take out with a reason
ticketActionsFeature.callbackQuery(callbackFor("cmerge"), async (ctx) => {
  const { id, arg } = data(ctx);
  if (arg === "out") return ask(ctx, "unmerge", id);
  const candidates = await mergeCandidates(ctx.deps.database.db, ctx.person!.id, id);
  const list = candidates.ok ? candidates.value.map((c) => `${c.number}（${c.place}）`).join(ctx.t("list-separator")) : "";
  return ask(ctx, "merge", id, undefined, undefined, list ? ctx.t("merge-candidates", { candidates: list }) : undefined);
});

ticketActionsFeature.callbackQuery(callbackFor("cphone"), async (ctx) => {
  const card = await ticketCard(ctx.deps.database.db, ctx.person!.id, data(ctx).id);
  if (!card.ok || !card.value.canAct) return refuse(ctx, card.ok ? "NOT_FOUND" : card.error);
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("owner-phone", { number: card.value.ticket.number, owner: card.value.owner, phone: card.value.ownerPhone || "-" }));
});
