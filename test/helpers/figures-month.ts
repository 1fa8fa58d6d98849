// A hand-made November 2026 for the figures: six tickets, two technicians, two complaints, one
// rework, one fee, two urges; the expectations in test/domain/figures.test.ts spell out every number.
import type { Database } from "../../src/db/client.ts";
import { sh, type Desk } from "../jobs/site.ts";

type Over = Record<string, unknown> & { rating?: number; ratedAt?: string; fee?: { cents: number; status: string } };
let n = 0;
async function ticket(d: Database, s: Desk, reported: string, over: Over = {}) {
  const { rating, ratedAt, fee, ...data } = over;
  const t = await d.db.ticket.create({
    data: {
      number: `BX-T${++n}`, propertyId: s.property.id, reporterId: s.owner.id, unitId: s.unit.id, category: "water",
      description: "x", status: "open", reportedAt: sh(reported), ...data,
    },
  });
  if (rating) await d.db.survey.create({ data: { ticketId: t.id, status: "answered", rating, answeredAt: sh(ratedAt!), channel: "bot", createdAt: sh(reported) } });
  if (fee) await d.db.charge.create({ data: { ticketId: t.id, description: "换阀芯", amountCents: fee.cents, status: fee.status, createdAt: sh(reported) } });
  return t.id;
}

/** The month of the test: see the comments for what each ticket contributes. */
export async function november(d: Database, s: Desk) {
  n = 0; // numbers BX-T1 (October) … BX-T8 (December)
  const [a, b] = s.technicians.map((x) => x.id) as [number, number];
  const done = (rep: string, acc: string, arr: string, comp: string) => ({ status: "closed", reportedAt: sh(rep), acceptedAt: sh(acc), arrivedAt: sh(arr), completedAt: sh(comp) });
  await ticket(d, s, "2026-10-31T10:00:00", { ...done("2026-10-31T10:00:00", "2026-10-31T10:01:00", "2026-10-31T10:20:00", "2026-11-01T09:00:00"), assigneeId: a }); // October: only the 1 Nov completion
  // T1 A: dispatch 3 min, arrival 17 min after acceptance, rated 5; a quoted (not agreed) charge
  await ticket(d, s, "2026-11-02T09:00:00", { ...done("2026-11-02T09:00:00", "2026-11-02T09:03:00", "2026-11-02T09:20:00", "2026-11-02T11:00:00"), assigneeId: a, rating: 5, ratedAt: "2026-11-02T14:00:00", fee: { cents: 999, status: "quoted" } });
  // T2 A, by phone: dispatch 10 min (late), arrival 40 min (late), rated 4, fee 50.00 agreed
  await ticket(d, s, "2026-11-03T09:00:00", { ...done("2026-11-03T09:00:00", "2026-11-03T09:10:00", "2026-11-03T09:50:00", "2026-11-03T12:00:00"), assigneeId: a, channel: "phone", rating: 4, ratedAt: "2026-11-03T15:00:00", fee: { cents: 5000, status: "approved" } });
  // T3 B, emergency: dispatch 2 min, arrival 10 min, rated 2
  const t3 = await ticket(d, s, "2026-11-04T20:00:00", { ...done("2026-11-04T20:00:00", "2026-11-04T20:02:00", "2026-11-04T20:12:00", "2026-11-04T21:00:00"), assigneeId: b, category: "electricity", emergency: true, rating: 2, ratedAt: "2026-11-04T22:00:00" });
  // T4 B: dispatch 5 min, arrival 30 min (both just in time), never called back
  const t4 = await ticket(d, s, "2026-11-05T09:00:00", { ...done("2026-11-05T09:00:00", "2026-11-05T09:05:00", "2026-11-05T09:35:00", "2026-11-05T10:00:00"), assigneeId: b, category: "electricity" });
  // T5 B: rework of T4, accepted in 1 minute, not there yet
  await ticket(d, s, "2026-11-06T09:00:00", { status: "accepted", acceptedAt: sh("2026-11-06T09:01:00"), assigneeId: b, category: "other", reworkOfId: t4, urgeCount: 2 });
  // T6: cancelled before anyone took it
  await ticket(d, s, "2026-11-06T10:00:00", { status: "cancelled", cancelledAt: sh("2026-11-06T10:05:00"), category: "doors_locks" });
  await ticket(d, s, "2026-12-01T09:00:00", {}); // December: not in the month
  const c = (createdAt: string, over: Record<string, unknown>) => d.db.complaint.create({
    data: { propertyId: s.property.id, complainantId: s.owner.id, category: "quality", description: "x", dueAt: sh(createdAt), createdAt: sh(createdAt), ...over },
  });
  await c("2026-11-05T10:00:00", { ticketId: t3, answeredAt: sh("2026-11-06T10:00:00"), valid: true, status: "answered" }); // answered in time
  await c("2026-11-20T10:00:00", { valid: false }); // Friday; answer due Thursday 26 Nov 10:00, never answered
}

