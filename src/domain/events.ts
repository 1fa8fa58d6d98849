import type { DbOrTx } from "../db/client.ts";
import { wakeJobCards } from "./tickets/job-card.ts";

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
  await db.event.create({
    data: {
      ticketId: e.ticketId ?? null,
      complaintId: e.complaintId ?? null,
      actorId: e.actorId,
      action: e.action,
      data: JSON.stringify(e.data ?? {}),
      at: e.at,
    },
  });
  if (e.ticketId) await wakeJobCards(db, e.ticketId, e.action, e.at);
}
