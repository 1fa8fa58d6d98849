// Step 4-7 on site: arrived, done (with a note and an optional photo), cannot finish today.
import type { Database, Tx } from "../../db/client.ts";
import { authorize } from "../authorize.ts";
import { logEvent } from "../events.ts";
import { recordFee } from "../paid/fees.ts";
import { paidWorkBlocksDone } from "../paid/quotes.ts";
import { fixedButtons } from "../surveys.ts";
import { addMinutes } from "../time.ts";
import { err, ok, MAX_NOTE, type Result, type TicketStatus } from "../types.ts";
import { noticeParams, ticketView } from "./view.ts";
import { appointmentFor } from "./new-ticket.ts";
import { SLOT_MINUTES } from "./dispatch.ts";
import { completionClock, reminderHours } from "./deadline.ts";
import { zoneOf } from "../schedule.ts";
import { completeLinked, notifyReporters } from "./incident.ts";

type Held = { id: number; number: string; reporterId: number; propertyId: number; status: string };

/**
 * Moves a ticket the technician holds from one of `from` to a new state, atomically. Already in
 * `reached` (a second press): `again`, nothing written.
 */
async function transition(
  tx: Tx, technicianId: number, ticketId: number, from: TicketStatus[], data: Record<string, unknown>,
  reached?: TicketStatus,
): Promise<Result<Held & { again?: boolean }>> {
  const allowed = await authorize(tx, technicianId, ticketId, "work");
  if (!allowed.ok) return allowed;
  const ticket = allowed.value;
  if (ticket.status === reached) return ok({ ...ticket, again: true });
  const res = await tx.ticket.updateMany({ where: { id: ticketId, assigneeId: technicianId, status: { in: from } }, data });
  return res.count === 1 ? ok(ticket) : err("INVALID_STATE");
}

export async function markArrived(
  database: Database, technicianId: number, ticketId: number, now: Date,
): Promise<Result<{ number: string; again?: boolean }>> {
  return database.tx(async (tx) => {
    const r = await transition(tx, technicianId, ticketId, ["accepted", "postponed"], {
      status: "arrived", arrivedAt: now, arrivalDueAt: null, appointmentDueAt: null,
    }, "arrived");
    if (!r.ok) return r;
    if (r.value.again) return ok({ number: r.value.number, again: true });
    await logEvent(tx, { ticketId, actorId: technicianId, action: "arrived", at: now });
    return ok({ number: r.value.number });
  });
}

/** The technician finishes: the owner is asked to confirm, and the callback survey is scheduled. */
export async function markDone(
  database: Database, technicianId: number, ticketId: number, input: { note: string; photoFileId?: string }, now: Date,
): Promise<Result<{ number: string; again?: boolean }>> {
  const note = input.note.trim();
  if (note.length > MAX_NOTE) return err("INVALID_INPUT");
  return database.tx(async (tx) => {
    const held = await tx.ticket.findUnique({ where: { id: ticketId } });
    // done already by them (the flow submitted again): what the first did, nothing written
    const doneByThem = held?.status === "completed" && held.assigneeId === technicianId;
    if (held && doneByThem) return ok({ number: held.number, again: true });
    const blocked = held && (await paidWorkBlocksDone(tx, held));
    if (blocked) return err(blocked);
    const r = await transition(tx, technicianId, ticketId, ["accepted", "arrived", "postponed"], {
      status: "completed", completedAt: now, arrivalDueAt: null, appointmentDueAt: null, postponedUntil: null,
    });
    if (!r.ok) return r;
    if (input.photoFileId) await tx.ticketPhoto.create({ data: { ticketId, fileId: input.photoFileId, stage: "completion", createdAt: now } });
    const property = await tx.property.findUniqueOrThrow({ where: { id: r.value.propertyId } });
    const dueAt = addMinutes(now, property.callbackDelayMin);
    await tx.survey.upsert({
      where: { ticketId },
      create: { ticketId, status: "scheduled", dueAt, createdAt: now },
      update: { status: "scheduled", dueAt, attempts: 0, requestedAt: null, remindedAt: null, phoneTaskAt: null },
    });
    await logEvent(tx, { ticketId, actorId: technicianId, action: "completed", at: now, data: { note, photo: Boolean(input.photoFileId) } });
    await recordFee(tx, ticketId, technicianId, now);
    // one incident, many reporters: each linked report is done with it and gets its own callback
    await completeLinked(tx, (await tx.ticket.findUniqueOrThrow({ where: { id: ticketId } })), dueAt, now);
    const view = (await ticketView(tx, ticketId))!;
    const reached = await notifyReporters(tx, now, r.value, (id) => ({
      key: "owner-done",
      params: { ...noticeParams(view), note, hasNote: note ? "yes" : "no" },
      photos: input.photoFileId ? [input.photoFileId] : [],
      buttons: fixedButtons(id),
    }), "completed");
    // an owner without Telegram confirms by phone: the callback ladder makes it a desk phone task now
    if (!reached) await tx.survey.update({ where: { ticketId }, data: { dueAt: now } });
    return ok({ number: r.value.number });
  });
}

/** The job cannot be finished now: reason recorded, owner told, the same technician returns at `newTime`. */
export async function cannotFinish(
  database: Database, technicianId: number, ticketId: number,
  input: { reason: string; newTime?: Date | null; newTimeText: string; window?: string | null }, now: Date,
): Promise<Result<{ number: string }>> {
  const reason = input.reason.trim();
  if (!reason || reason.length > MAX_NOTE) return err("INVALID_INPUT");
  if (input.newTime && input.newTime <= now) return err("INVALID_INPUT");
  return database.tx(async (tx) => {
    // a chosen window or a typed time is read on the property's clock
    const ticket = await tx.ticket.findUnique({ where: { id: ticketId }, include: { property: true } });
    const typed = input.window ?? input.newTimeText;
    const at = input.newTime ?? (ticket ? appointmentFor(typed, now, zoneOf(ticket.property)) : null);
    const remind = at ? addMinutes(at, -30) : null;
    const end = at ? addMinutes(at, SLOT_MINUTES) : null;
    const r = await transition(tx, technicianId, ticketId, ["accepted", "arrived"], {
      status: "postponed", postponedUntil: at, appointmentAt: at, arrivedAt: null,
      appointmentDueAt: remind && remind > now ? remind : null, arrivalDueAt: end, arrivalLevel: 0,
      // the completion deadline moves to the end of the agreed visit
      ...(end && ticket ? completionClock(now, end, reminderHours(ticket.property, ticket.emergency)) : {}),
    });
    if (!r.ok) return r;
    await logEvent(tx, { ticketId, actorId: technicianId, action: "postponed", at: now, data: { reason, newTime: input.newTimeText } });
    const view = (await ticketView(tx, ticketId))!;
    await notifyReporters(tx, now, r.value, {
      key: "owner-postponed", params: { ...noticeParams(view), reason, newtime: input.newTimeText || "-" },
    });
    return ok({ number: r.value.number });
  });
}
