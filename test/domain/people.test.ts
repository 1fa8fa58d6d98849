// People, roles, properties, units and invites against a real database.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensurePerson, listPeople, revokeRole, setDuty, setLanguage } from "../../src/domain/people.ts";
import { createPersonCache, SENDER_UNITS } from "../../src/domain/person-cache.ts";
import { createOwnerCode, createStaffInvite, redeemInvite } from "../../src/domain/invites.ts";
import { addUnit, createProperty, findUnit, importUnits, listUnits, parseUnitLabel, parseUnitsCsv, propertySettings, updatePropertySetting } from "../../src/domain/properties.ts";
import { acceptJob } from "../../src/domain/tickets/dispatch.ts";
import { reportFault } from "../../src/domain/tickets/report.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { T0, makeOwner, makePerson, makeProperty, makeSite, makeStaff, makeUnit, nextTelegramId, report, value } from "../helpers/fixtures.ts";

let d: TestDatabase;
beforeEach(async () => { d = await testDatabase(); });
afterEach(async () => { await d.drop(); });

const DAY = 86_400_000;

async function admin() {
  const telegramId = nextTelegramId();
  return (await ensurePerson(d.db, { telegramId, name: "Admin" }, [telegramId], T0)).person;
}

describe("people", () => {
  it("the sender read in one statement is the person ensurePerson makes: roles, skills, homes, phone, duty", async () => {
    const property = await makeProperty(d.db);
    const tech = await makeStaff(d.db, property.id, "technician", "李师傅", "water,electricity");
    await d.db.roleGrant.create({ data: { personId: tech.id, role: "desk", propertyId: property.id } });
    await d.db.roleGrant.create({ data: { personId: tech.id, role: "supervisor", propertyId: property.id, revokedAt: T0 } });
    const [b, a] = [await makeUnit(d.db, property.id, "3-1-502"), await makeUnit(d.db, property.id, "1-1-101")];
    for (const u of [b, a]) await d.db.unitMember.create({ data: { personId: tech.id, unitId: u.id } });
    await d.db.person.update({ where: { id: tech.id }, data: { phone: "13800138000", onDuty: false, language: "en" } });
    const u = { telegramId: Number(tech.telegramId), name: "李师傅" };
    const cache = createPersonCache(d, []);
    const fast = await cache.get(u, T0);
    const slow = (await ensurePerson(d.db, u, [], T0)).person;
    expect(fast).toEqual(slow);
    expect(fast.roles.map((r) => [r.role, r.skills])).toEqual([["technician", ["water", "electricity"]], ["desk", []]]);
    // the homes came with it: kept for /repair, as listUnits reads them
    const homes = await cache.remember(u.telegramId, SENDER_UNITS, async () => { throw new Error("read again"); }, T0);
    expect(homes).toEqual(await listUnits(d.db, tech.id));
    // a new name, a blocked person, an admin id: ensurePerson's way (the name is written)
    const renamed = await createPersonCache(d, []).get({ ...u, name: "李大师傅" }, T0);
    expect(renamed.name).toBe("李大师傅");
    expect((await d.db.person.findUniqueOrThrow({ where: { id: tech.id } })).name).toBe("李大师傅");
    const asAdmin = await createPersonCache(d, [u.telegramId]).get({ ...u, name: "李大师傅" }, T0);
    expect(asAdmin.roles.map((r) => r.role)).toContain("admin");
  });

  it("creates a person on first contact, once, and makes configured ids admin only the first time", async () => {
    const tg = nextTelegramId();
    const first = await ensurePerson(d.db, { telegramId: tg, name: "Ada", username: "ada" }, [tg], T0);
    expect(first.created).toBe(true);
    expect(first.person.roles.map((r) => r.role)).toEqual(["admin"]);
    const again = await ensurePerson(d.db, { telegramId: tg, name: "Ada L", username: "ada" }, [tg], T0);
    expect(again.created).toBe(false);
    expect(again.person.name).toBe("Ada L");
    expect(await d.db.person.count()).toBe(1);
    expect(await d.db.roleGrant.count()).toBe(1);

    // A revoked env admin stays revoked (a second admin revoked it).
    const other = await admin();
    value(await revokeRole(d, other.id, first.person.id, "admin", T0));
    const later = await ensurePerson(d.db, { telegramId: tg, name: "Ada L" }, [tg], T0);
    expect(later.person.roles).toEqual([]);
    expect(await d.db.event.count({ where: { action: "role-revoked" } })).toBe(1);
  });

  it("clears 'unreachable' when a blocked person writes again", async () => {
    const p = await makePerson(d.db, "Wang");
    await d.db.person.update({ where: { id: p.id }, data: { blockedAt: T0 } });
    await ensurePerson(d.db, { telegramId: Number(p.telegramId), name: "Wang" }, [], T0);
    expect((await d.db.person.findUniqueOrThrow({ where: { id: p.id } })).blockedAt).toBeNull();
  });

  it("lets only technicians set duty, and logs language and duty changes", async () => {
    const prop = await makeProperty(d.db);
    const tech = await makeStaff(d.db, prop.id, "technician", "Li");
    const owner = await makePerson(d.db, "Wang");
    expect(await setDuty(d.db, owner.id, false, T0)).toEqual({ ok: false, error: "FORBIDDEN" });
    value(await setDuty(d.db, tech.id, false, T0));
    expect((await d.db.person.findUniqueOrThrow({ where: { id: tech.id } })).onDuty).toBe(false);
    value(await setLanguage(d.db, owner.id, "en", T0));
    const actions = (await d.db.event.findMany({ orderBy: { id: "asc" } })).map((e) => [e.actorId, e.action]);
    expect(actions).toEqual([[tech.id, "duty-off"], [owner.id, "language-set"]]);
  });

  it("lets only admins revoke, never their own admin role, and withdraws a revoked technician's offers", async () => {
    const s = await makeSite(d.db, 1);
    const tech = s.technicians[0]!;
    const boss = await admin();
    const { ticketId } = value(await reportFault(d, report(s.owner.id, s.unit.id), T0));
    expect(await revokeRole(d, tech.id, boss.id, "admin", T0)).toEqual({ ok: false, error: "FORBIDDEN" });
    expect(await revokeRole(d, boss.id, boss.id, "admin", T0)).toEqual({ ok: false, error: "FORBIDDEN" });
    expect(await revokeRole(d, boss.id, tech.id, "wizard", T0)).toEqual({ ok: false, error: "INVALID_INPUT" });
    expect(value(await revokeRole(d, boss.id, tech.id, "technician", T0))).toEqual({ revoked: 1, jobs: 0, offers: 1 });
    expect(await revokeRole(d, boss.id, tech.id, "technician", T0)).toEqual({ ok: false, error: "NOT_FOUND" });
    expect((await acceptJob(d, tech.id, ticketId, T0)).ok).toBe(false);
    const people = await listPeople(d.db, s.property.id);
    expect(people.find((p) => p.id === tech.id)).toBeUndefined();
    expect(people.find((p) => p.id === s.owner.id)?.units).toEqual(["BX 1-2-301"]);
  });
});

describe("properties and units", () => {
  it("creates properties and units only for admins, refusing duplicates and bad codes", async () => {
    const boss = await admin();
    const stranger = await makePerson(d.db, "X");
    expect(await createProperty(d.db, stranger.id, { code: "BX", name: "Bixi" }, T0)).toEqual({ ok: false, error: "FORBIDDEN" });
    expect(await createProperty(d.db, boss.id, { code: "b", name: "Bixi" }, T0)).toEqual({ ok: false, error: "INVALID_INPUT" });
    expect(await createProperty(d.db, boss.id, { code: "BX", name: "Bixi", timezone: "Mars/Base" }, T0)).toEqual({ ok: false, error: "INVALID_INPUT" });
    const p = value(await createProperty(d.db, boss.id, { code: "bx", name: "碧溪花园" }, T0));
    expect(p.code).toBe("BX");
    expect(await createProperty(d.db, boss.id, { code: "BX", name: "Again" }, T0)).toEqual({ ok: false, error: "DUPLICATE" });
    expect(value(await addUnit(d.db, boss.id, p.id, "3/1/502", T0)).label).toBe("3-1-502");
    expect(await addUnit(d.db, boss.id, p.id, "3-1-502", T0)).toEqual({ ok: false, error: "DUPLICATE" });
    expect(await addUnit(d.db, boss.id, p.id, "3-1", T0)).toEqual({ ok: false, error: "INVALID_INPUT" });
    expect((await findUnit(d.db, p.id, "3 1 502"))?.room).toBe("502");
    expect(await d.db.event.count({ where: { action: { in: ["property-created", "unit-added"] } } })).toBe(2);
  });

  it("parses unit labels and CSV with a BOM, a header, Chinese commas and bad lines", () => {
    expect(parseUnitLabel("A座-2-1201")).toEqual({ building: "A座", entrance: "2", room: "1201" });
    expect(parseUnitLabel("1-2-3-4")).toBeUndefined();
    const { units, problems } = parseUnitsCsv("\uFEFF楼栋,单元,房号\r\n1,1,101\n1，1，102\n\n2,1\n2,1,2;01\n\"3\",\"1\",\"301\"\n");
    expect(units.map((u) => `${u.building}-${u.entrance}-${u.room}@${u.line}`)).toEqual(["1-1-101@2", "1-1-102@3", "3-1-301@7"]);
    expect(problems).toEqual([{ line: 5, text: "2,1", reason: "columns" }, { line: 6, text: "2,1,2;01", reason: "columns" }]);
    expect(parseUnitsCsv("1,1,101\n").units).toHaveLength(1); // a first line of numbers is data, not a header
  });

  it("imports units in one go, counting the ones already there", async () => {
    const boss = await admin();
    const p = await makeProperty(d.db);
    await makeUnit(d.db, p.id, "1-1-101");
    const csv = ["building,unit,room", ...Array.from({ length: 1200 }, (_, i) => `${1 + Math.floor(i / 100)},1,${101 + (i % 100)}`), "bad line"].join("\n");
    const r = value(await importUnits(d, boss.id, p.id, csv, T0));
    expect(r).toEqual({ added: 1199, existing: 1, problems: [{ line: 1202, text: "bad line", reason: "columns" }] });
    expect(await d.db.unit.count({ where: { propertyId: p.id } })).toBe(1200);
    const again = value(await importUnits(d, boss.id, p.id, csv, T0));
    expect([again.added, again.existing]).toEqual([0, 1200]);
    expect(await importUnits(d, (await makePerson(d.db, "X")).id, p.id, csv, T0)).toEqual({ ok: false, error: "FORBIDDEN" });
  });
  it("lets admins change a property's time limits within the service standard, rescheduling the close-out", async () => {
    const boss = await admin();
    const p = await makeProperty(d.db);
    await d.db.property.update({ where: { id: p.id }, data: { nextCloseOutDueAt: T0 } });
    const set = (key: string, v: string, who = boss.id) => updatePropertySetting(d.db, who, p.id, key, v, T0);
    expect(value(await set("callbackDelayMin", "90"))).toEqual({ key: "callbackDelayMin", value: "90", old: "120" });
    expect((await d.db.property.findUniqueOrThrow({ where: { id: p.id } })).nextCloseOutDueAt).toEqual(T0); // untouched
    expect(await set("dispatchTimeoutMin", "10")).toEqual({ ok: false, error: "INVALID_INPUT" }); // DOMAIN: dispatch in 5 min
    expect(await set("emergencyDispatchMin", "5")).toEqual({ ok: true, value: { key: "emergencyDispatchMin", value: "5", old: "2" } });
    expect(await set("dispatchTimeoutMin", "3")).toEqual({ ok: false, error: "INVALID_INPUT" }); // emergency would be slower
    expect(await set("phoneCallbackAfterMin", "2000")).toEqual({ ok: false, error: "INVALID_INPUT" }); // callback within 24 h
    expect(await set("closeOutAt", "25:00")).toEqual({ ok: false, error: "INVALID_INPUT" });
    expect(await set("holidays", "2026-10-01,2026-13-45")).toEqual({ ok: false, error: "INVALID_INPUT" });
    expect(await set("colour", "red")).toEqual({ ok: false, error: "INVALID_INPUT" });
    expect(await set("closeOutAt", "18:00", (await makePerson(d.db, "X")).id)).toEqual({ ok: false, error: "FORBIDDEN" });
    value(await set("holidays", "2026-10-01 2026-10-02"));
    value(await set("closeOutAt", "18:00"));
    const row = await d.db.property.findUniqueOrThrow({ where: { id: p.id } });
    // the close-out moves to 18:00 of the day it was due (the default close-out is 17:30)
    const moved = new Date(T0.getTime() + 30 * 60_000);
    expect([row.closeOutAt, row.holidays, row.nextCloseOutDueAt]).toEqual(["18:00", "2026-10-01,2026-10-02", moved]);
    expect((await propertySettings(d.db, p.id))?.callbackDelayMin).toBe("90");
    expect(await d.db.event.count({ where: { action: "property-setting-changed" } })).toBe(4);
  });
});

describe("invites", () => {
  it("binds an owner to a unit with a one-time code; a used, expired or unknown code does nothing", async () => {
    const boss = await admin();
    const p = await makeProperty(d.db);
    const unit = await makeUnit(d.db, p.id, "3-1-502");
    const issued = value(await createOwnerCode(d.db, boss.id, unit.id, T0));
    expect(issued.code).toMatch(/^H[A-Z2-9]{8}$/);
    expect(issued.expiresAt).toEqual(new Date(T0.getTime() + 30 * DAY));
    const owner = await makePerson(d.db, "Wang");
    const other = await makePerson(d.db, "Zhao");
    expect(value(await redeemInvite(d, owner.id, ` ${issued.code.toLowerCase()} `, T0))).toEqual({ kind: "owner", unitLabel: "3-1-502", propertyName: "BX Garden" });
    expect(await redeemInvite(d, other.id, issued.code, T0)).toEqual({ ok: false, error: "INVITE_INVALID" });
    expect(await redeemInvite(d, other.id, "NOPE-CODE", T0)).toEqual({ ok: false, error: "INVITE_INVALID" });
    const late = value(await createOwnerCode(d.db, boss.id, unit.id, T0));
    expect(await redeemInvite(d, other.id, late.code, new Date(T0.getTime() + 31 * DAY))).toEqual({ ok: false, error: "INVITE_INVALID" });
    expect((await listUnits(d.db, owner.id)).map((u) => u.label)).toEqual(["3-1-502"]);
    expect(await listUnits(d.db, other.id)).toEqual([]);
    expect(await d.db.event.count({ where: { action: "invite-redeemed", actorId: owner.id } })).toBe(1);
  });

  it("lets desk staff issue owner codes but only admins issue staff invites, with valid roles and skills", async () => {
    const boss = await admin();
    const p = await makeProperty(d.db);
    const unit = await makeUnit(d.db, p.id);
    const desk = await makeStaff(d.db, p.id, "desk", "Desk");
    const owner = await makeOwner(d.db, unit.id);
    expect((await createOwnerCode(d.db, desk.id, unit.id, T0)).ok).toBe(true);
    expect(await createOwnerCode(d.db, owner.id, unit.id, T0)).toEqual({ ok: false, error: "FORBIDDEN" });
    expect(await createStaffInvite(d.db, desk.id, p.id, "technician", [], T0)).toEqual({ ok: false, error: "FORBIDDEN" });
    expect(await createStaffInvite(d.db, boss.id, p.id, "admin", [], T0)).toEqual({ ok: false, error: "INVALID_INPUT" });
    expect(await createStaffInvite(d.db, boss.id, p.id, "technician", ["plumbing"], T0)).toEqual({ ok: false, error: "INVALID_INPUT" });
    const inv = value(await createStaffInvite(d.db, boss.id, p.id, "technician", ["water", "gas"], T0));
    const tech = await makePerson(d.db, "Li");
    expect(value(await redeemInvite(d, tech.id, inv.code, T0))).toEqual({ kind: "staff", role: "technician", propertyName: "BX Garden", skills: ["water", "gas"] });
    const grant = await d.db.roleGrant.findFirstOrThrow({ where: { personId: tech.id } });
    expect([grant.role, grant.propertyId, grant.skills, grant.grantedById]).toEqual(["technician", p.id, "water,gas", boss.id]);
  });

  it("gives a code to exactly one of many people redeeming it at once", async () => {
    const boss = await admin();
    const p = await makeProperty(d.db);
    const inv = value(await createStaffInvite(d.db, boss.id, p.id, "technician", [], T0));
    const people = await Promise.all(Array.from({ length: 12 }, (_, i) => makePerson(d.db, `T${i}`)));
    const results = await Promise.all(people.map((x) => redeemInvite(d, x.id, inv.code, T0)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await d.db.roleGrant.count({ where: { role: "technician" } })).toBe(1);
  });
});
