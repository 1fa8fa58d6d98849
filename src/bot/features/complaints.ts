// Complaints: owners /complain (or the button on a ticket card) and answer "satisfied?"; the desk
// lists them (/complaints), classifies and assigns; the handler records the result; the desk turns
// a callback or low rating into a complaint (/tocomplaint NUMBER). The domain re-checks every press.
import { Composer, InlineKeyboard } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import { complaintForDesk, complaintFromTicket, listOpenComplaints, mayRecordResult } from "../../domain/complaint-desk.ts";
import { complaintTargets, rateComplaintAnswer } from "../../domain/complaints.ts";
import { callbackFor, packCallback, parseCallback } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import { errorKey } from "../errors.ts";
import { enterFlow } from "../conversations/enter.ts";
import { WAIT_LIMIT_MS } from "../conversations/ask.ts";
import {
  COMPLAIN, COMPLAINT_DESK, COMPLAINT_RESULT, complainConversation, complaintDeskConversation, complaintResultConversation,
  type ComplainArgs, type DeskArgs,
} from "../conversations/complaint-flows.ts";

export const complaintsFeature = new Composer<BotContext>();
complaintsFeature.use(createConversation(complainConversation, { id: COMPLAIN, maxMillisecondsToWait: WAIT_LIMIT_MS }));
complaintsFeature.use(createConversation(complaintDeskConversation, { id: COMPLAINT_DESK, maxMillisecondsToWait: WAIT_LIMIT_MS }));
complaintsFeature.use(createConversation(complaintResultConversation, { id: COMPLAINT_RESULT, maxMillisecondsToWait: WAIT_LIMIT_MS }));

const chat = complaintsFeature.chatType("private");
const data = (ctx: BotContext) => parseCallback(ctx.callbackQuery?.data)!;
const refuse = (ctx: BotContext, code: string) =>
  ctx.answerCallbackQuery({ text: ctx.t(code === "FORBIDDEN" ? "desk-only" : errorKey(code)), show_alert: true });

async function startComplaint(ctx: BotContext, ticketId?: number) {
  const targets = await complaintTargets(ctx.deps.database.db, ctx.person!.id);
  if (targets.properties.length === 0) return ctx.reply(ctx.t("help-not-joined"));
  const args: ComplainArgs = { personId: ctx.person!.id, lang: ctx.lang, targets, ticketId };
  await enterFlow(ctx, COMPLAIN, args);
}

chat.command("complain", (ctx) => startComplaint(ctx));

complaintsFeature.callbackQuery(callbackFor("cpt"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await startComplaint(ctx, data(ctx).id);
});

complaintsFeature.callbackQuery(callbackFor("cps"), async (ctx) => {
  const { id, arg } = data(ctx);
  const res = await rateComplaintAnswer(ctx.deps.database, { complaintId: id, actorId: ctx.person!.id, satisfied: arg === "y" }, ctx.deps.clock());
  await ctx.answerCallbackQuery();
  if (!res.ok) return ctx.reply(ctx.t(errorKey(res.error)));
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.reply(ctx.t(res.value.satisfied ? "complaint-owner-satisfied" : "complaint-owner-dissatisfied", { number: res.value.number }));
});

chat.command("complaints", async (ctx) => {
  const res = await listOpenComplaints(ctx.deps.database.db, ctx.person!.id, ctx.deps.clock());
  if (!res.ok) return ctx.reply(ctx.t("desk-only"));
  if (res.value.length === 0) return ctx.reply(ctx.t("complaints-none"));
  const lines = res.value.map((c) => ctx.t("complaints-line", {
    ...c, urgent: c.category === "none" ? "none" : c.urgent ? "yes" : "no", valid: String(c.valid),
    reopened: c.reopened ? "yes" : "no", overdue: c.overdue ? "yes" : "no",
  }));
  const open = res.value.filter((c) => c.status === "open");
  const kb = InlineKeyboard.from(open.map((c) => [InlineKeyboard.text(`${ctx.t("btn-complaint-handle")} ${c.number}`, packCallback("cph", c.id))]));
  await ctx.reply(`${ctx.t("complaints-title", { count: res.value.length })}\n\n${lines.join("\n\n")}`, { reply_markup: kb });
});

complaintsFeature.callbackQuery(callbackFor("cph"), async (ctx) => {
  const res = await complaintForDesk(ctx.deps.database.db, ctx.person!.id, data(ctx).id);
  if (!res.ok) return refuse(ctx, res.error);
  await ctx.answerCallbackQuery();
  const { id: complaintId, number } = res.value;
  const args: DeskArgs = { personId: ctx.person!.id, lang: ctx.lang, complaintId, number };
  await enterFlow(ctx, COMPLAINT_DESK, args);
});

complaintsFeature.callbackQuery(callbackFor("cpr"), async (ctx) => {
  const res = await mayRecordResult(ctx.deps.database.db, ctx.person!.id, data(ctx).id);
  if (!res.ok) return refuse(ctx, res.error);
  await ctx.answerCallbackQuery();
  const args: DeskArgs = {
    personId: ctx.person!.id, lang: ctx.lang, complaintId: data(ctx).id, number: res.value.number,
  };
  await enterFlow(ctx, COMPLAINT_RESULT, args);
});

chat.command("tocomplaint", async (ctx) => {
  if (!ctx.match.trim()) return ctx.reply(ctx.t("tocomplaint-usage"));
  const input = { ticketNumber: ctx.match, actorId: ctx.person!.id, text: ctx.t("tocomplaint-no-words") };
  const res = await complaintFromTicket(ctx.deps.database, input, ctx.deps.clock());
  if (!res.ok) {
    const key = res.error === "FORBIDDEN" ? "desk-only" : res.error === "NOT_FOUND" ? "tocomplaint-usage"
      : res.error === "INVALID_RATING" ? "tocomplaint-not-low" : errorKey(res.error);
    return ctx.reply(ctx.t(key));
  }
  await ctx.reply(ctx.t("tocomplaint-done", { ticket: res.value.ticket, number: res.value.number }));
});
