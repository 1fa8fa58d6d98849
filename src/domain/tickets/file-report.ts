// The owner's everyday report from their own unit, on the short path: one read and one write batch
// (database.filing), the same rows as createTicket's (ticket, counter, photos, phone, events,
// offers, messages). Whatever needs more than the offers to the pool takes createTicket's path:
// another dispatch mode, a rework to link, an emergency at night, a time the desk must agree.
import type { Database } from "../../db/client.ts";
import type { NewMessage } from "../../db/filing.ts";
import { addMinutes, dayKey } from "../time.ts";
import { calendarOf, isOfficeHours, zoneOf } from "../schedule.ts";
import { pickTechnicians } from "../staff.ts";
import type { Category } from "../types.ts";
import { completionClock, completionDeadline, reminderHours } from "./deadline.ts";
import { REWORK_DAYS } from "./rework.ts";
import { noticeParams, viewOf, type LoadedTicket } from "./view.ts";
import { TIME_WINDOWS, appointmentFor, type ReportInput, type Reported } from "./report.ts";

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
  const context = await f.reportContext(input.reporterId, input.unitId, input.category, addMinutes(now, -REWORK_DAYS * 1440));
  if (!context) return "FORBIDDEN";
  const { property, unit } = context;
  const p = property as unknown as LoadedTicket["property"];
  const tz = zoneOf(p);
  const preferredTime = input.emergency ? "asap" : input.preferredTime;
  const appointmentAt = appointmentFor(preferredTime, now, tz);
  const unreadableTime = !appointmentAt && !input.emergency && !(TIME_WINDOWS as readonly string[]).includes(preferredTime);
  // (the team group's board is posted on the long path, emergencies too)
  const pool = property.dispatchMode === "pool" || (input.emergency && property.dispatchMode !== "group");
  if (context.rework || !pool || unreadableTime || (input.emergency && !isOfficeHours(now, calendarOf(p)))) return null;

  const grants = context.technicians;
  const targets = pickTechnicians(grants, property.id, input.category, input.emergency);
  const chats = new Map(grants.filter((g) => g.telegramId !== null).map((g) => [g.personId, g.telegramId!]));
  const priority = input.emergency ? "urgent" : "normal";
  const clock = completionClock(now, completionDeadline(p, priority, false, now), reminderHours(p, input.emergency));
  const ticket = (number: string) => ({
    propertyId: property.id, unitId: unit.id, location: input.location?.trim() || null, reporterId: input.reporterId,
    category: input.category, description: input.description, emergency: input.emergency, access: input.access, preferredTime,
    appointmentAt, phone: input.phone, channel: "chat", reportedAt: now, priority,
    completionDueAt: clock.completionDueAt, completionCheckAt: clock.completionCheckAt,
    dispatchDueAt: addMinutes(now, Number(input.emergency ? property.emergencyDispatchMin : property.dispatchTimeoutMin)),
    number, submitKey: input.submitKey ?? null,
  });
  const day = dayKey(now, tz);
  const messages = (filed: { id: number; number: string }, offerIds: Map<number, number>): NewMessage[] => {
    const view = viewOf({
      ...ticket(filed.number), id: filed.id, status: "open", unit, property: p, assignee: null,
      photos: input.photos.map((fileId) => ({ stage: "report", fileId })),
    } as unknown as LoadedTicket);
    const params = JSON.stringify({ ...noticeParams(view), minutes: 0 });
    const buttons = JSON.stringify([[
      { label: "btn-accept", action: "accept", id: filed.id }, { label: "btn-decline", action: "decline", id: filed.id },
    ]]);
    return targets.filter((id) => chats.has(id)).map((technicianId) => ({
      chatId: chats.get(technicianId)!, personId: technicianId, key: input.emergency ? "offer-new-emergency" : "offer-new",
      params, buttons, photos: JSON.stringify(view.photos), ref: `offer:${offerIds.get(technicianId)}:${ROUND}`, at: now,
    }));
  };
  const filed = await f.fileTicket({
    day, ticket, number: (last) => `${property.code}-${day}-${String(last).padStart(4, "0")}`, photos: input.photos,
    phone: context.reporterPhone === input.phone ? null : input.phone,
    events: (number) => [
      { actorId: input.reporterId, action: "reported", at: now,
        data: JSON.stringify({ number, category: input.category, emergency: input.emergency, photos: input.photos.length }) },
      { actorId: null, action: "offered", at: now, data: JSON.stringify({ round: ROUND, technicians: targets }) },
    ],
    offers: targets.map((technicianId) => ({ technicianId, round: ROUND })),
    messages,
  });
  return { ticketId: filed.id, number: filed.number, emergency: input.emergency, offeredTo: targets.filter((id) => chats.has(id)).length };
}
