// Who holds a staff role at a property. Admin grants are global (propertyId null).
import type { DbOrTx, Reads } from "../db/client.ts";
import { isOfficeHours, type Calendar } from "./schedule.ts";
import { STAFF_ROLES, type Category, type Role } from "./types.ts";

/** Who runs the office's day: sees a property's queue and acts on its tickets. */
export const OFFICE_ROLES: Role[] = ["desk", "supervisor", "control_room"];

/** "water,gas" → ["water", "gas"]: a grant's skills (categories) as stored. */
export const skillsOf = (s: string): string[] => s.split(",").map((x) => x.trim()).filter(Boolean);

/** Person ids holding `role` at the property (or globally), not revoked, not blocked. */
export async function staffOf(db: DbOrTx, propertyId: number, role: Role): Promise<number[]> {
  return (await staffAt(db, [propertyId], [role]))(propertyId, role);
}

/** Who holds a role at a property, read once for many: (propertyId, role) → person ids, ascending. */
export type StaffAt = (propertyId: number, role: Role) => number[];

type Grant = { personId: number; propertyId: number | null; role: string; person?: { onDuty: boolean } };
const pick = (grants: Grant[]): StaffAt => (propertyId, role) =>
  [...new Set(grants.filter((g) => g.role === role && (g.propertyId === propertyId || g.propertyId === null)).map((g) => g.personId))];

/** The live grants of `roles` at the properties or global (not revoked, person not blocked). */
async function grantsAt(db: DbOrTx | Reads, propertyIds: number[], roles: readonly Role[]): Promise<Grant[]> {
  const where = { role: { in: [...roles] }, revokedAt: null, OR: [{ propertyId: { in: [...new Set(propertyIds)] } }, { propertyId: null }] };
  if (!("roleGrant" in db)) {
    // a job's read before its claim, on the sweep's path (no relation filters there): the people come along
    const grants = await db.findMany("roleGrant", { where, include: { person: true }, orderBy: { personId: "asc" } });
    return grants.filter((g) => g.person.blockedAt === null);
  }
  return db.roleGrant.findMany({
    where: { ...where, person: { blockedAt: null } }, select: { personId: true, propertyId: true, role: true }, orderBy: { personId: "asc" },
  });
}

/** `staffOf` for several properties and roles in one statement (through Prisma, or a job's sweep). */
export async function staffAt(db: DbOrTx | Reads, propertyIds: number[], roles: readonly Role[]): Promise<StaffAt> {
  return pick(await grantsAt(db, propertyIds, roles));
}

/**
 * Technicians on duty who should get an offer: for an emergency everyone on duty; otherwise those
 * whose skills include the category (no skills listed = any job), or everyone on duty if none has it.
 */
export async function techniciansFor(db: DbOrTx, propertyId: number, category: Category, emergency: boolean): Promise<number[]> {
  return (await techniciansAt(db, [propertyId]))(propertyId, category, emergency);
}

/**
 * `techniciansFor` at several properties in one statement (on a sweep, the grants and their people):
 * (propertyId, category, emergency) → person ids.
 */
export async function techniciansAt(
  db: DbOrTx | Reads, propertyIds: number[],
): Promise<(propertyId: number, category: Category, emergency: boolean) => number[]> {
  const where = { role: "technician", revokedAt: null, OR: [{ propertyId: { in: [...new Set(propertyIds)] } }, { propertyId: null }] };
  const grants = !("roleGrant" in db)
    ? (await db.findMany("roleGrant", { where, include: { person: true }, orderBy: { personId: "asc" } }))
      .filter((g) => g.person.onDuty && g.person.blockedAt === null)
    : await db.roleGrant.findMany({
      where: { ...where, person: { onDuty: true, blockedAt: null } },
      select: { personId: true, propertyId: true, skills: true }, orderBy: { personId: "asc" },
    });
  return (propertyId, category, emergency) => pickTechnicians(grants, propertyId, category, emergency);
}

/** Who of the technician grants (on duty, ascending by person) gets the offer of a ticket (see techniciansFor). */
export function pickTechnicians(
  grants: { personId: number; propertyId: number | null; skills: string }[], propertyId: number, category: string, emergency: boolean,
): number[] {
  const here = grants.filter((g) => g.propertyId === propertyId || g.propertyId === null);
  const all = [...new Set(here.map((g) => g.personId))];
  if (emergency) return all;
  const skilled = here.filter((g) => g.skills === "" || skillsOf(g.skills).includes(category)).map((g) => g.personId);
  return skilled.length > 0 ? [...new Set(skilled)] : all;
}

/** Whether a person holds a role (at the property, or anywhere when propertyId is omitted). */
export async function hasRole(db: DbOrTx, personId: number, role: Role, propertyId?: number): Promise<boolean> {
  const n = await db.roleGrant.count({
    where: {
      personId, role, revokedAt: null,
      ...(propertyId === undefined ? {} : { OR: [{ propertyId }, { propertyId: null }] }),
    },
  });
  return n > 0;
}

/** People holding `role` at the property who are on duty; everyone holding it when nobody is. */
export async function onDutyStaff(db: DbOrTx, propertyId: number, role: Role): Promise<number[]> {
  return (await onDutyStaffAt(db, [propertyId], [role]))(propertyId, role);
}

/** `onDutyStaff` for several properties and roles in two statements (the grants, then who is on duty; on a sweep, the grants and their people). */
export async function onDutyStaffAt(db: DbOrTx | Reads, propertyIds: number[], roles: readonly Role[]): Promise<StaffAt> {
  const grants = await grantsAt(db, propertyIds, roles);
  if (grants.length === 0) return () => [];
  const onDuty = new Set(!("roleGrant" in db) ? grants.filter((g) => g.person?.onDuty).map((g) => g.personId) : (await db.person.findMany({
    where: { id: { in: [...new Set(grants.map((g) => g.personId))] }, onDuty: true }, select: { id: true },
  })).map((p) => p.id));
  const all = pick(grants);
  return (propertyId, role) => {
    const staff = all(propertyId, role);
    const here = staff.filter((id) => onDuty.has(id));
    return here.length > 0 ? here : staff;
  };
}

/** Property ids where the person holds desk or supervisor ("all" for a global grant), or null. */
export async function deskScope(db: DbOrTx, personId: number): Promise<number[] | "all" | null> {
  const grants = await db.roleGrant.findMany({ where: { personId, role: { in: ["desk", "supervisor"] }, revokedAt: null } });
  if (grants.length === 0) return null;
  if (grants.some((g) => g.propertyId === null)) return "all";
  return [...new Set(grants.map((g) => g.propertyId!))];
}

/** Whether the person holds one of `roles` at the property (or a global grant), not revoked. */
/**
 * Who may close a complaint or a follow-up, checked at the press: the person named for it while
 * still on the property's staff, or the desk and supervisors of the property.
 */
export async function mayHandle(db: DbOrTx, propertyId: number, namedId: number | null, actorId: number): Promise<boolean> {
  return (namedId === actorId && (await holdsRoleAt(db, actorId, propertyId, STAFF_ROLES)))
    || holdsRoleAt(db, actorId, propertyId, ["desk", "supervisor"]);
}

export async function holdsRoleAt(db: DbOrTx, personId: number, propertyId: number, roles: readonly Role[]): Promise<boolean> {
  const n = await db.roleGrant.count({ where: { personId, role: { in: [...roles] }, revokedAt: null, OR: [{ propertyId }, { propertyId: null }] } });
  return n > 0;
}

/**
 * Who is the desk right now: the desk in office hours; outside them the control room (seed 002
 * §4.1.9: nights belong to 中控室), or the desk still when the property has no control room.
 */
export async function deskNow(db: DbOrTx, propertyId: number, cal: Calendar, now: Date): Promise<number[]> {
  if (!isOfficeHours(now, cal)) {
    const room = await onDutyStaff(db, propertyId, "control_room");
    if (room.length > 0) return room;
  }
  return onDutyStaff(db, propertyId, "desk");
}
