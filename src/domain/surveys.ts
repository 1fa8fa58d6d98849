// Step 8: the satisfaction rating, from the owner's button (any time later) or the desk's phone call.
import type { Database, DbOrTx } from "../db/client.ts";
import { logEvent } from "./events.ts";
import { notify } from "./notify.ts";
import { openFollowUp } from "./followups.ts";
import { authorize } from "./authorize.ts";
import { shownNumber } from "./tickets/incident.ts";
import { visibleWhere } from "./tickets/owner.ts";
import { err, ok, MAX_NOTE, type ButtonIntent, type Result } from "./types.ts";

/** The satisfaction scale, best first, as the owner's buttons show it (DOMAIN step 8). */
export const RATINGS = [5, 4, 3, 2, 1] as const;

/** The owner's rating buttons for a ticket, one per row. */
export const ratingButtons = (ticketId: number): ButtonIntent[][] =>
  RATINGS.map((n) => [{ label: `rate-${n}`, action: "rate", id: ticketId, arg: String(n) }]);

/** The owner's "fixed / not fixed" buttons for a completed ticket. */
export const fixedButtons = (ticketId: number): ButtonIntent[][] => [[
  { label: "btn-confirm-fixed", action: "confirm", id: ticketId },
  { label: "btn-not-fixed", action: "notfixed", id: ticketId },
]];

export type SurveyAnswer = {
  ticketId: number; actorId: number; rating: number; comment?: string; channel: "bot" | "phone";
  /** Typed instead of pressed: the question's 1-5 buttons are replaced by the rating given. */
  typed?: boolean;
};

/** Records a 1-5 rating once. 1-2 opens a follow-up for the supervisor. Rating implies confirmation. */
export async function answerSurvey(database: Database, input: SurveyAnswer, now: Date): Promise<Result<{ rating: number; followUpId: number | null; number: string }>> {
  const { ticketId, actorId, rating, channel } = input;
  if (!(RATINGS as readonly number[]).includes(rating)) return err("INVALID_RATING");
  const comment = input.comment?.trim() || null;
  if (comment && comment.length > MAX_NOTE) return err("INVALID_INPUT");
  return database.tx(async (tx) => {
    const allowed = await authorize(tx, actorId, ticketId, channel === "bot" ? "owner" : "desk");
    if (!allowed.ok) return allowed;
    const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, include: { survey: true } });
    if (!ticket.survey || !["completed", "closed"].includes(ticket.status)) return err("INVALID_STATE");
    const res = await tx.survey.updateMany({
      where: { ticketId, status: { notIn: ["answered", "void"] } },
      data: { status: "answered", rating, comment, channel, answeredAt: now, answeredBy: actorId, dueAt: null },
    });
    if (res.count === 0) return err(ticket.survey.status === "answered" ? "ALREADY_RATED" : "INVALID_STATE");
    if (ticket.status === "completed") {
      // confirmedAt is the owner's own confirmation: a rating taken on the phone closes the job without one
      const confirmedAt = channel === "bot" ? now : null;
      await tx.ticket.update({ where: { id: ticketId }, data: { status: "closed", confirmedAt } });
      await logEvent(tx, { ticketId, actorId, action: "confirmed", at: now, data: { via: "rating" } });
    }
    await logEvent(tx, { ticketId, actorId, action: "rated", at: now, data: { rating, channel, comment } });
    // typed instead of pressed: the callback's question shows the rating instead of its 1-5 buttons
    const ref = `callback:${ticketId}`;
    if (input.typed && (await tx.outbox.count({ where: { ref, personId: actorId, messageId: { not: null } } })) > 0) {
      await notify(tx, now, actorId, { key: "owner-rated", params: { number: ticket.number, rating }, ref, kind: "edit" });
    }
    const followUpId = rating <= 2
      ? await openFollowUp(tx, {
        propertyId: ticket.propertyId, ticketId, surveyId: ticket.survey.id, assigneeRole: "supervisor", alsoTell: ["desk"],
        reason: comment ?? "", rating,
      }, actorId, now)
      : null;
    return ok({ rating, followUpId, number: await shownNumber(tx, ticket) });
  });
}

/** The owner's ticket waiting for a rating (the newest), so that a typed "4" can count as the rating. */
export async function ticketAwaitingRating(db: DbOrTx, personId: number): Promise<number | null> {
  const survey = await db.survey.findFirst({
    where: {
      status: { in: ["requested", "reminded", "phone", "scheduled"] },
      ticket: { status: { in: ["completed", "closed"] }, ...(await visibleWhere(db, personId)) },
    },
    orderBy: { id: "desc" }, select: { ticketId: true },
  });
  return survey?.ticketId ?? null;
}

/** The owner's "what went wrong" after a low rating: recorded on the survey and its follow-up. */
export async function addRatingComment(database: Database, personId: number, ticketId: number, text: string, now: Date): Promise<Result<{ number: string }>> {
  const comment = text.trim();
  if (!comment || comment.length > MAX_NOTE) return err("INVALID_INPUT");
  return database.tx(async (tx) => {
    const survey = await tx.survey.findUnique({ where: { ticketId }, include: { ticket: true } });
    if (!survey || survey.status !== "answered" || survey.answeredBy !== personId) return err("NOT_FOUND");
    await tx.survey.update({ where: { id: survey.id }, data: { comment } });
    await tx.followUp.updateMany({ where: { surveyId: survey.id, status: "open" }, data: { reason: comment } });
    await logEvent(tx, { ticketId, actorId: personId, action: "commented", at: now, data: { comment } });
    return ok({ number: survey.ticket.number });
  });
}
