// The per-update bookkeeping (the inbox of updates, conversation state) on the driver's own path:
// one prepared statement each, no Prisma query compilation (about 2-3 ms of CPU per statement here).
import { createRequire } from "node:module";
import type pg from "pg";
import type { Database, Lock } from "./client.ts";

/** How long an update id is remembered: a redelivery comes within minutes, a reused id much later. */
export const UPDATE_WINDOW_MS = 24 * 60 * 60_000;

/** An update as the inbox keeps it. */
export type InboxRow = { updateId: number; chatKey: string; raw: string };

/**
 * Claiming at the write: a row is claimed for `holder` in the statement that writes it when its chat
 * has no other unhandled row (none being handled, none waiting, nobody else's claim). The chat's
 * conversation state is read in that same statement and served to the next readSession of
 * `sessionKey(chat)` (a one-step update then costs three statements: this one, the state written,
 * the row marked handled).
 */
export type AcceptClaim = { holder: string; until: Date; sessionKey: (chatKey: string) => string };
/** A row that is new (see accept); `claimed`: claimed at the write (see AcceptClaim), to be handled now. */
export type Accepted = { updateId: number; claimed: boolean };

/** The durable inbox (see InboundUpdate in prisma/schema.prisma). */
export type InboxStore = {
  /**
   * Writes updates (one transaction on SQLite); returns the ids that are new: not seen within the
   * window before `now` (an older row with the same id is a numbering that started over: taken again).
   */
  accept: (rows: InboxRow[], now: Date, claim?: AcceptClaim) => Promise<Accepted[]>;
  /**
   * Claims a chat's unhandled updates for `holder` until `until`, unless another holder's claim on
   * that chat is live; returns them oldest first (empty: nothing to do, or another holder has it).
   */
  claim: (chatKey: string, holder: string, until: Date, now: Date) => Promise<InboxRow[]>;
  done: (updateId: number, now: Date) => Promise<void>;
  /** Gives back the holder's claims on a chat's unhandled updates (they are tried again later). */
  release: (chatKey: string, holder: string) => Promise<void>;
  /** Extends the holder's claims (while it is handling). */
  renew: (holder: string, until: Date) => Promise<void>;
  /** Chats with unhandled updates nobody holds (a restart, a dead instance, an outage). */
  waiting: (now: Date, limit: number) => Promise<string[]>;
};

/** A Telegram account's person with their live roles and their homes, as one read finds them. */
export type KnownPerson = {
  id: number; telegramId: number; name: string; username: string | null; language: string; onDuty: boolean;
  phone: string | null; blocked: boolean;
  roles: { role: string; propertyId: number | null; skills: string }[];
  units: { id: number; propertyId: number; propertyName: string; building: string; entrance: string; room: string }[];
};

export type Bookkeeping = {
  inbox: InboxStore;
  /** The sender of an update, in one statement (null: not known yet). */
  person: (telegramId: number) => Promise<KnownPerson | null>;
  readSession: (key: string) => Promise<string | undefined>;
  writeSession: (key: string, value: string) => Promise<void>;
  deleteSession: (key: string) => Promise<void>;
  /** Statements run so far (for `npm run bench`). */
  statements: () => number;
  close: () => Promise<void>;
};

type P = (n: number) => string;
const T = `"InboundUpdate"`;
/**
 * A later update with the same id is taken only when the stored one is older than the window. With a
 * holder (p6, until p7) the row is claimed when its chat has no other unhandled row, and the chat's
 * conversation state (Session p8) comes back with it.
 */
const ACCEPT = (p: P, text = "", time = "") => {
  const free = `${p(6)}${text} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${T} o
    WHERE o."chatKey" = ${p(2)} AND o."handledAt" IS NULL AND o."updateId" <> ${p(1)})`;
  return `INSERT INTO ${T} ("updateId", "chatKey", "raw", "receivedAt", "claimedBy", "claimedUntil")
  VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, CASE WHEN ${free} THEN ${p(6)}${text} END, CASE WHEN ${free} THEN ${p(7)}${time} END)
  ON CONFLICT ("updateId") DO UPDATE SET "chatKey" = excluded."chatKey", "raw" = excluded."raw",
  "receivedAt" = excluded."receivedAt", "handledAt" = NULL, "claimedBy" = excluded."claimedBy", "claimedUntil" = excluded."claimedUntil"
  WHERE ${T}."receivedAt" < ${p(5)}
  RETURNING "updateId", "claimedBy", CASE WHEN "claimedBy" IS NOT NULL THEN (SELECT s."value" FROM "Session" s WHERE s."key" = ${p(8)}) END AS "session"`;
};
/** Row by row the claim is conditional too, so two holders racing for one chat cannot both win. */
const CLAIM = (p: P) => `UPDATE ${T} SET "claimedBy" = ${p(1)}, "claimedUntil" = ${p(2)}
  WHERE "chatKey" = ${p(3)} AND "handledAt" IS NULL
  AND ("claimedBy" IS NULL OR "claimedBy" = ${p(1)} OR "claimedUntil" < ${p(4)})
  AND NOT EXISTS (SELECT 1 FROM ${T} o WHERE o."chatKey" = ${p(3)} AND o."handledAt" IS NULL
    AND o."claimedBy" <> ${p(1)} AND o."claimedUntil" >= ${p(4)})
  RETURNING "updateId", "chatKey", "raw", "receivedAt"`;
/**
 * PostgreSQL: the chat's unhandled rows are locked first (FOR UPDATE, oldest first), so the check for
 * another holder's live claim reads their latest state. A plain UPDATE checks it against the snapshot
 * its statement started with: two claimers of one chat could then both win, one of them only the rows
 * the other had not locked (seen in 1-3 of 10 runs of two processes sharing the inbox: a chat's updates handled at once).
 */
const CLAIM_PG = `WITH pending AS (SELECT "updateId", "claimedBy", "claimedUntil" FROM ${T}
    WHERE "chatKey" = $3 AND "handledAt" IS NULL ORDER BY "updateId" FOR UPDATE)
  UPDATE ${T} SET "claimedBy" = $1, "claimedUntil" = $2 FROM pending p
  WHERE ${T}."updateId" = p."updateId" AND NOT EXISTS (SELECT 1 FROM pending o WHERE o."claimedBy" <> $1 AND o."claimedUntil" >= $4)
  RETURNING ${T}."updateId", ${T}."chatKey", ${T}."raw", ${T}."receivedAt"`;
const DONE = (p: P) => `UPDATE ${T} SET "handledAt" = ${p(1)}, "claimedBy" = NULL, "claimedUntil" = NULL WHERE "updateId" = ${p(2)}`;
const RELEASE = (p: P) => `UPDATE ${T} SET "claimedBy" = NULL, "claimedUntil" = NULL
  WHERE "chatKey" = ${p(1)} AND "claimedBy" = ${p(2)} AND "handledAt" IS NULL`;
const RENEW = (p: P) => `UPDATE ${T} SET "claimedUntil" = ${p(1)} WHERE "claimedBy" = ${p(2)} AND "handledAt" IS NULL`;
const WAITING = (p: P) => `SELECT DISTINCT "chatKey" FROM ${T} WHERE "handledAt" IS NULL
  AND ("claimedUntil" IS NULL OR "claimedUntil" < ${p(1)}) LIMIT ${p(2)}`;

/** Oldest first: by arrival, then by id (one getUpdates batch arrives at once). */
function inOrder(rows: Record<string, unknown>[]): InboxRow[] {
  return rows
    .map((r) => ({ updateId: Number(r.updateId), chatKey: String(r.chatKey), raw: String(r.raw), at: String(r.receivedAt) }))
    .sort((a, b) => (a.at === b.at ? a.updateId - b.updateId : a.at < b.at ? -1 : 1))
    .map(({ at: _at, ...row }) => row);
}
/** The person, their roles (not revoked) and their homes, the lists as JSON (`list` aggregates). */
const PERSON = (p: P, list: JsonList) => `SELECT pe."id", pe."telegramId", pe."name",
  pe."username", pe."language", pe."onDuty", pe."phone", pe."blockedAt",
  ${list(`'role', g."role", 'propertyId', g."propertyId", 'skills', g."skills"`, `"RoleGrant" g WHERE g."personId" = pe."id" AND g."revokedAt" IS NULL`, `g."id"`)} AS "roles",
  ${list(`'id', u."id", 'propertyId', u."propertyId", 'propertyName', pr."name", 'building', u."building", 'entrance', u."entrance", 'room', u."room"`,
    `"UnitMember" m JOIN "Unit" u ON u."id" = m."unitId" JOIN "Property" pr ON pr."id" = u."propertyId" WHERE m."personId" = pe."id"`, `u."id"`)} AS "units"
  FROM "Person" pe WHERE pe."telegramId" = ${p(1)}`;
/** A correlated subquery's rows as one JSON array of objects (`columns`: 'name', expression, …), in `order`. */
export type JsonList = (columns: string, from: string, order: string) => string;
export const sqliteList: JsonList = (columns, from, order) =>
  `(SELECT json_group_array(json(x.o)) FROM (SELECT json_object(${columns}) AS o FROM ${from} ORDER BY ${order}) x)`;
export const pgList: JsonList = (columns, from, order) =>
  `(SELECT COALESCE(json_agg(json_build_object(${columns}) ORDER BY ${order}), '[]'::json) FROM ${from})`;

function knownPerson(r: Record<string, unknown> | undefined): KnownPerson | null {
  if (!r) return null;
  const list = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v) as Record<string, unknown>[];
  return {
    id: Number(r.id), telegramId: Number(r.telegramId), name: String(r.name), username: r.username === null ? null : String(r.username),
    language: String(r.language), onDuty: r.onDuty === true || Number(r.onDuty) === 1, phone: r.phone === null ? null : String(r.phone),
    blocked: r.blockedAt !== null && r.blockedAt !== undefined,
    roles: list(r.roles).map((g) => ({ role: String(g.role), propertyId: g.propertyId === null ? null : Number(g.propertyId), skills: String(g.skills ?? "") })),
    units: list(r.units).map((u) => ({ id: Number(u.id), propertyId: Number(u.propertyId), propertyName: String(u.propertyName),
      building: String(u.building), entrance: String(u.entrance), room: String(u.room) })),
  };
}

const READ = (p: (n: number) => string) => `SELECT "value" FROM "Session" WHERE "key" = ${p(1)}`;
const WRITE = (p: (n: number) => string) => `INSERT INTO "Session" ("key", "value") VALUES (${p(1)}, ${p(2)})
  ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value"`;
const DELETE = (p: (n: number) => string) => `DELETE FROM "Session" WHERE "key" = ${p(1)}`;
/** PostgreSQL: a state written (p3, p4) or deleted (p3) in the statement that marks its update handled. */
const DONE_WRITING = (p: P) => `WITH s AS (INSERT INTO "Session" ("key", "value") VALUES (${p(3)}, ${p(4)})
  ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value") ${DONE(p)}`;
const DONE_DELETING = (p: P) => `WITH s AS (DELETE FROM "Session" WHERE "key" = ${p(3)}) ${DONE(p)}`;

/** Dates as Prisma writes them on SQLite (ISO text, +00:00), so both compare as text. */
const sqliteDate = (d: Date) => d.toISOString().replace("Z", "+00:00");

type SqliteStatement = { run: (...a: unknown[]) => unknown; get: (...a: unknown[]) => unknown };
export type SqliteConnection = {
  prepare: (sql: string) => SqliteStatement; pragma: (s: string) => unknown; exec: (sql: string) => void; close: () => void;
  /** better-sqlite3's: `fn` wrapped in BEGIN … COMMIT (ROLLBACK when it throws); `.immediate` takes the write lock first. */
  transaction: <A extends unknown[], T>(fn: (...a: A) => T) => ((...a: A) => T) & { immediate: (...a: A) => T };
};

/** The better-sqlite3 the Prisma adapter ships with (it is not a dependency of ours). */
export const sqliteDriverPath = (): string =>
  createRequire(createRequire(import.meta.url).resolve("@prisma/adapter-better-sqlite3")).resolve("better-sqlite3");

/**
 * A connection of that better-sqlite3, synchronous = NORMAL as Prisma's own (client.ts): the setting
 * is per connection, and at SQLite's default (FULL) every commit waits for an fsync of the WAL, on
 * the event loop's thread. Its commits make no WAL checkpoint: a thread of their own does (checkpoint.ts).
 */
export function openSqlite(file: string, opts: { timeout?: number } = {}): SqliteConnection {
  const Driver = createRequire(import.meta.url)(sqliteDriverPath()) as new (file: string, opts: object) => SqliteConnection;
  const conn = new Driver(file, opts);
  conn.pragma("synchronous = NORMAL");
  conn.pragma("wal_autocheckpoint = 0");
  return conn;
}

/**
 * SQLite: an own connection (the better-sqlite3 the Prisma adapter ships with). `lock` is the
 * mutex every Prisma statement takes, so nothing here runs while a transaction is open, and a
 * short busy timeout turns a lock held elsewhere into an error the caller can wait out
 * asynchronously (a long one would block the event loop).
 */
export function sqliteBookkeeping(file: string, lock: Lock): Bookkeeping {
  const conn = openSqlite(file, { timeout: 200 });
  conn.pragma("journal_mode = WAL");
  const q = () => "?";
  /** Prepared on first use (the tables exist once migrations ran). */
  const prepared = (sql: string) => {
    let stmt: SqliteStatement | undefined;
    return () => (stmt ??= conn.prepare(sql));
  };
  const [read, write, del, person] = [READ(q), WRITE(q), DELETE(q), PERSON(q, sqliteList)].map(prepared) as [
    () => SqliteStatement, () => SqliteStatement, () => SqliteStatement, () => SqliteStatement,
  ];
  const n = (i: number) => `?${i}`; // numbered: a parameter used twice is bound once
  const [accept, claim, done, release, renew, waiting] = [ACCEPT(n), CLAIM(n), DONE(n), RELEASE(n), RENEW(n), WAITING(n)]
    .map(prepared) as (() => SqliteStatement)[] as [
    () => SqliteStatement, () => SqliteStatement, () => SqliteStatement, () => SqliteStatement, () => SqliteStatement,
    () => SqliteStatement,
  ];
  /** better-sqlite3 binds numbered parameters from an object keyed 1, 2, … */
  const args = (a: unknown[]) => Object.fromEntries(a.map((v, i) => [i + 1, v]));
  const all = (stmt: SqliteStatement, ...a: unknown[]) =>
    (stmt as unknown as { all: (x: object) => unknown[] }).all(args(a));
  let count = 0;
  const run = <T>(fn: () => T) => lock.now(() => (count++, fn()));
  const prefetch = prefetched();
  const d = sqliteDate;
  /** The state held for the update, then the update handled, in one transaction. */
  const doneWith = conn.transaction((held: HeldWrite, at: string, id: number) => {
    if (held.value === null) del().run(held.key);
    else write().run(held.key, held.value);
    done().run(args([at, id]));
  });
  const acceptOne = (r: InboxRow, now: Date, claim: AcceptClaim | undefined): Accepted[] => {
    const got = accept().get(args(acceptValues(r, now, claim, d))) as Record<string, unknown> | undefined;
    return got === undefined ? [] : [accepted(r, got, claim, prefetch)];
  };
  const acceptAll = conn.transaction((rows: InboxRow[], now: Date, claim: AcceptClaim | undefined) =>
    rows.flatMap((r) => acceptOne(r, now, claim)));
  const inbox: InboxStore = {
    // (one row: its statement is a transaction of its own)
    accept: (rows, now, claim) => run(() => (rows.length === 1 ? acceptOne(rows[0]!, now, claim) : acceptAll.immediate(rows, now, claim))),
    claim: (chat, holder, until, now) => run(() => inOrder(all(claim(), holder, d(until), chat, d(now)) as Record<string, unknown>[])),
    done: (id, now) => run(() => {
      const held = prefetch.held(id);
      if (!held) done().run(args([d(now), id]));
      else {
        count++; // the state, then the update handled, in one transaction
        doneWith.immediate(held, d(now), id);
      }
      prefetch.done(id); // (only once written: a done that failed is tried again with its state)
    }),
    release: (chat, holder) => run(() => void (prefetch.release(chat), release().run(args([chat, holder])))),
    renew: (holder, until) => run(() => void renew().run(args([d(until), holder]))),
    waiting: (now, limit) => run(() => (all(waiting(), d(now), limit) as { chatKey: string }[]).map((r) => r.chatKey)),
  };
  return {
    inbox,
    person: (telegramId) => run(() => knownPerson(person().get(telegramId) as Record<string, unknown> | undefined)),
    readSession: async (key) => {
      const kept = prefetch.take(key);
      return kept ? kept.value : run(() => (read().get(key) as { value: string } | undefined)?.value);
    },
    writeSession: (key, value) => (prefetch.hold(key, value) ? Promise.resolve() : run(() => void (prefetch.drop(key), write().run(key, value)))),
    deleteSession: (key) => (prefetch.hold(key, null) ? Promise.resolve() : run(() => void (prefetch.drop(key), del().run(key)))),
    statements: () => count,
    close: async () => conn.close(),
  };
}

/** PostgreSQL: named (prepared once per connection) statements on the pool Prisma uses too. */
export function pgBookkeeping(pool: pg.Pool): Bookkeeping {
  const q = (n: number) => `$${n}`;
  let count = 0;
  const prefetch = prefetched();
  const query = async (name: string, text: string, values: unknown[]) => {
    count++;
    return (await pool.query({ name, text, values })).rows as Record<string, unknown>[];
  };
  // timestamp without time zone, as Prisma stores DateTime: the UTC wall time
  const pgDate = (d: Date) => d.toISOString().replace("Z", "");
  const d = pgDate;
  const inbox: InboxStore = {
    accept: async (rows, now, claim) => {
      const sql = ACCEPT(q, "::text", "::timestamp(3)");
      if (rows.length === 1) {
        const r = rows[0]!;
        return (await query("rd_accept", sql, acceptValues(r, now, claim, d))).map((got) => accepted(r, got, claim, prefetch));
      }
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const fresh: Accepted[] = [];
        for (const r of rows) {
          count++;
          const res = await client.query({ name: "rd_accept", text: sql, values: acceptValues(r, now, claim, d) });
          if (res.rows.length > 0) fresh.push(accepted(r, res.rows[0] as Record<string, unknown>, claim, prefetch));
        }
        await client.query("COMMIT");
        return fresh;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    claim: async (chat, holder, until, now) => inOrder(await query("rd_inbox_claim", CLAIM_PG, [holder, d(until), chat, d(now)])),
    done: async (id, now) => {
      const held = prefetch.held(id);
      // the state held for the update and the update handled in one statement
      if (!held) await query("rd_inbox_done", DONE(q), [d(now), id]);
      else if (held.value === null) await query("rd_inbox_done_delete", DONE_DELETING(q), [d(now), id, held.key]);
      else await query("rd_inbox_done_write", DONE_WRITING(q), [d(now), id, held.key, held.value]);
      prefetch.done(id); // (only once written: a done that failed is tried again with its state)
    },
    release: async (chat, holder) => void (prefetch.release(chat), await query("rd_inbox_release", RELEASE(q), [chat, holder])),
    renew: async (holder, until) => void (await query("rd_inbox_renew", RENEW(q), [d(until), holder])),
    waiting: async (now, limit) => (await query("rd_inbox_waiting", WAITING(q), [d(now), limit])).map((r) => String(r.chatKey)),
  };
  return {
    inbox,
    person: async (telegramId) => knownPerson((await query("rd_person", PERSON(q, pgList), [telegramId]))[0]),
    readSession: async (key) => {
      const kept = prefetch.take(key);
      return kept ? kept.value : (await query("rd_read", READ(q), [key]))[0]?.value as string | undefined;
    },
    writeSession: async (key, value) => void (prefetch.hold(key, value) || (prefetch.drop(key), await query("rd_write", WRITE(q), [key, value]))),
    deleteSession: async (key) => void (prefetch.hold(key, null) || (prefetch.drop(key), await query("rd_delete", DELETE(q), [key]))),
    statements: () => count,
    close: async () => undefined, // the pool is closed with the database
  };
}

const windowStart = (now: Date) => new Date(now.getTime() - UPDATE_WINDOW_MS);

/** ACCEPT's parameters for one row. */
function acceptValues(r: InboxRow, now: Date, c: AcceptClaim | undefined, d: (x: Date) => string): unknown[] {
  return [r.updateId, r.chatKey, r.raw, d(now), d(windowStart(now)), c?.holder ?? null, c ? d(c.until) : null,
    c ? c.sessionKey(r.chatKey) : null];
}

/** What ACCEPT returned for a row; a claimed row's conversation state is kept for its handling. */
function accepted(r: InboxRow, got: Record<string, unknown>, claim: AcceptClaim | undefined, prefetch: Prefetched): Accepted {
  const claimed = claim !== undefined && got.claimedBy === claim.holder;
  if (claimed) prefetch.keep(r.updateId, r.chatKey, claim.sessionKey(r.chatKey), got.session === null || got.session === undefined ? undefined : String(got.session));
  return { updateId: r.updateId, claimed };
}

/**
 * Conversation states read by ACCEPT with a claim: each is served once, to the next read of its key
 * (the claimed update's handling), and dropped by a write of that key or once the update is handled.
 * Nobody else writes a chat's state while its update is claimed, so what was read is what is there.
 *
 * The claimed update's own write of that state is held here and made with the update marked handled
 * (`done`): one statement on PostgreSQL, one transaction on SQLite. The state moves on exactly when
 * the update counts as handled; an update given back unhandled (`release`: the database went away in
 * the middle) leaves the state as it was, and is handled again from it.
 */
type Prefetched = ReturnType<typeof prefetched>;
/** A state write held for its update: the value, or null for a delete. */
export type HeldWrite = { key: string; value: string | null };
function prefetched() {
  const byKey = new Map<string, string | undefined>();
  const byUpdate = new Map<number, { chat: string; key: string; held?: HeldWrite }>();
  /** key → the update in hand that owns it */
  const owner = new Map<string, number>();
  return {
    keep(updateId: number, chat: string, key: string, value: string | undefined) {
      byKey.set(key, value);
      byUpdate.set(updateId, { chat, key });
      owner.set(key, updateId);
    },
    take(key: string): { value: string | undefined } | undefined {
      const id = owner.get(key);
      const held = id === undefined ? undefined : byUpdate.get(id)?.held;
      if (held) return { value: held.value ?? undefined };
      if (!byKey.has(key)) return undefined;
      const value = byKey.get(key);
      byKey.delete(key);
      return { value };
    },
    drop: (key: string) => void byKey.delete(key),
    /** Holds a write of a key an update in hand owns (true), else it is for the caller to make now. */
    hold(key: string, value: string | null): boolean {
      const id = owner.get(key);
      const kept = id === undefined ? undefined : byUpdate.get(id);
      if (!kept) return false;
      kept.held = { key, value };
      byKey.delete(key);
      return true;
    },
    /** The write held for an update, to be made with it marked handled. */
    held: (updateId: number): HeldWrite | undefined => byUpdate.get(updateId)?.held,
    /** Forgets the update (handled, or given back). */
    done(updateId: number) {
      const kept = byUpdate.get(updateId);
      if (kept === undefined) return;
      byUpdate.delete(updateId);
      byKey.delete(kept.key);
      if (owner.get(kept.key) === updateId) owner.delete(kept.key);
    },
    /** A chat given back unhandled: whoever handles it reads its state afresh (a held write is dropped). */
    release(chat: string) {
      for (const [id, kept] of byUpdate) if (kept.chat === chat) this.done(id);
    },
  };
}

/** Forgets updates handled before `before` (a scheduled prune); returns how many. */
export async function pruneInbox(database: Database, before: Date): Promise<number> {
  return (await database.db.inboundUpdate.deleteMany({ where: { handledAt: { lt: before } } })).count;
}
