// A ticket in the console: the chat card's facts, its timeline in words, and the card's actions
// (the same domain calls as ticket-actions.ts, each with its reason), answered with the new state.
import { ALLOWED, type Kind } from "../../bot/features/ticket-actions.ts";
import { addNote, assignCandidates, assignTo, cancelByStaff, returnToPool } from "../../domain/tickets/assign.ts";
import { mergeCandidates, mergeTickets, unmergeTicket } from "../../domain/tickets/incident.ts";
import { ticketCard, type TicketCard } from "../../domain/tickets/queue.ts";
import { setRework } from "../../domain/tickets/rework.ts";
import { setPriority } from "../../domain/tickets/urge.ts";
import { MAX_NOTE, type Result } from "../../domain/types.ts";
import { invalid, refuse, type ApiDeps, type Call } from "./api.ts";
import { sendJson } from "./http.ts";

type Action = Kind | "assign";
const KINDS = new Set<string>(["assign", ...Object.keys(ALLOWED)]);

/** The actions the card offers now, as the chat's buttons (ticket-actions.ts decides which). */
const actionsOf = (c: TicketCard): Action[] => [
  ...(c.canAct && c.canAssign ? ["assign" as const] : []),
  ...(Object.keys(ALLOWED) as Kind[]).filter((k) => c.canAct && ALLOWED[k](c)),
];

async function pageOf(c: Call, deps: ApiDeps, id: number) {
  const { db } = deps.database;
  const r = await ticketCard(db, c.viewer.personId, id);
  if (!r.ok) return r;
  const card = r.value;
  const actions = actionsOf(card);
  const assigning = actions.includes("assign") || actions.includes("reassign");
  const candidates = assigning ? await assignCandidates(db, c.viewer.personId, id) : null;
  const merges = actions.includes("merge") ? await mergeCandidates(db, c.viewer.personId, id) : null;
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
      timeline: card.timeline.map((e) => c.t("card-event", {
        at: e.at, actor: e.actor || "-", action: e.action, why: String(e.data.reason ?? e.data.text ?? "") || "none",
      })),
      candidates: candidates?.ok ? candidates.value.map((x) => ({ id: x.id, label: c.t("assign-candidate", x) })) : [],
      merges: merges?.ok ? merges.value : [],
    },
  };
}

export async function ticketPage(c: Call, deps: ApiDeps, id: number) {
  const page = await pageOf(c, deps, id);
  if (!page.ok) return refuse(c, page.error);
  sendJson(c.res, 200, page.value);
}

export async function ticketAction(c: Call, deps: ApiDeps, id: number, kind: string) {
  if (!KINDS.has(kind)) return refuse(c, "NOT_FOUND");
  const b = await c.body();
  const { database } = deps;
  const card = await ticketCard(database.db, c.viewer.personId, id);
  if (!card.ok || !card.value.canAct) return refuse(c, card.ok ? "NOT_FOUND" : card.error);
  if (!actionsOf(card.value).includes(kind as Action)) return refuse(c, "INVALID_STATE");
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
