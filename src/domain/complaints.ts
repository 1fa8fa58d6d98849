// Complaints (投诉, DOMAIN "Complaints"): logged with who / what / against whom, handled within 3
// working days (urgent: 1), answered within 4; the desk is reminded a working day before, the
// supervisors alerted when a deadline is missed (src/domain/scheduled/deadlines.ts). Minimal: filing
// and answering; the owner is told the answer.
import type { Database } from "../db/client.ts";
import { logEvent } from "./events.ts";
import { notify, notifyAll } from "./notify.ts";
import { addWorkingDays, calendarOf, reminderBefore, type Calendar } from "./schedule.ts";
import { hasRole, staffOf } from "./staff.ts";
import { formatLocal } from "./time.ts";
import { err, ok, MAX_DESCRIPTION, MAX_NOTE, type Result } from "./types.ts";

export const COMPLAINT_CATEGORIES = ["attitude", "quality", "fees", "management", "other"] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
/** Working days to handle a complaint, and to answer every complaint. */
export const COMPLAINT_DAYS = { urgent: 1, general: 3, answer: 4 } as const;

/** The answer deadline: four working days after the complaint was filed. */
export const answerDeadline = (createdAt: Date, cal: Calendar) => addWorkingDays(createdAt, COMPLAINT_DAYS.answer, cal);

export type ComplaintInput = {
  propertyId: number;
  complainantId: number;
  ticketId?: number;
  against?: string;
  category: string;
  description: string;
  urgent: boolean;
};

/** Records a complaint with its working-day deadlines and tells the desk. */
export async function fileComplaint(database: Database, input: ComplaintInput, now: Date): Promise<Result<{ complaintId: number; dueAt: Date; answerBy: Date }>> {
  const description = input.description.trim();
  if (!(COMPLAINT_CATEGORIES as readonly string[]).includes(input.category)) return err("INVALID_INPUT");
  if (!description || description.length > MAX_DESCRIPTION || (input.against ?? "").length > MAX_NOTE) return err("INVALID_INPUT");
  return database.tx(async (tx) => {
    const property = await tx.property.findUnique({ where: { id: input.propertyId } });
    if (!property) return err("NOT_FOUND");
    const member = await tx.unitMember.count({ where: { personId: input.complainantId, unit: { propertyId: property.id } } });
    const staff = (await hasRole(tx, input.complainantId, "desk", property.id)) || (await hasRole(tx, input.complainantId, "supervisor", property.id));
    if (member === 0 && !staff) return err("FORBIDDEN");
    const cal = calendarOf(property);
    const dueAt = addWorkingDays(now, input.urgent ? COMPLAINT_DAYS.urgent : COMPLAINT_DAYS.general, cal);
    const c = await tx.complaint.create({
      data: {
        propertyId: property.id, complainantId: input.complainantId, ticketId: input.ticketId ?? null,
        against: input.against?.trim() ?? "", category: input.category, description, urgent: input.urgent,
        dueAt, remindAt: reminderBefore(dueAt, now, cal), createdAt: now,
      },
    });
    await logEvent(tx, { complaintId: c.id, ticketId: input.ticketId ?? null, actorId: input.complainantId, action: "complaint-filed", at: now, data: { category: input.category, urgent: input.urgent } });
    await notifyAll(tx, now, await staffOf(tx, property.id, "desk"), {
      key: "complaint-new",
      params: { id: c.id, category: input.category, urgent: input.urgent ? "yes" : "no", description, due: formatLocal(dueAt, cal.tz) },
    });
    return ok({ complaintId: c.id, dueAt, answerBy: answerDeadline(now, cal) });
  });
}

export type ComplaintAnswer = { complaintId: number; actorId: number; result: string; valid: boolean };

/** The desk (or a supervisor) answers a complaint; the complainant is told the result. */
export async function answerComplaint(database: Database, input: ComplaintAnswer, now: Date): Promise<Result<{ complaintId: number }>> {
  const result = input.result.trim();
  if (!result || result.length > MAX_NOTE) return err("INVALID_INPUT");
  return database.tx(async (tx) => {
    const c = await tx.complaint.findUnique({ where: { id: input.complaintId } });
    if (!c) return err("NOT_FOUND");
    if (!(await hasRole(tx, input.actorId, "desk", c.propertyId)) && !(await hasRole(tx, input.actorId, "supervisor", c.propertyId))) return err("FORBIDDEN");
    const res = await tx.complaint.updateMany({
      where: { id: c.id, status: "open" },
      data: { status: "answered", answeredAt: now, result, valid: input.valid, remindAt: null },
    });
    if (res.count === 0) return err("INVALID_STATE");
    await logEvent(tx, { complaintId: c.id, ticketId: c.ticketId, actorId: input.actorId, action: "complaint-answered", at: now, data: { result, valid: input.valid } });
    await notify(tx, now, c.complainantId, { key: "complaint-answered", params: { id: c.id, result } });
    return ok({ complaintId: c.id });
  });
}
