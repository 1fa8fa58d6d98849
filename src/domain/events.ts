import type { DbOrTx } from "../db/client.ts";
import { wakeJobCards, wakeJobCardsOf } from "./tickets/job-card.ts";

/**
 * Every kind of event the domain records: each has words in every language (src/bot/words.ts, the
 * `event-<kind>` keys; a test checks them), for the ticket card, the handover and the exports.
 */
export const EVENT_KINDS = [
  "reported", "offered", "accepted", "declined", "arrived", "postponed", "completed", "confirmed", "reopened",
  "cancelled", "rated", "commented", "follow-up-opened", "follow-up-closed", "follow-up-reminded",
  "follow-up-overdue", "urged", "priority-changed", "completion-warned", "completion-breached", "rework-linked",
  "rework-unlinked", "incident-linked", "incident-joined", "incident-left", "incident-primary", "merged",
  "unmerged", "group-linked", "group-unlinked", "group-moved", "assigned", "reassigned", "returned-to-pool", "note", "assign-returned", "released",
  "arrival-overdue", "appointment-reminded", "appointment-reminder-dropped", "dispatch-escalated",
  "dispatch-unassigned", "callback-requested", "callback-reminded", "callback-phone-task", "handover-sent",
  "marked-chargeable", "quote-created", "quote-reviewed", "quote-rejected", "quote-approved", "quote-declined",
  "prepayment-recorded", "fee-recorded", "fee-received", "prices-imported", "price-changed", "price-retired",
  "complaint-filed", "complaint-classified", "complaint-assigned", "complaint-unassigned", "complaint-answered",
  "complaint-closed", "complaint-reopened", "complaint-reminded", "complaint-overdue", "person-joined",
  "phone-set", "language-set", "duty-on", "duty-off", "bot-blocked", "bot-unblocked", "invite-redeemed",
  "invite-failed", "invite-throttled", "staff-invite-issued", "owner-code-issued", "role-granted", "role-revoked",
  "property-created", "property-setting-changed", "unit-added", "units-imported",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export type EventInput = {
  ticketId?: number | null;
  complaintId?: number | null;
  /** null for the system (a scheduled job). */
  actorId: number | null;
  action: EventKind;
  data?: Record<string, unknown>;
  at: Date;
};

/** Records who did what, when: every state change writes one (and the ticket's job cards follow it). */
export async function logEvent(db: DbOrTx, e: EventInput): Promise<void> {
  await db.event.create({ data: eventRow(e) });
  if (e.ticketId) await wakeJobCards(db, e.ticketId, e.action, e.at);
}

/** Several events in one statement (a scheduled job's tick). */
export async function logEvents(db: DbOrTx, events: EventInput[]): Promise<void> {
  if (events.length === 0) return;
  await db.event.createMany({ data: events.map(eventRow) });
  await wakeJobCardsOf(db, events);
}

/** An event as its row (data as JSON text). */
export const eventRow = (e: EventInput) => ({
  ticketId: e.ticketId ?? null,
  complaintId: e.complaintId ?? null,
  actorId: e.actorId,
  action: e.action,
  data: JSON.stringify(e.data ?? {}),
  at: e.at,
});
