// The rows figures are computed from: a period's tickets (reported or completed in it) with their
// rating and fees, its complaints, and the names of the technicians. One query each, indexed.
// The completion deadline (null for tickets filed before it existed) and the urge count come from
// the ticket; a figure over tickets none of which has its source shows "—".
import type { DbOrTx } from "../../db/client.ts";

export type FigureTicket = {
  id: number; category: string; channel: string; emergency: boolean;
  reportedAt: Date; acceptedAt: Date | null; arrivedAt: Date | null; completedAt: Date | null; cancelledAt: Date | null;
  appointmentAt: Date | null; assigneeId: number | null; reworkOfId: number | null;
  rating: number | null; ratedAt: Date | null; ratingChannel: string | null;
  /** Fee in cents of the charges agreed; null when the job had none. */
  feeCents: number | null;
  /** When the work was due to be completed; undefined when no completion clock is recorded. */
  completionDueAt?: Date | null;
  /** Times the owner chased it; undefined when urges are not recorded. */
  urges?: number;
  /** A later report of a public-area incident: the first report's id (its job is counted there). */
  incidentOfId?: number | null;
};
export type FigureComplaint = {
  id: number; ticketId: number | null; createdAt: Date; answeredAt: Date | null; valid: boolean | null; category: string;
  /** open (also when reopened by a dissatisfied owner), answered or closed. */
  status: string;
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
  // three flat queries (tickets, then their surveys and charges by the same filter): Prisma's
  // nested relation loading costs about twice as much on a month of 8,000 tickets
  const inPeriod = { propertyId, OR: [{ reportedAt: { gte: from, lt: to } }, { completedAt: { gte: from, lt: to } }] };
  const rows = await db.ticket.findMany({
    where: inPeriod,
    select: {
      id: true, category: true, channel: true, emergency: true, reportedAt: true, acceptedAt: true, arrivedAt: true,
      completedAt: true, cancelledAt: true, appointmentAt: true, assigneeId: true, reworkOfId: true,
      completionDueAt: true, urgeCount: true, incidentOfId: true,
    },
    orderBy: { reportedAt: "asc" },
  });
  const surveys = new Map((await db.survey.findMany({
    where: { rating: { not: null }, ticket: inPeriod }, select: { ticketId: true, rating: true, answeredAt: true, channel: true },
  })).map((x) => [x.ticketId, x]));
  const fees = new Map<number, number>();
  for (const c of await db.charge.findMany({ where: { status: { notIn: UNAGREED }, ticket: inPeriod }, select: { ticketId: true, amountCents: true } })) {
    fees.set(c.ticketId, (fees.get(c.ticketId) ?? 0) + c.amountCents);
  }
  const tickets: FigureTicket[] = rows.map((t) => {
    const survey = surveys.get(t.id);
    const { urgeCount, ...rest } = t;
    return {
      ...rest, urges: urgeCount, rating: survey?.rating ?? null, ratedAt: survey?.answeredAt ?? null, ratingChannel: survey?.channel ?? null,
      feeCents: fees.get(t.id) ?? null,
    };
  });
  const complaints = await db.complaint.findMany({
    where: { propertyId, createdAt: { gte: from, lt: to } },
    select: { id: true, ticketId: true, createdAt: true, answeredAt: true, valid: true, category: true, status: true },
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
