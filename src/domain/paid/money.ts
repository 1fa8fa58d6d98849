// Money is integer fen (1 yuan = 100 fen) everywhere: in the database, in rules and in totals.
// Quantities are integer hundredths of a unit (2.5 m = 250). Rounding happens in one place only:
// lineAmount (half up, to the fen). A quote's total is the sum of its line amounts, nothing else.
import { normalizeDigits } from "../text.ts";

/** Largest amount the domain accepts for one price or line: 1,000,000 yuan. */
export const MAX_FEN = 100_000_000;
/** Largest quantity: 9,999 units. */
export const MAX_QTY_CENTI = 999_900;

/** "12", "12.5", "12.50元", "¥12.5", "RMB 1,200.00", "１２．５" → fen; undefined when not a plain amount. */
export function parseYuan(text: string): number | undefined {
  const s = normalizeDigits(text.trim())
    .replace(/^(¥|￥|RMB|CNY)\s*/i, "").replace(/\s*(元|yuan|块)$/i, "").replace(/,(?=\d{3}(\D|$))/g, "");
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return undefined;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return fen <= MAX_FEN ? fen : undefined;
}

/** "2", "2.5", "0.25" → hundredths (200, 250, 25); undefined when not a positive quantity of at most 2 decimals. */
export function parseQuantity(text: string): number | undefined {
  const m = /^(\d{1,4})(?:\.(\d{1,2}))?$/.exec(normalizeDigits(text.trim()));
  if (!m) return undefined;
  const centi = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return centi > 0 && centi <= MAX_QTY_CENTI ? centi : undefined;
}

/** 1250 → "12.50"; 120000 → "1,200.00" (grouped, or "1200.00" for files); negative amounts keep their sign. */
export function formatFen(fen: number, opts: { group?: boolean } = {}): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`not an integer amount of fen: ${fen}`);
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / 100));
  const yuan = opts.group === false ? whole : whole.replace(/\B(?=(\d{3})+$)/g, ",");
  return `${sign}${yuan}.${String(abs % 100).padStart(2, "0")}`;
}

/** 250 → "2.5", 200 → "2", 25 → "0.25". */
export function formatQuantity(centi: number): string {
  return (centi / 100).toFixed(2).replace(/\.?0+$/, "");
}

/** The one rounding rule: unit price × quantity, rounded half up to the fen. */
export function lineAmount(unitFen: number, qtyCenti: number): number {
  if (!Number.isSafeInteger(unitFen) || !Number.isSafeInteger(qtyCenti) || unitFen < 0 || qtyCenti <= 0) {
    throw new Error(`bad line: ${unitFen} × ${qtyCenti}`);
  }
  return Math.floor((unitFen * qtyCenti + 50) / 100);
}

/** The sum of line amounts (integers, so exact). */
export function sumFen(amounts: readonly number[]): number {
  const total = amounts.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(total)) throw new Error("total out of range");
  return total;
}

/** Whole yuan → fen (for settings such as the agreement threshold). */
export const yuanToFen = (yuan: number) => Math.round(yuan) * 100;
