// Fees (seed 000 §4.3.1, §4.4.6, seed 002 §4.1.5): on completion the approved quote becomes a fee
// against the ticket with how it is paid, and its materials are entered in the 物料领用 record;
// the desk marks the fee received (who, when, receipt number). Nothing is settled in chat.
import { readsOf, type DbOrTx, type Reads, type Tx } from "../../db/client.ts";
import { logEvent } from "../events.ts";
import { notifyAll } from "../notify.ts";
import { byRange, type PropertyRange } from "../schedule.ts";
import { staffOf, holdsRoleAt } from "../staff.ts";
import { placeOf } from "../tickets/view.ts";
import { err, ok, type Result } from "../types.ts";
import { OFFICE } from "./access.ts";
import { formatFen } from "./money.ts";

/** Records the fee and the materials of a paid job when it is done (once per approved quote). */
export async function recordFee(tx: Tx, ticketId: number, actorId: number, now: Date): Promise<void> {
  const quote = await tx.quote.findFirst({
    where: { ticketId, status: "approved" }, orderBy: { version: "desc" }, include: { lines: true },
  });
  if (!quote || (await tx.charge.count({ where: { quoteId: quote.id } })) > 0) return;
  const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId } });
  // prepaid in full before the work (above the agreement amount): received with that receipt
  const prepaid = quote.prepaidAt !== null && quote.prepaidFen === quote.totalFen;
  const received = prepaid
    ? { receivedAt: quote.prepaidAt, receivedById: quote.prepaidById, receipt: quote.prepaidReceipt } : {};
  const charge = await tx.charge.create({
    data: {
      ticketId, propertyId: quote.propertyId, quoteId: quote.id, description: `quote v${quote.version}`, quantity: 1,
      amountCents: quote.totalFen, status: prepaid ? "received" : "unpaid", payMethod: quote.payMethod,
      approvedById: quote.decidedById, createdAt: now, ...received,
    },
  });
  const materials = quote.lines.filter((l) => l.kind === "material");
  if (materials.length > 0) {
    await tx.materialUse.createMany({
      data: materials.map((l) => ({
        ticketId, name: l.name, code: l.code, unit: l.unit, quantity: Math.ceil(l.qtyCenti / 100), qtyCenti: l.qtyCenti,
        ownerSupplied: l.ownerSupplied, chargeId: charge.id, createdAt: now,
      })),
    });
  }
  const data = { chargeId: charge.id, amountFen: quote.totalFen, method: quote.payMethod };
  await logEvent(tx, { ticketId, actorId, action: "fee-recorded", at: now, data });
  if (quote.totalFen > 0 && !prepaid) {
    await notifyAll(tx, now, await staffOf(tx, quote.propertyId, "desk"), {
      key: "paid-fee-due",
      params: { number: ticket.number, total: formatFen(quote.totalFen), method: quote.payMethod || "-" },
    });
  }
}

export type FeeReceived = {
  number: string; total: string; receipt: string;
  /** Already recorded before: by whom and when (the receipt is the one recorded then). */
  already: { by: string; at: Date } | null;
};

/** The desk marks a ticket's fee received, with the receipt number (a second time says who did it first). */
export async function markFeeReceived(
  db: DbOrTx, actorId: number, ticketNumber: string, receipt: string, now: Date,
): Promise<Result<FeeReceived>> {
  const number = ticketNumber.trim().toUpperCase();
  const receiptNo = receipt.trim();
  if (!receiptNo || receiptNo.length > 40) return err("INVALID_INPUT");
  const ticket = await db.ticket.findUnique({ where: { number } });
  if (!ticket) return err("NOT_FOUND");
  if (!(await holdsRoleAt(db, actorId, ticket.propertyId, OFFICE))) return err("FORBIDDEN");
  const charge = await db.charge.findFirst({ where: { ticketId: ticket.id, status: "unpaid" }, orderBy: { id: "desc" } });
  if (!charge) return alreadyReceived(db, ticket.id, number);
  const res = await db.charge.updateMany({
    where: { id: charge.id, status: "unpaid" },
    data: { status: "received", receivedAt: now, receivedById: actorId, receipt: receiptNo },
  });
  if (res.count === 0) return err("INVALID_STATE");
  const data = { chargeId: charge.id, receipt: receiptNo };
  await logEvent(db, { ticketId: ticket.id, actorId, action: "fee-received", at: now, data });
  return ok({ number, total: formatFen(charge.amountCents), receipt: receiptNo, already: null });
}

/** The fee recorded as received earlier (who, when, receipt), or INVALID_STATE when there is none. */
async function alreadyReceived(db: DbOrTx, ticketId: number, number: string): Promise<Result<FeeReceived>> {
  const done = await db.charge.findFirst({ where: { ticketId, status: "received" }, orderBy: { id: "desc" } });
  if (!done?.receivedAt) return err("INVALID_STATE");
  const by = done.receivedById ? await db.person.findUnique({ where: { id: done.receivedById } }) : null;
  return ok({
    number, total: formatFen(done.amountCents), receipt: done.receipt ?? "",
    already: { by: by?.name ?? "-", at: done.receivedAt },
  });
}

export type FeeItem = { code: string; name: string; nameEn: string; nameTw: string };
export type FeeLine = {
  number: string; place: string; completedAt: Date; items: string; totalFen: number; method: string;
  /** The charged lines with their names (the list's code alone says little to finance). */
  itemLines: FeeItem[];
  status: "unpaid" | "received"; receipt: string; receivedAt: Date | null; receivedBy: string;
  materials: { code: string; name: string; qtyCenti: number; unit: string; ownerSupplied: boolean }[];
};

/** The fees of a period for finance (office staff at the property only), oldest first. */
export async function feeList(
  db: DbOrTx, actorId: number, propertyId: number, from: Date, to: Date,
): Promise<Result<FeeLine[]>> {
  if (!(await holdsRoleAt(db, actorId, propertyId, OFFICE))) return err("FORBIDDEN");
  const charges = await db.charge.findMany({
    where: { propertyId, createdAt: { gte: from, lt: to } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { ticket: { include: { unit: true } } },
  });
  const ids = charges.map((c) => c.id);
  const quoteIds = charges.map((c) => c.quoteId ?? 0);
  const lines = await db.quoteLine.findMany({ where: { quoteId: { in: quoteIds } }, orderBy: { id: "asc" } });
  const materials = await db.materialUse.findMany({ where: { chargeId: { in: ids } }, orderBy: { id: "asc" } });
  const receivers = charges.map((c) => c.receivedById ?? 0);
  const people = await db.person.findMany({ where: { id: { in: receivers } }, select: { id: true, name: true } });
  return ok(charges.map((c) => ({
    number: c.ticket.number, place: placeOf(c.ticket), completedAt: c.createdAt,
    items: lines.filter((l) => l.quoteId === c.quoteId && !l.ownerSupplied).map((l) => l.code || l.name).join(" "),
    itemLines: lines.filter((l) => l.quoteId === c.quoteId && !l.ownerSupplied)
      .map((l) => ({ code: l.code, name: l.name, nameEn: l.nameEn, nameTw: l.nameTw })),
    totalFen: c.amountCents, method: c.payMethod ?? "", status: c.status === "received" ? "received" : "unpaid",
    receipt: c.receipt ?? "", receivedAt: c.receivedAt, receivedBy: people.find((p) => p.id === c.receivedById)?.name ?? "",
    materials: materials.filter((m) => m.chargeId === c.id).map((m) => ({
      code: m.code ?? "", name: m.name, qtyCenti: m.qtyCenti ?? m.quantity * 100, unit: m.unit ?? "", ownerSupplied: Boolean(m.ownerSupplied),
    })),
  })));
}

export type PaidTotals = {
  quotesSent: number; approved: number; declined: number;
  feesCount: number; feesFen: number; receivedCount: number; receivedFen: number;
  outstandingCount: number; outstandingFen: number;
};

/**
 * Paid-work figures of a property over [from, to): quotes sent to owners, approved and declined by
 * them, fees recorded, fees received, and fees still outstanding at `to` (for the close-out and
 * the monthly figures).
 */
export async function paidWorkTotals(db: DbOrTx, propertyId: number, from: Date, to: Date): Promise<PaidTotals> {
  return (await paidWorkTotalsAt(readsOf(db), [{ propertyId, from, to }])).get(propertyId)!;
}

/**
 * `paidWorkTotals` of many properties, each over its own range, in three statements whatever their
 * number: the quotes sent or decided in the ranges, the charges recorded or received in them (a
 * day's or a month's, counted here), and the sums still outstanding.
 */
export async function paidWorkTotalsAt(reads: Reads, ranges: PropertyRange[]): Promise<Map<number, PaidTotals>> {
  const rangeOf = new Map(ranges.map((r) => [r.propertyId, r]));
  const within = (propertyId: number | null, at: Date | null) => {
    const r = propertyId === null ? undefined : rangeOf.get(propertyId);
    return r !== undefined && at !== null && at >= r.from && at < r.to;
  };
  // one statement at a time: this may run inside a transaction
  const quotes = await reads.findMany("quote", {
    where: { OR: [byRange(ranges, (propertyId, sentAt) => ({ propertyId, sentAt })), byRange(ranges, (propertyId, decidedAt) => ({ propertyId, decidedAt }))] },
  });
  const charges = await reads.findMany("charge", {
    where: { OR: [byRange(ranges, (propertyId, createdAt) => ({ propertyId, createdAt })), byRange(ranges, (propertyId, receivedAt) => ({ propertyId, receivedAt }))] },
  });
  const outstanding = await reads.groupBy("charge", {
    by: "propertyId", where: byRange(ranges, (propertyId, { lt }) => ({ propertyId, createdAt: { lt }, OR: [{ status: "unpaid" }, { receivedAt: { gte: lt } }] })),
    sum: "amountCents",
  });
  return new Map(ranges.map(({ propertyId: id }) => {
    const decided = quotes.filter((q) => q.propertyId === id && within(id, q.decidedAt));
    const fees = charges.filter((c) => c.propertyId === id && within(id, c.createdAt));
    const received = charges.filter((c) => c.propertyId === id && within(id, c.receivedAt));
    const owed = outstanding.find((o) => o.key === id);
    const fen = (rows: { amountCents: number }[]) => rows.reduce((n, c) => n + c.amountCents, 0);
    return [id, {
      quotesSent: quotes.filter((q) => q.propertyId === id && within(id, q.sentAt)).length,
      approved: decided.filter((q) => q.status !== "declined").length,
      declined: decided.filter((q) => q.status === "declined").length,
      feesCount: fees.length, feesFen: fen(fees), receivedCount: received.length, receivedFen: fen(received),
      outstandingCount: owed?.count ?? 0, outstandingFen: owed?.sum ?? 0,
    }];
  }));
}
