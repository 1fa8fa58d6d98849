// /export: every ticket reported in a month, one record per ticket with the time of each step, the
// technician, rating, callback, rework and fee. Plain records with stable keys; the bot writes the CSV.
import type { DbOrTx } from "../../db/client.ts";
import { findProperty, unitLabel } from "../properties.ts";
import { zoneOf } from "../schedule.ts";
import { formatLocal } from "../time.ts";
import { err, ok, type Result } from "../types.ts";
import { parsePeriod } from "./period.ts";
import { UNAGREED } from "./rows.ts";
import { mayReadFigures } from "./report.ts";

export const EXPORT_COLUMNS = [
  "number", "place", "category", "emergency", "channel", "status", "reportedAt", "acceptedAt", "arrivedAt", "completedAt",
  "confirmedAt", "cancelledAt", "technician", "rating", "callback", "reworkOf", "fee",
] as const;
export type ExportRecord = Record<(typeof EXPORT_COLUMNS)[number], string>;


/** The month's tickets of a property (supervisors and admins); `month` is "YYYY-MM" or "" for this month. */
export async function monthExport(db: DbOrTx, actorId: number, code: string, month: string, now: Date, defaultTz?: string): Promise<Result<{ code: string; label: string; records: ExportRecord[] }>> {
  const property = await findProperty(db, code);
  if (!property) return err("NOT_FOUND");
  if (!(await mayReadFigures(db, actorId, property.id))) return err("FORBIDDEN");
  const tz = property.timezone ?? defaultTz ?? zoneOf(property);
  const period = parsePeriod(month || "month", now, tz);
  if (!period || period.kind !== "month") return err("INVALID_INPUT");
  const rows = await db.ticket.findMany({
    where: { propertyId: property.id, reportedAt: { gte: period.from, lt: period.to } },
    include: { unit: true, assignee: { select: { name: true } }, survey: { select: { rating: true, channel: true } }, charges: { select: { amountCents: true, status: true } } },
    orderBy: [{ reportedAt: "asc" }, { id: "asc" }],
  });
  const reworkIds = [...new Set(rows.map((t) => t.reworkOfId).filter((x): x is number => x !== null))];
  const numbers = new Map((reworkIds.length ? await db.ticket.findMany({ where: { id: { in: reworkIds } }, select: { id: true, number: true } }) : []).map((t) => [t.id, t.number]));
  const time = (d: Date | null) => (d ? formatLocal(d, tz) : "");
  const records = rows.map((t): ExportRecord => {
    const agreed = t.charges.filter((c) => !UNAGREED.includes(c.status));
    return {
      number: t.number, place: t.unit ? unitLabel(t.unit) : t.location ?? "", category: t.category, emergency: t.emergency ? "1" : "0",
      channel: t.channel, status: t.status, reportedAt: time(t.reportedAt), acceptedAt: time(t.acceptedAt), arrivedAt: time(t.arrivedAt),
      completedAt: time(t.completedAt), confirmedAt: time(t.confirmedAt), cancelledAt: time(t.cancelledAt),
      technician: t.assignee?.name ?? "", rating: t.survey?.rating != null ? String(t.survey.rating) : "",
      callback: t.survey?.rating != null ? t.survey.channel ?? "" : "", reworkOf: t.reworkOfId ? numbers.get(t.reworkOfId) ?? "" : "",
      fee: agreed.length ? (agreed.reduce((n, c) => n + c.amountCents, 0) / 100).toFixed(2) : "",
    };
  });
  return ok({ code: property.code, label: period.label, records });
}
