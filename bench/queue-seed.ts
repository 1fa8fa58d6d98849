// The property /queue and the console's queue are measured over: 10,000 open tickets (the desk's
// worst day and more) and 20,000 closed ones, a technician and a desk clerk (person 3).
import type { Database } from "../src/db/client.ts";
import { addMinutes } from "../src/domain/time.ts";
import { bulkInsert } from "./bulk.ts";

export const OPEN = Number(process.env.BENCH_OPEN ?? 10_000);
const HISTORY = 20_000;
export const NOW = new Date("2026-11-23T02:00:00Z");
export const DESK = 3;

export async function seed(database: Database) {
  const db = database.db;
  for (const p of [1, 2]) {
    await db.property.create({ data: { id: p, code: `P${p}`, name: `Property ${p}`, timezone: "Asia/Shanghai" } });
    await db.unit.create({ data: { id: p, propertyId: p, building: "1", entrance: "1", room: "101" } });
  }
  await db.person.createMany({ data: [1, 2, 3].map((id) => ({ id, name: `p${id}`, telegramId: BigInt(7_000_000_000 + id) })) });
  await db.roleGrant.createMany({ data: [{ personId: 2, role: "technician", propertyId: 1 }, { personId: DESK, role: "desk", propertyId: 1 }] });
  const statuses = ["open", "accepted", "accepted", "postponed", "arrived", "completed"];
  const rows = Array.from({ length: OPEN + HISTORY }, (_, i) => {
    const live = i < OPEN;
    const status = live ? statuses[i % statuses.length]! : "closed";
    const reportedAt = addMinutes(NOW, -(i % 5000) - 1);
    return {
      id: i + 1, number: `P1-${String(i + 1).padStart(8, "0")}`, propertyId: live || i % 2 ? 1 : 2, unitId: 1, reporterId: 1,
      category: "water", description: "bench", phone: "13800138000", status, reportedAt, updatedAt: NOW,
      assigneeId: status === "open" ? null : 2, arrivalDueAt: status === "accepted" ? addMinutes(NOW, i % 2 ? -10 : 30) : null,
    };
  });
  await bulkInsert(database, "Ticket", rows);
  await bulkInsert(database, "Survey", rows.filter((r) => r.status === "completed").slice(0, 300)
    .map((r) => ({ ticketId: r.id, status: "phone", phoneTaskAt: NOW, createdAt: NOW })));
}
