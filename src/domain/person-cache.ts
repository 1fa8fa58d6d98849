// The sender of each update, kept in memory between updates: a conversation step then costs no
// statement for the person and roles. An entry is used only while nothing that may change people
// was written through this database client (Database.generation), the Telegram name and username
// are the ones it was filled with, and it is younger than the TTL (writes by another process).
import type { Database } from "../db/client.ts";
import { ensurePerson, type PersonView, type TelegramUser } from "./people.ts";
import { unitLabel, type UnitLine } from "./properties.ts";
import { skillsOf } from "./staff.ts";
import { isLanguage, type Role } from "./types.ts";

/** The key under which a person's homes (listUnits) are kept with their entry: read with the person. */
export const SENDER_UNITS = "units";

/**
 * The person behind a Telegram account when nothing about them is to be written (known, the same
 * name and username, not marked unreachable, not a configured admin id): one read, their homes with
 * it. Null: ensurePerson's case (a newcomer, a new name, an admin id).
 */
async function knownSender(database: Database, u: TelegramUser, adminTelegramIds: readonly number[]) {
  if (adminTelegramIds.includes(u.telegramId)) return null;
  const p = await database.bookkeeping.person(u.telegramId);
  if (!p || p.blocked || p.name !== u.name || p.username !== (u.username ?? null)) return null;
  const person: PersonView = {
    id: p.id, telegramId: p.telegramId, name: p.name, language: isLanguage(p.language) ? p.language : "zh-CN", onDuty: p.onDuty,
    phone: p.phone, roles: p.roles.map((r) => ({ role: r.role as Role, propertyId: r.propertyId, skills: skillsOf(r.skills) })),
    unitIds: p.units.map((x) => x.id),
  };
  const units: UnitLine[] = p.units.map((x) => ({ id: x.id, propertyId: x.propertyId, propertyName: x.propertyName, label: unitLabel(x) }));
  return { person, units };
}

type Entry = {
  person: PersonView; name: string; username: string | null; generation: number; at: number;
  /** Other reads about the person, as fresh as the entry (see remember). */
  extras: Map<string, unknown>;
};

export type PersonCacheOptions = { ttlMs?: number; maxEntries?: number };

/** ensurePerson, remembered per Telegram id (least recently used entries go first). */
export function createPersonCache(database: Database, adminTelegramIds: readonly number[], opts: PersonCacheOptions = {}) {
  const ttlMs = opts.ttlMs ?? 30_000;
  const max = opts.maxEntries ?? 20_000;
  const entries = new Map<number, Entry>();

  const fresh = (e: Entry, u: TelegramUser, now: Date) => {
    const age = now.getTime() - e.at;
    return e.generation === database.generation(e.person.id) && age >= 0 && age < ttlMs && e.name === u.name && e.username === (u.username ?? null);
  };

  return {
    /** The person behind a Telegram account (see ensurePerson), from memory when still current. */
    async get(u: TelegramUser, now: Date): Promise<PersonView> {
      const hit = entries.get(u.telegramId);
      if (hit && fresh(hit, u, now)) {
        entries.delete(u.telegramId); // most recently used last
        entries.set(u.telegramId, hit);
        return hit.person;
      }
      // (a person seen before: their own writes count too; a newcomer: writes that change anyone)
      const known = entries.get(u.telegramId)?.person.id;
      const before = database.generation(known);
      const fast = await knownSender(database, u, adminTelegramIds);
      const { person } = fast ?? await ensurePerson(database.db, u, adminTelegramIds, now);
      const generation = database.generation(person.id);
      // a write that may change this person ran meanwhile: what was read may be older than it
      if (database.generation(known) === before && (known === undefined || known === person.id)) {
        entries.delete(u.telegramId);
        const extras = new Map<string, unknown>(fast ? [[SENDER_UNITS, fast.units]] : []);
        entries.set(u.telegramId, { person, name: u.name, username: u.username ?? null, generation, at: now.getTime(), extras });
        if (entries.size > max) entries.delete(entries.keys().next().value!);
      } else {
        entries.delete(u.telegramId);
      }
      return person;
    },
    /**
     * Something else read about a person just got (their units…), kept with their entry: read again
     * whenever the entry would be (a write that may change them, the TTL).
     */
    async remember<T>(telegramId: number, key: string, load: () => Promise<T>, now: Date): Promise<T> {
      const e = entries.get(telegramId);
      const current = e !== undefined && e.generation === database.generation(e.person.id) && now.getTime() - e.at < ttlMs;
      if (current && e.extras.has(key)) return e.extras.get(key) as T;
      const value = await load();
      if (current && e.generation === database.generation(e.person.id)) e.extras.set(key, value);
      return value;
    },
    /** The language of someone seen lately (for an apology while the database is down). */
    peek: (telegramId: number): PersonView | undefined => entries.get(telegramId)?.person,
    size: () => entries.size,
  };
}

export type PersonCache = ReturnType<typeof createPersonCache>;
