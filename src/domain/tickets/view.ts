// Plain, JSON-safe views of tickets for the bot and for notification parameters.
import type { DbOrTx } from "../../db/client.ts";
import { formatLocal } from "../time.ts";
import { DEFAULT_TIMEZONE, zoneOf } from "../schedule.ts";
import type { TicketStatus } from "../types.ts";

export type TicketView = {
  id: number;
  number: string;
  status: TicketStatus;
  category: string;
  place: string;
  description: string;
  emergency: boolean;
  access: string;
  time: string;
  phone: string;
  reportedAt: string;
  assignee: string;
  photos: string[];
};

export type TimelineEntry = { at: string; action: string; actor: string; data: Record<string, unknown> };

/** What a ticket is loaded with for its view (a LoadedTicket). */
export const viewInclude = { unit: true, property: true, assignee: true, photos: true } as const;
export type LoadedTicket = NonNullable<Awaited<ReturnType<typeof load>>>;
const load = (db: DbOrTx, id: number) => db.ticket.findUnique({ where: { id }, include: viewInclude });

/** "1-2-301" for a unit, or the public-area location text. */
export function placeOf(t: { unit: { building: string; entrance: string; room: string } | null; location: string | null }): string {
  return t.unit ? `${t.unit.building}-${t.unit.entrance}-${t.unit.room}` : (t.location ?? "");
}

/** The view of a ticket row loaded with its unit, property and assignee (photos: the report's, if loaded). */
export function viewOf(t: Omit<LoadedTicket, "photos"> & { photos?: LoadedTicket["photos"] }): TicketView {
  const tz = zoneOf(t.property);
  return {
    id: t.id, number: t.number, status: t.status as TicketStatus, category: t.category,
    place: placeOf(t), description: t.description, emergency: t.emergency, access: t.access,
    time: t.appointmentAt ? formatLocal(t.appointmentAt, tz) : t.preferredTime, phone: t.phone,
    reportedAt: formatLocal(t.reportedAt, tz), assignee: t.assignee?.name ?? "",
    photos: (t.photos ?? []).filter((p) => p.stage === "report").map((p) => p.fileId),
  };
}

export async function ticketView(db: DbOrTx, id: number): Promise<TicketView | null> {
  const t = await load(db, id);
  return t ? viewOf(t) : null;
}

/** Ticket rows with their property, and their views, in one read (one statement per relation, whatever their number). */
export async function ticketsWithView(db: DbOrTx, ids: number[]): Promise<{ ticket: LoadedTicket; view: TicketView }[]> {
  if (ids.length === 0) return [];
  return (await db.ticket.findMany({ where: { id: { in: [...new Set(ids)] } }, include: viewInclude })).map(withView);
}

/** A ticket row and its view, from a row its caller has just read or written, with everything the view needs. */
export const withView = (t: LoadedTicket) => ({ ticket: t, view: viewOf(t) });

/** Parameters every ticket message can use: number, category, place, description, emergency… */
export function noticeParams(v: TicketView): Record<string, string | number> {
  return {
    number: v.number, category: v.category, place: v.place, description: v.description,
    emergency: v.emergency ? "yes" : "no", access: v.access, time: v.time, technician: v.assignee, status: v.status,
  };
}

/** The ticket's events, oldest first, with local times and actor names. */
export async function timeline(db: DbOrTx, ticketId: number): Promise<TimelineEntry[]> {
  const t = await db.ticket.findUnique({ where: { id: ticketId }, include: { property: true } });
  const tz = t ? zoneOf(t.property) : DEFAULT_TIMEZONE;
  const events = await db.event.findMany({ where: { ticketId }, include: { actor: true }, orderBy: { id: "asc" } });
  return events.map((e) => ({
    at: formatLocal(e.at, tz), action: e.action, actor: e.actor?.name ?? "", data: JSON.parse(e.data) as Record<string, unknown>,
  }));
}
