// /export: every ticket reported in a month, one record per ticket with the time of each step, the
// completion deadline, priority, technician, rating, callback, rework, complaints and fee. Plain
// records with stable keys and codes (category, status, channel…); the bot writes the CSV in words.
import type { DbOrTx } from "../../db/client.ts";
import { complaintNumber } from "../complaints.ts";
import { findProperty, unitLabel } from "../properties.ts";
import { zoneOf } from "../schedule.ts";
import { formatLocal } from "../time.ts";
import { err, ok, type Result } from "../types.ts";
import { parsePeriod } from "./period.ts";
import { UNAGREED } from "./rows.ts";
import { mayReadFigures } from "./report.ts";

export const EXPORT_COLUMNS = [
  "number", "place", "category", "emergency", "priority", "channel", "status", "reportedAt", "acceptedAt", "arrivedAt",
  "deadline", "completedAt", "confirmedAt", "cancelledAt", "technician", "rating", "callback", "reworkOf",
  "complaints", "fee",
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
    include: {
      unit: true, assignee: { select: { name: true } }, survey: { select: { rating: true, channel: true } },
      charges: { select: { amountCents: true, status: true } },
    },
    orderBy: [{ reportedAt: "asc" }, { id: "asc" }],
  });
  const complaints = new Map<number, string[]>();
  const filed = await db.complaint.findMany({
    where: { ticketId: { in: rows.map((t) => t.id) } }, select: { id: true, ticketId: true }, orderBy: { id: "asc" },
  });
  for (const c of filed) {
    complaints.set(c.ticketId!, [...(complaints.get(c.ticketId!) ?? []), complaintNumber(property.code, c.id)]);
  }
  const reworkIds = [...new Set(rows.map((t) => t.reworkOfId).filter((x): x is number => x !== null))];
  const numbers = new Map((reworkIds.length ? await db.ticket.findMany({ where: { id: { in: reworkIds } }, select: { id: true, number: true } }) : []).map((t) => [t.id, t.number]));
  const time = (d: Date | null) => (d ? formatLocal(d, tz) : "");
  const records = rows.map((t): ExportRecord => {
    const agreed = t.charges.filter((c) => !UNAGREED.includes(c.status));
    return {
      number: t.number, place: t.unit ? unitLabel(t.unit) : t.location ?? "", category: t.category,
      emergency: t.emergency ? "yes" : "no", priority: t.priority, channel: t.channel, status: t.status,
      reportedAt: time(t.reportedAt), acceptedAt: time(t.acceptedAt), arrivedAt: time(t.arrivedAt),
      deadline: time(t.completionDueAt), completedAt: time(t.completedAt), confirmedAt: time(t.confirmedAt),
      cancelledAt: time(t.cancelledAt),
      technician: t.assignee?.name ?? "", rating: t.survey?.rating != null ? String(t.survey.rating) : "",
      callback: t.survey?.rating != null ? t.survey.channel ?? "" : "", reworkOf: t.reworkOfId ? numbers.get(t.reworkOfId) ?? "" : "",
      complaints: (complaints.get(t.id) ?? []).join(" "),
      fee: agreed.length ? (agreed.reduce((n, c) => n + c.amountCents, 0) / 100).toFixed(2) : "",
    };
  });
  return ok({ code: property.code, label: period.label, records });
}
