// The job cards' clocks (src/domain/tickets/job-card.ts): a card whose shown value may have changed
// (nextEditAt <= now: its time left moved to the next value, or an event of its ticket woke it) is
// claimed with a conditional update on (nextEditAt, shown), so two schedulers edit it once; a
// changed value becomes one outbox `edit` of the card message, replacing an edit still waiting to
// go out. A card whose job is no longer the technician's loses its clock line and buttons, and ends.
// A tick works on its due cards together (claimDue): the supervisors named on late cards are read
// for all of them at once, the claims and the edits go in one transaction.
import type { Database, DbOrTx } from "../../db/client.ts";
import {
  alertedAtBreachOf, cardClock, cardParams, ENDED, jobButtons, MIN_EDIT_MS, type ClockParams,
} from "../tickets/job-card.ts";
import { ACTIVE_WORK, type ButtonIntent, type TicketStatus } from "../types.ts";
import {
  backoffSince, batchOf, calendarFor, claimDue, nothingDue, type JobOptions, type Plan, type TickReport,
} from "./batch.ts";

type Due = Awaited<ReturnType<typeof findDue>>[number];

function findDue(db: DbOrTx, now: Date, take: number) {
  return db.jobCard.findMany({
    where: { nextEditAt: { lte: now } }, orderBy: [{ nextEditAt: "asc" }, { id: "asc" }], take,
    include: { ticket: { include: { unit: true, property: true, assignee: true } } },
  });
}

const NO_CLOCK: ClockParams = {
  clock: "none", late: "no", due: "", left: 0, unit: "min", alerted: "", alertedCount: 0,
};

const isLive = (c: Due) => ACTIVE_WORK.includes(c.ticket.status as TicketStatus) && c.ticket.assigneeId === c.personId;

type Decision = Plan & { edit?: { params: Record<string, string | number>; buttons: ButtonIntent[][] } };

/** What the card shows now: unchanged (only its next look moves), changed too early (held), or an edit. */
function decide(c: Due, now: Date, opts: JobOptions, alerted: string[]): Decision {
  const t = c.ticket;
  const clock = isLive(c) ? cardClock(t, now, calendarFor(t.property, opts).tz, alerted) : null;
  const shown = clock?.shown ?? ENDED;
  const where = { nextEditAt: c.nextEditAt, shown: c.shown };
  if (shown === c.shown) return { where, data: { nextEditAt: clock?.changesAt ?? null }, outcome: "held" };
  if (c.editedAt !== null && now.getTime() - c.editedAt.getTime() < MIN_EDIT_MS) {
    return { where, data: { nextEditAt: new Date(c.editedAt.getTime() + MIN_EDIT_MS) }, outcome: "held" };
  }
  return {
    where, data: { shown, editedAt: now, nextEditAt: clock?.changesAt ?? null, ...(clock ? {} : { endedAt: now }) }, outcome: "done",
    // an ended card keeps no buttons and no owner's phone (the job is not the technician's any more)
    edit: {
      params: clock ? cardParams(t, clock.params) : { ...cardParams(t, NO_CLOCK), phone: "-" },
      buttons: clock ? jobButtons(t.id) : [],
    },
  };
}

/** One tick of the job cards' clocks. */
export async function runJobCards(database: Database, now: Date, opts: JobOptions = {}): Promise<TickReport> {
  if (!(await database.anyDue([{ table: "JobCard", column: "nextEditAt", at: now }]))) return nothingDue("job-cards");
  const due = await findDue(database.db, now, batchOf(opts));
  const alerted = await alertedAtBreachOf(database.db, due.filter(isLive).map((c) => c.ticket));
  // decided in the claim (a card that throws, e.g. a broken time zone, is then retried on its own)
  const edits = new Map<number, Decision["edit"]>();
  return claimDue(database, due, now, opts, {
    job: "job-cards",
    plan: (c) => {
      const d = decide(c, now, opts, alerted.get(c.ticketId) ?? []);
      edits.set(c.id, d.edit);
      return d;
    },
    claim: (tx, where, data) => tx.jobCard.updateManyAndReturn({ where, data, select: { id: true } }),
    act: async (_tx, c, _outcome, w) => {
      const edit = edits.get(c.id);
      if (edit) w.edit(c.personId, { key: "job-card", ref: c.ref, ...edit });
    },
    retry: async (c) => {
      await database.db.jobCard.updateMany({
        where: { id: c.id, nextEditAt: c.nextEditAt }, data: { nextEditAt: backoffSince(null, now) },
      });
    },
  });
}
