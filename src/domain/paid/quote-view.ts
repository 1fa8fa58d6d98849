// A ticket's paid side as the office sees it beside the card (the desk console): whether it may be
// quoted now and why not, the price list to pick from, and the latest quote with its lines.
import type { DbOrTx } from "../../db/client.ts";
import { ok, type Result } from "../types.ts";
import { paidWorkTicket, quoteRefusal } from "./chargeable.ts";
import { listPrices, type PriceLine } from "./prices.ts";
import type { DraftLine } from "./quote-lines.ts";
import { agreementFenOf } from "./quote-lines.ts";

export type QuoteLineView = Pick<
  DraftLine, "name" | "nameEn" | "nameTw" | "unit" | "qtyCenti" | "unitFen" | "listFen" | "amountFen" | "ownerSupplied"
>;
export type LatestQuote = {
  version: number; status: string; totalFen: number; needsReview: boolean; needsAgreement: boolean; reviewNote: string;
  lines: QuoteLineView[];
};
export type TicketQuote = {
  /** Why a quote cannot be made now (FREE_WORK, INVALID_STATE), or null. */
  refusal: string | null;
  chargeable: boolean; chargeReason: string | null; agreementFen: number;
  prices: PriceLine[]; latest: LatestQuote | null;
};

/** The ticket's paid side for someone who may work on it (paidWorkTicket's rule); FORBIDDEN for others. */
export async function ticketQuote(db: DbOrTx, actorId: number, ticketId: number): Promise<Result<TicketQuote>> {
  const t = await paidWorkTicket(db, actorId, ticketId);
  if (!t.ok) return t;
  const refusal = quoteRefusal(t.value);
  const property = await db.property.findUniqueOrThrow({ where: { id: t.value.propertyId } });
  const q = await db.quote.findFirst({
    where: { ticketId }, orderBy: { version: "desc" }, include: { lines: { orderBy: { id: "asc" } } },
  });
  const prices = refusal ? [] : await listPrices(db, t.value.propertyId);
  const latest = q && {
    version: q.version, status: q.status, totalFen: q.totalFen, needsReview: q.needsReview,
    needsAgreement: q.needsAgreement, reviewNote: q.reviewNote,
    lines: q.lines.map((l) => ({
      name: l.name, nameEn: l.nameEn, nameTw: l.nameTw, unit: l.unit, qtyCenti: l.qtyCenti, unitFen: l.unitFen,
      listFen: l.listFen, amountFen: l.amountFen, ownerSupplied: l.ownerSupplied,
    })),
  };
  const { chargeable, chargeReason } = t.value;
  return ok({ refusal, chargeable, chargeReason, agreementFen: agreementFenOf(property), prices, latest });
}
