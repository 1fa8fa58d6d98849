// Above the agreement amount (seed 002 作业规程 5.2: 签订维修协议，提前收取维修费用) an approved quote
// waits in "prepay": the desk signs the agreement with the owner, takes the prepayment and records
// it (amount, receipt); only then may work start and Done be pressed. The technician is told.
import type { Database } from "../../db/client.ts";
import { logEvent } from "../events.ts";
import { err, ok, type Result } from "../types.ts";
import { OFFICE } from "./access.ts";
import { holdsRoleAt } from "../staff.ts";
import { formatFen, parseYuan } from "./money.ts";
import { tellStaff } from "./quote-notices.ts";

export type Prepaid = { number: string; total: string; amount: string; receipt: string };

/** The desk records the signed agreement and the prepayment of a ticket's quote awaiting it. */
export async function recordPrepayment(
  database: Database, actorId: number, ticketNumber: string, amountText: string, receipt: string, now: Date,
): Promise<Result<Prepaid>> {
  const number = ticketNumber.trim().toUpperCase();
  const receiptNo = receipt.trim();
  const amountFen = parseYuan(amountText);
  if (!receiptNo || receiptNo.length > 40 || !amountFen) return err("INVALID_INPUT");
  return database.tx(async (tx) => {
    const ticket = await tx.ticket.findUnique({ where: { number } });
    if (!ticket) return err("NOT_FOUND");
    if (!(await holdsRoleAt(tx, actorId, ticket.propertyId, OFFICE))) return err("FORBIDDEN");
    const q = await tx.quote.findFirst({ where: { ticketId: ticket.id }, orderBy: { version: "desc" } });
    if (!q || q.status !== "prepay") return err("INVALID_STATE");
    if (amountFen > q.totalFen) return err("INVALID_INPUT");
    const res = await tx.quote.updateMany({
      where: { id: q.id, status: "prepay" },
      data: {
        status: "approved", prepaidFen: amountFen, prepaidReceipt: receiptNo, prepaidById: actorId, prepaidAt: now,
      },
    });
    if (res.count === 0) return err("INVALID_STATE");
    const data = { version: q.version, amountFen, receipt: receiptNo };
    await logEvent(tx, { ticketId: ticket.id, actorId, action: "prepayment-recorded", at: now, data });
    const params = { amount: formatFen(amountFen), receipt: receiptNo };
    await tellStaff(tx, q.id, "technician", "paid-prepaid-start", now, params);
    return ok({ number, total: formatFen(q.totalFen), amount: formatFen(amountFen), receipt: receiptNo });
  });
}
