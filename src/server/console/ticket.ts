// A ticket in the console: the chat card's facts, its timeline in words, and the card's actions
// (the same domain calls as ticket-actions.ts, each with its reason), answered with the new state.
import { ALLOWED, type Kind } from "../../bot/features/ticket-actions.ts";
import { cardEventLine } from "../../bot/words.ts";
import { addNote, assignCandidates, assignTo, cancelByStaff, returnToPool } from "../../domain/tickets/assign.ts";
import { mergeCandidates, mergeTickets, unmergeTicket } from "../../domain/tickets/incident.ts";
import { ticketCard, type TicketCard } from "../../domain/tickets/queue.ts";
import { setRework } from "../../domain/tickets/rework.ts";
import { chaseTechnician, setPriority, URGE_EVERY_MINUTES } from "../../domain/tickets/urge.ts";
import { pendingPhoneCallback } from "../../domain/scheduled/callbacks.ts";
import { answerSurvey, RATINGS } from "../../domain/surveys.ts";
import { MAX_NOTE, type Result } from "../../domain/types.ts";
import { invalid, refuse, type ApiDeps, type Call } from "./api.ts";
import { sendJson } from "./http.ts";
import { QUOTE_KINDS, quoteAction, quoteSection, type QuoteKind } from "./quote.ts";

type Action = Kind | "assign" | "chase" | "phone" | "quote";
const KINDS = new Set<string>(["assign", "chase", "phone", ...Object.keys(ALLOWED)]);

/**
 * The actions the card offers now, as the chat's buttons (ticket-actions.ts decides which; 催办 as the
 * card's 📣 button), and the phone answer while the ticket's callback waits for the desk (/callbacks).
 */
const actionsOf = (c: TicketCard, phone: boolean): Action[] => [
  ...(c.canAct && c.canAssign ? ["assign" as const] : []),
  ...(Object.keys(ALLOWED) as Kind[]).filter((k) => c.canAct && ALLOWED[k](c)),
  ...(c.canChase ? ["chase" as const] : []),
  ...(phone ? ["phone" as const] : []),
];

async function pageOf(c: Call, deps: ApiDeps, id: number) {
  const { db } = deps.database;
  const r = await ticketCard(db, c.viewer.personId, id);
  if (!r.ok) return r;
  const card = r.value;
  const phone = card.canAct ? await pendingPhoneCallback(db, c.viewer.personId, id) : null;
  const actions = actionsOf(card, phone !== null);
  const assigning = actions.includes("assign") || actions.includes("reassign");
  const candidates = assigning ? await assignCandidates(db, c.viewer.personId, id) : null;
  const merges = actions.includes("merge") ? await mergeCandidates(db, c.viewer.personId, id) : null;
  const quote = await quoteSection(c, deps, id); // null unless the viewer may quote (as /quote: desk, supervisor)
  if (quote?.may) actions.push("quote");
  const v = card.ticket;
  return {
    ok: true as const,
    value: {
      id: v.id, number: v.number, status: v.status, place: v.place, category: v.category, description: v.description,
      emergency: v.emergency, access: v.access, time: v.time, reportedAt: v.reportedAt, technician: v.assignee,
      channel: c.t("channel-label", { channel: card.channel }), registeredBy: card.registeredBy,
      owner: card.owner, ownerPhone: card.ownerPhone, priority: card.priority, urges: card.urges,
      due: c.t("console-ticket-due", { due: card.deadline }), late: card.late, reworkOf: card.reworkOf,
      incidentOf: card.incidentOf, linked: card.linked, actions,
      phoneCallback: phone && { owner: phone.owner, phone: phone.phone },
      timeline: card.timeline.map((e) => cardEventLine(c.viewer.language, e)),
      candidates: candidates?.ok ? candidates.value.map((x) => ({ id: x.id, label: c.t("assign-candidate", x) })) : [],
      merges: merges?.ok ? merges.value : [],
      quote,
    },
  };
}

export async function ticketPage(c: Call, deps: ApiDeps, id: number) {
  const page = await pageOf(c, deps, id);
  if (!page.ok) return refuse(c, page.error);
  sendJson(c.res, 200, page.value);
}

export async function ticketAction(c: Call, deps: ApiDeps, id: number, kind: string) {
  const quoting = (QUOTE_KINDS as readonly string[]).includes(kind);
  if (!KINDS.has(kind) && !quoting) return refuse(c, "NOT_FOUND");
  const { database } = deps;
  const card = await ticketCard(database.db, c.viewer.personId, id);
  if (!card.ok || !card.value.canAct) return refuse(c, card.ok ? "NOT_FOUND" : card.error);
  if (quoting) {
    const message = await quoteAction(c, deps, id, card.value.ticket.number, kind as QuoteKind);
    if (message === undefined) return; // answered: the preview, or a refusal
    const page = await pageOf(c, deps, id);
    return sendJson(c.res, 200, { message, ticket: page.ok ? page.value : null });
  }
  const b = await c.body();
  if (kind === "chase" || kind === "phone") return quickAction(c, deps, id, kind, b);
  if (!actionsOf(card.value, false).includes(kind as Action)) return refuse(c, "INVALID_STATE");
  const reason = typeof b.reason === "string" ? b.reason.trim() : "";
  const technicianId = typeof b.technicianId === "number" ? b.technicianId : 0;
  if ((kind === "assign" || kind === "reassign") && !technicianId) return invalid(c, "technician");
  if (kind !== "assign" && (!reason || reason.length > MAX_NOTE)) return invalid(c, "reason");
  const now = deps.clock();
  const input = { actorId: c.viewer.personId, ticketId: id, reason };
  const ref = typeof b.of === "string" ? b.of : "";
  let res: Result<Record<string, string | number>, string>; // the domain's own codes (MERGE_SELF…) too
  if (kind === "assign") res = await assignTo(database, { actorId: input.actorId, ticketId: id, technicianId }, now);
  else if (kind === "reassign") res = await assignTo(database, { ...input, technicianId }, now);
  else if (kind === "pool") res = await returnToPool(database, input, now);
  else if (kind === "cancel") res = await cancelByStaff(database, input, now);
  else if (kind === "note") res = await addNote(database, { ...input, text: reason }, now);
  else if (kind === "priority") {
    res = await setPriority(database, { ...input, priority: String(b.priority ?? "") }, now);
  }
  else if (kind === "rework-link") res = await setRework(database, { ...input, of: ref }, now);
  else if (kind === "rework-unlink") res = await setRework(database, { ...input, of: null }, now);
  else if (kind === "merge") res = await mergeTickets(database, { ...input, into: ref }, now);
  else res = await unmergeTicket(database, input, now);
  if (!res.ok) return refuse(c, res.error);
  const message = kind === "pool" ? c.t("console-pool-reached", res.value) : c.t(`done-${kind}`, res.value);
  const page = await pageOf(c, deps, id);
  sendJson(c.res, 200, { message, ticket: page.ok ? page.value : null });
}

/**
 * 催办 (chaseTechnician, as the card's 📣 button) and a phone callback's answer (answerSurvey with
 * channel phone, as /callbacks): the domain decides; its refusals (the 2-hour limit…) come back as sentences.
 */
async function quickAction(c: Call, deps: ApiDeps, id: number, kind: "chase" | "phone", b: Record<string, unknown>) {
  const { database } = deps;
  const actorId = c.viewer.personId;
  let message: string;
  if (kind === "chase") {
    const res = await chaseTechnician(database, actorId, id, deps.clock());
    if (!res.ok && res.error === "TOO_SOON") {
      const hours = URGE_EVERY_MINUTES / 60;
      return sendJson(c.res, 409, { error: res.error, message: c.t("chase-too-soon", { hours }) });
    }
    if (!res.ok) return refuse(c, res.error);
    message = c.t("chase-ok", res.value);
  } else {
    // only while the callback waits for the desk (/callbacks' list): before that the owner is asked in chat
    if (!(await pendingPhoneCallback(database.db, actorId, id))) return refuse(c, "INVALID_STATE");
    const rating = typeof b.rating === "number" ? b.rating : Number(b.rating);
    if (!(RATINGS as readonly number[]).includes(rating)) return invalid(c, "rating");
    const comment = typeof b.comment === "string" ? b.comment.trim() : "";
    if (comment.length > MAX_NOTE) return invalid(c, "comment");
    const input = { ticketId: id, actorId, rating, comment: comment || undefined, channel: "phone" as const };
    const res = await answerSurvey(database, input, deps.clock());
    if (!res.ok) return refuse(c, res.error);
    const { number, followUpId } = res.value;
    message = c.t("phone-answer-recorded", { number, rating: c.t(`rate-${res.value.rating}`) })
      + (followUpId ? ` ${c.t("phone-answer-followup", { id: followUpId })}` : "");
  }
  const page = await pageOf(c, deps, id);
  sendJson(c.res, 200, { message, ticket: page.ok ? page.value : null });
}
