// Who may act on paid work at a property, checked on every call against the current role grants
// (a simple check at the ticket's property; the authorization module of issue 11 may replace it).
import type { DbOrTx } from "../../db/client.ts";
import type { Role } from "../types.ts";

/** Whether the person holds one of `roles` at the property (or globally), not revoked. */
export async function holdsAt(db: DbOrTx, personId: number, propertyId: number, roles: Role[]): Promise<boolean> {
  const n = await db.roleGrant.count({
    where: { personId, role: { in: roles }, revokedAt: null, OR: [{ propertyId }, { propertyId: null }] },
  });
  return n > 0;
}

/** The office: desk and supervisors (and admins) at the property. */
export const OFFICE: Role[] = ["desk", "supervisor", "admin"];
/** Who keeps the price list: supervisors and admins. */
export const PRICE_KEEPERS: Role[] = ["supervisor", "admin"];

/** Whether the person is an owner of the ticket's home (or reported this public-area ticket). */
type Home = { unitId: number | null; reporterId: number };

export async function ownsTicket(db: DbOrTx, personId: number, t: Home): Promise<boolean> {
  if (t.unitId === null) return t.reporterId === personId;
  return (await db.unitMember.count({ where: { personId, unitId: t.unitId } })) > 0;
}

/** The people who decide for the ticket's home: its owners, or the reporter of a public-area ticket. */
export async function ownersOf(db: DbOrTx, t: Home): Promise<number[]> {
  if (t.unitId === null) return [t.reporterId];
  const m = await db.unitMember.findMany({
    where: { unitId: t.unitId }, select: { personId: true }, orderBy: { personId: "asc" },
  });
  return m.map((x) => x.personId);
}
