// Reports registered by staff (seed 002 §3.2, §4.3): the desk or the control room takes a call or a
// visit, a patrol finds a fault. The same report as an owner's; the reporter is the home's owner on
// Telegram when there is one (they get the number and every owner step), otherwise a phone contact
// (the confirmation and the callback become desk phone tasks through the callback ladder), and for
// a patrol the staff member, who then confirms the repair.
import type { Database, DbOrTx } from "../../db/client.ts";
import { holdsRoleAt, OFFICE_ROLES } from "../staff.ts";
import { err, ok, type Result } from "../types.ts";
import { fileReport, normalizePhone } from "./report.ts";
import type { Channel, ReportInput, Reported } from "./new-ticket.ts";
import { placeOf } from "./view.ts";

export const STAFF_CHANNELS = ["phone", "counter", "patrol"] as const satisfies readonly Channel[];

export type Home = { unitId: number; label: string; owner: string; phone: string; onTelegram: boolean };

/** Properties where the person may register reports (all of them for a global grant), and their own phone. */
export async function intakeStart(db: DbOrTx, staffId: number): Promise<Result<{ properties: { id: number; name: string }[]; phone: string }>> {
  const grants = await db.roleGrant.findMany({ where: { personId: staffId, role: { in: OFFICE_ROLES }, revokedAt: null } });
  if (grants.length === 0) return err("FORBIDDEN");
  const global = grants.some((g) => g.propertyId === null);
  const properties = await db.property.findMany({
    where: global ? {} : { id: { in: grants.map((g) => g.propertyId!) } },
    select: { id: true, name: true }, orderBy: { id: "asc" },
  });
  const me = await db.person.findUnique({ where: { id: staffId }, select: { phone: true } });
  return properties.length > 0 ? ok({ properties, phone: me?.phone ?? "" }) : err("FORBIDDEN");
}

const LABEL = /^\s*([^\s-]+)\s*-\s*([^\s-]+)\s*-\s*([^\s-]+)\s*$/;

/** Homes of the property matching a label ("3-1-502") or an owner's phone (as members or on past tickets). */
export async function findHomes(db: DbOrTx, staffId: number, propertyId: number, query: string): Promise<Result<Home[]>> {
  if (!(await holdsRoleAt(db, staffId, propertyId, OFFICE_ROLES))) return err("FORBIDDEN");
  const label = LABEL.exec(query);
  const phone = normalizePhone(query);
  let unitIds: number[] = [];
  if (label) {
    const [, building, entrance, room] = label;
    const unit = await db.unit.findUnique({ where: { propertyId_building_entrance_room: { propertyId, building: building!, entrance: entrance!, room: room! } } });
    unitIds = unit ? [unit.id] : [];
  } else if (phone) {
    const members = await db.unitMember.findMany({ where: { person: { phone }, unit: { propertyId } }, select: { unitId: true } });
    const tickets = await db.ticket.findMany({ where: { propertyId, phone, unitId: { not: null } }, select: { unitId: true }, distinct: ["unitId"], take: 5 });
    unitIds = [...new Set([...members.map((m) => m.unitId), ...tickets.map((t) => t.unitId!)])];
  } else return err("INVALID_INPUT");
  const units = await db.unit.findMany({ where: { id: { in: unitIds } }, include: { members: { include: { person: true }, orderBy: { id: "asc" } } }, take: 5 });
  return ok(units.map((u) => {
    const owner = ownerOf(u.members.map((m) => m.person));
    return { unitId: u.id, label: placeOf({ unit: u, location: null }), owner: owner?.name ?? "", phone: owner?.phone ?? (phone ?? ""), onTelegram: Boolean(owner?.telegramId && !owner.blockedAt) };
  }));
}

type PersonRow = { id: number; name: string; phone: string | null; telegramId: bigint | null; blockedAt: Date | null };
/** The member who gets the owner's messages: the first reachable on Telegram, else the first. */
const ownerOf = (people: PersonRow[]) => people.find((p) => p.telegramId && !p.blockedAt) ?? people[0];

export type StaffReportInput = Omit<ReportInput, "reporterId" | "channel" | "registeredById"> & {
  staffId: number; channel: (typeof STAFF_CHANNELS)[number];
};

/** Registers a report taken by phone, at the counter or on patrol; returns whether the owner is on Telegram. */
export async function registerStaffReport(database: Database, input: StaffReportInput, now: Date): Promise<Result<Reported & { ownerOnTelegram: boolean }>> {
  const db = database.db;
  if (!(STAFF_CHANNELS as readonly string[]).includes(input.channel)) return err("INVALID_INPUT");
  const unit = input.unitId === null ? null : await db.unit.findUnique({ where: { id: input.unitId }, include: { members: { include: { person: true }, orderBy: { id: "asc" } } } });
  const propertyId = unit?.propertyId ?? input.propertyId;
  if (propertyId === undefined || (input.unitId !== null && !unit)) return err("NOT_FOUND");
  if (!(await holdsRoleAt(db, input.staffId, propertyId, OFFICE_ROLES))) return err("FORBIDDEN");
  const phone = normalizePhone(input.phone);
  if (!phone) return err("INVALID_INPUT");
  const reporter = input.channel === "patrol"
    ? { id: input.staffId, telegramId: 1n, blockedAt: null }
    : ownerOf((unit?.members ?? []).map((m) => m.person))
      ?? (await contactFor(db, phone, unit ? placeOf({ unit, location: null }) : (input.location ?? "").trim(), now));
  const res = await fileReport(database, { ...input, phone, reporterId: reporter.id, registeredById: input.staffId }, propertyId, now);
  return res.ok ? ok({ ...res.value, ownerOnTelegram: Boolean(reporter.telegramId && !reporter.blockedAt) }) : res;
}

/** The caller as a person without Telegram, found again by phone on the next call. */
async function contactFor(db: DbOrTx, phone: string, place: string, now: Date) {
  const known = await db.person.findFirst({ where: { phone, telegramId: null }, orderBy: { id: "asc" } });
  return known ?? db.person.create({ data: { name: place || phone, phone, createdAt: now } });
}
