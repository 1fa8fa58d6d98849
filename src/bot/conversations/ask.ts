// One question in a conversation: send it, wait for a fitting answer, re-ask politely a bounded
// number of times. Replay-safe: the only side effects are API calls through ctx.
import type { Conversation } from "@grammyjs/conversations";
import { GrammyError, HttpError, InlineKeyboard, Keyboard } from "grammy";
import type { Logger } from "../../log.ts";
import { packCallback, parseCallback } from "../callback-data.ts";
import type { BotContext, ConversationContext } from "../context.ts";
import type { Translate } from "../i18n.ts";
import { normalizePhone } from "../../domain/tickets/report.ts";
import { deferAnswer } from "../deferred-answer.ts";

export type Conv = Conversation<BotContext, ConversationContext>;
export type Choice = { value: string; label: string };
export type Answer =
  | { kind: "choice"; value: string }
  | { kind: "text"; value: string }
  | { kind: "photo"; fileId: string }
  | { kind: "contact"; phone: string };

export type Question = {
  /** Distinguishes this question's buttons from those of earlier questions. */
  step: number;
  text: string;
  choices?: Choice[][];
  accept?: ("text" | "photo" | "contact")[];
  /** What to say when the answer does not fit. */
  hint: string;
  /** A reply keyboard with a "share my phone number" button. */
  contactButton?: string;
  /** Shared by a flow's questions: the check mark of a pressed answer goes out with the next question. */
  trail?: Trail;
};

/**
 * An answered question whose "✅ answer" waits to be shown: the next question edits it into the same
 * message (one Bot API call for both), anything else the flow says first shows it (flushTrail).
 */
export type Trail = { pending?: { chatId: number; messageId: number; text: string } };

/** Shows a waiting check mark on its own (before a message that cannot carry it). */
export async function flushTrail(ctx: ConversationContext, trail: Trail | undefined): Promise<void> {
  const p = trail?.pending;
  if (!p) return;
  trail!.pending = undefined;
  await ctx.api.editMessageText(p.chatId, p.messageId, p.text).catch(() => undefined);
}

/** Sends a question, or edits it into the message of the answer before (see Trail). */
async function put(ctx: ConversationContext, q: Question, text: string, markup: InlineKeyboard | Keyboard | undefined) {
  const p = q.trail?.pending;
  if (!p || q.contactButton) {
    await flushTrail(ctx, q.trail);
    const m = await ctx.reply(text, { reply_markup: markup, parse_mode: undefined });
    return { chatId: m.chat.id, messageId: m.message_id, text };
  }
  q.trail!.pending = undefined;
  const merged = `${p.text}\n\n${text}`;
  try {
    await ctx.api.editMessageText(p.chatId, p.messageId, merged, { reply_markup: markup as InlineKeyboard | undefined });
    return { chatId: p.chatId, messageId: p.messageId, text: merged };
  } catch (e) {
    if (!(e instanceof GrammyError && e.error_code === 400)) throw e;
    // the message cannot be edited any more (deleted, too old): the question comes on its own
    const m = await ctx.reply(text, { reply_markup: markup, parse_mode: undefined });
    return { chatId: m.chat.id, messageId: m.message_id, text };
  }
}

export const MAX_TRIES = 4;

/**
 * The flow instance, the same on every replay: the chat and the update that entered the flow. A
 * submit carries it (submitKey), so the same flow submitted again finds what it made the first time.
 */
export const flowKey = (ctx: ConversationContext): string =>
  `${ctx.chat?.id ?? ctx.from?.id ?? ""}:${ctx.update.update_id}:${ctx.callbackQuery?.id ?? ctx.msg?.message_id ?? ""}`;

/** Said before the answer of a submit that had been made already: nothing new was made. */
export const again = (t: Translate, number: string, before?: boolean) =>
  (before ? `${t("submitted-again", { number })}\n\n` : "");
/** A flow left unanswered this long is dropped; the next message is handled normally. */
export const WAIT_LIMIT_MS = 30 * 60_000;

/** Thrown (and caught by the flow) when someone keeps answering with the wrong thing. */
export class TooManyTries extends Error {}

export async function ask(conversation: Conv, ctx: ConversationContext, t: Translate, q: Question): Promise<Answer> {
  const markup = q.contactButton
    ? new Keyboard().requestContact(q.contactButton).resized().oneTime()
    : q.choices ? InlineKeyboard.from(q.choices.map((row) => row.map((c) => InlineKeyboard.text(c.label, packCallback("q", q.step, c.value))))) : undefined;
  let sent = await put(ctx, q, q.text, markup);
  const accept = q.accept ?? [];
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const next = await conversation.wait();
    const data = parseCallback(next.callbackQuery?.data);
    if (next.callbackQuery) {
      // a button of another message (an offer, a rating…) is for the normal handlers
      if (data?.action !== "q") await conversation.skip({ next: true });
      const choice = data?.action === "q" && data.id === q.step ? q.choices?.flat().find((c) => c.value === data.arg) : undefined;
      if (!choice) await next.answerCallbackQuery({ text: t("ask-old-button") }).catch(() => undefined);
      if (choice) {
        deferAnswer(next); // answered once the update is handled (in webhook mode with the reply to Telegram)
        // one check mark style: the answered question shows "✅ <choice>" (a suggestion's 👉 dropped)
        const shown = choice.label.replace(/^👉\s*/u, "");
        const text = `${sent.text}\n\n${shown.startsWith("✅") ? "" : "✅ "}${shown}`;
        if (q.trail) q.trail.pending = { chatId: sent.chatId, messageId: sent.messageId, text };
        else await next.api.editMessageText(sent.chatId, sent.messageId, text).catch(() => undefined);
        return { kind: "choice", value: choice.value };
      }
    } else {
      const answer = answerOf(next.message, accept);
      if (answer) {
        // the question is answered: its buttons (a "skip", the time slots…) go away
        if (q.choices) await next.api.editMessageReplyMarkup(sent.chatId, sent.messageId).catch(() => undefined);
        return answer;
      }
    }
    // The question is asked again with its buttons: after a crash between recording the last
    // answer and sending this question, the message the person sees may have lost its buttons.
    const again = await next.reply(`${q.hint}\n\n${q.text}`, { reply_markup: markup, parse_mode: undefined });
    sent = { chatId: again.chat.id, messageId: again.message_id, text: again.text ?? "" };
  }
  throw new TooManyTries();
}

function answerOf(msg: ConversationContext["message"], accept: NonNullable<Question["accept"]>): Answer | undefined {
  if (msg?.text !== undefined && accept.includes("text")) return { kind: "text", value: msg.text };
  if (msg?.photo && accept.includes("photo")) return { kind: "photo", fileId: msg.photo.at(-1)!.file_id };
  if (msg?.contact && accept.includes("contact")) return { kind: "contact", phone: msg.contact.phone_number };
  return undefined;
}

/**
 * A text answer of at most `max` characters; too long or not text is said and asked again.
 * With `skip`, a skip button is shown and pressing it gives null.
 */
export async function askText(
  conversation: Conv, ctx: ConversationContext, t: Translate,
  q: { step: number; text: string; max: number; skip?: boolean; trail?: Trail },
): Promise<string | null> {
  for (let i = 0; i < MAX_TRIES; i++) {
    const a = await ask(conversation, ctx, t, {
      step: q.step + i, text: q.text, accept: ["text"], hint: t("ask-send-text"), trail: q.trail,
      choices: q.skip ? [[{ value: "skip", label: t("btn-skip") }]] : undefined,
    });
    if (a.kind === "choice") return null;
    const text = a.kind === "text" ? a.value.trim() : "";
    if (text && text.length <= q.max) return text;
    await flushTrail(ctx, q.trail);
    await ctx.reply(text ? t("ask-too-long", { length: String(text.length), max: String(q.max) }) : t("ask-send-text"));
  }
  throw new TooManyTries();
}

/** A phone number, shared with the button or typed; a wrong one is said and asked again. */
export async function askPhone(
  conversation: Conv, ctx: ConversationContext, t: Translate, q: { step: number; text: string; trail?: Trail },
): Promise<string> {
  for (let i = 0; i < MAX_TRIES; i++) {
    const a = await ask(conversation, ctx, t, {
      step: q.step + i, text: q.text, hint: t("repair-phone-hint"), trail: q.trail,
      accept: ["text", "contact"], contactButton: t("btn-share-phone"),
    });
    const phone = normalizePhone(a.kind === "contact" ? a.phone : a.kind === "text" ? a.value : "");
    if (phone) {
      await ctx.reply(t("repair-phone-ok", { phone }), { reply_markup: { remove_keyboard: true } });
      return phone;
    }
    await ctx.reply(t("repair-phone-invalid"));
  }
  throw new TooManyTries();
}

/**
 * Wraps a flow so that a message that could neither go nor be handed to the outbox (Telegram and
 * the database failing at once, see telegram-fetch.ts) undoes only the update being handled: the flow stays where it was, with every earlier answer,
 * and the person's next message carries on. Other errors end the flow as before.
 */
export function keepAnswersOnSendFailure<A extends unknown[]>(
  flow: (conversation: Conv, ctx: ConversationContext, ...args: A) => Promise<void>, log: Logger,
) {
  return async (conversation: Conv, ctx: ConversationContext, ...args: A): Promise<void> => {
    try {
      await flow(conversation, ctx, ...args);
    } catch (e) {
      const transient = e instanceof HttpError
        || (e instanceof GrammyError && (e.error_code === 429 || e.error_code >= 500));
      if (!transient) throw e;
      log.warn("conversation: a reply failed, the update is undone and the answers so far kept", { error: String(e) });
      await conversation.skip({ next: false });
    }
  };
}
