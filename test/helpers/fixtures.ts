// Rows a test starts from, written straight to the database (setup, not the code under test).
import type { Db } from "../../src/db/client.ts";
import type { Result } from "../../src/domain/types.ts";

export const T0 = new Date("2026-11-23T02:00:00Z"); // Monday 10:00 in Asia/Shanghai

let seq = 1000;
export const nextTelegramId = () => 7_000_000_000 + ++seq; // above 2^32: needs BigInt columns

export async function makeProperty(db: Db, code = "BX") {
  return db.property.create({ data: { code, name: `${code} Garden`, timezone: "Asia/Shanghai" } });
}

export async function makeUnit(db: Db, propertyId: number, label = "1-2-301") {
  const [building, entrance, room] = label.split("-") as [string, string, string];
  return db.unit.create({ data: { propertyId, building, entrance, room } });
}

export async function makePerson(db: Db, name: string, opts: { language?: string; telegramId?: number } = {}) {
  return db.person.create({ data: { name, telegramId: BigInt(opts.telegramId ?? nextTelegramId()), language: opts.language ?? "zh-CN" } });
}

export async function makeOwner(db: Db, unitId: number, name = "Owner", language = "zh-CN") {
  const p = await makePerson(db, name, { language });
  await db.unitMember.create({ data: { personId: p.id, unitId } });
  return p;
}

export async function makeStaff(db: Db, propertyId: number, role: string, name: string, skills = "", language = "zh-CN") {
  const p = await makePerson(db, name, { language });
  await db.roleGrant.create({ data: { personId: p.id, role, propertyId, skills } });
  return p;
}

/** A property with one unit, an owner, and `techs` technicians on duty (no skills = any job). */
export async function makeSite(db: Db, techs = 2) {
  const property = await makeProperty(db);
  const unit = await makeUnit(db, property.id);
  const owner = await makeOwner(db, unit.id, "王阿姨");
  const technicians = [];
  for (let i = 0; i < techs; i++) technicians.push(await makeStaff(db, property.id, "technician", `师傅${i + 1}`));
  return { property, unit, owner, technicians };
}

export const report = (reporterId: number, unitId: number, over: Record<string, unknown> = {}) => ({
  reporterId, unitId, category: "water", description: "厨房水龙头一直滴水", emergency: false,
  access: "home", preferredTime: "asap", phone: "13800138000", photos: [] as string[], ...over,
});

/** The value of a domain result that must have succeeded (the test fails with its error code otherwise). */
export const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error}`);
  return r.value;
};
