import type { DbOrTx } from "../db/client.ts";
import { wakeJobCards, wakeJobCardsOf } from "./tickets/job-card.ts";

export type EventInput = {
  ticketId?: number | null;
  complaintId?: number | null;
  /** null for the system (a scheduled job). */
  actorId: number | null;
  action: string;
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

const eventRow = (e: EventInput) => ({
  ticketId: e.ticketId ?? null,
  complaintId: e.complaintId ?? null,
  actorId: e.actorId,
  action: e.action,
  data: JSON.stringify(e.data ?? {}),
  at: e.at,
});
