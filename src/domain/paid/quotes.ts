// The quote and the owner's consent before paid work starts (seed 000 §5.2.8, seed 002 §4.1.4):
// the technician quotes from the price list; a line above the list or off it goes to a supervisor
// first; the owner approves (choosing how to pay) or declines; every version is kept, and a new
// quote replaces the open or approved one, so a changed amount always needs a new approval.
import type { Database, DbOrTx, Tx } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/client.ts";
import { logEvent } from "../events.ts";
import { err, ok, type Result } from "../types.ts";
import { ownsTicket, OFFICE } from "./access.ts";
import { holdsRoleAt } from "../staff.ts";
import { sumFen } from "./money.ts";
import { isChargeReason, paidWorkTicket, QUOTABLE } from "./chargeable.ts";
import { agreementFenOf, figuresOf, MAX_QUOTE_LINES, parseQuoteText } from "./quote-lines.ts";
import type { DraftLine, LineProblem, QuoteFigures } from "./quote-lines.ts";
import { sendToOwners, tellStaff } from "./quote-notices.ts";
import { listPrices } from "./prices.ts";

export const PAY_METHODS = ["cash", "transfer", "bill"] as const;
export type PayMethod = (typeof PAY_METHODS)[number];
export type Decision = PayMethod | "decline";
export const isDecision = (s: string): s is Decision =>
  s === "decline" || (PAY_METHODS as readonly string[]).includes(s);
/** Quote states that a new version replaces ("prepay": approved, awaiting the agreement and prepayment). */
const OPEN_OR_APPROVED = ["review", "sent", "prepay", "approved"];

export type QuotePreview = QuoteFigures & { lines: DraftLine[]; problems: LineProblem[]; agreementFen: number };

/**
 * What a quote text would become (lines, total, flags, bad lines), for the technician to check. With
 * `chargeReason`, a job not yet paid work is previewed as markChargeable would make it (the console
 * asks the reason and the lines on one form, and marks it only when the quote is sent).
 */
export async function previewQuote(
  db: DbOrTx, actorId: number, ticketId: number, text: string, chargeReason?: string,
): Promise<Result<QuotePreview>> {
  const t = await paidWorkTicket(db, actorId, ticketId);
  if (!t.ok) return t;
  if (!t.value.chargeable && chargeReason === undefined) return err("NOT_CHARGEABLE");
  if (!t.value.chargeable && !isChargeReason(chargeReason!)) return err("INVALID_INPUT");
  if (!t.value.chargeable && t.value.unitId === null) return err("FREE_WORK");
  if (!QUOTABLE.includes(t.value.status)) return err("INVALID_STATE");
  const property = await db.property.findUniqueOrThrow({ where: { id: t.value.propertyId } });
  const { lines, problems } = parseQuoteText(text, await listPrices(db, t.value.propertyId));
  const agreementFen = agreementFenOf(property);
  return ok({ lines, problems, agreementFen, ...figuresOf(lines, agreementFen) });
}

export type CreatedQuote = {
  quoteId: number; version: number; status: "review" | "sent"; totalFen: number; needsAgreement: boolean; ownersReached: number;
  /** Made before by the same flow (a second press of "send"): nothing new was made. */
  again?: boolean;
};

/** Makes a new version of the ticket's quote (replacing the open or approved one) and sends it on. */
export async function createQuote(
  database: Database, actorId: number, ticketId: number, text: string, now: Date, submitKey?: string,
): Promise<Result<CreatedQuote>> {
  const preview = await previewQuote(database.db, actorId, ticketId, text);
  if (!preview.ok) return preview;
  const { lines, problems, totalFen, needsReview, needsAgreement } = preview.value;
  if (problems.length > 0 || lines.length === 0 || lines.length > MAX_QUOTE_LINES) return err("INVALID_INPUT");
  return database.tx(async (tx): Promise<Result<CreatedQuote>> => {
    const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    if (!ticket.chargeable || !QUOTABLE.includes(ticket.status)) return err("INVALID_STATE");
    const last = await tx.quote.findFirst({ where: { ticketId }, orderBy: { version: "desc" } });
    const replaced = await tx.quote.updateMany({
      where: { ticketId, status: { in: OPEN_OR_APPROVED } }, data: { status: "replaced" },
    });
    const status = needsReview ? "review" : "sent";
    const quote = await tx.quote.create({
      data: {
        ticketId, propertyId: ticket.propertyId, version: (last?.version ?? 0) + 1, status,
        totalFen, needsReview, needsAgreement,
        createdById: actorId, createdAt: now, sentAt: needsReview ? null : now, submitKey: submitKey ?? null,
        lines: { create: lines },
      },
      include: { lines: true },
    });
    if (sumFen(quote.lines.map((l) => l.amountFen)) !== quote.totalFen) throw new Error(`quote ${quote.id}: total is not the sum of its lines`);
    const ownersReached = needsReview ? 0 : await sendToOwners(tx, quote.id, now);
    const data = { version: quote.version, totalFen, status, replaced: replaced.count, ownersReached };
    await logEvent(tx, { ticketId, actorId, action: "quote-created", at: now, data });
    if (needsReview) await tellStaff(tx, quote.id, "supervisor", "paid-quote-review", now);
    return ok({ quoteId: quote.id, version: quote.version, status, totalFen, needsAgreement, ownersReached });
  }).catch(async (e: unknown) => {
    // the same flow's "send" again: its quote, nothing new (settled by the unique key)
    const before = submitKey && isUniqueViolation(e) ? await quoteSubmitted(database.db, submitKey) : null;
    if (!before) throw e;
    return ok(before);
  });
}

/** The quote a flow instance made already, as its first "send" answered (null: none). */
async function quoteSubmitted(db: DbOrTx, submitKey: string): Promise<CreatedQuote | null> {
  const q = await db.quote.findUnique({ where: { submitKey } });
  if (!q) return null;
  const events = await db.event.findMany({
    where: { ticketId: q.ticketId, action: "quote-created" }, select: { data: true },
  });
  const made = events.map((e) => JSON.parse(e.data) as { version?: number; ownersReached?: number })
    .find((d) => d.version === q.version);
  const status = q.needsReview && q.status === "review" ? "review" : "sent";
  return {
    quoteId: q.id, version: q.version, status, totalFen: q.totalFen, needsAgreement: q.needsAgreement,
    ownersReached: made?.ownersReached ?? 0, again: true,
  };
}

type QuoteRow = NonNullable<Awaited<ReturnType<Tx["quote"]["findUnique"]>>>;

/** Moves a quote from `from` to new data atomically; a replaced quote answers QUOTE_REPLACED. */
async function move(tx: Tx, q: QuoteRow, from: string, data: Record<string, unknown>): Promise<Result<QuoteRow>> {
  const res = await tx.quote.updateMany({ where: { id: q.id, status: from }, data });
  if (res.count === 1) return ok(q);
  const now = await tx.quote.findUniqueOrThrow({ where: { id: q.id } });
  return err(now.status === "replaced" ? "QUOTE_REPLACED" : "INVALID_STATE");
}

/** A supervisor approves an above-list quote (it then goes to the owner) or rejects it with a reason. */
export async function reviewQuote(
  database: Database, actorId: number, quoteId: number, approve: boolean, note: string, now: Date,
): Promise<Result<{ number: string; version: number; ownersReached: number }>> {
  const reason = note.trim().slice(0, 500);
  if (!approve && !reason) return err("INVALID_INPUT");
  return database.tx(async (tx) => {
    const q = await tx.quote.findUnique({ where: { id: quoteId } });
    if (!q) return err("NOT_FOUND");
    if (!(await holdsRoleAt(tx, actorId, q.propertyId, ["supervisor"]))) return err("FORBIDDEN");
    const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: q.ticketId } });
    if (!QUOTABLE.includes(ticket.status)) return err("INVALID_STATE");
    const r = await move(tx, q, "review", {
      status: approve ? "sent" : "rejected", reviewedById: actorId, reviewNote: reason, sentAt: approve ? now : null,
    });
    if (!r.ok) return r;
    const action = approve ? "quote-reviewed" : "quote-rejected";
    await logEvent(tx, { ticketId: q.ticketId, actorId, action, at: now, data: { version: q.version, reason } });
    const ownersReached = approve ? await sendToOwners(tx, q.id, now) : 0;
    if (!approve) await tellStaff(tx, q.id, "creator", "paid-quote-rejected", now, { reason });
    return ok({ number: ticket.number, version: q.version, ownersReached });
  });
}

export type Decided = { number: string; version: number; decision: Decision; totalFen: number; needsAgreement: boolean };

/**
 * The owner's answer: approve with a way to pay, or decline (the job then ends, no rating asked).
 * From the owner's own chat (`bot`: they must be an owner of the home) or recorded by the office
 * from a phone call (`phone`: the desk person is recorded as who took it).
 */
export async function decideQuote(
  database: Database, actorId: number, quoteId: number, decision: string, via: "bot" | "phone", now: Date,
): Promise<Result<Decided>> {
  if (!isDecision(decision)) return err("INVALID_INPUT");
  return database.tx(async (tx) => {
    const q = await tx.quote.findUnique({ where: { id: quoteId } });
    if (!q) return err("NOT_FOUND");
    const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: q.ticketId } });
    const allowed = via === "bot"
      ? await ownsTicket(tx, actorId, ticket)
      : await holdsRoleAt(tx, actorId, q.propertyId, OFFICE);
    if (!allowed) return err(via === "bot" ? "NOT_FOUND" : "FORBIDDEN");
    if (!QUOTABLE.includes(ticket.status)) return err("INVALID_STATE");
    const approve = decision !== "decline";
    // above the agreement amount the work waits for the agreement and the prepayment (seed 002 5.2)
    const approved = q.needsAgreement ? "prepay" : "approved";
    const r = await move(tx, q, "sent", {
      status: approve ? approved : "declined", payMethod: approve ? decision : "",
      decidedById: actorId, decidedVia: via, decidedAt: now,
    });
    if (!r.ok) return r;
    if (!approve) {
      const ended = await tx.ticket.updateMany({
        where: { id: ticket.id, status: { in: QUOTABLE } },
        data: { status: "declined", cancelledAt: now, arrivalDueAt: null, appointmentDueAt: null, postponedUntil: null },
      });
      if (ended.count === 0) throw new Error(`ticket ${ticket.id}: a sent quote on a ticket that is not in work`);
    }
    const action = approve ? "quote-approved" : "quote-declined";
    await logEvent(tx, { ticketId: ticket.id, actorId, action, at: now, data: { version: q.version, decision, via } });
    const params = { method: approve ? decision : "-", via };
    if (approve && q.needsAgreement) {
      await tellStaff(tx, q.id, "technician", "paid-quote-approved-wait", now, params);
      await tellStaff(tx, q.id, "office", "paid-prepay-task", now, params);
    } else {
      await tellStaff(tx, q.id, "work", approve ? "paid-quote-approved" : "paid-quote-declined", now, params);
    }
    const { version, totalFen, needsAgreement } = q;
    return ok({ number: ticket.number, version, decision, totalFen, needsAgreement });
  });
}

/**
 * Why Done may not be pressed yet, or null: free work always may; paid work only with an approved
 * latest quote, and above the agreement amount only once the prepayment is recorded.
 */
export async function paidWorkBlocksDone(
  db: DbOrTx, ticket: { id: number; chargeable: boolean },
): Promise<"QUOTE_NOT_APPROVED" | "PREPAYMENT_PENDING" | null> {
  if (!ticket.chargeable) return null;
  const last = await db.quote.findFirst({ where: { ticketId: ticket.id }, orderBy: { version: "desc" } });
  return last?.status === "approved" ? null : last?.status === "prepay" ? "PREPAYMENT_PENDING" : "QUOTE_NOT_APPROVED";
}

/** Why the ticket may not be marked done as far as paid work goes, or null (for an early, polite refusal). */
export async function doneRefusal(db: DbOrTx, ticketId: number): Promise<string | null> {
  const t = await db.ticket.findUnique({ where: { id: ticketId } });
  return t ? paidWorkBlocksDone(db, t) : null;
}

/** The ticket number of a quote, for a supervisor of its property (who may return it); otherwise null. */
export async function quoteNumber(db: DbOrTx, personId: number, quoteId: number): Promise<string | null> {
  const q = await db.quote.findUnique({ where: { id: quoteId }, select: { ticketId: true, propertyId: true } });
  // only a supervisor of its property, who may return it, learns which ticket it is
  if (!q || !(await holdsRoleAt(db, personId, q.propertyId, ["supervisor"]))) return null;
  return (await db.ticket.findUniqueOrThrow({ where: { id: q.ticketId } })).number;
}
