// Who may open the desk console (issue 20), checked on every request: a person known by their
// Telegram id who holds an office role (desk, supervisor, control room) at a property now. The
// same grants as the chat's /queue and /intake; figures follow /report's rule (supervisors, admins).
import type { DbOrTx } from "../db/client.ts";
import { monthExport } from "./figures/export.ts";
import { mayReadFigures, propertyReport, type Report } from "./figures/report.ts";
import { intakeStart } from "./tickets/intake.ts";
import { OFFICE_ROLES } from "./staff.ts";
import { err, isLanguage, ok, type Language, type Result } from "./types.ts";

export type ConsoleViewer = {
  personId: number; name: string; language: Language;
  /** Properties where the person works the office's day ("all": a grant without a property). */
  propertyIds: number[] | "all";
};

/**
 * The person behind a Telegram id if they hold an office role now (the grants /queue and /intake
 * read); NOT_REGISTERED or FORBIDDEN otherwise. Two statements: it runs on every request.
 */
export async function consoleViewer(db: DbOrTx, telegramId: number): Promise<Result<ConsoleViewer>> {
  const person = await db.person.findUnique({
    where: { telegramId: BigInt(telegramId) },
    select: {
      id: true, name: true, language: true,
      roles: { where: { role: { in: OFFICE_ROLES }, revokedAt: null }, select: { propertyId: true } },
    },
  });
  if (!person) return err("NOT_REGISTERED");
  if (person.roles.length === 0) return err("FORBIDDEN");
  const ids = person.roles.map((r) => r.propertyId);
  return ok({
    personId: person.id, name: person.name, language: isLanguage(person.language) ? person.language : "zh-CN",
    propertyIds: ids.includes(null) ? "all" : [...new Set(ids as number[])],
  });
}

/** The property the console works on: the one asked for if the person works there, else their first. */
export async function consoleProperty(db: DbOrTx, viewer: ConsoleViewer, asked: number): Promise<number | null> {
  const ids = viewer.propertyIds;
  if (ids !== "all") return ids.includes(asked) ? asked : Math.min(...ids);
  if (asked && (await db.property.count({ where: { id: asked } })) > 0) return asked;
  const first = await intakeStart(db, viewer.personId);
  return first.ok ? first.value.properties[0]!.id : null;
}

/** Of the given properties, those whose figures the person may read (as /report decides). */
export async function figuresAt(db: DbOrTx, personId: number, propertyIds: number[]): Promise<number[]> {
  const allowed = [];
  for (const id of propertyIds) if (await mayReadFigures(db, personId, id)) allowed.push(id);
  return allowed;
}

/** /report's figures of a property by its id (the console's picker), under /report's rules. */
export async function consoleReport(
  db: DbOrTx, personId: number, propertyId: number, period: string, now: Date, defaultTz?: string,
): Promise<Result<Report>> {
  const property = await db.property.findUnique({ where: { id: propertyId }, select: { code: true } });
  if (!property) return err("NOT_FOUND");
  return propertyReport(db, personId, property.code, period, now, defaultTz);
}

/** /export's month of tickets of a property by its id, under /export's rules. */
export async function consoleExport(
  db: DbOrTx, personId: number, propertyId: number, month: string, now: Date, defaultTz?: string,
) {
  const property = await db.property.findUnique({ where: { id: propertyId }, select: { code: true } });
  if (!property) return err("NOT_FOUND");
  return monthExport(db, personId, property.code, month, now, defaultTz);
}

/** Telegram ids and languages of everyone who holds an office role now (their chat gets the console's menu button). */
export async function officeStaff(db: DbOrTx): Promise<{ telegramId: number; language: string }[]> {
  const people = await db.person.findMany({
    where: { telegramId: { not: null }, roles: { some: { role: { in: OFFICE_ROLES }, revokedAt: null } } },
    select: { telegramId: true, language: true }, orderBy: { id: "asc" },
  });
  return people.map((p) => ({ telegramId: Number(p.telegramId), language: p.language }));
}
