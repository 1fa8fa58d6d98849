// The rows figures are computed from: a period's tickets (reported or completed in it) with their
// rating and fees, its complaints, and the names of the technicians. One query each, indexed.
// Sources other branches add (completion deadline, urges) are read when present: `undefined` means
// "not recorded here" and the figure shows "—".
import type { DbOrTx } from "../../db/client.ts";

export type FigureTicket = {
  id: number; number: string; category: string; channel: string; emergency: boolean; status: string;
  reportedAt: Date; acceptedAt: Date | null; arrivedAt: Date | null; completedAt: Date | null; cancelledAt: Date | null;
  appointmentAt: Date | null; assigneeId: number | null; reworkOfId: number | null;
  rating: number | null; ratedAt: Date | null; ratingChannel: string | null;
  /** Fee in cents of the charges agreed; null when the job had none. */
  feeCents: number | null;
  /** When the work was due to be completed; undefined when no completion clock is recorded. */
  completionDueAt?: Date | null;
  /** Times the owner chased it; undefined when urges are not recorded. */
  urges?: number;
};
export type FigureComplaint = {
  id: number; ticketId: number | null; createdAt: Date; answeredAt: Date | null; valid: boolean | null; category: string;
};
export type FigureRows = {
  tickets: FigureTicket[];
  complaints: FigureComplaint[];
  /** Technician id → name, for everyone assigned in the rows. */
  names: Map<number, string>;
  /** Original ticket id → its technician, for rework attribution. */
  reworkOf: Map<number, number | null>;
};

/** Charge statuses that are not (yet) money owed. */
export const UNAGREED = ["quoted", "declined", "rejected", "cancelled"];

/** Loads a property's rows for [from, to). */
export async function loadFigureRows(db: DbOrTx, propertyId: number, from: Date, to: Date): Promise<FigureRows> {
  const rows = await db.ticket.findMany({
    where: { propertyId, OR: [{ reportedAt: { gte: from, lt: to } }, { completedAt: { gte: from, lt: to } }] },
    select: {
      id: true, number: true, category: true, channel: true, emergency: true, status: true, reportedAt: true, acceptedAt: true,
      arrivedAt: true, completedAt: true, cancelledAt: true, appointmentAt: true, assigneeId: true, reworkOfId: true,
      survey: { select: { rating: true, answeredAt: true, channel: true } },
      charges: { select: { amountCents: true, status: true } },
    },
    orderBy: { reportedAt: "asc" },
  });
  const tickets: FigureTicket[] = rows.map(({ survey, charges, ...t }) => {
    const agreed = charges.filter((c) => !UNAGREED.includes(c.status));
    return {
      ...t, rating: survey?.rating ?? null, ratedAt: survey?.answeredAt ?? null, ratingChannel: survey?.channel ?? null,
      feeCents: agreed.length ? agreed.reduce((n, c) => n + c.amountCents, 0) : null,
    };
  });
  const complaints = await db.complaint.findMany({
    where: { propertyId, createdAt: { gte: from, lt: to } },
    select: { id: true, ticketId: true, createdAt: true, answeredAt: true, valid: true, category: true },
  });
  const reworkIds = [...new Set(tickets.map((t) => t.reworkOfId).filter((x): x is number => x !== null))];
  const originals = reworkIds.length
    ? await db.ticket.findMany({ where: { id: { in: reworkIds } }, select: { id: true, assigneeId: true } })
    : [];
  const ids = [...new Set([...tickets.map((t) => t.assigneeId), ...originals.map((o) => o.assigneeId)].filter((x): x is number => x !== null))];
  const people = ids.length ? await db.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  return {
    tickets, complaints,
    names: new Map(people.map((p) => [p.id, p.name])),
    reworkOf: new Map(originals.map((o) => [o.id, o.assigneeId])),
  };
}
