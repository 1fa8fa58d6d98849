// Technician: offers (accept / decline), /jobs, a job's actions (arrived, done, cannot finish), /duty.
import { Composer, InlineKeyboard } from "grammy";
import { setDuty } from "../../domain/people.ts";
import { acceptJob, declineJob } from "../../domain/tickets/dispatch.ts";
import { jobDetail, listJobs } from "../../domain/tickets/jobs.ts";
import { markArrived } from "../../domain/tickets/work.ts";
import { jobCardShown, openJobCard } from "../../domain/tickets/job-card.ts";
import { callbackFor, packCallback, parseCallback } from "../callback-data.ts";
import { enterFlow } from "../conversations/enter.ts";
import type { BotContext } from "../context.ts";
import { errorKey } from "../errors.ts";
import { excerpt } from "../../domain/text.ts";
import { MAX_CAPTION } from "../outbox-sender.ts";
import { renderKeyboard } from "../keyboards.ts";
import { sendCard } from "../job-card.ts";
import { CANNOT_FINISH, JOB_DONE } from "../conversations/short-flows.ts";

export const technicianFeature = new Composer<BotContext>();
const isTechnician = (ctx: BotContext) => Boolean(ctx.person?.roles.some((r) => r.role === "technician"));
const id = (ctx: BotContext) => parseCallback(ctx.callbackQuery?.data)!.id;

/** The job card; its clock runs on from here (the job-cards tick edits it as the time runs down). */
async function showJob(ctx: BotContext, ticketId: number, prefix = "") {
  const { db } = ctx.deps.database;
  const res = await openJobCard(db, ctx.person!.id, ticketId, ctx.deps.clock());
  if (!res.ok) return ctx.reply(ctx.t(errorKey(res.error)));
  const reply_markup = renderKeyboard(ctx.lang, res.value.buttons);
  const sent = await ctx.reply(prefix + ctx.t("job-card", res.value.params), { reply_markup });
  await jobCardShown(db, res.value.card, { chatId: sent.chat.id, messageId: sent.message_id }, ctx.deps.clock());
}

/** The offer pressed now reads `text`: its caption when the offer came with a photo (≤ 1,024, the end kept). */
function showOnOffer(ctx: BotContext, text: string, keepEnd = 0) {
  if (!ctx.callbackQuery?.message?.caption) return ctx.editMessageText(text);
  const end = text.slice(text.length - keepEnd);
  const caption = excerpt(text.slice(0, text.length - keepEnd), MAX_CAPTION - keepEnd) + end;
  return ctx.editMessageCaption({ caption });
}

technicianFeature.callbackQuery(callbackFor("accept"), async (ctx) => {
  const res = await acceptJob(ctx.deps.database, ctx.person!.id, id(ctx), ctx.deps.clock(), { card: true });
  if (!res.ok) {
    await ctx.answerCallbackQuery({ text: ctx.t(errorKey(res.error)), show_alert: true });
    if (["ALREADY_TAKEN", "TICKET_NOT_OPEN", "OFFER_CLOSED"].includes(res.error)) await ctx.editMessageReplyMarkup().catch(() => undefined);
    return;
  }
  // the accept is made: a toast Telegram would not take does not stop its card
  await ctx.answerCallbackQuery({ text: ctx.t("offer-accepted-toast") }).catch(() => undefined);
  // the winner's own offer shows the choice instead of its buttons
  const offer = ctx.callbackQuery.message;
  const mine = ctx.t("offer-mine");
  await (offer?.text || offer?.caption ? showOnOffer(ctx, `${offer.text ?? offer.caption}\n\n${mine}`, mine.length + 2)
    : ctx.editMessageReplyMarkup()).catch(() => undefined);
  if (res.value.card) return sendCard(ctx, res.value.card);
  // pressed again: the job is theirs already, its card is shown again
  await showJob(ctx, res.value.ticketId, `${ctx.t("offer-accepted", { number: res.value.number })}\n\n`);
});

technicianFeature.callbackQuery(callbackFor("decline"), async (ctx) => {
  const res = await declineJob(ctx.deps.database, ctx.person!.id, id(ctx), ctx.deps.clock());
  await ctx.answerCallbackQuery(res.ok ? undefined : { text: ctx.t(errorKey(res.error)), show_alert: true });
  if (res.ok) await showOnOffer(ctx, ctx.t("offer-declined", { number: res.value.number })).catch(() => undefined);
});

technicianFeature.callbackQuery(callbackFor("job"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showJob(ctx, id(ctx));
});

technicianFeature.callbackQuery(callbackFor("arrived"), async (ctx) => {
  const res = await markArrived(ctx.deps.database, ctx.person!.id, id(ctx), ctx.deps.clock());
  await ctx.answerCallbackQuery(res.ok ? { text: ctx.t("arrived-ok") } : { text: ctx.t(errorKey(res.error)), show_alert: true });
  if (res.ok) await ctx.reply(ctx.t("arrived-recorded", { number: res.value.number }));
});

for (const [action, flow] of [["done", JOB_DONE], ["cannot", CANNOT_FINISH]] as const) {
  technicianFeature.callbackQuery(callbackFor(action), async (ctx) => {
    const res = await jobDetail(ctx.deps.database.db, ctx.person!.id, id(ctx));
    await ctx.answerCallbackQuery(res.ok ? undefined : { text: ctx.t(errorKey(res.error)), show_alert: true });
    if (!res.ok) return;
    const args = { personId: ctx.person!.id, lang: ctx.lang, ticketId: res.value.id, number: res.value.number };
    await enterFlow(ctx, flow, args);
  });
}

const staff = technicianFeature.chatType("private").filter(isTechnician);

staff.command("jobs", async (ctx) => {
  const jobs = await listJobs(ctx.deps.database.db, ctx.person!.id);
  if (jobs.length === 0) return ctx.reply(ctx.t("jobs-none"));
  const kb = InlineKeyboard.from(jobs.map((j) => [InlineKeyboard.text(ctx.t("jobs-button", { ...j, emergency: j.emergency ? "yes" : "no" }), packCallback("job", j.id))]));
  await ctx.reply(ctx.t("jobs-title", { count: jobs.length }), { reply_markup: kb });
});

staff.command("duty", async (ctx) => {
  const arg = ctx.match.trim().toLowerCase();
  if (arg !== "on" && arg !== "off") return ctx.reply(ctx.t("duty-usage", { state: ctx.person!.onDuty ? "on" : "off" }));
  const res = await setDuty(ctx.deps.database.db, ctx.person!.id, arg === "on", ctx.deps.clock());
  await ctx.reply(res.ok ? ctx.t(arg === "on" ? "duty-on" : "duty-off") : ctx.t(errorKey(res.error)));
});

technicianFeature.chatType("private").command(["jobs", "duty"], (ctx) => ctx.reply(ctx.t("technician-only")));
