// The jobs' sweep path (src/db/sweep.ts) reads what Prisma reads and writes what Prisma would:
// compared with Prisma on the same rows, on both databases.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readsOf } from "../../src/db/client.ts";
import { reportFault } from "../../src/domain/tickets/report.ts";
import { addMinutes } from "../../src/domain/time.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { T0, makeSite, value } from "../helpers/fixtures.ts";

let d: TestDatabase;
beforeEach(async () => {
  d = await testDatabase();
});
afterEach(async () => {
  await d.drop();
});

async function fileTwo() {
  const site = await makeSite(d.db, 2);
  const input = {
    reporterId: site.owner.id, unitId: site.unit.id, category: "water", description: "厨房水龙头一直滴水", emergency: false,
    access: "home", preferredTime: "asap", phone: "13800138000", photos: ["photo-1", "photo-2"],
  };
  const a = value(await reportFault(d, input, T0));
  const b = value(await reportFault(d, { ...input, description: "卫生间漏水", photos: [] }, addMinutes(T0, 1)));
  return { site, ids: [a.ticketId, b.ticketId] };
}

describe("sweep", () => {
  it("reads rows and their relations as Prisma returns them (dates, booleans, BigInt, nulls, lists)", async () => {
    const { ids } = await fileTwo();
    await d.db.ticket.update({ where: { id: ids[0]! }, data: { emergency: true } });
    const args = {
      where: { id: { in: ids }, dispatchDueAt: { lte: addMinutes(T0, 60) }, assigneeId: null },
      orderBy: [{ reportedAt: "desc" as const }, { id: "asc" as const }], take: 5,
      include: { property: true, unit: true, reporter: true, assignee: true, photos: true },
    };
    const prisma = await d.db.ticket.findMany(args);
    const swept = await d.sweep.findMany("ticket", args);
    expect(prisma).toHaveLength(2);
    expect(swept).toEqual(prisma);
    expect(typeof swept[0]!.reporter.telegramId).toBe("bigint");
    expect(swept[1]!.photos.map((p) => p.fileId)).toEqual(["photo-1", "photo-2"]);
  });

  it("counts per value as Prisma's groupBy", async () => {
    const { site } = await fileTwo();
    const where = { propertyId: { in: [site.property.id] }, OR: [{ emergency: true }, { reportedAt: { gte: T0 } }] };
    const swept = await d.sweep.groupBy("ticket", { by: "propertyId", where });
    expect(swept).toEqual(await readsOf(d.db).groupBy("ticket", { by: "propertyId", where }));
    expect(swept).toEqual([{ key: site.property.id, count: 2, sum: 0 }]);
  });

  it("claims once, and writes messages to reachable people, events and woken job cards in the claim's transaction", async () => {
    const { site, ids } = await fileTwo();
    const [tech, blocked] = [site.technicians[0]!, site.technicians[1]!];
    await d.db.person.update({ where: { id: blocked.id }, data: { blockedAt: T0 } });
    await d.db.jobCard.create({ data: { ticketId: ids[0]!, personId: tech.id, ref: "card:1", shown: "x", createdAt: T0 } });
    const before = await d.db.ticket.findUniqueOrThrow({ where: { id: ids[0]! } });
    const claim = { model: "ticket", where: { OR: [{ id: ids[0]!, dispatchLevel: 0, dispatchDueAt: before.dispatchDueAt, status: "open" }] }, data: { dispatchLevel: 1 } };
    const at = addMinutes(T0, 5);
    const writes = (won: Set<number>) => ({
      messages: [...won].flatMap((id) => [tech.id, blocked.id].map((personId) => ({
        personId, kind: "send", key: "dispatch-overdue", params: JSON.stringify({ id }), buttons: "[]", photos: "[]", ref: `t:${id}`, at,
      }))),
      events: [...won].map((id) => ({ ticketId: id, complaintId: null, actorId: null, action: "arrival-overdue", data: "{}", at })),
      wake: [{ ticketIds: [...won], at }],
    });
    expect([...await d.sweep.commit([claim], writes)]).toEqual([ids[0]]);
    expect([...await d.sweep.commit([claim], writes)]).toEqual([]); // the condition no longer holds
    const after = await d.db.ticket.findUniqueOrThrow({ where: { id: ids[0]! } });
    expect(after.dispatchLevel).toBe(1);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime() - 1); // @updatedAt set, as Prisma does
    const sent = await d.db.outbox.findMany({ where: { key: "dispatch-overdue" } });
    expect(sent.map((m) => [m.personId, m.chatId, m.status, m.dueAt])).toEqual([[tech.id, tech.telegramId, "pending", at]]);
    expect(await d.db.event.count({ where: { action: "arrival-overdue", ticketId: ids[0]! } })).toBe(1);
    expect((await d.db.jobCard.findFirstOrThrow()).nextEditAt).toEqual(at);
  });

  it("writes offers with the claims: renewed unless declined since, created unless there, and a message for each offer written", async () => {
    const { site, ids } = await fileTwo();
    const [t0, t1] = [site.technicians[0]!.id, site.technicians[1]!.id];
    const offerOf = (ticketId: number, technicianId: number) => d.db.offer.findUnique({ where: { ticketId_technicianId: { ticketId, technicianId } } });
    await d.db.offer.delete({ where: { id: (await offerOf(ids[0]!, t0))!.id } });
    const declined = await d.db.offer.update({ where: { id: (await offerOf(ids[1]!, t1))!.id }, data: { status: "declined" } });
    const renewed = (await offerOf(ids[1]!, t0))!;
    const untouched = (await offerOf(ids[0]!, t1))!;
    const claim = { model: "ticket", where: { OR: ids.map((id) => ({ id, dispatchLevel: 0 })) }, data: { dispatchLevel: 1 } };
    const at = addMinutes(T0, 5);
    const pairs = [[ids[0]!, t0], [ids[0]!, t1], [ids[1]!, t0], [ids[1]!, t1]] as const;
    const writes = (won: Set<number>) => ({
      messages: [], events: [], wake: [],
      offers: {
        renew: [{ round: 1, ids: won.size === 0 ? [] : [renewed.id, declined.id] }],
        create: won.size === 0 ? [] : [t0, t1].map((technicianId) => ({ ticketId: ids[0]!, technicianId, round: 1, createdAt: at })),
        messages: (offerIdOf: (ticketId: number, technicianId: number) => number | undefined) => pairs.flatMap(([ticketId, technicianId]) => {
          const id = offerIdOf(ticketId, technicianId);
          return id === undefined ? [] : [{
            personId: technicianId, kind: "send", key: "offer-new", params: "{}", buttons: "[]", photos: "[]", ref: `offer:${id}:1`, at,
          }];
        }),
      },
    });
    expect([...await d.sweep.commit([claim], writes)].sort()).toEqual([...ids].sort());
    expect([...await d.sweep.commit([claim], writes)]).toEqual([]); // a second tick wins nothing, writes nothing
    const created = (await offerOf(ids[0]!, t0))!;
    expect(created).toMatchObject({ round: 1, status: "offered", createdAt: at });
    expect(await d.db.offer.findUniqueOrThrow({ where: { id: renewed.id } })).toMatchObject({ round: 1, status: "offered" });
    expect(await d.db.offer.findUniqueOrThrow({ where: { id: declined.id } })).toMatchObject({ round: 0, status: "declined" });
    expect(await d.db.offer.findUniqueOrThrow({ where: { id: untouched.id } })).toEqual(untouched);
    const sent = await d.db.outbox.findMany({ where: { key: "offer-new", dueAt: at }, orderBy: { id: "asc" } });
    expect(sent.map((m) => [m.personId, m.ref])).toEqual([[t0, `offer:${created.id}:1`], [t0, `offer:${renewed.id}:1`]]);
  });

  it("rolls the claim back when what follows it fails", async () => {
    const { ids } = await fileTwo();
    const before = await d.db.ticket.findUniqueOrThrow({ where: { id: ids[1]! } });
    const claim = { model: "ticket", where: { OR: [{ id: ids[1]!, dispatchLevel: 0 }] }, data: { dispatchLevel: 2 } };
    await expect(d.sweep.commit([claim], () => { throw new Error("boom"); })).rejects.toThrow("boom");
    expect((await d.db.ticket.findUniqueOrThrow({ where: { id: ids[1]! } })).dispatchLevel).toBe(before.dispatchLevel);
  });
});
