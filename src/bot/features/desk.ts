// Desk and supervisors: /callbacks (phone-callback tasks; record the owner's answer given by
// phone: rating, then an optional note) and /followups (open follow-ups; close one with a result
// that is passed on to the owner). The domain re-checks the role on every press.
import { Composer, InlineKeyboard } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import { closeFollowUp, listOpenFollowUps } from "../../domain/followups.ts";
import { listPhoneCallbacks, phoneCallbackTask } from "../../domain/scheduled/callbacks.ts";
import { deskScope } from "../../domain/staff.ts";
import { answerSurvey, RATINGS } from "../../domain/surveys.ts";
import { MAX_NOTE, type Language } from "../../domain/types.ts";
import { callbackFor, packCallback, parseCallback } from "../callback-data.ts";
import { enterFlow } from "../conversations/enter.ts";
import { replyLong } from "../long-text.ts";
import type { BotContext, ConversationContext } from "../context.ts";
import { errorKey } from "../errors.ts";
import { translator } from "../i18n.ts";
import { ask, TooManyTries, WAIT_LIMIT_MS, type Conv } from "../conversations/ask.ts";

export const PHONE_ANSWER = "desk-phone-answer";
export const FOLLOWUP_CLOSE = "desk-followup-close";

type PhoneArgs = { personId: number; lang: Language; ticketId: number; number: string; owner: string; phone: string };
type CloseArgs = { personId: number; lang: Language; followUpId: number };

/** Rating 5…1, then an optional note, then answerSurvey(channel phone). */
async function phoneAnswer(conversation: Conv, ctx: ConversationContext, a: PhoneArgs) {
  const t = translator(a.lang);
  try {
    const rating = await ask(conversation, ctx, t, {
      step: 1, text: t("phone-ask-rating", a), hint: t("ask-use-buttons"),
      choices: RATINGS.map((n) => [{ value: String(n), label: t(`rate-${n}`) }]),
    });
    const note = await ask(conversation, ctx, t, { step: 2, text: t("phone-ask-note"), accept: ["text"], hint: t("ask-send-text"), choices: [[{ value: "skip", label: t("btn-skip") }]] });
    const comment = note.kind === "text" ? note.value.trim().slice(0, MAX_NOTE) : undefined;
    const res = await conversation.external((outer: BotContext) => answerSurvey(
      outer.deps.database, { ticketId: a.ticketId, actorId: a.personId, rating: Number(rating.kind === "choice" ? rating.value : 0), comment, channel: "phone" }, outer.deps.clock(),
    ));
    if (!res.ok) return void (await ctx.reply(t(errorKey(res.error))));
    const followUp = res.value.followUpId ? `\n${t("phone-answer-followup", { id: res.value.followUpId })}` : "";
    await ctx.reply(t("phone-answer-recorded", { number: a.number, rating: t(`rate-${res.value.rating}`) }) + followUp);
  } catch (e) {
    if (!(e instanceof TooManyTries)) throw e;
    await ctx.reply(t("desk-too-many-tries"));
  }
}

/** The result text, then closeFollowUp (the owner is told through the outbox). */
async function followUpClose(conversation: Conv, ctx: ConversationContext, a: CloseArgs) {
  const t = translator(a.lang);
  try {
    const answer = await ask(conversation, ctx, t, { step: 1, text: t("followup-ask-result", { id: a.followUpId }), accept: ["text"], hint: t("ask-send-text") });
    const result = answer.kind === "text" ? answer.value.trim().slice(0, MAX_NOTE) : "";
    const res = await conversation.external((outer: BotContext) => closeFollowUp(outer.deps.database, { followUpId: a.followUpId, actorId: a.personId, result }, outer.deps.clock()));
    await ctx.reply(res.ok ? t(res.value.notified ? "followup-closed" : "followup-closed-no-owner", { id: a.followUpId }) : t(errorKey(res.error)));
  } catch (e) {
    if (!(e instanceof TooManyTries)) throw e;
    await ctx.reply(t("desk-too-many-tries"));
  }
}

export const deskFeature = new Composer<BotContext>();
deskFeature.use(createConversation(phoneAnswer, { id: PHONE_ANSWER, maxMillisecondsToWait: WAIT_LIMIT_MS }));
deskFeature.use(createConversation(followUpClose, { id: FOLLOWUP_CLOSE, maxMillisecondsToWait: WAIT_LIMIT_MS }));

const chat = deskFeature.chatType("private");
const idOf = (ctx: BotContext) => parseCallback(ctx.callbackQuery?.data)!.id;

chat.command("callbacks", async (ctx) => {
  const res = await listPhoneCallbacks(ctx.deps.database.db, ctx.person!.id);
  if (!res.ok) return ctx.reply(ctx.t("desk-only"));
  if (res.value.length === 0) return ctx.reply(ctx.t("callbacks-none"));
  const lines = res.value.map((c) => ctx.t("callbacks-line", c));
  const kb = InlineKeyboard.from(res.value.map((c) => [InlineKeyboard.text(ctx.t("btn-record-phone-for", { number: c.number }), packCallback("cbans", c.ticketId))]));
  await replyLong(ctx, [{ text: ctx.t("callbacks-title", { count: res.value.length }) }, { text: lines.join("\n\n") }], { reply_markup: kb });
});

deskFeature.callbackQuery(callbackFor("cbans"), async (ctx) => {
  const res = await phoneCallbackTask(ctx.deps.database.db, ctx.person!.id, idOf(ctx));
  if (!res.ok) return ctx.answerCallbackQuery({ text: ctx.t(res.error === "FORBIDDEN" ? "desk-only" : errorKey(res.error)), show_alert: true });
  await ctx.answerCallbackQuery();
  const { ticketId, number, owner, phone } = res.value;
  await enterFlow(ctx, PHONE_ANSWER, { personId: ctx.person!.id, lang: ctx.lang, ticketId, number, owner, phone } satisfies PhoneArgs);
});

chat.command("followups", async (ctx) => {
  const res = await listOpenFollowUps(ctx.deps.database.db, ctx.person!.id, ctx.deps.clock());
  if (!res.ok) return ctx.reply(ctx.t("desk-only"));
  if (res.value.length === 0) return ctx.reply(ctx.t("followups-none"));
  const lines = res.value.map((f) => ctx.t("followups-line", { ...f, overdue: f.overdue ? "yes" : "no" }));
  const kb = InlineKeyboard.from(res.value.map((f) => [InlineKeyboard.text(ctx.t("btn-close-followup", { id: f.id }), packCallback("fuclose", f.id))]));
  await replyLong(ctx, [{ text: ctx.t("followups-title", { count: res.value.length }) }, { text: lines.join("\n\n") }], { reply_markup: kb });
});

deskFeature.callbackQuery(callbackFor("fuclose"), async (ctx) => {
  if (!(await deskScope(ctx.deps.database.db, ctx.person!.id))) return ctx.answerCallbackQuery({ text: ctx.t("desk-only"), show_alert: true });
  await ctx.answerCallbackQuery();
  await enterFlow(ctx, FOLLOWUP_CLOSE, { personId: ctx.person!.id, lang: ctx.lang, followUpId: idOf(ctx) } satisfies CloseArgs);
});
