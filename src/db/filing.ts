// The owner's report on the driver's own path (see bookkeeping.ts): two prepared reads, then every
// row of the new ticket written in one short transaction that runs start to finish without waiting
// on anything else (on SQLite synchronously, holding the write lock well under a millisecond).
// Prisma's query compiler costs 1-2 ms of CPU per statement; an interactive Prisma transaction of
// 15 statements held SQLite's lock for 20+ ms and set everyone else's latency.
import type pg from "pg";
import { pgList, sqliteList, type JsonList, type SqliteConnection } from "./bookkeeping.ts";

/** What the report needs to know: the reporter's unit (null when not theirs) and its property. */
export type ReportContext = {
  /** The technicians of the property (or of all) who are on duty and not blocked. */
  technicians: TechnicianGrant[];
  unit: { id: number; propertyId: number; building: string; entrance: string; room: string };
  property: Record<string, unknown> & { id: number; code: string };
  /** A finished job of the same unit and category since `since` (a rework, linked on the long path). */
  rework: boolean;
  /** The phone kept on the reporter's row. */
  reporterPhone: string | null;
};
/** A live technician grant at the property (or global) of a person on duty and reachable. */
export type TechnicianGrant = { personId: number; propertyId: number | null; skills: string; telegramId: number | null };

/**
 * A new ticket's row, column by column (all but its number, status and updatedAt): the domain's
 * definition of a new ticket (src/domain/tickets/new-ticket.ts), written as it is given.
 */
export type NewTicket = { [column: string]: Value } & { propertyId: number; reporterId: number; reportedAt: Date };
type Value = string | number | boolean | Date | null;
export type NewEvent = { actorId: number | null; action: string; data: Record<string, unknown>; at: Date };
/** An outbox row (see notify.ts's outboxRow). */
export type NewMessage = {
  chatId: number; personId: number; kind: string; key: string; params: string; buttons: string; photos: string;
  ref: string | null; dueAt: Date; createdAt: Date;
};
export type TicketFiling = {
  day: string;
  ticket: NewTicket;
  /** The ticket number from the day's counter value. */
  number: (last: number) => string;
  photos: string[];
  /** The reporter's phone, kept on their row (null: unchanged). */
  phone: string | null;
  events: (number: string) => NewEvent[];
  offers: { technicianId: number; round: number }[];
  /** The messages, once the ticket and its offers (technician → offer id) exist. */
  messages: (ticket: { id: number; number: string }, offerIds: Map<number, number>) => NewMessage[];
};

export type Filing = {
  reportContext: (personId: number, unitId: number, category: string, reworkSince: Date) => Promise<ReportContext | null>;
  fileTicket: (f: TicketFiling) => Promise<{ id: number; number: string }>;
  statements: () => number;
  close: () => Promise<void>;
};

type P = (n: number) => string;
/** The reporter's unit and its property, the phone on their row, a rework, and the technicians who may be offered the job. */
const CONTEXT = (p: P, reworkStatuses: string, technicians: string) => `SELECT u."building", u."entrance", u."room", p.*,
  (SELECT pe."phone" FROM "Person" pe WHERE pe."id" = m."personId") AS "reporterPhone",
  EXISTS (SELECT 1 FROM "Ticket" t WHERE t."unitId" = u."id" AND t."category" = ${p(1)} AND t."status" IN (${reworkStatuses})
    AND t."completedAt" >= ${p(2)}) AS "rework",
  ${technicians} AS "technicians"
  FROM "UnitMember" m JOIN "Unit" u ON u."id" = m."unitId" JOIN "Property" p ON p."id" = u."propertyId"
  WHERE m."personId" = ${p(3)} AND m."unitId" = ${p(4)}`;
/** Live technician grants at the property (or global) of people on duty and not blocked, as a JSON array. */
const GRANTS = (yes: string) => `"RoleGrant" g JOIN "Person" pe ON pe."id" = g."personId"
  WHERE g."role" = 'technician' AND g."revokedAt" IS NULL AND (g."propertyId" = u."propertyId" OR g."propertyId" IS NULL)
    AND pe."onDuty" = ${yes} AND pe."blockedAt" IS NULL`;
const TECHNICIANS = (list: JsonList, yes: string) =>
  list(`'personId', g."personId", 'propertyId', g."propertyId", 'skills', g."skills", 'telegramId', pe."telegramId"`, GRANTS(yes), `g."personId"`);
const COUNTER = (p: P) => `INSERT INTO "TicketCounter" ("propertyId", "day", "last") VALUES (${p(1)}, ${p(2)}, 1)
  ON CONFLICT ("propertyId", "day") DO UPDATE SET "last" = "TicketCounter"."last" + 1 RETURNING "last"`;
const PHONE = (p: P) => `UPDATE "Person" SET "phone" = ${p(1)} WHERE "id" = ${p(2)}`;
/** A multi-row insert of `n` rows of `columns` (with RETURNING what is asked). */
const insert = (p: P, table: string, columns: readonly string[], n: number, returning = "") =>
  `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${Array.from({ length: n }, (_, r) =>
    `(${columns.map((_, i) => p(r * columns.length + i + 1)).join(", ")})`).join(", ")}${returning}`;
const PHOTO_COLUMNS = ["ticketId", "fileId", "createdAt"] as const;
const EVENT_COLUMNS = ["ticketId", "actorId", "action", "data", "at"] as const;
const OFFER_COLUMNS = ["ticketId", "technicianId", "round", "createdAt"] as const;
const MESSAGE_COLUMNS = ["chatId", "personId", "kind", "key", "params", "buttons", "photos", "ref", "dueAt", "createdAt"] as const;
const REWORK_STATUSES = "'completed', 'closed'";

type Row = Record<string, unknown>;
type Convert = (v: unknown) => unknown;
/** The ticket's insert, as [sql, values]: its number, the given columns, then its status and updatedAt. */
const ticketInsert = (p: P, t: NewTicket, number: string, value: Convert): [string, unknown[]] => {
  const columns = Object.keys(t);
  const sql = insert(p, "Ticket", ["number", ...columns, "status", "updatedAt"], 1, ` RETURNING "id"`);
  return [sql, [number, ...columns.map((c) => value(t[c])), "open", value(new Date())]];
};

/** The rows after the ticket, as [sql, values] (sql by row count). */
function afterTicket(f: TicketFiling, ticket: { id: number; number: string }, p: P, value: Convert) {
  const ticketId = ticket.id;
  const events = f.events(ticket.number);
  const statements: [string, unknown[]][] = [];
  if (f.photos.length > 0) {
    const at = value(f.ticket.reportedAt);
    statements.push([insert(p, "TicketPhoto", PHOTO_COLUMNS, f.photos.length), f.photos.flatMap((fileId) => [ticketId, fileId, at])]);
  }
  if (f.phone !== null) statements.push([PHONE(p), [f.phone, f.ticket.reporterId]]);
  if (events.length > 0) {
    const values = events.flatMap((e) => [ticketId, e.actorId, e.action, JSON.stringify(e.data), value(e.at)]);
    statements.push([insert(p, "Event", EVENT_COLUMNS, events.length), values]);
  }
  return statements;
}
const messageValues = (ms: NewMessage[], value: Convert) => ms.flatMap((m) => MESSAGE_COLUMNS.map((c) => value(m[c])));
/** A value as the driver takes it: dates as `date` writes them, booleans as `bool`. */
const converter = (date: (d: Date) => unknown, bool: (b: boolean) => unknown): Convert => (v) =>
  (v instanceof Date ? date(v) : typeof v === "boolean" ? bool(v) : v);

const sqliteDate = (d: Date) => d.toISOString().replace("Z", "+00:00");

/** SQLite: an own connection; `lock` is the mutex every Prisma statement takes (see client.ts). */
export function sqliteFiling(conn: SqliteConnection & { transaction: <A, T>(fn: (a: A) => T) => (a: A) => T }, lock: <T>(fn: () => Promise<T>) => Promise<T>): Filing {
  const q = () => "?"; // by position: each statement numbers its parameters in the order they appear
  const cache = new Map<string, ReturnType<SqliteConnection["prepare"]> & { all: (...a: unknown[]) => unknown[] }>();
  const stmt = (sql: string) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = conn.prepare(sql) as never));
    return s!;
  };
  let count = 0;
  const get = (sql: string, values: unknown[]) => (count++, stmt(sql).get(...values) as Row | undefined);
  const all = (sql: string, values: unknown[]) => (count++, stmt(sql).all(...values) as Row[]);
  const run = (sql: string, values: unknown[]) => (count++, stmt(sql).run(...values));
  const value = converter(sqliteDate, (b) => (b ? 1 : 0));
  const file = conn.transaction((f: TicketFiling) => {
    const last = Number(get(COUNTER(q), [f.ticket.propertyId, f.day])!.last);
    const number = f.number(last);
    const id = Number(get(...ticketInsert(q, f.ticket, number, value))!.id);
    for (const [sql, values] of afterTicket(f, { id, number }, q, value)) run(sql, values);
    const offerIds = new Map<number, number>();
    if (f.offers.length > 0) {
      const at = value(f.ticket.reportedAt);
      const rows = all(insert(q, "Offer", OFFER_COLUMNS, f.offers.length, ` RETURNING "id", "technicianId"`),
        f.offers.flatMap((o) => [id, o.technicianId, o.round, at]));
      for (const r of rows) offerIds.set(Number(r.technicianId), Number(r.id));
    }
    const messages = f.messages({ id, number }, offerIds);
    if (messages.length > 0) run(insert(q, "Outbox", MESSAGE_COLUMNS, messages.length), messageValues(messages, value));
    return { id, number };
  }) as unknown as (f: TicketFiling) => { id: number; number: string };
  return {
    reportContext: (personId, unitId, category, since) => lock(async () => {
      const r = get(CONTEXT(q, REWORK_STATUSES, TECHNICIANS(sqliteList, "1")), [category, sqliteDate(since), personId, unitId]);
      return r ? contextOf(r, unitId) : null;
    }),
    fileTicket: (f) => lock(async () => file(f)),
    statements: () => count,
    close: async () => conn.close(),
  };
}

/** PostgreSQL: named statements on the pool Prisma uses too; the writes in one transaction of one client. */
export function pgFiling(pool: pg.Pool): Filing {
  const q = (n: number) => `$${n}`;
  let count = 0;
  const date = (d: Date) => d.toISOString().replace("Z", ""); // timestamp without time zone, UTC (as Prisma)
  const value = converter(date, (b) => b);
  const named = (sql: string) => `rd_f_${hash(sql)}`;
  const on = async (c: pg.Pool | pg.PoolClient, sql: string, values: unknown[]) =>
    (count++, (await c.query({ name: named(sql), text: sql, values })).rows as Row[]);
  return {
    reportContext: async (personId, unitId, category, since) => {
      const [r] = await on(pool, CONTEXT(q, REWORK_STATUSES, TECHNICIANS(pgList, "true")), [category, date(since), personId, unitId]);
      return r ? contextOf(r, unitId) : null;
    },
    fileTicket: async (f) => {
      const c = await pool.connect();
      try {
        await c.query("BEGIN");
        count += 2; // BEGIN, COMMIT
        const last = Number((await on(c, COUNTER(q), [f.ticket.propertyId, f.day]))[0]!.last);
        const number = f.number(last);
        const id = Number((await on(c, ...ticketInsert(q, f.ticket, number, value)))[0]!.id);
        for (const [sql, values] of afterTicket(f, { id, number }, q, value)) await on(c, sql, values);
        const offerIds = new Map<number, number>();
        if (f.offers.length > 0) {
          const at = value(f.ticket.reportedAt);
          const rows = await on(c, insert(q, "Offer", OFFER_COLUMNS, f.offers.length, ` RETURNING "id", "technicianId"`),
            f.offers.flatMap((o) => [id, o.technicianId, o.round, at]));
          for (const r of rows) offerIds.set(Number(r.technicianId), Number(r.id));
        }
        const messages = f.messages({ id, number }, offerIds);
        if (messages.length > 0) {
          await on(c, insert(q, "Outbox", MESSAGE_COLUMNS, messages.length), messageValues(messages, value));
        }
        await c.query("COMMIT");
        return { id, number };
      } catch (e) {
        await c.query("ROLLBACK").catch(() => undefined);
        throw e;
      } finally {
        c.release();
      }
    },
    statements: () => count,
    close: async () => undefined,
  };
}

function contextOf(r: Row, unitId: number): ReportContext {
  const { building, entrance, room, rework, reporterPhone, technicians, ...property } = r;
  const p = property as ReportContext["property"];
  const grants = (typeof technicians === "string" ? JSON.parse(technicians) : technicians) as Row[];
  return {
    technicians: grants.map(grantOf),
    unit: { id: unitId, propertyId: p.id, building: String(building), entrance: String(entrance), room: String(room) },
    property: p, rework: rework === true || Number(rework) === 1,
    reporterPhone: reporterPhone === null ? null : String(reporterPhone),
  };
}
const grantOf = (r: Row): TechnicianGrant => ({
  personId: Number(r.personId), propertyId: r.propertyId === null ? null : Number(r.propertyId), skills: String(r.skills ?? ""),
  telegramId: r.telegramId === null ? null : Number(r.telegramId),
});
/** A short stable name for a statement's text (PostgreSQL prepares each name once per connection). */
function hash(s: string): string {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = ((h * 33) ^ s.charCodeAt(i)) >>> 0;
  return h.toString(36);
}
