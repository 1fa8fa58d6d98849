// The technician's quote as text, one line per item, checked against the price list. Pure.
//   A01 2          list item A01, quantity 2, at the list price
//   A01 2 80       …at 80 yuan each (above the list: a supervisor approves first)
//   M03 1 自备     a material the owner supplies (recorded, not charged; also "own")
//   + 名称 2 35    an item not on the list: name, quantity, unit price (a supervisor approves first)
import { alignRows } from "../text-table.ts";
import { excerpt } from "../text.ts";
import { formatFen, formatQuantity, lineAmount, parseQuantity, parseYuan, sumFen, yuanToFen } from "./money.ts";
import { itemName, normaliseCode, type PriceLine } from "./prices.ts";

export type LineKind = "labour" | "material" | "other";
export type DraftLine = {
  priceItemId: number | null; code: string; name: string; nameEn: string; nameTw: string; unit: string; kind: LineKind;
  qtyCenti: number; unitFen: number; listFen: number | null; amountFen: number; ownerSupplied: boolean;
};
export type LineProblem = { line: number; text: string; reason: "format" | "unknown" | "quantity" | "price" | "own" };
export const MAX_QUOTE_LINES = 20;
/** The longest quote text taken (chat or console). */
export const MAX_QUOTE_TEXT = 1000;
/** Paid work above this needs a written agreement and prepayment, unless the property says otherwise (seed 002). */
export const DEFAULT_AGREEMENT_YUAN = 500;
export const agreementFenOf = (p: { agreementYuan: number | null }) => yuanToFen(p.agreementYuan ?? DEFAULT_AGREEMENT_YUAN);

const OWN = /^(自备|自供|业主自备|own)$/i;
/** A line needs a supervisor when it charges more than the list, or for an item not on the list. */
export const aboveList = (l: Pick<DraftLine, "ownerSupplied" | "listFen" | "unitFen">) =>
  !l.ownerSupplied && (l.listFen === null || l.unitFen > l.listFen);

function draft(base: Omit<DraftLine, "amountFen">): DraftLine {
  return { ...base, amountFen: base.ownerSupplied ? 0 : lineAmount(base.unitFen, base.qtyCenti) };
}

function parseLine(raw: string, items: Map<string, PriceLine>): DraftLine | LineProblem["reason"] {
  // "A01 ×2": a multiplication sign before a quantity, never the first letter of a code (X01)
  const tokens = raw.split(/\s+/).filter(Boolean).map((t, i) => (i === 0 ? t : t.replace(/^[×xX*](?=\d)/, "")));
  if (tokens[0] === "+" || tokens[0]?.startsWith("+")) {
    const rest = tokens[0] === "+" ? tokens.slice(1) : [tokens[0].slice(1), ...tokens.slice(1)];
    if (rest.length < 3) return "format";
    const [qtyText, priceText] = rest.slice(-2) as [string, string];
    const name = excerpt(rest.slice(0, -2).join(" "), 40);
    const qtyCenti = parseQuantity(qtyText);
    if (qtyCenti === undefined) return "quantity";
    const own = OWN.test(priceText);
    const unitFen = own ? 0 : parseYuan(priceText);
    if (unitFen === undefined || (!own && unitFen === 0)) return "price";
    return draft({
      priceItemId: null, code: "", name, nameEn: "", nameTw: "", unit: "", kind: own ? "material" : "other",
      qtyCenti, unitFen, listFen: null, ownerSupplied: own,
    });
  }
  if (tokens.length < 2 || tokens.length > 3) return "format";
  const item = items.get(normaliseCode(tokens[0]!));
  if (!item) return "unknown";
  const qtyCenti = parseQuantity(tokens[1]!);
  if (qtyCenti === undefined) return "quantity";
  const own = tokens[2] !== undefined && OWN.test(tokens[2]);
  if (own && item.kind !== "material") return "own";
  const unitFen = own ? 0 : tokens[2] === undefined ? item.priceFen : parseYuan(tokens[2]);
  if (unitFen === undefined) return "price";
  return draft({
    priceItemId: item.id, code: item.code, name: item.name, nameEn: item.nameEn, nameTw: item.nameTw, unit: item.unit,
    kind: item.kind, qtyCenti, unitFen, listFen: item.priceFen, ownerSupplied: own,
  });
}

/** The lines of a quote text against the active price list; bad lines by number. */
export function parseQuoteText(text: string, list: PriceLine[]): { lines: DraftLine[]; problems: LineProblem[] } {
  const items = new Map(list.filter((i) => i.active).map((i) => [i.code, i]));
  const lines: DraftLine[] = [];
  const problems: LineProblem[] = [];
  text.split(/\r\n|\n|\r|；|;/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const r = parseLine(line, items);
    if (typeof r === "string") problems.push({ line: i + 1, text: excerpt(line, 40), reason: r });
    else lines.push(r);
  });
  return { lines, problems };
}

export type QuoteFigures = { totalFen: number; needsReview: boolean; needsAgreement: boolean };

/** The total (the exact sum of the lines) and what the quote needs before and after the owner says yes. */
type Priced = Pick<DraftLine, "amountFen" | "ownerSupplied" | "listFen" | "unitFen">;

export function figuresOf(lines: Priced[], agreementFen: number): QuoteFigures {
  const totalFen = sumFen(lines.map((l) => l.amountFen));
  return { totalFen, needsReview: lines.some(aboveList), needsAgreement: totalFen > agreementFen };
}

type TableLine = Priced & Pick<DraftLine, "name" | "nameEn" | "nameTw" | "unit" | "qtyCenti">;

/**
 * The lines as an aligned table (name, quantity and unit, × unit price, amount) in a language.
 * Marks: `*` owner-supplied, `!` above the list or off the list (for the supervisor's copy only).
 */
export function quoteTable(lines: TableLine[], lang: string, marks: { review?: boolean } = {}): string {
  return alignRows(lines.map((l) => [
    `${l.ownerSupplied ? "*" : marks.review && aboveList(l) ? "!" : ""}${itemName(l, lang)}`,
    `${formatQuantity(l.qtyCenti)}${l.unit}`,
    l.ownerSupplied ? "-" : `×${formatFen(l.unitFen)}`,
    formatFen(l.amountFen),
  ]));
}
