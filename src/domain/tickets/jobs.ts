// A technician's view of their work.
import type { DbOrTx } from "../../db/client.ts";
import { authorize } from "../authorize.ts";
import { ACTIVE_WORK, ok, type Result, type TicketStatus } from "../types.ts";
import { placeOf, ticketView, type TicketView } from "./view.ts";

export type JobLine = { id: number; number: string; status: TicketStatus; category: string; place: string; emergency: boolean };

/** Jobs the technician holds (accepted, arrived, postponed), emergencies first. */
export async function listJobs(db: DbOrTx, technicianId: number): Promise<JobLine[]> {
  const rows = await db.ticket.findMany({
    where: { assigneeId: technicianId, status: { in: ACTIVE_WORK } },
    include: { unit: true }, orderBy: [{ emergency: "desc" }, { id: "asc" }],
  });
  return rows.map((t) => ({ id: t.id, number: t.number, status: t.status as TicketStatus, category: t.category, place: placeOf(t), emergency: t.emergency }));
}

/** One job with the owner's phone, only for the technician who holds it now (see authorize). */
export async function jobDetail(db: DbOrTx, technicianId: number, ticketId: number): Promise<Result<TicketView>> {
  const allowed = await authorize(db, technicianId, ticketId, "job");
  if (!allowed.ok) return allowed;
  return ok((await ticketView(db, ticketId))!);
}
