// Step 1-3 of the lifecycle: an owner reports a fault, gets a ticket number, offers go out.
import type { Database, Tx } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/client.ts";
import { logEvent } from "../events.ts";
import { dayKey } from "../time.ts";
import { err, ok, isCategory, MAX_DESCRIPTION, MAX_PHOTOS, type Category, type Result } from "../types.ts";
import { offerAlone, offerTicket } from "./dispatch.ts";
import { linkReworkAtReport } from "./rework.ts";
import { linkAtReport } from "./incident.ts";
import { notify, notifyAll } from "../notify.ts";
import { calendarOf, isOfficeHours, zoneOf } from "../schedule.ts";
import { onDutyStaff } from "../staff.ts";
import { noticeParams, withView } from "./view.ts";
import {
  TIME_WINDOWS, newTicketFields, reportedEvent, ticketNumber, timeToAgree, type ReportInput, type Reported,
} from "./new-ticket.ts";
import { fileOwnReport } from "./file-report.ts";

const EMERGENCY_WORDS = [
  "漏水", "爆管", "水管爆裂", "爆裂", "破裂", "停电", "断电", "漏电", "煤气", "燃气", "瓦斯", "困人", "电梯困人", "困在电梯", "被困",
  "跑水", "着火", "冒烟", "停電", "斷電", "漏電", "困在電梯", "冒煙", "火花", "冒火", "跳闸", "跳閘",
  "leak", "burst", "flood", "no power", "power cut", "outage", "gas", "trapped", "stuck in the lift", "fire", "smoke", "shock", "spark",
];

/** Which safety hint an emergency report needs at once (DOMAIN step 2): the hazard of its category or its words. */
export function hazardOf(category: string, text: string): "water" | "gas" | "electricity" | "lift" | "other" {
  const lower = text.toLowerCase();
  if (/电梯|電梯|lift|elevator/.test(lower) || /困|trapped|stuck/.test(lower)) return "lift";
  if (category === "gas" || /煤气|燃气|瓦斯|gas/.test(lower)) return "gas";
  if (category === "electricity" || /漏电|漏電|停电|断电|冒烟|电线|火花|冒火|跳闸|跳閘|spark|shock|power/.test(lower)) return "electricity";
  if (category === "water" || /水|leak|flood|burst|pipe/.test(lower)) return "water";
  return "other";
}

/** Whether a report should be pre-answered as an emergency (category gas, or an alarming word). */
export function looksLikeEmergency(category: string, text: string): boolean {
  const lower = text.toLowerCase();
  return category === "gas" || EMERGENCY_WORDS.some((w) => lower.includes(w));
}

export const ACCESS = ["home", "key", "call"] as const;
/** A public area needs nobody at home: its access is always this. */
export const PUBLIC_ACCESS = "public";

/** Validates a phone number (mainland mobile, landline with area code, or international). */
export function normalizePhone(raw: string): string | null {
  const s = raw.replace(/[\s()-]/g, "");
  if (/^(\+?86)?1[3-9]\d{9}$/.test(s)) return s.replace(/^\+?86/, "");
  if (/^0\d{2,3}\d{7,8}$/.test(s)) return s;
  if (/^\+\d{8,15}$/.test(s)) return s;
  return null;
}

/** Registers a report; the number is unique per property and day, without gaps. */
export async function reportFault(database: Database, input: ReportInput, now: Date): Promise<Result<Reported>> {
  const db = database.db;
  let propertyId: number;
  const checked = checkReport(input);
  if (checked && input.unitId !== null && !input.registeredById && (input.channel ?? "chat") === "chat") {
    const filed = await fileOwnReport(database, { ...checked, unitId: input.unitId }, now).catch(async (e) => {
      // the same flow submitted again: its ticket, nothing new (settled by the unique key)
      const before = isUniqueViolation(e) && input.submitKey ? await submitted(database, input.submitKey) : null;
      if (!before) throw e;
      return before;
    });
    if (filed === "FORBIDDEN") return err("FORBIDDEN");
    if (filed) return ok(filed);
  }
  if (input.unitId !== null) {
    const member = await db.unitMember.findUnique({
      where: { personId_unitId: { personId: input.reporterId, unitId: input.unitId } },
      include: { unit: true },
    });
    if (!member) return err("FORBIDDEN");
    propertyId = member.unit.propertyId;
  } else {
    const mine = await db.unitMember.findFirst({ where: { personId: input.reporterId, unit: { propertyId: input.propertyId } } });
    if (!mine || !input.location?.trim()) return err(mine ? "INVALID_INPUT" : "FORBIDDEN");
    propertyId = input.propertyId!;
  }
  return fileReport(database, input, propertyId, now);
}

/** Validates and files a report for a property whose reporter has been checked by the caller. */
export async function fileReport(database: Database, input: ReportInput, propertyId: number, now: Date): Promise<Result<Reported>> {
  const checked = checkReport(input);
  if (!checked) return err("INVALID_INPUT");
  for (let attempt = 0; ; attempt++) {
    try {
      const value = await database.tx((tx) => createTicket(tx, checked, propertyId, now));
      return ok(value);
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      // the same flow submitted again: its ticket, nothing new (settled by the unique key, race-safe)
      const before = input.submitKey ? await submitted(database, input.submitKey) : null;
      if (before) return ok(before);
      // two first reports of the day racing to create the counter row on PostgreSQL
      if (attempt >= 3) throw e;
    }
  }
}

/**
 * The number of the first ticket a chat's flow filed at or after `since` (a summary's time): what a
 * submit button pressed again after its flow ended had made; null when it made none.
 */
export async function submittedSince(database: Database, chatId: number, since: Date): Promise<string | null> {
  const t = await database.db.ticket.findFirst({
    where: { submitKey: { startsWith: `${chatId}:` }, reportedAt: { gte: since } },
    orderBy: { id: "asc" }, select: { number: true },
  });
  return t?.number ?? null;
}

/** The ticket a flow instance filed already, as its first submit answered (null: none yet). */
export async function submitted(database: Database, submitKey: string): Promise<Reported | null> {
  const t = await database.db.ticket.findUnique({
    where: { submitKey },
    select: { id: true, number: true, emergency: true, incidentOfId: true, _count: { select: { offers: true } } },
  });
  if (!t) return null;
  const primary = t.incidentOfId === null ? null
    : await database.db.ticket.findUnique({ where: { id: t.incidentOfId }, select: { number: true } });
  const incidentOf = primary ? { incidentOf: primary.number } : {};
  const offeredTo = t._count.offers;
  return { ticketId: t.id, number: t.number, emergency: t.emergency, offeredTo, ...incidentOf, again: true };
}

/** The report with its description trimmed and its phone normalised; null when something is not valid. */
function checkReport(input: ReportInput): (ReportInput & { category: Category; description: string; phone: string }) | null {
  if (!isCategory(input.category)) return null;
  const description = input.description.trim();
  if (!description || description.length > MAX_DESCRIPTION || input.photos.length > MAX_PHOTOS) return null;
  const phone = normalizePhone(input.phone);
  if (!phone) return null;
  const validAccess = input.unitId === null ? input.access === PUBLIC_ACCESS : (ACCESS as readonly string[]).includes(input.access);
  const time = input.preferredTime.trim();
  const validTime = (TIME_WINDOWS as readonly string[]).includes(time) || (time.length > 0 && time.length <= 100);
  if (!validAccess || !validTime) return null;
  if (input.unitId === null && !input.location?.trim()) return null;
  return { ...input, category: input.category, description, phone };
}

async function createTicket(tx: Tx, input: ReportInput & { category: Category }, propertyId: number, now: Date): Promise<Reported> {
  const property = await tx.property.findUniqueOrThrow({ where: { id: propertyId } });
  const tz = zoneOf(property);
  const day = dayKey(now, tz);
  const counter = await tx.ticketCounter.upsert({
    where: { propertyId_day: { propertyId, day } },
    create: { propertyId, day, last: 1 },
    update: { last: { increment: 1 } },
  });
  const number = ticketNumber(property.code, day, counter.last);
  const fields = newTicketFields(input, property, now);
  const ticket = await tx.ticket.create({ data: { ...fields, number, status: "open" } });
  // the number the owner shared is theirs: kept on the person for the next report and the desk's calls
  if ((input.channel ?? "chat") === "chat") {
    await tx.person.update({ where: { id: input.reporterId }, data: { phone: input.phone } });
  }
  const photos = input.photos.length > 0
    ? await tx.ticketPhoto.createManyAndReturn({ data: input.photos.map((fileId) => ({ ticketId: ticket.id, fileId, createdAt: now })) })
    : [];
  const unit = input.unitId === null ? null : await tx.unit.findUnique({ where: { id: input.unitId } });
  // what offers and notices show, from what was just written (no second read of the ticket)
  const loaded = withView({ ...ticket, unit, property, assignee: null, photos });
  await logEvent(tx, { ticketId: ticket.id, ...reportedEvent(input, number, now) });
  // the same public-area fault reported again: one incident, one job (the reporter follows the first)
  const incident = await linkAtReport(tx, ticket, property, now);
  if (incident) {
    if (input.registeredById && input.registeredById !== input.reporterId) {
      await notify(tx, now, input.reporterId, { key: "owner-linked", params: { ...noticeParams(loaded.view), primary: incident.number } });
    }
    return { ticketId: ticket.id, number, emergency: input.emergency, offeredTo: 0, incidentOf: incident.number };
  }
  const firstTechnician = await linkReworkAtReport(tx, ticket, now);
  const offeredTo = firstTechnician && !input.emergency
    ? (await offerAlone(tx, ticket.id, firstTechnician, now, undefined, "rework"), [firstTechnician])
    : await offerTicket(tx, ticket.id, now, 0, loaded);
  if (input.registeredById && input.registeredById !== input.reporterId) {
    // registered by the desk: an owner on Telegram gets the number and every step from here on
    await notify(tx, now, input.reporterId, { key: "intake-owner-told", params: noticeParams(loaded.view) });
  }
  // a typed time nobody can read: the desk agrees one with the owner
  if (timeToAgree(ticket)) {
    const desk = await onDutyStaff(tx, propertyId, "desk");
    const view = loaded.view;
    await notifyAll(tx, now, desk, { key: "desk-agree-time", params: { ...noticeParams(view), phone: input.phone } });
  }
  // DOMAIN step 3: at night an emergency goes to the control room at once, not only to technicians.
  if (input.emergency && !isOfficeHours(now, calendarOf(property))) {
    const room = await onDutyStaff(tx, propertyId, "control_room");
    const view = loaded.view;
    await notifyAll(tx, now, room, { key: "emergency-night-alert", params: { ...noticeParams(view), phone: input.phone, offered: offeredTo.length } });
  }
  return { ticketId: ticket.id, number, emergency: input.emergency, offeredTo: offeredTo.length };
}
