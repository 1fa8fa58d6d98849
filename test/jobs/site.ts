// Shared setup of the job tests: a property with owner, technicians, supervisor, desk and control
// room; tickets brought to a state through the real domain functions.
import { createDatabase, type Database } from "../../src/db/client.ts";
import { reportFault } from "../../src/domain/tickets/report.ts";
import { acceptJob } from "../../src/domain/tickets/dispatch.ts";
import { markDone } from "../../src/domain/tickets/work.ts";
import { addMinutes } from "../../src/domain/time.ts";
import type { TestDatabase } from "../helpers/db.ts";
import { TEST_DB } from "../helpers/db-settings.ts";
import { makeOwner, makeSite, makeStaff, makeUnit, report, value } from "../helpers/fixtures.ts";

export { T0, value } from "../helpers/fixtures.ts";
export const min = addMinutes;
/** A local time in Asia/Shanghai. */
export const sh = (local: string) => new Date(`${local}+08:00`);


export async function makeDesk(d: TestDatabase, techs = 2) {
  const s = await makeSite(d.db, techs);
  const supervisor = await makeStaff(d.db, s.property.id, "supervisor", "赵主管");
  const desk = await makeStaff(d.db, s.property.id, "desk", "钱客服");
  const control = await makeStaff(d.db, s.property.id, "control_room", "孙中控");
  return { ...s, supervisor, desk, control };
}
export type Desk = Awaited<ReturnType<typeof makeDesk>>;

/** Reports a fault at `at`; returns the ticket id. */
export async function reported(d: Database, s: Desk, at: Date, over: Record<string, unknown> = {}) {
  return value(await reportFault(d, report(s.owner.id, s.unit.id, over), at)).ticketId;
}

/** A ticket reported, accepted and completed by the first technician, all at `at`. */
export async function completed(d: Database, s: Desk, at: Date, over: Record<string, unknown> = {}) {
  const id = await reported(d, s, at, over);
  value(await acceptJob(d, s.technicians[0]!.id, id, at));
  value(await markDone(d, s.technicians[0]!.id, id, { note: "换了阀芯" }, at));
  return id;
}

/** Outbox rows with a key (optionally for one person). */
export async function sent(d: Database, key: string, personId?: number) {
  return d.db.outbox.findMany({ where: { key, ...(personId ? { personId } : {}) }, orderBy: { id: "asc" } });
}
export const count = async (d: Database, key: string, personId?: number) => (await sent(d, key, personId)).length;

/**
 * A second scheduler: on PostgreSQL its own connection pool (another process would have one);
 * on SQLite the same handle, since one process must not hold two writers on one file.
 */
export async function secondScheduler(d: TestDatabase): Promise<{ database: Database; close: () => Promise<void> }> {
  if (TEST_DB !== "postgresql") return { database: d, close: async () => undefined };
  const other = await createDatabase(d.url);
  return { database: other, close: () => other.close() };
}

/** Records log lines instead of printing them. */
export function captureLog() {
  const lines: { level: string; msg: string; extra?: object }[] = [];
  const at = (level: string) => (msg: string, extra?: object) => void lines.push({ level, msg, extra });
  return { lines, log: { info: at("info"), warn: at("warn"), error: at("error") } };
}

/**
 * A second property served by the same technician, whose time zone is then broken: every job
 * touching it throws (a poisoned item). Returns a Desk-like site for it; `heal` repairs it.
 */
export async function poisonedSite(d: TestDatabase, s: Desk) {
  const property = await d.db.property.create({ data: { code: "ZZ", name: "ZZ Court", timezone: "Asia/Shanghai" } });
  const unit = await makeUnit(d.db, property.id);
  const owner = await makeOwner(d.db, unit.id, "李先生");
  await d.db.roleGrant.create({ data: { personId: s.technicians[0]!.id, role: "technician", propertyId: property.id } });
  await d.db.roleGrant.create({ data: { personId: s.supervisor.id, role: "supervisor", propertyId: property.id } });
  const site: Desk = { ...s, property, unit, owner };
  return {
    site,
    poison: () => d.db.property.update({ where: { id: property.id }, data: { timezone: "Mars/Olympus_Mons" } }),
    heal: () => d.db.property.update({ where: { id: property.id }, data: { timezone: null } }),
  };
}
