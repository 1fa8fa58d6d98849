// Who may act on paid work at a property: the roles, checked on every call against the current role
// grants with staff.ts's holdsRoleAt, and who decides for a ticket's home.
import type { DbOrTx } from "../../db/client.ts";
import type { Role } from "../types.ts";

/** The office: desk and supervisors (and admins) at the property. */
export const OFFICE: Role[] = ["desk", "supervisor", "admin"];
/** Who keeps the price list: supervisors and admins. */
export const PRICE_KEEPERS: Role[] = ["supervisor", "admin"];

type Home = { unitId: number | null; reporterId: number };

/** Whether the person is an owner of the ticket's home (or reported this public-area ticket). */
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
