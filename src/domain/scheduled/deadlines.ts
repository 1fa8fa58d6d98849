// Working-day deadlines of follow-ups and complaints. `remindAt` is the next thing due:
//   remindAt < dueAt  → remind the assignee (one working day before), then remindAt = dueAt;
//   at dueAt           → alert the supervisors that it was missed;
//   complaints only: after the handling deadline, remindAt = the 4-working-day answer deadline,
//   which alerts the supervisors once more if the complaint is still unanswered.
import type { Database } from "../../db/client.ts";
import { answerDeadline, complaintNumber } from "../complaints.ts";
import { reasonParams } from "../followups.ts";
import { staffAt, type StaffAt } from "../staff.ts";
import { addMinutes, formatLocal } from "../time.ts";
import type { Role } from "../types.ts";
import { batchOf, calendarFor, claimDue, nothingDue, type JobOptions, type TickReport, type TickWrites } from "./batch.ts";

const RETRY_MINUTES = 5;

const dueFollowUps = (database: Database, now: Date, take: number) => database.sweep.findMany("followUp", {
  where: { status: "open", remindAt: { lte: now } }, orderBy: [{ remindAt: "asc" }, { id: "asc" }], take, include: { ticket: true, survey: true },
});
const dueComplaints = (database: Database, now: Date, take: number) => database.sweep.findMany("complaint", {
  where: { status: "open", remindAt: { lte: now } }, orderBy: [{ remindAt: "asc" }, { id: "asc" }], take, include: { property: true },
});
const unassigned = (database: Database, now: Date, take: number) => database.sweep.findMany("complaint", {
  where: { status: "open", assignDueAt: { lte: now } }, orderBy: [{ assignDueAt: "asc" }, { id: "asc" }], take, include: { property: true },
});
type FollowUpDue = Awaited<ReturnType<typeof dueFollowUps>>[number];
type ComplaintDue = Awaited<ReturnType<typeof dueComplaints>>[number];

type PropertyRow = ComplaintDue["property"];

/** A follow-up's reminder to its assignee (one working day before), or the supervisors' alert at its deadline. */
function followUpAct(f: FollowUpDue, property: PropertyRow, staff: StaffAt, now: Date, opts: JobOptions, w: TickWrites): void {
  const reminder = f.remindAt! < f.dueAt;
  const params = {
    id: f.id, ...reasonParams(f), number: f.ticket?.number ?? "-", due: formatLocal(f.dueAt, calendarFor(property, opts).tz), role: f.assigneeRole,
  };
  const people = reminder
    ? (f.assigneeId ? [f.assigneeId] : staff(f.propertyId, f.assigneeRole as Role))
    : staff(f.propertyId, "supervisor");
  w.notifyAll(people, { key: reminder ? "followup-reminder" : "followup-overdue", params });
  w.event({ ticketId: f.ticketId, complaintId: f.complaintId, actorId: null, action: reminder ? "follow-up-reminded" : "follow-up-overdue", at: now, data: { followUpId: f.id } });
}

type Stage = "reminder" | "handle" | "answer";
const stageOf = (c: ComplaintDue): Stage => (c.remindAt! < c.dueAt ? "reminder" : c.alertedAt === null ? "handle" : "answer");

function complaintData(c: ComplaintDue, now: Date, opts: JobOptions) {
  const answerBy = answerDeadline(c.createdAt, calendarFor(c.property, opts));
  const stage = stageOf(c);
  return stage === "reminder" ? { remindAt: c.dueAt }
    : stage === "handle" ? { alertedAt: now, remindAt: answerBy > c.dueAt ? answerBy : null }
    : { remindAt: null };
}

function complaintAct(c: ComplaintDue, staff: StaffAt, now: Date, opts: JobOptions, w: TickWrites): void {
  const cal = calendarFor(c.property, opts);
  const stage = stageOf(c);
  const due = stage === "answer" ? answerDeadline(c.createdAt, cal) : c.dueAt;
  const params = { id: c.id, number: complaintNumber(c.property.code, c.id), category: c.category, urgent: c.urgent ? "yes" : "no", against: c.against || "-", due: formatLocal(due, cal.tz), stage };
  // the reminder goes to the named handler (the desk while there is none), the alerts to the supervisors
  const people = stage !== "reminder" ? staff(c.propertyId, "supervisor")
    : c.handlerId ? [c.handlerId] : staff(c.propertyId, "desk");
  w.notifyAll(people, { key: stage === "reminder" ? "complaint-reminder" : "complaint-overdue", params });
  w.event({ complaintId: c.id, ticketId: c.ticketId, actorId: null, action: stage === "reminder" ? "complaint-reminded" : "complaint-overdue", at: now, data: { stage } });
}

/** A complaint nobody was named for within the hour: the supervisors are alerted once. */
function unassignedAct(c: ComplaintDue, staff: StaffAt, now: Date, opts: JobOptions, w: TickWrites): void {
  const params = { id: c.id, number: complaintNumber(c.property.code, c.id), description: c.description, since: formatLocal(c.createdAt, calendarFor(c.property, opts).tz) };
  w.notifyAll(staff(c.propertyId, "supervisor"), { key: "complaint-unassigned", params, buttons: [[{ label: "btn-complaint-handle", action: "cph", id: c.id }]] });
  w.event({ complaintId: c.id, ticketId: c.ticketId, actorId: null, action: "complaint-unassigned", at: now });
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
  const followUps = await dueFollowUps(database, now, take);
  const properties = new Map((followUps.length === 0 ? [] : await database.sweep.findMany("property", { where: { id: { in: [...new Set(followUps.map((f) => f.propertyId))] } } })).map((p) => [p.id, p]));
  const complaints = await dueComplaints(database, now, take);
  const unnamed = await unassigned(database, now, take);
  // who is told, for every property with something due, in one read (roles: desk, supervisor, an assignee's)
  const roles = [...new Set<Role>(["desk", "supervisor", ...followUps.map((f) => f.assigneeRole as Role)])];
  const propertyIds = [...followUps, ...complaints, ...unnamed].map((x) => x.propertyId);
  const staff = propertyIds.length === 0 ? () => [] : await staffAt(database.sweep, propertyIds, roles);
  const a = await claimDue(database, followUps, now, opts, {
    job: "deadlines:follow-up",
    plan: (f) => ({ where: { status: "open", remindAt: f.remindAt }, data: f.remindAt! < f.dueAt ? { remindAt: f.dueAt } : { remindAt: null, alertedAt: now }, outcome: "done" }),
    model: "followUp",
    write: (f, _, w) => {
      const property = properties.get(f.propertyId);
      if (!property) throw new Error(`follow-up ${f.id}: no property ${f.propertyId}`);
      return followUpAct(f, property, staff, now, opts, w);
    },
    retry: async (f) => { await database.db.followUp.updateMany({ where: { id: f.id, status: "open", remindAt: f.remindAt }, data: { remindAt: later } }); },
  });
  const b = await claimDue(database, complaints, now, opts, {
    job: "deadlines:complaint",
    plan: (c) => ({ where: { status: "open", remindAt: c.remindAt, alertedAt: c.alertedAt }, data: complaintData(c, now, opts), outcome: "done" }),
    model: "complaint",
    write: (c, _, w) => complaintAct(c, staff, now, opts, w),
    retry: async (c) => { await database.db.complaint.updateMany({ where: { id: c.id, status: "open", remindAt: c.remindAt }, data: { remindAt: later } }); },
  });
  const c = await claimDue(database, unnamed, now, opts, {
    job: "deadlines:complaint-assign",
    plan: (x) => ({ where: { status: "open", assignDueAt: x.assignDueAt }, data: { assignDueAt: null }, outcome: "done" }),
    model: "complaint",
    write: (x, _, w) => unassignedAct(x, staff, now, opts, w),
    retry: async (x) => { await database.db.complaint.updateMany({ where: { id: x.id, status: "open", assignDueAt: x.assignDueAt }, data: { assignDueAt: later } }); },
  });
  const all = [a, b, c];
  const sum = (k: "due" | "done" | "held" | "skipped" | "failed") => all.reduce((n, r) => n + r[k], 0);
  return { job: "deadlines", due: sum("due"), done: sum("done"), held: sum("held"), skipped: sum("skipped"), failed: sum("failed") };
}
