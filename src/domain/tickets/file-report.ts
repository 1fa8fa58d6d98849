// The owner's everyday report from their own unit, on the short path: one read and one write
// (database.filing), the same rows as createTicket's (ticket, counter, photos, phone, events,
// offers, messages), from the same definitions (new-ticket.ts, offer-notice.ts). Whatever needs more
// than the offers to the pool takes createTicket's path: another dispatch mode, a rework to link, an
// emergency at night, a time the desk must agree.
import type { Database } from "../../db/client.ts";
import { outboxRow } from "../notify.ts";
import { addMinutes, dayKey } from "../time.ts";
import { calendarOf, isOfficeHours, zoneOf } from "../schedule.ts";
import { pickTechnicians } from "../staff.ts";
import type { Category } from "../types.ts";
import { REWORK_DAYS } from "./rework.ts";
import {
  newTicketFields, reportedEvent, ticketNumberFormat, timeToAgree, type ReportInput, type Reported,
} from "./new-ticket.ts";
import { offerNotice } from "./offer-notice.ts";
import { viewOf, type LoadedTicket } from "./view.ts";

type Checked = ReportInput & { unitId: number; category: Category; description: string; phone: string };
const ROUND = 0;

/**
 * Files the report when the short path fits (null otherwise: the caller takes the long one);
 * "FORBIDDEN" when the unit is not the reporter's.
 */
export async function fileOwnReport(
  database: Database, input: Checked, now: Date,
): Promise<Reported | "FORBIDDEN" | null> {
  const f = database.filing;
  const since = addMinutes(now, -REWORK_DAYS * 1440);
  const context = await f.reportContext(input.reporterId, input.unitId, input.category, since);
  if (!context) return "FORBIDDEN";
  const { property, unit } = context;
  const p = property as unknown as LoadedTicket["property"];
  const fields = newTicketFields(input, p, now);
  // (the team group's board is posted on the long path, emergencies too)
  const pool = property.dispatchMode === "pool" || (input.emergency && property.dispatchMode !== "group");
  const night = input.emergency && !isOfficeHours(now, calendarOf(p));
  if (context.rework || !pool || timeToAgree(fields) || night) return null;

  const grants = context.technicians;
  const targets = pickTechnicians(grants, property.id, input.category, input.emergency);
  const chats = new Map(grants.filter((g) => g.telegramId !== null).map((g) => [g.personId, g.telegramId!]));
  const reached = targets.filter((id) => chats.has(id));
  const day = dayKey(now, zoneOf(p));
  const messages = (filed: { id: number; number: string }, offerIds: Map<number, number>) => {
    const view = viewOf({
      ...fields, number: filed.number, id: filed.id, status: "open", unit, property: p, assignee: null,
      photos: input.photos.map((fileId) => ({ stage: "report", fileId })),
    } as unknown as LoadedTicket);
    return reached.map((technicianId) => {
      const offer = { id: offerIds.get(technicianId)!, round: ROUND };
      return outboxRow(chats.get(technicianId)!, technicianId, offerNotice(view, offer, 0), now);
    });
  };
  const filed = await f.fileTicket({
    day, ticket: fields, number: ticketNumberFormat(property.code, day), photos: input.photos,
    phone: context.reporterPhone === input.phone ? null : input.phone,
    events: (number) => [
      reportedEvent(input, number, now),
      { actorId: null, action: "offered", at: now, data: { round: ROUND, technicians: targets } },
    ],
    offers: targets.map((technicianId) => ({ technicianId, round: ROUND })),
    messages,
  });
  return { ticketId: filed.id, number: filed.number, emergency: input.emergency, offeredTo: reached.length };
}
