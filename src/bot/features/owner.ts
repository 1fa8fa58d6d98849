// Owner: /repair, /my, a ticket's detail and timeline, cancel, confirm / not fixed, rating.
import { Composer, InlineKeyboard } from "grammy";
import { SENDER_UNITS } from "../../domain/person-cache.ts";
import { listUnits } from "../../domain/properties.ts";
import { cancelTicket, confirmFixed, listOwnerTickets, ownerTicketDetail } from "../../domain/tickets/owner.ts";
import { answerSurvey, ratingButtons, ticketAwaitingRating } from "../../domain/surveys.ts";
import { noticeParams } from "../../domain/tickets/view.ts";
import { UNFINISHED } from "../../domain/tickets/deadline.ts";
import { rememberReply } from "../../domain/outbox.ts";
import { callbackFor, packCallback, parseCallback } from "../callback-data.ts";
import { enterFlow } from "../conversations/enter.ts";
import { replyLong } from "../long-text.ts";
import type { BotContext } from "../context.ts";
import { errorKey } from "../errors.ts";
import { renderKeyboard } from "../keyboards.ts";
import { words } from "../words.ts";
import { REPAIR, type RepairArgs } from "../conversations/repair.ts";
import { NOT_FIXED, RATING_COMMENT, type FlowArgs } from "../conversations/short-flows.ts";

export const ownerFeature = new Composer<BotContext>();
const chat = ownerFeature.chatType("private");
const data = (ctx: BotContext) => parseCallback(ctx.callbackQuery?.data)!;
const flowArgs = (ctx: BotContext, ticketId: number, number: string): FlowArgs => ({ personId: ctx.person!.id, lang: ctx.lang, ticketId, number });

chat.command("repair", async (ctx) => {
  const units = await ctx.remember(SENDER_UNITS, () => listUnits(ctx.deps.database.db, ctx.person!.id));
  if (units.length === 0) return ctx.reply(ctx.t("help-not-joined"));
  const args: RepairArgs = { personId: ctx.person!.id, lang: ctx.lang, units: units.map((u) => ({ id: u.id, propertyId: u.propertyId, propertyName: u.propertyName, label: u.label })) };
  await enterFlow(ctx, REPAIR, args);
});

chat.command("my", async (ctx) => {
  const tickets = await listOwnerTickets(ctx.deps.database.db, ctx.person!.id);
  if (tickets.length === 0) return ctx.reply(ctx.t("my-none"));
  const lines = tickets.map((x) => ctx.t("my-line", {
    number: x.number, status: x.status, category: x.category, place: x.place, action: words(ctx.lang, "event", x.lastAction), at: x.at,
  }));
  const kb = InlineKeyboard.from(tickets.map((x) => [
    InlineKeyboard.text(x.number, packCallback("tk", x.id)),
    ...(UNFINISHED.includes(x.status) ? [InlineKeyboard.text(ctx.t("btn-urge"), packCallback("urge", x.id))] : []),
  ]));
  await replyLong(ctx, [{ text: ctx.t("my-title") }, { text: lines.join("\n\n") }], { reply_markup: kb });
});

ownerFeature.callbackQuery(callbackFor("tk"), async (ctx) => {
  const res = await ownerTicketDetail(ctx.deps.database.db, ctx.person!.id, data(ctx).id);
  if (!res.ok) return ctx.answerCallbackQuery({ text: ctx.t(errorKey(res.error)), show_alert: true });
  const { ticket, timeline, canCancel, expected } = res.value;
  const events = timeline.map((e) => ctx.t("timeline-line", { at: e.at, action: words(ctx.lang, "event", e.action), actor: e.actor || "-" })).join("\n");
  const kb = renderKeyboard(ctx.lang, [
    [
      ...(canCancel ? [{ label: "btn-cancel-ticket", action: "cancel", id: ticket.id }] : []),
      ...(UNFINISHED.includes(ticket.status) ? [{ label: "btn-urge", action: "urge", id: ticket.id }] : []),
    ],
    [{ label: "btn-complain", action: "cpt", id: ticket.id }],
  ].filter((row) => row.length > 0));
  await ctx.answerCallbackQuery();
  await replyLong(ctx, [{ text: ctx.t("ticket-detail", {
    ...noticeParams(ticket), technician: ticket.assignee || "-", expected: expected.kind, from: expected.from, by: expected.by,
  }) }, { text: events }], { reply_markup: kb });
});

ownerFeature.callbackQuery(callbackFor("cancel"), async (ctx) => {
  const id = data(ctx).id;
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("cancel-ask"), { reply_markup: renderKeyboard(ctx.lang, [[{ label: "btn-cancel-yes", action: "cancelok", id }, { label: "btn-cancel-no", action: "tk", id }]]) });
});

ownerFeature.callbackQuery(callbackFor("cancelok"), async (ctx) => {
  const res = await cancelTicket(ctx.deps.database, ctx.person!.id, data(ctx).id, ctx.deps.clock());
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(res.ok ? ctx.t("cancel-ok", { number: res.value.number }) : ctx.t(errorKey(res.error)));
});

ownerFeature.callbackQuery(callbackFor("confirm"), async (ctx) => {
  const res = await confirmFixed(ctx.deps.database, ctx.person!.id, data(ctx).id, ctx.deps.clock());
  await ctx.answerCallbackQuery();
  if (!res.ok) return ctx.reply(ctx.t(errorKey(res.error)));
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  const id = data(ctx).id;
  const asked = await ctx.reply(ctx.t("owner-confirmed-ask-rating", { number: res.value.number }), {
    reply_markup: renderKeyboard(ctx.lang, ratingButtons(id)),
  });
  // a rating typed instead of pressed replaces these buttons (answerSurvey's edit finds it by ref)
  const remembered = { chatId: asked.chat.id, personId: ctx.person!.id, key: "owner-confirmed-ask-rating", messageId: asked.message_id };
  await rememberReply(ctx.deps.database.db, { ...remembered, ref: `callback:${id}`, now: ctx.deps.clock() });
});

ownerFeature.callbackQuery(callbackFor("notfixed"), async (ctx) => {
  const detail = await ownerTicketDetail(ctx.deps.database.db, ctx.person!.id, data(ctx).id);
  await ctx.answerCallbackQuery();
  if (!detail.ok) return ctx.reply(ctx.t(errorKey(detail.error)));
  if (!detail.value.canReopen) return ctx.reply(ctx.t("error-invalid-state"));
  await ctx.editMessageReplyMarkup().catch(() => undefined); // answered: 已修好 / 没修好 go away
  await enterFlow(ctx, NOT_FIXED, flowArgs(ctx, detail.value.ticket.id, detail.value.ticket.number));
});

/** Records the owner's rating; the answered question shows the rating instead of its buttons. */
async function rate(ctx: BotContext, ticketId: number, rating: number, shown: (text: string) => Promise<unknown>, typed = false) {
  const answer = { ticketId, actorId: ctx.person!.id, rating, channel: "bot", typed } as const;
  const res = await answerSurvey(ctx.deps.database, answer, ctx.deps.clock());
  if (!res.ok) return ctx.reply(ctx.t(errorKey(res.error)));
  await shown(ctx.t("owner-rated", { number: res.value.number, rating: res.value.rating }));
  if (res.value.followUpId) return enterFlow(ctx, RATING_COMMENT, flowArgs(ctx, ticketId, res.value.number));
  await ctx.reply(ctx.t("owner-rating-thanks"));
}

ownerFeature.callbackQuery(callbackFor("rate"), async (ctx) => {
  const { id, arg } = data(ctx);
  await ctx.answerCallbackQuery();
  await rate(ctx, id, Number(arg), (text) => ctx.editMessageText(text).catch(() => undefined));
});

// At the rating question, a typed digit 1-5 counts as the rating (the question itself is edited
// to show it, so the reply only thanks); another number is asked again as 1-5.
chat.hears(/^\s*\d{1,3}\s*$/, async (ctx, next) => {
  const ticketId = await ticketAwaitingRating(ctx.deps.database.db, ctx.person!.id);
  if (ticketId === null) return next();
  const rating = Number(ctx.message!.text!.trim());
  if (rating < 1 || rating > 5) return ctx.reply(ctx.t("error-invalid-rating"));
  await rate(ctx, ticketId, rating, async () => undefined, true);
});
