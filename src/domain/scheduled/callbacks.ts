// The callback ladder (回访, DOMAIN step 8): scheduled → requested (the owner gets "is it fixed?"
// and the 1-5 buttons) → reminded (once) → phone (a task for the desk's /callbacks). Messages to
// owners and desk are held outside office hours. Answers come from the owner's buttons or the
// desk's phone record (answerSurvey), which end the ladder.
import { authorize } from "../authorize.ts";
import type { Database, DbOrTx } from "../../db/client.ts";
import { inOfficeHours, isOfficeHours, nextOfficeStart, zoneOf } from "../schedule.ts";
import { deskScope, onDutyStaffAt, staffAt, type StaffAt } from "../staff.ts";
import { fixedButtons, ratingButtons } from "../surveys.ts";
import { addMinutes, formatLocal } from "../time.ts";
import { placeOf } from "../tickets/view.ts";
import { err, ok, type ButtonIntent, type Result } from "../types.ts";
import { backoffMinutes, batchOf, calendarFor, claimDue, nothingDue, type TickWrites, type JobOptions, type Outcome, type TickReport } from "./batch.ts";

const LADDER = ["scheduled", "requested", "reminded"];

const include = { ticket: { include: { property: true, unit: true, reporter: true, assignee: true } } } as const;
type Due = Awaited<ReturnType<typeof findDue>>[number];

function findDue(database: Database, now: Date, take: number) {
  return database.sweep.findMany("survey", {
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

type Step = "void" | "hold" | "phone" | "ask" | "remind";

/** Whether the owner can be asked in the bot (else the desk calls: a phone report, or the bot is blocked). */
const reachable = (s: Due) => Boolean(s.ticket.reporter.telegramId) && !s.ticket.reporter.blockedAt;

/** The survey's next step at `now`, and what its claim sets (the claim is conditional on status and dueAt). */
function decide(s: Due, now: Date, opts: JobOptions): { step: Step; data: Record<string, unknown>; outcome: Outcome } {
  const t = s.ticket;
  const cal = calendarFor(t.property, opts);
  const set = (step: Step, data: Record<string, unknown>, outcome: Outcome = "done") => ({ step, data: { attempts: 0, ...data }, outcome });
  // reopened or otherwise no longer finished: nothing to ask about
  if (t.status !== "completed" && t.status !== "closed") return set("void", { status: "void", dueAt: null });
  if (!isOfficeHours(now, cal)) return set("hold", { dueAt: nextOfficeStart(now, cal) }, "held");
  const phoneAt = addMinutes(t.completedAt ?? s.createdAt, t.property.phoneCallbackAfterMin);
  if (s.status === "reminded" || now >= phoneAt) return set("phone", { status: "phone", phoneTaskAt: now, dueAt: null });
  const phoneDue = inOfficeHours(phoneAt, cal);
  if (s.status === "scheduled") {
    // an owner the bot cannot reach is asked for the record, and goes straight to the desk's phone task
    if (!reachable(s)) return set("ask", { status: "phone", requestedAt: now, phoneTaskAt: now, dueAt: null });
    const remindAt = inOfficeHours(addMinutes(now, t.property.callbackReminderMin), cal);
    return set("ask", { status: "requested", requestedAt: now, dueAt: remindAt < phoneDue ? remindAt : phoneDue });
  }
  return set("remind", { status: "reminded", remindedAt: now, dueAt: phoneDue });
}

/** What the claim is followed by, read before it: the numbers shown for linked reports, who takes phone tasks. */
type Context = { shown: Map<number, string>; desk: StaffAt; supervisors: StaffAt };

async function contextOf(database: Database, due: Due[], now: Date, opts: JobOptions): Promise<Context> {
  const db = database.db;
  const linked = [...new Set(due.map((s) => s.ticket.incidentOfId).filter((id): id is number => id !== null))];
  const shown = new Map(linked.length === 0 ? [] : (await db.ticket.findMany({ where: { id: { in: linked } }, select: { id: true, number: true } }))
    .map((t) => [t.id, t.number]));
  const calls = due.filter((s) => {
    try {
      const { step } = decide(s, now, opts);
      return step === "phone" || (step === "ask" && !reachable(s));
    } catch {
      return false; // its claim fails too, and it is retried on its own (claimDue)
    }
  }).map((s) => s.ticket.propertyId);
  const none: StaffAt = () => [];
  return {
    shown,
    desk: calls.length === 0 ? none : await onDutyStaffAt(database.sweep, calls, ["desk"]),
    supervisors: calls.length === 0 ? none : await staffAt(database.sweep, calls, ["supervisor"]),
  };
}

/** After the claim: the owner's question or reminder, or the desk's phone task. */
function write(s: Due, now: Date, opts: JobOptions, c: Context, w: TickWrites): void {
  const t = s.ticket;
  const { step } = decide(s, now, opts);
  const tz = calendarFor(t.property, opts).tz;
  if (step === "void" || step === "hold") return;
  // a report linked to an incident is asked about (and called back) under the number its reporter was given
  const number = t.incidentOfId === null ? t.number : c.shown.get(t.incidentOfId) ?? t.number;
  if (step === "phone") return phoneTask(s, tz, now, number, c, w);
  const confirmed = t.status === "closed";
  const notice = { params: { ...paramsOf(s, tz), number }, buttons: callbackButtons(t.id, confirmed), ref: `callback:${t.id}` };
  if (step === "ask") {
    const reached = reachable(s);
    if (reached) w.notify(t.reporterId, { ...notice, key: confirmed ? "callback-ask-rating" : "callback-ask-fixed" });
    w.event({ ticketId: t.id, actorId: null, action: "callback-requested", at: now, data: { reached } });
    if (!reached) phoneTask(s, tz, now, number, c, w);
    return;
  }
  w.notify(t.reporterId, { ...notice, key: confirmed ? "callback-reminder-rating" : "callback-reminder-fixed" });
  w.event({ ticketId: t.id, actorId: null, action: "callback-reminded", at: now });
}

/** The desk gets a phone-callback task (also listed by /callbacks); the supervisors when nobody is at the desk. */
function phoneTask(s: Due, tz: string, now: Date, number: string, c: Context, w: TickWrites): void {
  const t = s.ticket;
  const desk = c.desk(t.propertyId, "desk");
  w.notifyAll(desk.length > 0 ? desk : c.supervisors(t.propertyId, "supervisor"), {
    key: "callback-phone-task",
    params: { ...paramsOf(s, tz), number, owner: t.reporter.name, phone: t.phone || t.reporter.phone || "-" },
    buttons: [[{ label: "btn-record-phone-answer", action: "cbans", id: t.id }]],
  });
  w.event({ ticketId: t.id, actorId: null, action: "callback-phone-task", at: now });
}

/** One tick of the callback ladder. */
export async function runCallbacks(database: Database, now: Date, opts: JobOptions = {}): Promise<TickReport> {
  if (!(await database.anyDue([{ table: "Survey", column: "dueAt", status: LADDER, at: now }]))) return nothingDue("callbacks");
  const due = await findDue(database, now, batchOf(opts));
  const context = await contextOf(database, due, now, opts);
  return claimDue(database, due, now, opts, {
    job: "callbacks",
    plan: (s) => {
      const { data, outcome } = decide(s, now, opts);
      return { where: { status: s.status, dueAt: s.dueAt }, data, outcome };
    },
    model: "survey",
    write: (s, _, w) => write(s, now, opts, context, w),
    retry: async (s) => {
      await database.db.survey.updateMany({
        where: { id: s.id, status: s.status, dueAt: s.dueAt },
        data: { dueAt: addMinutes(now, backoffMinutes(s.attempts)), attempts: { increment: 1 } },
      });
    },
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

/** The ticket's callback while it waits for the desk's phone call (status phone), for desk staff; else null. */
export async function pendingPhoneCallback(
  db: DbOrTx, personId: number, ticketId: number,
): Promise<PhoneCallback | null> {
  const s = await db.survey.findFirst({ where: { ticketId, status: "phone" }, include });
  return s && (await authorize(db, personId, ticketId, "desk")).ok ? phoneView(s) : null;
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
