import type { DbOrTx } from "../db/client.ts";

export type EventInput = {
  ticketId?: number | null;
  complaintId?: number | null;
  /** null for the system (a scheduled job). */
  actorId: number | null;
  action: string;
  data?: Record<string, unknown>;
  at: Date;
};

/** Records who did what, when: every state change writes one. */
export async function logEvent(db: DbOrTx, e: EventInput): Promise<void> {
  await db.event.create({ data: eventRow(e) });
}

/** Several events in one statement (a scheduled job's tick). */
export async function logEvents(db: DbOrTx, events: EventInput[]): Promise<void> {
  if (events.length > 0) await db.event.createMany({ data: events.map(eventRow) });
}

const eventRow = (e: EventInput) => ({
  ticketId: e.ticketId ?? null,
  complaintId: e.complaintId ?? null,
  actorId: e.actorId,
  action: e.action,
  data: JSON.stringify(e.data ?? {}),
  at: e.at,
});
