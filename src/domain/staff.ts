// Who holds a staff role at a property. Admin grants are global (propertyId null).
import type { DbOrTx } from "../db/client.ts";
import type { Category, Role } from "./types.ts";

/** Who runs the office's day: sees a property's queue and acts on its tickets. */
export const OFFICE_ROLES: Role[] = ["desk", "supervisor", "control_room"];

/** "water,gas" → ["water", "gas"]: a grant's skills (categories) as stored. */
export const skillsOf = (s: string): string[] => s.split(",").map((x) => x.trim()).filter(Boolean);

/** Person ids holding `role` at the property (or globally), not revoked, not blocked. */
export async function staffOf(db: DbOrTx, propertyId: number, role: Role): Promise<number[]> {
  const grants = await db.roleGrant.findMany({
    where: { role, revokedAt: null, OR: [{ propertyId }, { propertyId: null }], person: { blockedAt: null } },
    select: { personId: true },
    orderBy: { personId: "asc" },
  });
  return [...new Set(grants.map((g) => g.personId))];
}

/**
 * Technicians on duty who should get an offer: for an emergency everyone on duty; otherwise those
 * whose skills include the category (no skills listed = any job), or everyone on duty if none has it.
 */
export async function techniciansFor(db: DbOrTx, propertyId: number, category: Category, emergency: boolean): Promise<number[]> {
  const grants = await db.roleGrant.findMany({
    where: { role: "technician", revokedAt: null, OR: [{ propertyId }, { propertyId: null }], person: { onDuty: true, blockedAt: null } },
    select: { personId: true, skills: true },
    orderBy: { personId: "asc" },
  });
  const all = [...new Set(grants.map((g) => g.personId))];
  if (emergency) return all;
  const skilled = grants.filter((g) => g.skills === "" || skillsOf(g.skills).includes(category)).map((g) => g.personId);
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
  const all = await staffOf(db, propertyId, role);
  if (all.length === 0) return all;
  const onDuty = await db.person.findMany({ where: { id: { in: all }, onDuty: true }, select: { id: true }, orderBy: { id: "asc" } });
  return onDuty.length > 0 ? onDuty.map((p) => p.id) : all;
}

/** Property ids where the person holds desk or supervisor ("all" for a global grant), or null. */
export async function deskScope(db: DbOrTx, personId: number): Promise<number[] | "all" | null> {
  const grants = await db.roleGrant.findMany({ where: { personId, role: { in: ["desk", "supervisor"] }, revokedAt: null } });
  if (grants.length === 0) return null;
  if (grants.some((g) => g.propertyId === null)) return "all";
  return [...new Set(grants.map((g) => g.propertyId!))];
}

/** Whether the person holds one of `roles` at the property (or a global grant), not revoked. */
export async function holdsRoleAt(db: DbOrTx, personId: number, propertyId: number, roles: readonly Role[]): Promise<boolean> {
  const n = await db.roleGrant.count({ where: { personId, role: { in: [...roles] }, revokedAt: null, OR: [{ propertyId }, { propertyId: null }] } });
  return n > 0;
}
