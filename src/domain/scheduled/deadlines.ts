// Working-day deadlines of follow-ups and complaints. `remindAt` is the next thing due:
//   remindAt < dueAt  → remind the assignee (one working day before), then remindAt = dueAt;
//   at dueAt           → alert the supervisors that it was missed;
//   complaints only: after the handling deadline, remindAt = the 4-working-day answer deadline,
//   which alerts the supervisors once more if the complaint is still unanswered.
import type { Database, DbOrTx } from "../../db/client.ts";
import { answerDeadline, complaintNumber } from "../complaints.ts";
import { logEvent } from "../events.ts";
import { reasonParams } from "../followups.ts";
import { notifyAll } from "../notify.ts";
import { staffOf } from "../staff.ts";
import { addMinutes, formatLocal } from "../time.ts";
import type { Role } from "../types.ts";
import { batchOf, calendarFor, eachDue, nothingDue, type JobOptions, type Outcome, type TickReport } from "./batch.ts";

const RETRY_MINUTES = 5;

const dueFollowUps = (db: DbOrTx, now: Date, take: number) => db.followUp.findMany({
  where: { status: "open", remindAt: { lte: now } }, orderBy: [{ remindAt: "asc" }, { id: "asc" }], take, include: { ticket: true, survey: true },
});
const dueComplaints = (db: DbOrTx, now: Date, take: number) => db.complaint.findMany({
  where: { status: "open", remindAt: { lte: now } }, orderBy: [{ remindAt: "asc" }, { id: "asc" }], take, include: { property: true },
});
const unassigned = (db: DbOrTx, now: Date, take: number) => db.complaint.findMany({
  where: { status: "open", assignDueAt: { lte: now } }, orderBy: [{ assignDueAt: "asc" }, { id: "asc" }], take, include: { property: true },
});
type FollowUpDue = Awaited<ReturnType<typeof dueFollowUps>>[number];
type ComplaintDue = Awaited<ReturnType<typeof dueComplaints>>[number];

async function followUpStep(database: Database, f: FollowUpDue, now: Date, opts: JobOptions): Promise<Outcome> {
  const property = await database.db.property.findUniqueOrThrow({ where: { id: f.propertyId } });
  const cal = calendarFor(property, opts);
  const reminder = f.remindAt! < f.dueAt;
  return database.tx(async (tx) => {
    const won = await tx.followUp.updateMany({
      where: { id: f.id, status: "open", remindAt: f.remindAt },
      data: reminder ? { remindAt: f.dueAt } : { remindAt: null, alertedAt: now },
    });
    if (won.count === 0) return "skipped";
    const params = {
      id: f.id, ...reasonParams(f), number: f.ticket?.number ?? "-", due: formatLocal(f.dueAt, cal.tz), role: f.assigneeRole,
    };
    const people = reminder
      ? (f.assigneeId ? [f.assigneeId] : await staffOf(tx, f.propertyId, f.assigneeRole as Role))
      : await staffOf(tx, f.propertyId, "supervisor");
    await notifyAll(tx, now, people, { key: reminder ? "followup-reminder" : "followup-overdue", params });
    await logEvent(tx, { ticketId: f.ticketId, complaintId: f.complaintId, actorId: null, action: reminder ? "follow-up-reminded" : "follow-up-overdue", at: now, data: { followUpId: f.id } });
    return "done";
  });
}

async function complaintStep(database: Database, c: ComplaintDue, now: Date, opts: JobOptions): Promise<Outcome> {
  const cal = calendarFor(c.property, opts);
  const answerBy = answerDeadline(c.createdAt, cal);
  const stage = c.remindAt! < c.dueAt ? "reminder" : c.alertedAt === null ? "handle" : "answer";
  const data = stage === "reminder" ? { remindAt: c.dueAt }
    : stage === "handle" ? { alertedAt: now, remindAt: answerBy > c.dueAt ? answerBy : null }
    : { remindAt: null };
  return database.tx(async (tx) => {
    const won = await tx.complaint.updateMany({ where: { id: c.id, status: "open", remindAt: c.remindAt, alertedAt: c.alertedAt }, data });
    if (won.count === 0) return "skipped";
    const due = stage === "answer" ? answerBy : c.dueAt;
    const params = { id: c.id, number: complaintNumber(c.property.code, c.id), category: c.category, urgent: c.urgent ? "yes" : "no", against: c.against || "-", due: formatLocal(due, cal.tz), stage };
    const people = await staffOf(tx, c.propertyId, stage === "reminder" ? "desk" : "supervisor");
    await notifyAll(tx, now, people, { key: stage === "reminder" ? "complaint-reminder" : "complaint-overdue", params });
    await logEvent(tx, { complaintId: c.id, ticketId: c.ticketId, actorId: null, action: stage === "reminder" ? "complaint-reminded" : "complaint-overdue", at: now, data: { stage } });
    return "done";
  });
}

/** A complaint nobody was named for within the hour: the supervisors are alerted once. */
async function unassignedStep(database: Database, c: ComplaintDue, now: Date, opts: JobOptions): Promise<Outcome> {
  const cal = calendarFor(c.property, opts);
  return database.tx(async (tx) => {
    const won = await tx.complaint.updateMany({ where: { id: c.id, status: "open", assignDueAt: c.assignDueAt }, data: { assignDueAt: null } });
    if (won.count === 0) return "skipped";
    const params = { id: c.id, number: complaintNumber(c.property.code, c.id), description: c.description, since: formatLocal(c.createdAt, cal.tz) };
    await notifyAll(tx, now, await staffOf(tx, c.propertyId, "supervisor"), { key: "complaint-unassigned", params, buttons: [[{ label: "btn-complaint-handle", action: "cph", id: c.id }]] });
    await logEvent(tx, { complaintId: c.id, ticketId: c.ticketId, actorId: null, action: "complaint-unassigned", at: now });
    return "done";
  });
}

/** One tick over follow-up and complaint deadlines. */
export async function runDeadlines(database: Database, now: Date, opts: JobOptions = {}): Promise<TickReport> {
  const probe = await database.anyDue([
    { table: "FollowUp", column: "remindAt", status: ["open"], at: now },
    { table: "Complaint", column: "remindAt", status: ["open"], at: now },
    { table: "Complaint", column: "assignDueAt", status: ["open"], at: now },
  ]);
  if (!probe) return nothingDue("deadlines");
  const take = batchOf(opts);
  const later = addMinutes(now, RETRY_MINUTES);
  const a = await eachDue("deadlines:follow-up", await dueFollowUps(database.db, now, take), opts, (f) => followUpStep(database, f, now, opts), async (f) => {
    await database.db.followUp.updateMany({ where: { id: f.id, status: "open", remindAt: f.remindAt }, data: { remindAt: later } });
  });
  const b = await eachDue("deadlines:complaint", await dueComplaints(database.db, now, take), opts, (c) => complaintStep(database, c, now, opts), async (c) => {
    await database.db.complaint.updateMany({ where: { id: c.id, status: "open", remindAt: c.remindAt }, data: { remindAt: later } });
  });
  const c = await eachDue("deadlines:complaint-assign", await unassigned(database.db, now, take), opts, (x) => unassignedStep(database, x, now, opts), async (x) => {
    await database.db.complaint.updateMany({ where: { id: x.id, status: "open", assignDueAt: x.assignDueAt }, data: { assignDueAt: later } });
  });
  const all = [a, b, c];
  const sum = (k: "due" | "done" | "held" | "skipped" | "failed") => all.reduce((n, r) => n + r[k], 0);
  return { job: "deadlines", due: sum("due"), done: sum("done"), held: sum("held"), skipped: sum("skipped"), failed: sum("failed") };
}
