// Properties and their units: created by an admin, by command or by a CSV file (building, unit, room).
import type { Database, DbOrTx } from "../db/client.ts";
import { isUniqueViolation } from "../db/client.ts";
import { isHeader, MAX_CSV_ROWS, readCsv, type CsvProblem } from "./csv.ts";
import { DISPATCH_MODES } from "./tickets/dispatch.ts";
import { logEvent } from "./events.ts";
import { OFFICIAL_CALENDARS } from "./calendar.ts";
import { movedDigests } from "./scheduled/digest-times.ts";
import { DEFAULT_AGREEMENT_YUAN } from "./paid/quote-lines.ts";
import { DEFAULT_INCIDENT_WINDOW_MIN } from "./tickets/incident.ts";
import { hasRole } from "./staff.ts";
import { isIsoDate, normalizeDigits } from "./text.ts";
import { err, ok, type Result } from "./types.ts";

export type UnitLabel = { building: string; entrance: string; room: string };
export const unitLabel = (u: UnitLabel) => `${u.building}-${u.entrance}-${u.room}`;

/** A property code becomes the prefix of its ticket numbers (BX-20261123-0007). */
const CODE = /^[A-Z][A-Z0-9]{1,7}$/;
/** One part of a unit label: letters, digits, CJK; no separators. */
const PART = /^[\p{L}\p{N}]{1,12}$/u;

/** "3-1-502", "3 1 502", "3/1/502" → parts; undefined when it is not three plain parts. */
export function parseUnitLabel(text: string): UnitLabel | undefined {
  const parts = normalizeDigits(text).trim().split(/\s*[-/,，\s]\s*/).filter(Boolean);
  if (parts.length !== 3 || !parts.every((p) => PART.test(p))) return undefined;
  const [building, entrance, room] = parts as [string, string, string];
  return { building, entrance, room };
}

export function validTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export type PropertyLine = { id: number; code: string; name: string; units: number; timezone: string };

export type NewProperty = { code: string; name: string; timezone?: string; officeStart?: string; officeEnd?: string };

/** A new property; office hours default to the configured OFFICE_HOURS (or the schema's 08:00-17:30). */
export async function createProperty(db: DbOrTx, actorId: number, input: NewProperty, now: Date): Promise<Result<PropertyLine>> {
  if (!(await hasRole(db, actorId, "admin"))) return err("FORBIDDEN");
  const code = input.code.trim().toUpperCase();
  const name = input.name.trim();
  if (!CODE.test(code) || name.length === 0 || name.length > 100) return err("INVALID_INPUT");
  if (input.timezone && !validTimezone(input.timezone)) return err("INVALID_INPUT");
  try {
    const hours = input.officeStart && input.officeEnd ? { officeStart: input.officeStart, officeEnd: input.officeEnd } : {};
    const data = { code, name, timezone: input.timezone ?? null, ...hours, createdAt: now };
    const p = await db.property.create({ data });
    await logEvent(db, { actorId, action: "property-created", data: { propertyId: p.id, code, name }, at: now });
    return ok({ id: p.id, code, name, units: 0, timezone: p.timezone ?? "" });
  } catch (e) {
    if (isUniqueViolation(e)) return err("DUPLICATE");
    throw e;
  }
}

export async function listProperties(db: DbOrTx): Promise<PropertyLine[]> {
  const rows = await db.property.findMany({ include: { _count: { select: { units: true } } }, orderBy: { id: "asc" } });
  return rows.map((p) => ({ id: p.id, code: p.code, name: p.name, units: p._count.units, timezone: p.timezone ?? "" }));
}

export async function findProperty(db: DbOrTx, code: string) {
  return db.property.findUnique({ where: { code: code.trim().toUpperCase() } });
}

export async function addUnit(db: DbOrTx, actorId: number, propertyId: number, label: string, now: Date): Promise<Result<{ id: number; label: string }>> {
  if (!(await hasRole(db, actorId, "admin"))) return err("FORBIDDEN");
  const u = parseUnitLabel(label);
  if (!u) return err("INVALID_INPUT");
  try {
    const unit = await db.unit.create({ data: { propertyId, ...u, createdAt: now } });
    await logEvent(db, { actorId, action: "unit-added", data: { propertyId, unitId: unit.id, label: unitLabel(u) }, at: now });
    return ok({ id: unit.id, label: unitLabel(u) });
  } catch (e) {
    if (isUniqueViolation(e)) return err("DUPLICATE");
    throw e;
  }
}

export type ImportProblem = CsvProblem<"columns" | "invalid">;
export type ImportResult = { added: number; existing: number; problems: ImportProblem[] };
export const MAX_IMPORT_LINES = MAX_CSV_ROWS;

/**
 * Parses a CSV of units: `building,unit,room` per line (see readCsv for separators, BOM and
 * quotes); a header line is skipped. Pure: nothing is written.
 */
export function parseUnitsCsv(text: string): { units: (UnitLabel & { line: number })[]; problems: ImportProblem[] } {
  const { rows, broken } = readCsv(normalizeDigits(text));
  const units: (UnitLabel & { line: number })[] = [];
  const problems: ImportProblem[] = broken ? [broken] : [];
  for (const row of rows) {
    if (isHeader(row, /building|楼|栋|幢/i)) continue;
    if (row.cells.length !== 3) { problems.push({ line: row.line, text: row.text, reason: "columns" }); continue; }
    const [building, entrance, room] = row.cells as [string, string, string];
    if (![building, entrance, room].every((c) => PART.test(c))) { problems.push({ line: row.line, text: row.text, reason: "invalid" }); continue; }
    units.push({ building, entrance, room, line: row.line });
  }
  problems.sort((a, b) => a.line - b.line);
  return { units, problems };
}

/**
 * Imports units from a CSV in one transaction: new ones are added, ones that exist are counted,
 * bad lines are reported with their line numbers and nothing else is lost.
 */
export async function importUnits(database: Database, actorId: number, propertyId: number, csv: string, now: Date): Promise<Result<ImportResult>> {
  if (!(await hasRole(database.db, actorId, "admin"))) return err("FORBIDDEN");
  const { units, problems } = parseUnitsCsv(csv);
  if (units.length + problems.length > MAX_IMPORT_LINES) return err("INVALID_INPUT");
  return database.tx(async (tx) => {
    if (!(await tx.property.count({ where: { id: propertyId } }))) return err("NOT_FOUND");
    const have = new Set((await tx.unit.findMany({ where: { propertyId }, select: { building: true, entrance: true, room: true } })).map(unitLabel));
    const fresh = new Map<string, UnitLabel>();
    for (const u of units) if (!have.has(unitLabel(u))) fresh.set(unitLabel(u), { building: u.building, entrance: u.entrance, room: u.room });
    const data = [...fresh.values()].map((u) => ({ propertyId, ...u, createdAt: now }));
    for (let i = 0; i < data.length; i += 500) await tx.unit.createMany({ data: data.slice(i, i + 500) });
    await logEvent(tx, { actorId, action: "units-imported", data: { propertyId, added: data.length, problems: problems.length }, at: now });
    return ok({ added: data.length, existing: units.length - data.length, problems });
  });
}

export async function findUnit(db: DbOrTx, propertyId: number, label: string) {
  const u = parseUnitLabel(label);
  return u ? db.unit.findUnique({ where: { propertyId_building_entrance_room: { propertyId, ...u } } }) : null;
}

export type UnitLine = { id: number; propertyId: number; propertyName: string; label: string };

/** The units a person is bound to (an owner's homes). */
export async function listUnits(db: DbOrTx, personId: number): Promise<UnitLine[]> {
  const rows = await db.unitMember.findMany({ where: { personId }, include: { unit: { include: { property: true } } }, orderBy: { unitId: "asc" } });
  return rows.map((m) => ({ id: m.unit.id, propertyId: m.unit.propertyId, propertyName: m.unit.property.name, label: unitLabel(m.unit) }));
}

/** A property's units with how many people are bound to each (for the admin's /units). */
export async function propertyUnits(db: DbOrTx, propertyId: number): Promise<(UnitLine & { members: number })[]> {
  const rows = await db.unit.findMany({ where: { propertyId }, include: { property: true, _count: { select: { members: true } } }, orderBy: [{ building: "asc" }, { entrance: "asc" }, { room: "asc" }] });
  return rows.map((u) => ({ id: u.id, propertyId, propertyName: u.property.name, label: unitLabel(u), members: u._count.members }));
}

/**
 * A property's clock settings that an admin may change from the chat, each checked against the
 * limits of DOMAIN.md (dispatch within 5 minutes, a callback within 24 hours), so the office
 * cannot configure itself out of its own service standard.
 */
type Setting = { parse: (v: string) => string | number | boolean | undefined };
const hhmmSetting: Setting = { parse: (v) => (/^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? v : undefined) };
const minutes = (min: number, max: number): Setting => ({ parse: (v) => (/^\d{1,4}$/.test(v) && +v >= min && +v <= max ? Number(v) : undefined) });
/** "2026-10-01,2026-10-02" (or "-" for none): the property's own rest days or extra working days. */
const dateList: Setting = {
  parse: (v) => {
    const days = v === "-" ? [] : v.split(/[\s,;，]+/).filter(Boolean);
    return days.every(isIsoDate) ? days.join(",") : undefined;
  },
};
/** on / off (also true / false, yes / no). */
const onOff: Setting = {
  parse: (v) => (/^(on|true|yes)$/i.test(v) ? true : /^(off|false|no)$/i.test(v) ? false : undefined),
};
export const SETTINGS = {
  timezone: { parse: (v: string) => (validTimezone(v) ? v : undefined) },
  officeStart: hhmmSetting,
  officeEnd: hhmmSetting,
  closeOutAt: hhmmSetting,
  callbackDelayMin: minutes(0, 720),
  callbackReminderMin: minutes(30, 720),
  phoneCallbackAfterMin: minutes(60, 1440),
  dispatchTimeoutMin: minutes(1, 5),
  emergencyDispatchMin: minutes(1, 5),
  /** Paid work above this many yuan needs an agreement and prepayment (seed 002: 500). */
  agreementYuan: { parse: (v: string) => (/^\d{1,6}$/.test(v) && +v >= 1 ? Number(v) : undefined) },
  dispatchMode: { parse: (v: string) => ((DISPATCH_MODES as readonly string[]).includes(v) ? v : undefined) },
  /** In group mode, also send the private offers (for technicians who mute the group). */
  groupAlsoPrivate: onOff,
  roundRobinMin: minutes(1, 5),
  // completion deadlines per priority (DOMAIN: urgent the same day, general within 24 hours) and
  // public areas in working days (2 at most)
  completionUrgentMin: minutes(30, 480),
  completionImportantMin: minutes(60, 1440),
  completionNormalMin: minutes(60, 1440),
  publicWorkingDays: minutes(1, 2),
  /** Public-area reports of one place and category within this many minutes are one incident (0 = never). */
  incidentWindowMin: minutes(0, 1440),
  holidays: dateList,
  workdays: dateList,
  officialCalendar: { parse: (v: string) => ((OFFICIAL_CALENDARS as readonly string[]).includes(v) ? v : undefined) },
} satisfies Record<string, Setting>;
export type SettingKey = keyof typeof SETTINGS;
export const isSettingKey = (k: string): k is SettingKey => Object.hasOwn(SETTINGS, k);

export async function propertySettings(db: DbOrTx, propertyId: number): Promise<Record<SettingKey, string> | null> {
  const p = await db.property.findUnique({ where: { id: propertyId } });
  if (!p) return null;
  const value = (k: SettingKey) => String(p[k] ?? (k === "agreementYuan" ? DEFAULT_AGREEMENT_YUAN : k === "incidentWindowMin" ? DEFAULT_INCIDENT_WINDOW_MIN : ""));
  return Object.fromEntries((Object.keys(SETTINGS) as SettingKey[]).map((k) => [k, value(k)])) as Record<SettingKey, string>;
}

/**
 * Changes one setting. New office hours, close-out time or time zone move every scheduled digest to
 * its new local time (movedDigests).
 */
export async function updatePropertySetting(db: DbOrTx, actorId: number, propertyId: number, key: string, raw: string, now: Date): Promise<Result<{ key: SettingKey; value: string; old: string }>> {
  if (!(await hasRole(db, actorId, "admin"))) return err("FORBIDDEN");
  if (!isSettingKey(key)) return err("INVALID_INPUT");
  const value = SETTINGS[key].parse(raw.trim());
  if (value === undefined) return err("INVALID_INPUT");
  const before = await propertySettings(db, propertyId);
  if (!before) return err("NOT_FOUND");
  const merged = { ...before, [key]: String(value) };
  if (Number(merged.emergencyDispatchMin) > Number(merged.dispatchTimeoutMin)) return err("INVALID_INPUT");
  if (Number(merged.callbackDelayMin) >= Number(merged.phoneCallbackAfterMin)) return err("INVALID_INPUT");
  const row = (await db.property.findUnique({ where: { id: propertyId } }))!;
  const moved = movedDigests(row, { ...row, [key]: value });
  await db.property.update({ where: { id: propertyId }, data: { [key]: value, ...moved } });
  await logEvent(db, { actorId, action: "property-setting-changed", data: { propertyId, key, from: before[key], to: String(value) }, at: now });
  return ok({ key, value: String(value), old: before[key] });
}
