// /queue (desk, supervisors, control room): the property's open tickets grouped, paged, each line
// opening the ticket's card; /find by number, home or phone for any staff role of the property.
import { Composer, InlineKeyboard } from "grammy";
import { findTickets, queueOf, QUEUE_GROUPS, isQueueGroup, ticketCard, type Queue, type QueueLine } from "../../domain/tickets/queue.ts";
import { callbackFor, packCallback, parseCallback } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import { errorKey } from "../errors.ts";
import { replyLong } from "../long-text.ts";
import { cardEventLine } from "../words.ts";

export const queueFeature = new Composer<BotContext>();
const chat = queueFeature.chatType("private");
const data = (ctx: BotContext) => parseCallback(ctx.callbackQuery?.data)!;

const lineText = (ctx: BotContext, l: QueueLine) => ctx.t("queue-line", {
  number: l.number, place: l.place, category: l.category, reportedAt: l.reportedAt,
  emergency: l.emergency ? "yes" : "no", assignee: l.assignee || "-", rework: l.reworkOfId ? "yes" : "no",
  priority: l.priority, urges: l.urges, late: l.late ? "yes" : "no",
});

function queueMessage(ctx: BotContext, q: Queue) {
  const counts = QUEUE_GROUPS.map((g) => ctx.t("queue-count", { group: g, count: q.counts[g] })).join("\n");
  const body = q.lines.length ? q.lines.map((l) => lineText(ctx, l)).join("\n") : ctx.t("queue-empty");
  const text = `${ctx.t("queue-title", { property: q.propertyName })}\n${counts}\n\n${ctx.t("queue-group-head", { group: q.group, page: q.page + 1, pages: q.pages })}\n${body}`;
  const kb = new InlineKeyboard();
  for (const l of q.lines) kb.text(`${l.emergency ? "⚠️ " : ""}${l.number} · ${l.place}`, packCallback("card", l.id)).row();
  if (q.page > 0) kb.text(ctx.t("btn-prev"), packCallback("qg", q.propertyId, `${q.group}.${q.page - 1}`));
  if (q.page + 1 < q.pages) kb.text(ctx.t("btn-next"), packCallback("qg", q.propertyId, `${q.group}.${q.page + 1}`));
  kb.row();
  QUEUE_GROUPS.filter((g) => g !== q.group && q.counts[g] > 0).forEach((g, i) => {
    kb.text(ctx.t("queue-tab", { group: g, count: q.counts[g] }), packCallback("qg", q.propertyId, `${g}.0`));
    if (i % 2) kb.row();
  });
  return { text, reply_markup: kb };
}

chat.command("queue", async (ctx) => {
  const res = await queueOf(ctx.deps.database.db, ctx.person!.id, {}, ctx.deps.clock());
  if (!res.ok) return ctx.reply(ctx.t("queue-only"));
  const m = queueMessage(ctx, res.value);
  await ctx.reply(m.text, { reply_markup: m.reply_markup });
});

queueFeature.callbackQuery(callbackFor("qg"), async (ctx) => {
  const d = data(ctx);
  const [group, page] = d.arg.split(".");
  const res = await queueOf(ctx.deps.database.db, ctx.person!.id, {
    propertyId: d.id, group: isQueueGroup(group ?? "") ? (group as Queue["group"]) : undefined, page: Number(page) || 0,
  }, ctx.deps.clock());
  if (!res.ok) return ctx.answerCallbackQuery({ text: ctx.t("queue-only"), show_alert: true });
  await ctx.answerCallbackQuery();
  const m = queueMessage(ctx, res.value);
  await ctx.editMessageText(m.text, { reply_markup: m.reply_markup }).catch(() => ctx.reply(m.text, { reply_markup: m.reply_markup }));
});

/** The ticket's card: facts, timeline, and the buttons for what the person may do now. */
export async function showCard(ctx: BotContext, ticketId: number) {
  const res = await ticketCard(ctx.deps.database.db, ctx.person!.id, ticketId);
  if (!res.ok) return ctx.reply(ctx.t(errorKey(res.error)));
  const c = res.value;
  const v = c.ticket;
  const head = ctx.t("card-head", {
    number: v.number, status: v.status, emergency: v.emergency ? "yes" : "no", place: v.place, category: v.category,
    description: v.description, reported: v.reportedAt, channel: c.channel, registered: c.registeredBy || "-",
    technician: v.assignee || "-", owner: c.owner, rework: c.reworkOf || "-",
    priority: c.priority, urges: c.urges, due: c.deadline, late: c.late ? "yes" : "no",
  });
  const events = c.timeline.map((e) => cardEventLine(ctx.lang, e));
  const kb = new InlineKeyboard();
  if (c.canAssign) kb.text(ctx.t("btn-assign"), packCallback("cassign", v.id));
  if (c.canReassign) kb.text(ctx.t("btn-reassign"), packCallback("cassign", v.id));
  if (c.canAssign || c.canReassign) kb.text(ctx.t("btn-pool"), packCallback("cpool", v.id)).row();
  if (c.canCancel) kb.text(ctx.t("btn-staff-cancel"), packCallback("ccancel", v.id)).text(ctx.t("btn-priority"), packCallback("cprio", v.id)).row();
  if (c.canChase) kb.text(ctx.t("btn-chase"), packCallback("cchase", v.id)).row();
  if (c.canAct) {
    kb.text(ctx.t("btn-note"), packCallback("cnote", v.id)).text(ctx.t("btn-owner-phone"), packCallback("cphone", v.id)).row();
    kb.text(ctx.t(c.reworkOf ? "btn-rework-unlink" : "btn-rework-link"), packCallback("crework", v.id, c.reworkOf ? "unlink" : "link"));
  }
  if (c.canMerge) kb.text(ctx.t("btn-merge"), packCallback("cmerge", v.id));
  if (c.canUnmerge) kb.text(ctx.t("btn-unmerge"), packCallback("cmerge", v.id, "out"));
  // one incident: the first report, or the reports that follow this one, each a line to its card
  if (c.incidentOf) kb.row().text(`🔗 ${c.incidentOf.number}`, packCallback("card", c.incidentOf.id));
  for (const l of c.linked.slice(0, 6)) kb.row().text(`🔗 ${l.number}`, packCallback("card", l.id));
  const incident = [
    ...(c.incidentOf ? [ctx.t("card-incident-of", { number: c.incidentOf.number })] : []),
    ...(c.linked.length ? [ctx.t("card-incident-linked", { numbers: c.linked.map((l) => l.number).join(ctx.t("list-separator")) })] : []),
  ].map((line) => `\n${line}`).join("");
  // the whole timeline, oldest first, in as many messages as it needs (the buttons on the last)
  await replyLong(ctx, [{ text: `${head}${incident}` }, { text: events.join("\n") }], { reply_markup: kb });
}

queueFeature.callbackQuery(callbackFor("card"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showCard(ctx, data(ctx).id);
});

chat.command("find", async (ctx) => {
  if (!ctx.match.trim()) return ctx.reply(ctx.t("find-usage"));
  const res = await findTickets(ctx.deps.database.db, ctx.person!.id, ctx.match);
  if (!res.ok) return ctx.reply(ctx.t(res.error === "FORBIDDEN" ? "find-office-only" : "find-usage"));
  if (res.value.length === 0) return ctx.reply(ctx.t("find-none", { query: ctx.match.trim() }));
  const kb = InlineKeyboard.from(res.value.map((l) => [InlineKeyboard.text(`${l.number} · ${l.place}`, packCallback("card", l.id))]));
  await ctx.reply(`${ctx.t("find-title", { count: res.value.length })}\n${res.value.map((l) => lineText(ctx, l)).join("\n")}`, { reply_markup: kb });
});
