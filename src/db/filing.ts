// The owner's report on the driver's own path (see bookkeeping.ts): one prepared read, then every
// row of the new ticket written at once: on PostgreSQL by one statement (data-modifying CTEs, one
// round trip, atomic by itself), on SQLite by one short transaction of a statement a table that runs
// start to finish synchronously (holding the write lock well under a millisecond; SQLite has no
// data-modifying CTEs, and a statement costs microseconds there, not a round trip).
// Prisma's query compiler costs 1-2 ms of CPU per statement; an interactive Prisma transaction of
// 15 statements held SQLite's lock for 20+ ms and set everyone else's latency.
import { randomInt } from "node:crypto";
import type pg from "pg";
import { pgList, sqliteList, type JsonList, type SqliteConnection } from "./bookkeeping.ts";
import type { Lock } from "./client.ts";

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
  /**
   * The ticket number: `prefix`, then the day's counter value padded with zeros to `width` digits (more
   * when it has more, as String.padStart); see ticketNumberFormat in src/domain/tickets/new-ticket.ts.
   */
  number: { prefix: string; width: number };
  photos: string[];
  /** The reporter's phone, kept on their row (null: unchanged). */
  phone: string | null;
  /**
   * The events, given the ticket's number; and the messages, given the ticket's id and number and its
   * offers' ids (technician → offer id). These may be stand-ins that the statement replaces in the texts
   * once the rows exist (on PostgreSQL): put them in the texts as given, compute nothing from them.
   */
  events: (number: string) => NewEvent[];
  offers: { technicianId: number; round: number }[];
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
export function sqliteFiling(conn: SqliteConnection, lock: Lock): Filing {
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
    const number = f.number.prefix + String(last).padStart(f.number.width, "0");
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
    reportContext: (personId, unitId, category, since) => lock.now(() => {
      const r = get(CONTEXT(q, REWORK_STATUSES, TECHNICIANS(sqliteList, "1")), [category, sqliteDate(since), personId, unitId]);
      return r ? contextOf(r, unitId) : null;
    }),
    fileTicket: (f) => lock.now(() => file(f)),
    statements: () => count,
    close: async () => conn.close(),
  };
}

/**
 * PostgreSQL: named statements on the pool Prisma uses too. The ticket's rows are written by one
 * statement (see fileStatement): atomic by itself, so no transaction to open and close, one round trip.
 */
export function pgFiling(pool: pg.Pool): Filing {
  const q = (n: number) => `$${n}`;
  let count = 0;
  const date = (d: Date) => d.toISOString().replace("Z", ""); // timestamp without time zone, UTC (as Prisma)
  const value = converter(date, (b) => b);
  const named = (sql: string) => `rd_f_${hash(sql)}`;
  const on = async (sql: string, values: unknown[]) =>
    (count++, (await pool.query({ name: named(sql), text: sql, values })).rows as Row[]);
  return {
    reportContext: async (personId, unitId, category, since) => {
      const [r] = await on(CONTEXT(q, REWORK_STATUSES, TECHNICIANS(pgList, "true")), [category, date(since), personId, unitId]);
      return r ? contextOf(r, unitId) : null;
    },
    fileTicket: async (f) => {
      const [r] = await on(...fileStatement(f, value));
      return { id: Number(r!.id), number: String(r!.number) };
    },
    statements: () => count,
    close: async () => undefined,
  };
}

/**
 * Stand-ins for what only the statement knows, in the texts built before it runs: the ticket's id, its
 * number, and each offer's id (by the offer's place in the filing). Drawn at random once per process
 * and never written nor shown, 16 digits each (the number's between #), none a part of another: a
 * text an owner writes holds one only if they guess it.
 */
const seed = randomInt(1e15, 1e15 + 2 ** 47);
const STAND_IN = { id: seed, number: `#${seed - 1}#`, offer: (i: number) => seed + 1 + i };
/** The outbox's text columns (any may hold a stand-in); true: JSON, where the number goes in JSON-escaped. */
const MESSAGE_TEXTS = { kind: false, key: false, params: true, buttons: true, photos: true, ref: false } as const;

/**
 * The statement that files a ticket on PostgreSQL, in data-modifying CTEs: the day's counter counted
 * up, the ticket with its number made in SQL from the counter's value, its photos, the reporter's
 * phone, its events, its offers and the offers' messages. The events' and the messages' texts are built
 * in JS with stand-ins (STAND_IN) that the statement replaces by the ticket's id and number and by the
 * id of the offer the message names (joined on its technician). Rows go in as arrays (unnest), so the
 * statement's text, and its prepared plan, does not change with their count; they are inserted in the
 * order given (their ids in that order, as a multi-row VALUES).
 */
function fileStatement(f: TicketFiling, value: Convert): [string, unknown[]] {
  const values: unknown[] = [];
  const p = (v: unknown, cast = "") => (values.push(v), `$${values.length}${cast}`);
  const list = <T>(rows: readonly T[], of: (r: T) => unknown, type: string) => p(rows.map(of), `::${type}[]`);
  const at = p(value(f.ticket.reportedAt), "::timestamp(3)");
  const counter = [p(f.ticket.propertyId), p(f.day)];
  const ctes = [`counter AS (${COUNTER((n) => counter[n - 1]!)})`];

  const columns = Object.keys(f.ticket);
  const last = `c."last"::text`;
  const width = p(f.number.width, "::int");
  const number = `(SELECT ${p(f.number.prefix, "::text")} || lpad(${last}, greatest(${width}, length(${last})), '0')
    FROM counter c)`;
  const ticketValues = [number, ...columns.map((c) => p(value(f.ticket[c]))), `'open'`, p(value(new Date()))];
  ctes.push(`ticket AS (INSERT INTO "Ticket" (${quoted(["number", ...columns, "status", "updatedAt"])})
    VALUES (${ticketValues.join(", ")}) RETURNING "id", "number")`);
  // the ticket's id and number as the texts take them: as text, and as the inside of a JSON string
  ctes.push(`t AS (SELECT "id", "id"::text AS "idText", "number", substr(j, 2, length(j) - 2) AS "numberJson"
    FROM ticket, LATERAL (SELECT to_json("number")::text AS j) x)`);

  if (f.photos.length > 0) {
    ctes.push(`photos AS (INSERT INTO "TicketPhoto" ("ticketId", "fileId", "createdAt")
    SELECT t."id", u."fileId", ${at}
    FROM t, unnest(${p(f.photos, "::text[]")}) WITH ORDINALITY u("fileId", n) ORDER BY u.n)`);
  }
  if (f.phone !== null) {
    ctes.push(`phone AS (UPDATE "Person" SET "phone" = ${p(f.phone)} WHERE "id" = ${p(f.ticket.reporterId)})`);
  }

  const numberToken = p(STAND_IN.number, "::text");
  const events = f.events(STAND_IN.number);
  ctes.push(`events AS (INSERT INTO "Event" ("ticketId", "actorId", "action", "data", "at")
    SELECT t."id", u."actorId", u."action", replace(u."data", ${numberToken}, t."numberJson"), u."at"
    FROM t, unnest(${list(events, (e) => e.actorId, "int")}, ${list(events, (e) => e.action, "text")},
      ${list(events, (e) => JSON.stringify(e.data), "text")}, ${list(events, (e) => value(e.at), "timestamp(3)")})
      WITH ORDINALITY u("actorId", "action", "data", "at", n) ORDER BY u.n)`);
  ctes.push(`offers AS (INSERT INTO "Offer" ("ticketId", "technicianId", "round", "createdAt")
    SELECT t."id", u."technicianId", u."round", ${at}
    FROM t, unnest(${list(f.offers, (o) => o.technicianId, "int")}, ${list(f.offers, (o) => o.round, "int")})
      WITH ORDINALITY u("technicianId", "round", n) ORDER BY u.n
    RETURNING "id", "technicianId")`);

  const offerIds = new Map(f.offers.map((o, i) => [o.technicianId, STAND_IN.offer(i)]));
  const messages = f.messages({ id: STAND_IN.id, number: STAND_IN.number }, offerIds);
  const offerOf = messages.map((m) => offerNamed(m, offerIds));
  const idToken = p(String(STAND_IN.id), "::text");
  const texts = Object.keys(MESSAGE_TEXTS) as (keyof typeof MESSAGE_TEXTS)[];
  const filled = (c: keyof typeof MESSAGE_TEXTS) => `replace(replace(replace(u."${c}",
      ${numberToken}, t."${MESSAGE_TEXTS[c] ? "numberJson" : "number"}"), ${idToken}, t."idText"),
      u."offerToken", coalesce(o."id"::text, ''))`;
  const columnsOut = ["chatId", "personId", ...texts, "dueAt", "createdAt"];
  ctes.push(`outbox AS (INSERT INTO "Outbox" (${quoted(columnsOut)})
    SELECT u."chatId", u."personId", ${texts.map(filled).join(", ")}, u."dueAt", u."createdAt"
    FROM t CROSS JOIN unnest(${list(messages, (m) => m.chatId, "int8")}, ${list(messages, (m) => m.personId, "int")},
      ${texts.map((c) => list(messages, (m) => m[c], "text")).join(", ")},
      ${list(messages, (m) => value(m.dueAt), "timestamp(3)")},
      ${list(messages, (m) => value(m.createdAt), "timestamp(3)")},
      ${list(offerOf, (o) => o?.technicianId ?? null, "int")}, ${list(offerOf, (o) => o?.token ?? "", "text")})
      WITH ORDINALITY u(${quoted([...columnsOut, "offerOf", "offerToken", "n"])})
    LEFT JOIN offers o ON o."technicianId" = u."offerOf" ORDER BY u.n)`);
  return [`WITH ${ctes.join(",\n")}\nSELECT "id", "number" FROM t`, values];
}
const quoted = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(", ");

/** The offer a message names (its stand-in in one of its texts), null when none; more than one is not written. */
function offerNamed(m: NewMessage, offerIds: Map<number, number>): { technicianId: number; token: string } | null {
  let found: { technicianId: number; token: string } | null = null;
  for (const [technicianId, id] of offerIds) {
    const token = String(id);
    if (!Object.keys(MESSAGE_TEXTS).some((c) => (m[c as keyof NewMessage] as string | null)?.includes(token))) continue;
    if (found) throw new Error(`a message names two offers (technicians ${found.technicianId} and ${technicianId})`);
    found = { technicianId, token };
  }
  return found;
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
