// The callback ladder (回访, DOMAIN step 8): scheduled → requested (the owner gets "is it fixed?"
// and the 1-5 buttons) → reminded (once) → phone (a task for the desk's /callbacks). Messages to
// owners and desk are held outside office hours. Answers come from the owner's buttons or the
// desk's phone record (answerSurvey), which end the ladder.
import { authorize } from "../authorize.ts";
import type { Database, DbOrTx, Tx } from "../../db/client.ts";
import { logEvent } from "../events.ts";
import { notify, notifyAll } from "../notify.ts";
import { inOfficeHours, isOfficeHours, nextOfficeStart, zoneOf } from "../schedule.ts";
import { deskScope, onDutyStaff, staffOf } from "../staff.ts";
import { fixedButtons, ratingButtons } from "../surveys.ts";
import { addMinutes, formatLocal } from "../time.ts";
import { placeOf } from "../tickets/view.ts";
import { err, ok, type ButtonIntent, type Result } from "../types.ts";
import { backoffMinutes, batchOf, calendarFor, eachDue, nothingDue, type JobOptions, type Outcome, type TickReport } from "./batch.ts";

const LADDER = ["scheduled", "requested", "reminded"];

const include = { ticket: { include: { property: true, unit: true, reporter: true, assignee: true } } } as const;
type Due = Awaited<ReturnType<typeof findDue>>[number];

function findDue(db: DbOrTx, now: Date, take: number) {
  return db.survey.findMany({
    where: { status: { in: LADDER }, dueAt: { lte: now } },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }], take, include,
  });
}

/** The owner's buttons: "fixed / not fixed" while unconfirmed, then the ratings 5 … 1. */
export function callbackButtons(ticketId: number, confirmed: boolean): ButtonIntent[][] {
  return [...(confirmed ? [] : fixedButtons(ticketId)), ...ratingButtons(ticketId)];
}

const paramsOf = (s: Due, tz: string) => ({
  number: s.ticket.number, place: placeOf(s.ticket), category: s.ticket.category,
  technician: s.ticket.assignee?.name ?? "", completed: formatLocal(s.ticket.completedAt ?? s.createdAt, tz),
});

/** One step of the ladder for one survey; the claim is the conditional update on (status, dueAt). */
async function step(database: Database, s: Due, now: Date, opts: JobOptions): Promise<Outcome> {
  const t = s.ticket;
  const cal = calendarFor(t.property, opts);
  return database.tx(async (tx) => {
    const claim = async (data: Record<string, unknown>) =>
      (await tx.survey.updateMany({ where: { id: s.id, status: s.status, dueAt: s.dueAt }, data: { attempts: 0, ...data } })).count === 1;
    if (t.status !== "completed" && t.status !== "closed") {
      // reopened or otherwise no longer finished: nothing to ask about
      return (await claim({ status: "void", dueAt: null })) ? "done" : "skipped";
    }
    if (!isOfficeHours(now, cal)) return (await claim({ dueAt: nextOfficeStart(now, cal) })) ? "held" : "skipped";
    const phoneAt = addMinutes(t.completedAt ?? s.createdAt, t.property.phoneCallbackAfterMin);
    if (s.status === "reminded" || now >= phoneAt) {
      if (!(await claim({ status: "phone", phoneTaskAt: now, dueAt: null }))) return "skipped";
      await phoneTask(tx, s, cal.tz, now);
      return "done";
    }
    const confirmed = t.status === "closed";
    const notice = { params: paramsOf(s, cal.tz), buttons: callbackButtons(t.id, confirmed) };
    const phoneDue = inOfficeHours(phoneAt, cal);
    if (s.status === "scheduled") {
      const remindAt = inOfficeHours(addMinutes(now, t.property.callbackReminderMin), cal);
      if (!(await claim({ status: "requested", requestedAt: now, dueAt: remindAt < phoneDue ? remindAt : phoneDue }))) return "skipped";
      const reached = await notify(tx, now, t.reporterId, { ...notice, key: confirmed ? "callback-ask-rating" : "callback-ask-fixed", ref: `callback:${t.id}` });
      await logEvent(tx, { ticketId: t.id, actorId: null, action: "callback-requested", at: now, data: { reached } });
      if (!reached) {
        // no chat with the owner (a phone report, or the bot is blocked): straight to the desk
        await tx.survey.update({ where: { id: s.id }, data: { status: "phone", phoneTaskAt: now, dueAt: null } });
        await phoneTask(tx, s, cal.tz, now);
      }
      return "done";
    }
    if (!(await claim({ status: "reminded", remindedAt: now, dueAt: phoneDue }))) return "skipped";
    await notify(tx, now, t.reporterId, { ...notice, key: confirmed ? "callback-reminder-rating" : "callback-reminder-fixed", ref: `callback:${t.id}` });
    await logEvent(tx, { ticketId: t.id, actorId: null, action: "callback-reminded", at: now });
    return "done";
  });
}

/** The desk gets a phone-callback task (also listed by /callbacks). */
async function phoneTask(tx: Tx, s: Due, tz: string, now: Date): Promise<void> {
  const t = s.ticket;
  const desk = await onDutyStaff(tx, t.propertyId, "desk");
  await notifyAll(tx, now, desk.length > 0 ? desk : await staffOf(tx, t.propertyId, "supervisor"), {
    key: "callback-phone-task",
    params: { ...paramsOf(s, tz), owner: t.reporter.name, phone: t.phone || t.reporter.phone || "-" },
    buttons: [[{ label: "btn-record-phone-answer", action: "cbans", id: t.id }]],
  });
  await logEvent(tx, { ticketId: t.id, actorId: null, action: "callback-phone-task", at: now });
}

/** One tick of the callback ladder. */
export async function runCallbacks(database: Database, now: Date, opts: JobOptions = {}): Promise<TickReport> {
  if (!(await database.anyDue([{ table: "Survey", column: "dueAt", status: LADDER, at: now }]))) return nothingDue("callbacks");
  const due = await findDue(database.db, now, batchOf(opts));
  return eachDue("callbacks", due, opts, (s) => step(database, s, now, opts), async (s) => {
    await database.db.survey.updateMany({
      where: { id: s.id, status: s.status, dueAt: s.dueAt },
      data: { dueAt: addMinutes(now, backoffMinutes(s.attempts)), attempts: { increment: 1 } },
    });
  });
}

export type PhoneCallback = {
  ticketId: number; number: string; owner: string; place: string; phone: string;
  completedAt: string; phoneTaskAt: string;
  /** The completion time as the property's clock shows it. */
  completed: string;
};

const phoneView = (s: Due): PhoneCallback => ({
  ticketId: s.ticketId, number: s.ticket.number, owner: s.ticket.reporter.name, place: placeOf(s.ticket),
  phone: s.ticket.phone || s.ticket.reporter.phone || "-",
  completedAt: (s.ticket.completedAt ?? s.createdAt).toISOString(), phoneTaskAt: (s.phoneTaskAt ?? s.createdAt).toISOString(),
  completed: formatLocal(s.ticket.completedAt ?? s.createdAt, zoneOf(s.ticket.property)),
});

/** Phone-callback tasks of the properties where the person works at the desk (or supervises). */
export async function listPhoneCallbacks(db: DbOrTx, personId: number, limit = 20): Promise<Result<PhoneCallback[]>> {
  const scope = await deskScope(db, personId);
  if (!scope) return err("FORBIDDEN");
  const rows = await db.survey.findMany({
    where: { status: "phone", ...(scope === "all" ? {} : { ticket: { propertyId: { in: scope } } }) },
    include, orderBy: [{ phoneTaskAt: "asc" }, { id: "asc" }], take: limit,
  });
  return ok(rows.map(phoneView));
}

/** One unanswered callback, for desk staff of its property (a button press is re-checked here). */
export async function phoneCallbackTask(db: DbOrTx, personId: number, ticketId: number): Promise<Result<PhoneCallback>> {
  const allowed = await authorize(db, personId, ticketId, "desk");
  if (!allowed.ok) return allowed;
  const s = await db.survey.findUnique({ where: { ticketId }, include });
  if (!s) return err("NOT_FOUND");
  if (s.status === "answered") return err("ALREADY_RATED");
  if (s.status === "void") return err("INVALID_STATE");
  return ok(phoneView(s));
}
