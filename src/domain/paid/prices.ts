// The price list of a property (常规服务价目表 / 便民服务维修收费标准): items with a code, names in
// three languages, a unit, a unit price in fen, labour or material. Loaded from a CSV, changed one
// item at a time, retired (never deleted: quotes copy the price, so old quotes keep theirs).
import type { Database, DbOrTx } from "../../db/client.ts";
import { isHeader, MAX_CSV_ROWS, readCsv, type CsvProblem } from "../csv.ts";
import { logEvent } from "../events.ts";
import { err, ok, type Result } from "../types.ts";
import { PRICE_KEEPERS } from "./access.ts";
import { holdsRoleAt } from "../staff.ts";
import { parseYuan } from "./money.ts";

export type ItemKind = "labour" | "material";
export type PriceLine = {
  id: number; code: string; name: string; nameEn: string; nameTw: string; unit: string;
  priceFen: number; kind: ItemKind; active: boolean;
};
export type PriceDraft = Omit<PriceLine, "id" | "active"> & { line: number };
export type PriceProblem = CsvProblem<"columns" | "code" | "name" | "price" | "kind" | "duplicate" | "invalid">;

const ITEM_CODE = /^[A-Z0-9][A-Z0-9_-]{0,11}$/;
const KINDS: Record<string, ItemKind> = {
  labour: "labour", labor: "labour", l: "labour", 工时: "labour", 人工: "labour", 服务: "labour",
  material: "material", m: "material", 材料: "material", 物料: "material",
};
export const parseKind = (s: string): ItemKind | undefined => KINDS[s.trim().toLowerCase()];
export const normaliseCode = (s: string) => s.trim().toUpperCase();

type Row = {
  id: number; code: string; name: string; nameEn: string | null; nameTw: string | null; unit: string;
  priceCents: number; kind: string | null; active: boolean;
};
export const toPriceLine = (r: Row): PriceLine => ({
  id: r.id, code: r.code, name: r.name, nameEn: r.nameEn ?? "", nameTw: r.nameTw ?? "", unit: r.unit,
  priceFen: r.priceCents, kind: r.kind === "material" ? "material" : "labour", active: r.active,
});

/** An item's name in a language (the Chinese name when there is no other). */
export const itemName = (i: { name: string; nameEn?: string; nameTw?: string }, lang: string) =>
  (lang === "en" ? i.nameEn : lang === "zh-TW" ? i.nameTw : "") || i.name;

/**
 * Parses a price list CSV: `code,name,unit,price,kind[,English name[,繁體名稱]]` per line, a header
 * line, BOM, `，` and tabs accepted (see readCsv). Pure.
 */
export function parsePricesCsv(text: string): { items: PriceDraft[]; problems: PriceProblem[] } {
  const { rows, broken } = readCsv(text);
  const items: PriceDraft[] = [];
  const problems: PriceProblem[] = broken ? [broken] : [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (isHeader(row, /code|编号|代码|名称|项目|price|单价/i)) continue;
    const bad = (reason: PriceProblem["reason"]) => void problems.push({ line: row.line, text: row.text, reason });
    if (row.cells.length < 5 || row.cells.length > 7) { bad("columns"); continue; }
    type Cells = [string, string, string, string, string, string?, string?];
    const [rawCode, name, unit, rawPrice, rawKind, nameEn = "", nameTw = ""] = row.cells as Cells;
    const code = normaliseCode(rawCode);
    const priceFen = parseYuan(rawPrice);
    const kind = parseKind(rawKind);
    if (!ITEM_CODE.test(code)) bad("code");
    else if (!name || name.length > 40 || nameEn.length > 60 || nameTw.length > 40 || unit.length > 10) bad("name");
    else if (priceFen === undefined) bad("price");
    else if (!kind) bad("kind");
    else if (seen.has(code)) bad("duplicate");
    else { seen.add(code); items.push({ code, name, nameEn, nameTw, unit, priceFen, kind, line: row.line }); }
  }
  problems.sort((a, b) => a.line - b.line);
  return { items, problems };
}

export type PriceImport = { added: number; changed: number; unchanged: number; problems: PriceProblem[] };

/** Loads a price list: new codes are added, known ones updated (and brought back if retired). */
export async function importPrices(
  database: Database, actorId: number, propertyId: number, csv: string, now: Date,
): Promise<Result<PriceImport>> {
  if (!(await holdsRoleAt(database.db, actorId, propertyId, PRICE_KEEPERS))) return err("FORBIDDEN");
  const { items, problems } = parsePricesCsv(csv);
  if (items.length + problems.length > MAX_CSV_ROWS) return err("INVALID_INPUT");
  return database.tx(async (tx) => {
    const have = new Map((await tx.priceItem.findMany({ where: { propertyId } })).map((r) => [r.code, toPriceLine(r)]));
    let changed = 0;
    const fresh = [];
    for (const { line: _, ...item } of items) {
      const data = {
        name: item.name, nameEn: item.nameEn, nameTw: item.nameTw, unit: item.unit, priceCents: item.priceFen, kind: item.kind, active: true,
      };
      const old = have.get(item.code);
      if (!old) {
        fresh.push({ propertyId, code: item.code, ...data, updatedAt: now });
        continue;
      }
      const same = old.active && old.name === item.name && old.nameEn === item.nameEn && old.nameTw === item.nameTw
        && old.unit === item.unit && old.priceFen === item.priceFen && old.kind === item.kind;
      if (same) continue;
      await tx.priceItem.update({ where: { id: old.id }, data: { ...data, updatedAt: now } });
      changed++;
    }
    // new items in bulk: a 10,000-line list fits PostgreSQL's bind limit and the transaction's time
    for (let i = 0; i < fresh.length; i += 2000) await tx.priceItem.createMany({ data: fresh.slice(i, i + 2000) });
    const added = fresh.length;
    const data = { propertyId, added, changed, problems: problems.length };
    await logEvent(tx, { actorId, action: "prices-imported", at: now, data });
    return ok({ added, changed, unchanged: items.length - added - changed, problems });
  });
}

/** The property's price list, by code; retired items only when asked. */
export async function listPrices(db: DbOrTx, propertyId: number, withRetired = false): Promise<PriceLine[]> {
  const where = { propertyId, ...(withRetired ? {} : { active: true }) };
  const rows = await db.priceItem.findMany({ where, orderBy: { code: "asc" } });
  return rows.map(toPriceLine);
}

/** Changes one item's unit price (quotes already made keep the price they were made with). */
export async function setPrice(
  db: DbOrTx, actorId: number, propertyId: number, code: string, rawPrice: string, now: Date,
): Promise<Result<{ code: string; oldFen: number; priceFen: number }>> {
  if (!(await holdsRoleAt(db, actorId, propertyId, PRICE_KEEPERS))) return err("FORBIDDEN");
  const priceFen = parseYuan(rawPrice);
  if (priceFen === undefined) return err("INVALID_INPUT");
  const item = await db.priceItem.findUnique({ where: { propertyId_code: { propertyId, code: normaliseCode(code) } } });
  if (!item || !item.active) return err("NOT_FOUND");
  await db.priceItem.update({ where: { id: item.id }, data: { priceCents: priceFen, updatedAt: now } });
  const data = { propertyId, code: item.code, from: item.priceCents, to: priceFen };
  await logEvent(db, { actorId, action: "price-changed", at: now, data });
  return ok({ code: item.code, oldFen: item.priceCents, priceFen });
}

/** Takes an item off the list: no new quote can use it; quotes that did keep their lines. */
export async function retirePrice(
  db: DbOrTx, actorId: number, propertyId: number, code: string, now: Date,
): Promise<Result<{ code: string }>> {
  if (!(await holdsRoleAt(db, actorId, propertyId, PRICE_KEEPERS))) return err("FORBIDDEN");
  const res = await db.priceItem.updateMany({
    where: { propertyId, code: normaliseCode(code), active: true }, data: { active: false, updatedAt: now },
  });
  if (res.count === 0) return err("NOT_FOUND");
  await logEvent(db, { actorId, action: "price-retired", at: now, data: { propertyId, code: normaliseCode(code) } });
  return ok({ code: normaliseCode(code) });
}
