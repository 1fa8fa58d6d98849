// Short flows that ask for a reason or a note and hand it to the domain.
import { reportNotFixed } from "../../domain/tickets/owner.ts";
import { cannotFinish, markDone } from "../../domain/tickets/work.ts";
import { addRatingComment } from "../../domain/surveys.ts";
import { MAX_NOTE, type Language, type Result } from "../../domain/types.ts";
import type { BotDeps, ConversationContext } from "../context.ts";
import { errorKey } from "../errors.ts";
import { translator, type Translate } from "../i18n.ts";
import { again, ask, askPhone, askText, TooManyTries, type Conv } from "./ask.ts";
import { setPhone } from "../../domain/people.ts";

export const NOT_FIXED = "not-fixed";
export const RATING_COMMENT = "rating-comment";
export const JOB_DONE = "job-done";
export const CANNOT_FINISH = "cannot-finish";
export const STAFF_PHONE = "staff-phone";
export type FlowArgs = { personId: number; lang: Language; ticketId: number; number: string };

type Step = { conversation: Conv; ctx: ConversationContext; t: Translate; step: number };

/** A text of at most MAX_NOTE characters, or null when the person taps the skip button (if any). */
const note = (s: Step, question: string, skip: boolean) => askText(s.conversation, s.ctx, s.t, { step: s.step, text: question, max: MAX_NOTE, skip });

/** Wraps a flow: builds t, runs it, answers the domain result, ends politely after too many tries. */
type Outcome = { result: Result<unknown>; success: string } | null;
function flow(id: string, body: (s: Step, args: FlowArgs) => Promise<Outcome>, opts: { endsCard?: boolean } = {}) {
  return async (conversation: Conv, ctx: ConversationContext, args: FlowArgs) => {
    const t = translator(args.lang);
    try {
      const out = await body({ conversation, ctx, t, step: 1 }, args);
      if (!out) return;
      const before = out.result.ok && again(t, args.number, (out.result.value as { again?: boolean } | null)?.again);
      await ctx.reply(out.result.ok ? before + t(out.success, { number: args.number }) : t(errorKey(out.result.error)));
      // the job is done: the card the flow was started from loses its work buttons
      const card = ctx.callbackQuery?.message;
      if (opts.endsCard && out.result.ok && card) {
        await ctx.api.editMessageReplyMarkup(card.chat.id, card.message_id).catch(() => undefined);
      }
    } catch (e) {
      if (!(e instanceof TooManyTries)) throw e;
      await ctx.reply(t("ask-too-many-tries", { flow: id }));
    }
  };
}

export function shortFlows(deps: BotDeps) {
  const now = () => deps.clock();
  return {
    [NOT_FIXED]: flow(NOT_FIXED, async (s, a) => {
      const reason = (await note(s, s.t("owner-ask-not-fixed-reason", { number: a.number }), false))!;
      const result = await s.conversation.external(() => reportNotFixed(deps.database, a.personId, a.ticketId, reason, now()));
      return { result, success: "owner-not-fixed-sent" };
    }),
    [RATING_COMMENT]: flow(RATING_COMMENT, async (s, a) => {
      const comment = await note(s, s.t("owner-ask-rating-reason"), true);
      if (comment === null) return { result: { ok: true, value: null }, success: "owner-rating-thanks-low" };
      const result = await s.conversation.external(() => addRatingComment(deps.database, a.personId, a.ticketId, comment, now()));
      return { result, success: "owner-rating-reason-thanks" };
    }),
    [STAFF_PHONE]: flow(STAFF_PHONE, async (s, a) => {
      const phone = await askPhone(s.conversation, s.ctx, s.t, { step: 1, text: s.t("staff-ask-phone") });
      const result = await s.conversation.external(() => setPhone(deps.database.db, a.personId, phone, now()));
      return { result, success: "staff-phone-saved" };
    }),
    [JOB_DONE]: flow(JOB_DONE, async (s, a) => {
      const text = await note(s, s.t("tech-ask-done-note", { number: a.number }), true);
      const photo = await ask(s.conversation, s.ctx, s.t, {
        step: 10, text: s.t("tech-ask-done-photo"), accept: ["photo"], hint: s.t("tech-done-photo-hint"),
        choices: [[{ value: "skip", label: s.t("btn-skip") }]],
      });
      const photoFileId = photo.kind === "photo" ? photo.fileId : undefined;
      const result = await s.conversation.external(() => markDone(deps.database, a.personId, a.ticketId, { note: text ?? "", photoFileId }, now()));
      return { result, success: "tech-done-ok" };
    }, { endsCard: true }),
    [CANNOT_FINISH]: flow(CANNOT_FINISH, async (s, a) => {
      const reason = (await note(s, s.t("tech-ask-cannot-reason", { number: a.number }), false))!;
      const when = await ask(s.conversation, s.ctx, s.t, {
        step: 10, text: s.t("tech-ask-new-time"), accept: ["text"], hint: s.t("repair-time-hint"),
        choices: ["tomorrow_am", "tomorrow_pm"].map((v) => [{ value: v, label: s.t(`time-${v}`) }]),
      });
      const result = await s.conversation.external(async () => {
        const window = when.kind === "choice" ? when.value : undefined;
        const text = when.kind === "choice" ? s.t(`time-${when.value}`) : when.kind === "text" ? when.value.trim().slice(0, 100) : "";
        const input = { reason, newTime: null, newTimeText: text, window };
        return cannotFinish(deps.database, a.personId, a.ticketId, input, now());
      });
      return { result, success: "tech-cannot-ok" };
    }),
  };
}
