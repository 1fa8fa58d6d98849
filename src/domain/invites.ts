// Owner codes (bind an account to a unit) and staff invites (grant a role): issued by an admin
// (owner codes also by the desk), single use, with an expiry. Roles are never self-claimed.
import { randomInt } from "node:crypto";
import type { Database, DbOrTx } from "../db/client.ts";
import { isUniqueViolation } from "../db/client.ts";
import { logEvent } from "./events.ts";
import { hasRole, skillsOf } from "./staff.ts";
import { unitLabel } from "./properties.ts";
import { CATEGORIES, err, ok, STAFF_ROLES, type Result } from "./types.ts";

export const OWNER_CODE_DAYS = 30;
export const STAFF_INVITE_DAYS = 7;
/** No 0/O, 1/I/L: codes are read out over the phone and typed by older owners. */
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function newCode(prefix: string): string {
  let s = "";
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${prefix}${s}`;
}

/** Codes are compared in upper case without spaces (a typed code may be "ab cd…"). */
export const normalizeCode = (code: string) => code.replace(/\s+/g, "").toUpperCase();

export type IssuedCode = { code: string; expiresAt: Date; propertyName: string };

async function insertInvite(db: DbOrTx, data: { kind: string; propertyId: number; unitId?: number; role?: string; skills?: string; createdById: number; expiresAt: Date; createdAt: Date }, prefix: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const code = newCode(prefix);
    try {
      await db.invite.create({ data: { ...data, code } });
      return code;
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 4) throw e;
    }
  }
}

/** A one-time code that binds an owner's Telegram account to a unit. */
export async function createOwnerCode(db: DbOrTx, actorId: number, unitId: number, now: Date): Promise<Result<IssuedCode & { unitLabel: string }>> {
  const unit = await db.unit.findUnique({ where: { id: unitId }, include: { property: true } });
  if (!unit) return err("NOT_FOUND");
  if (!(await hasRole(db, actorId, "admin")) && !(await hasRole(db, actorId, "desk", unit.propertyId))) return err("FORBIDDEN");
  const expiresAt = new Date(now.getTime() + OWNER_CODE_DAYS * 86_400_000);
  const code = await insertInvite(db, { kind: "owner", propertyId: unit.propertyId, unitId, createdById: actorId, expiresAt, createdAt: now }, "H");
  await logEvent(db, { actorId, action: "owner-code-issued", data: { unitId, propertyId: unit.propertyId }, at: now });
  return ok({ code, expiresAt, propertyName: unit.property.name, unitLabel: unitLabel(unit) });
}

/** A one-time invite that grants a staff role at a property (technicians with their skills). */
export async function createStaffInvite(db: DbOrTx, actorId: number, propertyId: number, role: string, skills: string[], now: Date): Promise<Result<IssuedCode & { role: string; skills: string[] }>> {
  if (!(await hasRole(db, actorId, "admin"))) return err("FORBIDDEN");
  if (!(STAFF_ROLES as readonly string[]).includes(role)) return err("INVALID_INPUT");
  if (skills.some((s) => !(CATEGORIES as readonly string[]).includes(s)) || (skills.length > 0 && role !== "technician")) return err("INVALID_INPUT");
  const property = await db.property.findUnique({ where: { id: propertyId } });
  if (!property) return err("NOT_FOUND");
  const expiresAt = new Date(now.getTime() + STAFF_INVITE_DAYS * 86_400_000);
  const code = await insertInvite(db, { kind: "staff", propertyId, role, skills: skills.join(","), createdById: actorId, expiresAt, createdAt: now }, "S");
  await logEvent(db, { actorId, action: "staff-invite-issued", data: { propertyId, role, skills }, at: now });
  return ok({ code, expiresAt, propertyName: property.name, role, skills });
}

export type Redeemed =
  | { kind: "owner"; unitLabel: string; propertyName: string }
  | { kind: "staff"; role: string; propertyName: string; skills: string[] };

/** Wrong codes a person may type in JOIN_WINDOW_MIN minutes before they must wait. */
export const JOIN_FAILURES = 5;
export const JOIN_WINDOW_MIN = 10;

/**
 * Uses a code once: the conditional update claims it, so of two people racing for one code only
 * one gets it. An unknown, expired or used code is INVITE_INVALID, changes nothing and is logged;
 * after JOIN_FAILURES of them within JOIN_WINDOW_MIN minutes every try is TOO_MANY_ATTEMPTS.
 */
export async function redeemInvite(database: Database, personId: number, rawCode: string, now: Date): Promise<Result<Redeemed>> {
  const code = normalizeCode(rawCode);
  return database.tx(async (tx) => {
    const since = new Date(now.getTime() - JOIN_WINDOW_MIN * 60_000);
    const failures = await tx.event.count({ where: { action: "invite-failed", actorId: personId, at: { gt: since } } });
    if (failures >= JOIN_FAILURES) {
      await logEvent(tx, { actorId: personId, action: "invite-throttled", at: now });
      return err("TOO_MANY_ATTEMPTS");
    }
    const claimed = /^[A-Z0-9_-]{4,64}$/.test(code)
      ? await tx.invite.updateMany({ where: { code, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now, usedById: personId } })
      : { count: 0 };
    if (claimed.count === 0) {
      await logEvent(tx, { actorId: personId, action: "invite-failed", at: now, data: { code: code.slice(0, 16) } });
      return err("INVITE_INVALID");
    }
    const inv = await tx.invite.findUniqueOrThrow({ where: { code }, include: { property: true, unit: true } });
    if (inv.kind === "owner" && inv.unit) {
      const bound = await tx.unitMember.findUnique({ where: { personId_unitId: { personId, unitId: inv.unit.id } } });
      if (!bound) await tx.unitMember.create({ data: { personId, unitId: inv.unit.id, createdAt: now } });
      await logEvent(tx, { actorId: personId, action: "invite-redeemed", data: { inviteId: inv.id, kind: "owner", unitId: inv.unit.id }, at: now });
      return ok({ kind: "owner" as const, unitLabel: unitLabel(inv.unit), propertyName: inv.property.name });
    }
    const role = inv.role ?? "";
    const existing = await tx.roleGrant.findFirst({ where: { personId, role, propertyId: inv.propertyId, revokedAt: null } });
    if (existing) await tx.roleGrant.update({ where: { id: existing.id }, data: { skills: inv.skills } });
    else await tx.roleGrant.create({ data: { personId, role, propertyId: inv.propertyId, skills: inv.skills, grantedById: inv.createdById, createdAt: now } });
    await logEvent(tx, { actorId: personId, action: "invite-redeemed", data: { inviteId: inv.id, kind: "staff", role, propertyId: inv.propertyId }, at: now });
    return ok({ kind: "staff" as const, role, propertyName: inv.property.name, skills: skillsOf(inv.skills) });
  });
}
