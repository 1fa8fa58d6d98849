// Complaint flows: the owner's /complain (target, text, photos), the desk's classify-and-assign,
// and the handler's result. Domain calls run inside conversation.external (filed once on replay).
import { assignComplaint, classifyComplaint, complaintHandlers } from "../../domain/complaint-desk.ts";
import { answerComplaint, COMPLAINT_CATEGORIES, fileComplaint, type ComplaintTargets } from "../../domain/complaints.ts";
import { MAX_DESCRIPTION, MAX_NOTE, MAX_PHOTOS, type Language } from "../../domain/types.ts";
import type { BotContext, ConversationContext } from "../context.ts";
import { errorKey } from "../errors.ts";
import { translator } from "../i18n.ts";
import { again, ask, askText, flowKey, TooManyTries, type Conv } from "./ask.ts";

export const COMPLAIN = "complain";
export const COMPLAINT_DESK = "complaint-desk";
export const COMPLAINT_RESULT = "complaint-result";
export type ComplainArgs = { personId: number; lang: Language; targets: ComplaintTargets; ticketId?: number };
export type DeskArgs = { personId: number; lang: Language; complaintId: number; number: string };

const choice = (a: { kind: string; value?: string }) => (a.kind === "choice" ? a.value! : "");

/** Runs a flow; an owner or staff member who keeps answering wrongly gets a polite stop. */
const guarded = <A extends { lang: Language }>(stopKey: string, flow: (c: Conv, ctx: ConversationContext, a: A) => Promise<unknown>) =>
  async (conversation: Conv, ctx: ConversationContext, a: A) => {
    try {
      await flow(conversation, ctx, a);
    } catch (e) {
      if (!(e instanceof TooManyTries)) throw e;
      await ctx.reply(translator(a.lang)(stopKey));
    }
  };

export const complainConversation = guarded<ComplainArgs>("complain-too-many-tries", async (conversation, ctx, a) => {
  const t = translator(a.lang);
  const hint = t("ask-use-buttons");
  let ticket = a.targets.tickets.find((x) => x.id === a.ticketId);
  let against = "";
  let propertyId = ticket?.propertyId ?? a.targets.properties[0]!.id;
  if (!ticket) {
    const targets = [...(a.targets.tickets.length ? ["ticket"] : []), "person", "service"];
    const target = choice(await ask(conversation, ctx, t, { step: 1, text: t("complain-ask-target"), hint, choices: targets.map((x) => [{ value: x, label: t(`complain-target-${x}`) }]) }));
    if (target === "ticket") {
      const label = (x: (typeof a.targets.tickets)[number]) => t("complain-ticket-choice", { ...x, short: x.number.slice(-4) });
      const choices = a.targets.tickets.map((x) => [{ value: String(x.id), label: label(x) }]);
      const id = choice(await ask(conversation, ctx, t, { step: 2, text: t("complain-ask-ticket"), hint, choices }));
      ticket = a.targets.tickets.find((x) => String(x.id) === id)!;
      propertyId = ticket.propertyId;
    } else if (a.targets.properties.length > 1) {
      propertyId = Number(choice(await ask(conversation, ctx, t, { step: 3, text: t("complain-ask-property"), hint, choices: a.targets.properties.map((p) => [{ value: String(p.id), label: p.name }]) })));
    }
    if (target === "person") against = (await askText(conversation, ctx, t, { step: 10, text: t("complain-ask-person"), max: MAX_NOTE }))!;
  }
  const description = (await askText(conversation, ctx, t, { step: 20, text: t("complain-ask-text", { max: MAX_DESCRIPTION }), max: MAX_DESCRIPTION }))!;
  const photos: string[] = [];
  while (photos.length < MAX_PHOTOS) {
    const text = photos.length === 0 ? t("complain-ask-photos", { max: MAX_PHOTOS }) : t("repair-photo-received", { count: photos.length, max: MAX_PHOTOS });
    const button = photos.length === 0 ? { value: "skip", label: t("btn-skip") } : { value: "done", label: t("btn-photos-done") };
    const p = await ask(conversation, ctx, t, { step: 30 + photos.length, text, hint: t("repair-photo-hint"), accept: ["photo"], choices: [[button]] });
    if (p.kind !== "photo") break;
    photos.push(p.fileId);
  }
  const input = {
    propertyId, complainantId: a.personId, ticketId: ticket?.id, against, description, photos, submitKey: flowKey(ctx),
  };
  const res = await conversation.external(async (outer: BotContext) => {
    const r = await fileComplaint(outer.deps.database, input, outer.deps.clock());
    if (!r.ok) return r;
    return { ok: true as const, number: r.value.number, answerBy: r.value.answerByLocal, again: r.value.again };
  });
  const filed = (number: string, answerBy: string, before?: boolean) =>
    again(t, number, before) + t("complain-filed", { number, answerBy });
  await ctx.reply(res.ok ? filed(res.number, res.answerBy, res.again) : t(errorKey(res.error)));
});

export const complaintDeskConversation = guarded<DeskArgs>("complaint-desk-too-many-tries", async (conversation, ctx, a) => {
  const t = translator(a.lang);
  const hint = t("ask-use-buttons");
  const q = (step: number, text: string, choices: { value: string; label: string }[][]) => ask(conversation, ctx, t, { step, text, hint, choices });
  const category = choice(await q(1, t("complaint-ask-category", a), COMPLAINT_CATEGORIES.map((c) => [{ value: c, label: t("complaint-category-label", { category: c }) }])));
  const urgent = choice(await q(2, t("complaint-ask-urgency"), [[{ value: "y", label: t("complaint-urgency-urgent") }], [{ value: "n", label: t("complaint-urgency-general") }]])) === "y";
  const valid = choice(await q(3, t("complaint-ask-valid"), [[{ value: "y", label: t("complaint-valid-yes") }, { value: "n", label: t("complaint-valid-no") }]])) === "y";
  const handlers = await conversation.external((outer: BotContext) => complaintHandlers(outer.deps.database.db, a.complaintId));
  if (handlers.length === 0) return ctx.reply(t("complaint-no-handlers"));
  const handlerId = Number(choice(await q(4, t("complaint-ask-handler"), handlers.map((h) => [{ value: String(h.id), label: h.name }]))));
  const res = await conversation.external(async (outer: BotContext) => {
    const { database, clock } = outer.deps;
    const c = await classifyComplaint(database, { complaintId: a.complaintId, actorId: a.personId, category, urgent, valid }, clock());
    if (!c.ok) return c;
    const h = await assignComplaint(database, { complaintId: a.complaintId, actorId: a.personId, handlerId }, clock());
    return h.ok ? { ok: true as const, number: c.value.number, due: c.value.due, handler: h.value.handler } : h;
  });
  await ctx.reply(res.ok ? t("complaint-desk-done", { number: res.number, due: res.due, handler: res.handler }) : t(errorKey(res.error)));
});

export const complaintResultConversation = guarded<DeskArgs>("complaint-desk-too-many-tries", async (conversation, ctx, a) => {
  const t = translator(a.lang);
  const result = (await askText(conversation, ctx, t, { step: 1, text: t("complaint-ask-result", { number: a.number, max: MAX_NOTE }), max: MAX_NOTE }))!;
  const res = await conversation.external((outer: BotContext) => answerComplaint(outer.deps.database, { complaintId: a.complaintId, actorId: a.personId, result }, outer.deps.clock()));
  await ctx.reply(res.ok ? t("complaint-result-recorded", { number: a.number }) : t(errorKey(res.error)));
});
