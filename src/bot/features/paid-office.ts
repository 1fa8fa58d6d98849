// The office side of paid work: /prices (list, CSV import, change one, retire one) and /fees (the
// fee list for finance as a table and a CSV file with the materials used; a fee received).
import { Composer, InputFile } from "grammy";
import type { MessageEntity } from "grammy/types";
import { stringify } from "csv-stringify/sync";
import { feeList, markFeeReceived, type FeeLine } from "../../domain/paid/fees.ts";
import { recordPrepayment } from "../../domain/paid/prepayment.ts";
import { formatFen, formatQuantity } from "../../domain/paid/money.ts";
import { isPeriod, periodRange } from "../../domain/paid/period.ts";
import { parsePeriod } from "../../domain/figures/period.ts";
import { importPrices, itemName, listPrices, retirePrice, setPrice } from "../../domain/paid/prices.ts";
import { findProperty, listUnits } from "../../domain/properties.ts";
import { zoneOf } from "../../domain/schedule.ts";
import { alignRows } from "../../domain/text-table.ts";
import { formatLocal } from "../../domain/time.ts";
import type { BotContext } from "../context.ts";
import { DOWNLOAD_KEYS, downloadText } from "../download.ts";
import { errorKey } from "../errors.ts";
import { priceTable, withBlock } from "../conversations/quote.ts";
import { replyLong } from "../long-text.ts";

export const paidOfficeFeature = new Composer<BotContext>();
const chat = paidOfficeFeature.chatType("private");
const args = (text: string) => text.trim().split(/\s+/).filter(Boolean);
const isStaff = (ctx: BotContext) => Boolean(ctx.person?.roles.length);
const MAX_CSV_BYTES = 1_000_000;
const MAX_ROWS = 40;
const reply = (ctx: BotContext, m: { text: string; entities: MessageEntity[] }) =>
  ctx.reply(m.text, { entities: m.entities });
/** A refusal from the price list's domain calls, as a locale key. */
const priceError = (code: string, invalid: string) =>
  code === "FORBIDDEN" ? "prices-keepers-only" : code === "INVALID_INPUT" ? invalid : errorKey(code);

async function property(ctx: BotContext, code: string | undefined) {
  const p = code ? await findProperty(ctx.deps.database.db, code) : null;
  if (!p) await ctx.reply(ctx.t("admin-no-property", { code: code ?? "-" }));
  return p;
}

/** A CSV captioned "/prices import CODE". */
chat.on("message:document", async (ctx, next) => {
  const [cmd, sub, code] = args(ctx.message.caption ?? "");
  if (!/^\/prices(@\w+)?$/.test(cmd ?? "")) return next();
  if (sub !== "import") return ctx.reply(ctx.t("prices-usage"));
  const p = await property(ctx, code);
  if (!p) return;
  const csv = await downloadText(ctx, MAX_CSV_BYTES);
  if (!csv.ok) return ctx.reply(ctx.t(DOWNLOAD_KEYS[csv.reason]));
  const res = await importPrices(ctx.deps.database, ctx.person!.id, p.id, csv.text, ctx.deps.clock());
  if (!res.ok) return ctx.reply(ctx.t(priceError(res.error, "admin-import-too-big")));
  const { problems, ...counts } = res.value;
  const lines = problems.slice(0, 20).map((x) => ctx.t("prices-problem", x));
  const done = ctx.t("prices-import-done", { name: p.name, ...counts, problems: problems.length });
  await ctx.reply([done, ...lines].join("\n"));
});

chat.command("prices", async (ctx) => {
  const [first, code, item = "", price = ""] = args(ctx.match);
  if (!isStaff(ctx)) return ownerPrices(ctx);
  if (!first) return ctx.reply(ctx.t("prices-usage"));
  if (first === "import") return ctx.reply(`${ctx.t("prices-usage")}\n\n${ctx.t("prices-csv-hint")}`);
  const db = ctx.deps.database.db;
  const now = ctx.deps.clock();
  if (first === "set") {
    const p = await property(ctx, code);
    if (!p) return;
    const res = await setPrice(db, ctx.person!.id, p.id, item, price, now);
    if (!res.ok) return ctx.reply(ctx.t(priceError(res.error, "prices-usage")));
    const { oldFen, priceFen } = res.value;
    return ctx.reply(ctx.t("prices-set-done", { code: res.value.code, old: formatFen(oldFen), price: formatFen(priceFen) }));
  }
  if (first === "retire") {
    const p = await property(ctx, code);
    if (!p) return;
    const res = await retirePrice(db, ctx.person!.id, p.id, item, now);
    return ctx.reply(res.ok ? ctx.t("prices-retired", res.value) : ctx.t(priceError(res.error, "prices-usage")));
  }
  const p = await property(ctx, first);
  if (p) await showPrices(ctx, p, ctx.t("prices-usage"));
});

/** A property's price list as a table, in as many messages as it needs. */
async function showPrices(ctx: BotContext, p: { id: number; name: string; code: string }, footer: string) {
  const items = await listPrices(ctx.deps.database.db, p.id);
  const none = p.code ? "prices-none" : "prices-none-owner";
  if (items.length === 0) return ctx.reply(ctx.t(none, { name: p.name, code: p.code }));
  const head = ["code", "name", "unit", "price", "kind"].map((c) => ctx.t(`prices-col-${c}`));
  const title = ctx.t("prices-title", { name: p.name, count: items.length });
  const table = { text: priceTable(ctx.t, ctx.lang, items, head), monospace: true };
  await replyLong(ctx, [{ text: title }, table, { text: footer }]);
}

/** An owner's /prices: the publicised list of the property of their home(s) (seed 000 4.2.2). */
async function ownerPrices(ctx: BotContext) {
  const homes = ctx.person ? await listUnits(ctx.deps.database.db, ctx.person.id) : [];
  if (homes.length === 0) return ctx.reply(ctx.t("prices-usage"));
  const seen = new Set<number>();
  for (const h of homes) {
    if (seen.has(h.propertyId)) continue;
    seen.add(h.propertyId);
    await showPrices(ctx, { id: h.propertyId, name: h.propertyName, code: "" }, ctx.t("prices-owner-hint"));
  }
}

chat.command("fees", async (ctx) => {
  const [first, second = "", third = "", fourth = ""] = args(ctx.match);
  if (!isStaff(ctx) || !first) return ctx.reply(ctx.t("fees-usage"));
  if (first === "prepaid") {
    const res = await recordPrepayment(ctx.deps.database, ctx.person!.id, second, third, fourth, ctx.deps.clock());
    if (!res.ok) return ctx.reply(ctx.t(res.error === "INVALID_INPUT" ? "fees-usage" : errorKey(res.error)));
    return ctx.reply(ctx.t("fees-prepaid", res.value));
  }
  if (first === "paid") {
    const res = await markFeeReceived(ctx.deps.database.db, ctx.person!.id, second, third, ctx.deps.clock());
    if (!res.ok) return ctx.reply(ctx.t(res.error === "INVALID_INPUT" ? "fees-usage" : errorKey(res.error)));
    const { already, ...v } = res.value;
    if (!already) return ctx.reply(ctx.t("fees-received", v));
    const at = formatLocal(already.at, ctx.deps.config.timezone);
    return ctx.reply(ctx.t("fees-already-received", { ...v, by: already.by, at }));
  }
  const p = await property(ctx, first);
  if (!p) return;
  const tz = zoneOf(p);
  const range = feeRange(second, ctx.deps.clock(), tz);
  if (!range) return ctx.reply(ctx.t("fees-usage"));
  const period = range.label;
  const res = await feeList(ctx.deps.database.db, ctx.person!.id, p.id, range.from, range.to);
  if (!res.ok) return ctx.reply(ctx.t(res.error === "FORBIDDEN" ? "desk-only" : errorKey(res.error)));
  const fees = res.value;
  const names = { name: p.name, from: range.first, to: range.last };
  if (fees.length === 0) return ctx.reply(ctx.t("fees-none", names));
  await reply(ctx, withBlock(ctx.t("fees-title", names), feeTable(ctx, fees), feeSummary(ctx, fees)));
  const materials = fees.flatMap((f) => f.materials.map((m) => [f.number, material(m)]));
  const used = alignRows(materials.slice(0, MAX_ROWS), materials.length - MAX_ROWS);
  if (materials.length) await reply(ctx, withBlock(ctx.t("fees-materials-title"), used));
  const file = `fees-${p.code}-${range.first}-${period}.csv`;
  await ctx.replyWithDocument(new InputFile(Buffer.from(feesCsv(ctx, fees, tz)), file));
});

/** day | week | month (this one) | YYYY-MM (a named month); undefined when unreadable. */
function feeRange(arg: string, now: Date, tz: string) {
  if (!arg || isPeriod(arg)) return { ...periodRange(isPeriod(arg) ? arg : "day", now, tz), label: arg || "day" };
  const month = /^\d{4}-\d{2}$/.test(arg) ? parsePeriod(arg, now, tz) : undefined;
  if (!month) return undefined;
  return { from: month.from, to: month.to, first: month.days[0]!, last: month.days.at(-1)!, label: month.label };
}

const material = (m: FeeLine["materials"][number]) =>
  `${m.ownerSupplied ? "*" : ""}${m.code || m.name} ${formatQuantity(m.qtyCenti)}${m.unit}`;
const method = (ctx: BotContext, f: FeeLine) => ctx.t("paid-method", { method: f.method });
const status = (ctx: BotContext, f: FeeLine) => ctx.t("paid-status", { status: f.status });

function feeTable(ctx: BotContext, fees: FeeLine[]) {
  const head = ["number", "place", "items", "total", "method", "status"].map((c) => ctx.t(`fees-col-${c}`));
  const rows = fees.map((f) => [
    f.number, f.place, f.items.slice(0, 20), formatFen(f.totalFen), method(ctx, f), status(ctx, f),
  ]);
  return alignRows([head, ...rows.slice(0, MAX_ROWS)], rows.length - MAX_ROWS);
}

function feeSummary(ctx: BotContext, fees: FeeLine[]) {
  const sum = (xs: FeeLine[]) => formatFen(xs.reduce((a, f) => a + f.totalFen, 0));
  const received = sum(fees.filter((f) => f.status === "received"));
  const outstanding = sum(fees.filter((f) => f.status === "unpaid"));
  return ctx.t("fees-summary", { count: fees.length, total: sum(fees), received, outstanding });
}

/** The fee list for finance: UTF-8 with a BOM (Excel opens it in Chinese), materials in the last column. */
function feesCsv(ctx: BotContext, fees: FeeLine[], tz: string): string {
  const cols = [
    "number", "place", "items", "total", "method", "status", "receipt", "received-at", "received-by", "material",
  ];
  const rows = fees.map((f) => [
    f.number, f.place, f.itemLines.map((i) => `${i.code} ${itemName(i, ctx.lang)}`.trim()).join("; "),
    formatFen(f.totalFen, { group: false }), method(ctx, f), status(ctx, f), f.receipt,
    f.receivedAt ? formatLocal(f.receivedAt, tz) : "", f.receivedBy, f.materials.map(material).join("; "),
  ]);
  return stringify([cols.map((c) => ctx.t(`fees-col-${c}`)), ...rows], { bom: true });
}
