// The demo property of the sandbox, built through the domain functions an admin's commands use:
// a property with homes, an owner bound to one, staff joined by invite, and a small price list.
import type { Database } from "../db/client.ts";
import { createOwnerCode, createStaffInvite, redeemInvite } from "../domain/invites.ts";
import { importPrices } from "../domain/paid/prices.ts";
import { ensurePerson, setPhone } from "../domain/people.ts";
import { addUnit, createProperty, updatePropertySetting } from "../domain/properties.ts";
import { linkGroup } from "../domain/tickets/group-link.ts";
import type { Category, Result } from "../domain/types.ts";

/** The people on the page's phones (Telegram ids are the sandbox's own, far from real ones). */
export const PHONES = [
  { key: "owner", telegramId: 9_100_001, name: "王阿姨", phone: "", title: "业主 · 王阿姨" },
  { key: "technician", telegramId: 9_100_002, name: "李师傅", phone: "13900001111", title: "维修师傅 · 李师傅" },
  { key: "desk", telegramId: 9_100_003, name: "陈前台", phone: "13900002222", title: "客服前台 · 陈前台" },
  { key: "supervisor", telegramId: 9_100_004, name: "赵主管", phone: "13900003333", title: "主管 · 赵主管" },
  { key: "admin", telegramId: 9_100_000, name: "孙经理", phone: "", title: "管理员 · 孙经理" },
] as const;
const ADMIN = PHONES.find((p) => p.key === "admin")!;
export const DEMO_PROPERTY = { code: "DEMO", name: "碧溪花园（演示）", timezone: "Asia/Shanghai" };
/** The technicians' group (a supergroup) linked as the dispatch board, shown as a panel on the page. */
export const TEAM_GROUP = {
  id: -1_009_100_000_001, title: "碧溪花园维修群", members: ["technician", "supervisor", "desk", "admin"],
} as const;
export const DEMO_UNITS = ["3-1-502", "3-1-601", "5-2-1101"];
const TECH_SKILLS: Category[] = [
  "water", "electricity", "lighting", "doors_locks", "appliances", "public_facilities", "other",
];
/** A small price list (code, name, unit, price in yuan, kind, English name), as a supervisor would load it. */
const PRICES = [
  "W01,更换水龙头阀芯,个,35,材料,Tap cartridge replaced",
  "W02,疏通下水道,次,80,人工,Drain cleared",
  "E01,更换插座,个,25,材料,Socket replaced",
  "L01,上门服务费,次,20,人工,Call-out fee",
].join("\n");

const skills = (role: string) => (role === "technician" ? TECH_SKILLS : []);
const value = <T>(r: Result<T>, what: string): T => {
  if (!r.ok) throw new Error(`sandbox seed: ${what} failed (${r.error})`);
  return r.value;
};

/** Seeds an empty database; returns the property id. */
export async function seedDemo(database: Database, now: Date): Promise<number> {
  const { db } = database;
  const admins = [ADMIN.telegramId];
  const admin = (await ensurePerson(db, { telegramId: ADMIN.telegramId, name: ADMIN.name }, admins, now)).person;
  const property = value(await createProperty(db, admin.id, { ...DEMO_PROPERTY }, now), "property");
  const units = [];
  for (const label of DEMO_UNITS) {
    units.push(value(await addUnit(db, admin.id, property.id, label, now), `unit ${label}`));
  }
  for (const p of PHONES.filter((x) => x !== ADMIN)) {
    const { person } = await ensurePerson(db, { telegramId: p.telegramId, name: p.name, language: "zh-CN" }, [], now);
    const issued = p.key === "owner"
      ? value(await createOwnerCode(db, admin.id, units[0]!.id, now), "owner code")
      : value(await createStaffInvite(db, admin.id, property.id, p.key, skills(p.key), now), p.key);
    value(await redeemInvite(database, person.id, issued.code, now), `join ${p.key}`);
    if (p.phone) value(await setPhone(db, person.id, p.phone, now), "phone");
  }
  // the team group is the board; the private offers go out too, so the technician's phone rings as well
  const team = { id: TEAM_GROUP.id, title: TEAM_GROUP.title };
  value(await linkGroup(db, admin.id, property.code, team, now), "team group");
  value(await updatePropertySetting(db, admin.id, property.id, "groupAlsoPrivate", "on", now), "group also private");
  const prices = value(await importPrices(database, admin.id, property.id, PRICES, now), "price list");
  if (prices.problems.length > 0) throw new Error(`sandbox seed: price list line ${prices.problems[0]!.line} refused`);
  return property.id;
}
