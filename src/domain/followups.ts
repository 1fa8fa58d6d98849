// Follow-ups: a dissatisfied callback (or a complaint) gets a person to fix it, with a due time.
import type { Tx } from "../db/client.ts";
import { logEvent } from "./events.ts";
import { notifyAll } from "./notify.ts";
import { staffOf } from "./staff.ts";
import { addMinutes } from "./time.ts";
import type { Role } from "./types.ts";

export type FollowUpInput = {
  propertyId: number;
  ticketId?: number;
  surveyId?: number;
  complaintId?: number;
  assigneeRole: Role;
  reason: string;
  /** Defaults to 24 hours from now. */
  dueAt?: Date;
};

/** Opens a follow-up and tells everyone holding the assignee role at the property. */
export async function openFollowUp(tx: Tx, input: FollowUpInput, actorId: number | null, now: Date): Promise<number> {
  const dueAt = input.dueAt ?? addMinutes(now, 24 * 60);
  const f = await tx.followUp.create({
    data: {
      propertyId: input.propertyId, ticketId: input.ticketId ?? null, surveyId: input.surveyId ?? null,
      complaintId: input.complaintId ?? null, assigneeRole: input.assigneeRole, reason: input.reason,
      dueAt, remindAt: addMinutes(dueAt, -60), createdAt: now,
    },
  });
  await logEvent(tx, { ticketId: input.ticketId ?? null, complaintId: input.complaintId ?? null, actorId, action: "follow-up-opened", at: now, data: { followUpId: f.id, reason: input.reason } });
  const people = await staffOf(tx, input.propertyId, input.assigneeRole);
  await notifyAll(tx, now, people, { key: "followup-new", params: { id: f.id, reason: input.reason } });
  return f.id;
}
