// /report: a property's figures for a period, for its supervisors and admins. One call loads the
// rows (a few indexed queries) and computes the headline, the per-technician table and the daily
// series; plain data out, the bot renders it (table text and chart).
import type { DbOrTx } from "../../db/client.ts";
import { findProperty } from "../properties.ts";
import { calendarOf } from "../schedule.ts";
import { hasRole } from "../staff.ts";
import { err, ok, type Result } from "../types.ts";
import { dailySeries, type DailyPoint } from "./daily.ts";
import { headlineFigures, type Headline } from "./headline.ts";
import { parsePeriod, type Period } from "./period.ts";
import { loadFigureRows } from "./rows.ts";
import { technicianTable, type TechnicianLine } from "./technicians.ts";

export type Report = {
  code: string; name: string; tz: string;
  period: Omit<Period, "from" | "to"> & { from: string; to: string };
  headline: Headline; technicians: TechnicianLine[]; daily: DailyPoint[];
};

/** Whether the person may read a property's figures: its supervisors, and admins. */
export async function mayReadFigures(db: DbOrTx, personId: number, propertyId: number): Promise<boolean> {
  return (await hasRole(db, personId, "admin")) || (await hasRole(db, personId, "supervisor", propertyId));
}

type PropertyRow = Parameters<typeof calendarOf>[0] & { id: number; code: string; name: string };

/** The figures of one property and period (no permission check: for jobs and the checked call below). */
export async function figuresFor(db: DbOrTx, property: PropertyRow, period: Period, now: Date, defaultTz?: string): Promise<Report> {
  const cal = calendarOf(property, defaultTz);
  const rows = await loadFigureRows(db, property.id, period.from, period.to);
  return {
    code: property.code, name: property.name, tz: cal.tz,
    period: { ...period, from: period.from.toISOString(), to: period.to.toISOString() },
    headline: headlineFigures(rows, period.from, period.to, cal, now),
    technicians: technicianTable(rows, period.from, period.to),
    daily: dailySeries(rows, period.days, cal.tz),
  };
}

/** "/report BX month": NOT_FOUND for an unknown code, INVALID_INPUT for an unreadable period. */
export async function propertyReport(db: DbOrTx, actorId: number, code: string, periodArg: string, now: Date, defaultTz?: string): Promise<Result<Report>> {
  const property = await findProperty(db, code);
  if (!property) return err("NOT_FOUND");
  if (!(await mayReadFigures(db, actorId, property.id))) return err("FORBIDDEN");
  const period = parsePeriod(periodArg, now, calendarOf(property, defaultTz).tz);
  if (!period) return err("INVALID_INPUT");
  return ok(await figuresFor(db, property, period, now, defaultTz));
}
