// People and their roles: who is writing, in which language, on duty or not, and who may do what.
import type { Database, DbOrTx } from "../db/client.ts";
import { isUniqueViolation } from "../db/client.ts";
import { logEvent } from "./events.ts";
import { notify } from "./notify.ts";
import { hasRole, skillsOf } from "./staff.ts";
import { releaseTechnician } from "./tickets/release.ts";
import { err, isLanguage, isRowId, ok, STAFF_ROLES, type Language, type Result, type Role } from "./types.ts";

export type RoleView = { role: Role; propertyId: number | null; skills: string[] };
export type PersonView = {
  id: number;
  telegramId: number | null;
  name: string;
  language: Language;
  onDuty: boolean;
  phone: string | null;
  roles: RoleView[];
  unitIds: number[];
};

const include = { roles: { where: { revokedAt: null }, orderBy: { id: "asc" } }, units: { select: { unitId: true } } } as const;
type Loaded = NonNullable<Awaited<ReturnType<typeof loadById>>>;
const loadById = (db: DbOrTx, id: number) => db.person.findUnique({ where: { id }, include });


function toView(p: Loaded): PersonView {
  return {
    id: p.id,
    telegramId: p.telegramId === null ? null : Number(p.telegramId),
    name: p.name,
    language: isLanguage(p.language) ? p.language : "zh-CN",
    onDuty: p.onDuty,
    phone: p.phone,
    roles: p.roles.map((r) => ({ role: r.role as Role, propertyId: r.propertyId, skills: skillsOf(r.skills) })),
    unitIds: p.units.map((u) => u.unitId),
  };
}

export async function getPerson(db: DbOrTx, id: number): Promise<PersonView | null> {
  const p = await loadById(db, id);
  return p ? toView(p) : null;
}

export type TelegramUser = { telegramId: number; name: string; username?: string | undefined; language?: Language };

/**
 * The person behind a Telegram account, created on first contact. Keeps name and username fresh,
 * clears "unreachable" (they wrote to us again), and makes the configured admin ids admins the
 * first time they appear (a later revoke sticks: the grant is only made when none ever existed).
 */
export async function ensurePerson(db: DbOrTx, u: TelegramUser, adminTelegramIds: readonly number[], now: Date): Promise<{ person: PersonView; created: boolean }> {
  const telegramId = BigInt(u.telegramId);
  let p = await db.person.findUnique({ where: { telegramId }, include });
  let created = false;
  if (!p) {
    try {
      p = await db.person.create({
        data: { telegramId, name: u.name || "?", username: u.username ?? null, language: u.language ?? "zh-CN", createdAt: now },
        include,
      });
      created = true;
      await logEvent(db, { actorId: p.id, action: "person-joined", data: { personId: p.id }, at: now });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      p = await db.person.findUniqueOrThrow({ where: { telegramId }, include });
    }
  } else if (p.name !== u.name || p.username !== (u.username ?? null) || p.blockedAt) {
    p = await db.person.update({ where: { id: p.id }, data: { name: u.name || p.name, username: u.username ?? null, blockedAt: null }, include });
  }
  if (adminTelegramIds.includes(u.telegramId) && (created || !(await db.roleGrant.count({ where: { personId: p.id, role: "admin" } })))) {
    await db.roleGrant.create({ data: { personId: p.id, role: "admin", propertyId: null } });
    await logEvent(db, { actorId: null, action: "role-granted", data: { personId: p.id, role: "admin", by: "environment" }, at: now });
    p = (await loadById(db, p.id))!;
  }
  return { person: toView(p), created };
}

export async function setLanguage(db: DbOrTx, personId: number, language: Language, now: Date): Promise<Result<void>> {
  const res = await db.person.updateMany({ where: { id: personId }, data: { language } });
  if (res.count === 0) return err("NOT_FOUND");
  await logEvent(db, { actorId: personId, action: "language-set", data: { language }, at: now });
  return ok(undefined);
}

/** The person blocked the bot in Telegram (no more notifications), or unblocked it. */
export async function setBlocked(db: DbOrTx, telegramId: number, blocked: boolean, now: Date): Promise<Result<void>> {
  const person = await db.person.findUnique({
    where: { telegramId: BigInt(telegramId) }, select: { id: true, blockedAt: true },
  });
  if (!person) return err("NOT_REGISTERED");
  if ((person.blockedAt !== null) === blocked) return ok(undefined);
  await db.person.update({ where: { id: person.id }, data: { blockedAt: blocked ? now : null } });
  await logEvent(db, { actorId: person.id, action: blocked ? "bot-blocked" : "bot-unblocked", at: now });
  return ok(undefined);
}

/** A person's own phone number (a technician's, asked once when joining; an owner's, when shared). */
export async function setPhone(db: DbOrTx, personId: number, phone: string, now: Date): Promise<Result<void>> {
  const res = await db.person.updateMany({ where: { id: personId }, data: { phone } });
  if (res.count === 0) return err("NOT_FOUND");
  await logEvent(db, { actorId: personId, action: "phone-set", data: { personId }, at: now });
  return ok(undefined);
}

/** A technician switches offers on or off. */
export async function setDuty(db: DbOrTx, personId: number, onDuty: boolean, now: Date): Promise<Result<void>> {
  if (!(await hasRole(db, personId, "technician"))) return err("FORBIDDEN");
  await db.person.update({ where: { id: personId }, data: { onDuty } });
  await logEvent(db, { actorId: personId, action: onDuty ? "duty-on" : "duty-off", at: now });
  return ok(undefined);
}

export type PersonLine = {
  id: number;
  name: string;
  username: string;
  roles: { role: string; property: string; skills: string[] }[];
  units: string[];
  onDuty: boolean;
  reachable: boolean;
};

/** Everyone with a role or a unit, for the admin's /people table (optionally one property). */
export async function listPeople(db: DbOrTx, propertyId?: number): Promise<PersonLine[]> {
  const people = await db.person.findMany({
    where: propertyId === undefined
      ? { OR: [{ roles: { some: { revokedAt: null } } }, { units: { some: {} } }] }
      : { OR: [{ roles: { some: { revokedAt: null, OR: [{ propertyId }, { propertyId: null }] } } }, { units: { some: { unit: { propertyId } } } }] },
    include: { roles: { where: { revokedAt: null }, include: { property: true }, orderBy: { id: "asc" } }, units: { include: { unit: { include: { property: true } } } } },
    orderBy: { id: "asc" },
  });
  return people.map((p) => ({
    id: p.id,
    name: p.name,
    username: p.username ?? "",
    roles: p.roles.map((r) => ({ role: r.role, property: r.property?.code ?? "", skills: skillsOf(r.skills) })),
    units: p.units.map((m) => `${m.unit.property.code} ${m.unit.building}-${m.unit.entrance}-${m.unit.room}`),
    onDuty: p.onDuty,
    reachable: p.blockedAt === null,
  }));
}

/**
 * An admin takes a role away (at one property, or everywhere when propertyId is omitted). Access
 * ends at once (every press re-checks the role); a technician's offers and jobs in hand there go
 * back to dispatch. Admins cannot revoke their own admin role, so an office never locks itself out.
 */
export async function revokeRole(
  database: Database, actorId: number, personId: number, role: string, now: Date, propertyId?: number,
): Promise<Result<{ revoked: number; jobs: number; offers: number }>> {
  if (role !== "admin" && !(STAFF_ROLES as readonly string[]).includes(role)) return err("INVALID_INPUT");
  if (!isRowId(personId)) return err("NOT_FOUND"); // refused before reading: int4 overflows on PostgreSQL
  return database.tx(async (tx) => {
    if (!(await hasRole(tx, actorId, "admin"))) return err("FORBIDDEN");
    if (role === "admin" && personId === actorId) return err("FORBIDDEN");
    const res = await tx.roleGrant.updateMany({
      where: { personId, role, revokedAt: null, ...(propertyId === undefined ? {} : { propertyId }) },
      data: { revokedAt: now },
    });
    if (res.count === 0) return err("NOT_FOUND");
    await logEvent(tx, { actorId, action: "role-revoked", data: { personId, role, propertyId: propertyId ?? null }, at: now });
    await notify(tx, now, personId, { key: "role-revoked-notice", params: { role } }); // the person is told
    const released = role === "technician" ? await releaseTechnician(tx, actorId, personId, now) : { jobs: 0, offers: 0 };
    return ok({ revoked: res.count, ...released });
  });
}
