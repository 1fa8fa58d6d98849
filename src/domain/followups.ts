// Follow-ups: a dissatisfied callback (or a complaint) gets a person to fix it, with a due time in
// working days; the deadlines job reminds the assignee a working day before and alerts the
// supervisors when it is missed. Closing one tells the owner the result (DOMAIN step 8).
import type { Database, DbOrTx, Tx } from "../db/client.ts";
import { logEvent } from "./events.ts";
import { notify, notifyAll } from "./notify.ts";
import { addWorkingDays, calendarOf, DEFAULT_TIMEZONE, officeTime, reminderBefore, zoneOf } from "./schedule.ts";
import { deskScope, mayHandle, staffOf } from "./staff.ts";
import { formatLocal } from "./time.ts";
import { err, ok, MAX_NOTE, type Result, type Role } from "./types.ts";

/** Working days a follow-up is given when the caller does not set a due time. */
export const FOLLOW_UP_WORKING_DAYS = 1;

export type FollowUpInput = {
  propertyId: number;
  ticketId?: number;
  surveyId?: number;
  complaintId?: number;
  assigneeRole: Role;
  reason: string;
  /** Defaults to one working day from now, or from the next office start (weekends and holidays excluded). */
  dueAt?: Date;
};

/** What a follow-up is about, for any language: the owner's rating (0: none) and the words given ("none": no words). */
export const reasonParams = (f: { reason: string; survey?: { rating: number | null } | null }) =>
  ({ reason: f.reason || "none", rating: f.survey?.rating ?? 0 });

/** Opens a follow-up and tells everyone holding the assignee role (and `alsoTell` roles) at the property. */
export async function openFollowUp(
  tx: Tx, input: FollowUpInput & { rating?: number; alsoTell?: Role[] }, actorId: number | null, now: Date,
): Promise<number> {
  const property = await tx.property.findUniqueOrThrow({ where: { id: input.propertyId } });
  const cal = calendarOf(property);
  // the working day is counted from the office's opening when the follow-up comes in at night
  const dueAt = input.dueAt ?? addWorkingDays(officeTime(now, cal), FOLLOW_UP_WORKING_DAYS, cal);
  const f = await tx.followUp.create({
    data: {
      propertyId: input.propertyId, ticketId: input.ticketId ?? null, surveyId: input.surveyId ?? null,
      complaintId: input.complaintId ?? null, assigneeRole: input.assigneeRole, reason: input.reason,
      dueAt, remindAt: reminderBefore(dueAt, now, cal), createdAt: now,
    },
  });
  await logEvent(tx, { ticketId: input.ticketId ?? null, complaintId: input.complaintId ?? null, actorId, action: "follow-up-opened", at: now, data: { followUpId: f.id, reason: input.reason } });
  const people = [];
  for (const role of [input.assigneeRole, ...(input.alsoTell ?? [])]) {
    people.push(...(await staffOf(tx, input.propertyId, role)));
  }
  const ticket = input.ticketId ? await tx.ticket.findUnique({ where: { id: input.ticketId } }) : null;
  const reason = reasonParams({ reason: input.reason, survey: { rating: input.rating ?? 0 } });
  const params = { id: f.id, number: ticket?.number ?? "-", ...reason };
  await notifyAll(tx, now, people, { key: "followup-new", params });
  return f.id;
}

export type FollowUpLine = {
  id: number; reason: string; rating: number; number: string; assigneeRole: string;
  dueAt: string; due: string; overdue: boolean;
};

/** Open follow-ups of the person's properties, the most urgent first. */
export async function listOpenFollowUps(db: DbOrTx, personId: number, now: Date, limit = 20): Promise<Result<FollowUpLine[]>> {
  const scope = await deskScope(db, personId);
  if (!scope) return err("FORBIDDEN");
  const rows = await db.followUp.findMany({
    where: { status: "open", ...(scope === "all" ? {} : { propertyId: { in: scope } }) },
    include: { ticket: true, survey: true },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }], take: limit,
  });
  const zones = new Map((await db.property.findMany({ where: { id: { in: rows.map((r) => r.propertyId) } } })).map((p) => [p.id, zoneOf(p)]));
  return ok(rows.map((f) => ({
    id: f.id, ...reasonParams(f), assigneeRole: f.assigneeRole,
    number: f.ticket?.number ?? (f.complaintId ? `#${f.complaintId}` : "-"),
    dueAt: f.dueAt.toISOString(), due: formatLocal(f.dueAt, zones.get(f.propertyId) ?? DEFAULT_TIMEZONE), overdue: f.dueAt <= now,
  })));
}

export type CloseFollowUpInput = { followUpId: number; actorId: number; result: string };

/** Closes a follow-up with its result; the owner (reporter or complainant) is told the result. */
export async function closeFollowUp(database: Database, input: CloseFollowUpInput, now: Date): Promise<Result<{ followUpId: number; notified: boolean }>> {
  const result = input.result.trim();
  if (!result || result.length > MAX_NOTE) return err("INVALID_INPUT");
  return database.tx(async (tx) => {
    const f = await tx.followUp.findUnique({ where: { id: input.followUpId }, include: { ticket: true, complaint: true } });
    if (!f) return err("NOT_FOUND");
    if (!(await mayHandle(tx, f.propertyId, f.assigneeId, input.actorId))) return err("FORBIDDEN");
    const res = await tx.followUp.updateMany({
      where: { id: f.id, status: "open" },
      data: { status: "closed", result, closedAt: now, closedById: input.actorId, remindAt: null },
    });
    if (res.count === 0) return err("INVALID_STATE");
    await logEvent(tx, { ticketId: f.ticketId, complaintId: f.complaintId, actorId: input.actorId, action: "follow-up-closed", at: now, data: { followUpId: f.id, result } });
    const owner = f.ticket?.reporterId ?? f.complaint?.complainantId;
    const notified = owner
      ? await notify(tx, now, owner, { key: "followup-result", params: { id: f.id, number: f.ticket?.number ?? `#${f.complaintId ?? f.id}`, result } })
      : false;
    return ok({ followUpId: f.id, notified });
  });
}
