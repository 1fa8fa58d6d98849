// The job cards' clocks (src/domain/tickets/job-card.ts): a card whose shown value may have changed
// (nextEditAt <= now: its time left moved to the next value, or an event of its ticket woke it) is
// claimed with a conditional update on (nextEditAt, shown), so two schedulers edit it once; a
// changed value becomes one outbox `edit` of the card message, replacing an edit still waiting to
// go out. A card whose job is no longer the technician's loses its clock line and buttons, and ends.
import type { Database, DbOrTx, Tx } from "../../db/client.ts";
import { notify } from "../notify.ts";
import {
  alertedAtBreach, cardClock, cardParams, ENDED, jobButtons, MIN_EDIT_MS, type ClockParams,
} from "../tickets/job-card.ts";
import { ACTIVE_WORK, type ButtonIntent, type TicketStatus } from "../types.ts";
import {
  backoffSince, batchOf, calendarFor, eachDue, nothingDue, type JobOptions, type Outcome, type TickReport,
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

/** One edit of the card message at most waits in the outbox: a newer value replaces it. */
async function editCard(tx: Tx, now: Date, c: Due, params: Record<string, string | number>, buttons: ButtonIntent[][]) {
  const data = { params: JSON.stringify(params), buttons: JSON.stringify(buttons) };
  const replaced = await tx.outbox.updateMany({ where: { ref: c.ref, kind: "edit", status: "pending" }, data });
  if (replaced.count > 0) return;
  await notify(tx, now, c.personId, { kind: "edit", ref: c.ref, key: "job-card", params, buttons });
}

async function step(database: Database, c: Due, now: Date, opts: JobOptions): Promise<Outcome> {
  const t = c.ticket;
  const live = ACTIVE_WORK.includes(t.status as TicketStatus) && t.assigneeId === c.personId;
  const tz = calendarFor(t.property, opts).tz;
  const clock = live ? cardClock(t, now, tz, await alertedAtBreach(database.db, t)) : null;
  const shown = clock?.shown ?? ENDED;
  const changed = shown !== c.shown;
  const early = changed && c.editedAt !== null && now.getTime() - c.editedAt.getTime() < MIN_EDIT_MS;
  const data = !changed ? { nextEditAt: clock?.changesAt ?? null }
    : early ? { nextEditAt: new Date(c.editedAt!.getTime() + MIN_EDIT_MS) }
    : { shown, editedAt: now, nextEditAt: clock?.changesAt ?? null, ...(clock ? {} : { endedAt: now }) };
  const mine = { id: c.id, nextEditAt: c.nextEditAt, shown: c.shown };
  // nothing to send: one conditional statement, no transaction
  if (!changed || early) {
    const claimed = await database.db.jobCard.updateMany({ where: mine, data });
    return claimed.count === 0 ? "skipped" : "held";
  }
  return database.tx(async (tx) => {
    const claimed = await tx.jobCard.updateMany({ where: mine, data });
    if (claimed.count === 0) return "skipped";
    await editCard(tx, now, c, cardParams(t, clock?.params ?? NO_CLOCK), clock ? jobButtons(t.id) : []);
    return "done";
  });
}

/** One tick of the job cards' clocks. */
export async function runJobCards(database: Database, now: Date, opts: JobOptions = {}): Promise<TickReport> {
  if (!(await database.anyDue([{ table: "JobCard", column: "nextEditAt", at: now }]))) return nothingDue("job-cards");
  const due = await findDue(database.db, now, batchOf(opts));
  return eachDue("job-cards", due, opts, (c) => step(database, c, now, opts), async (c) => {
    await database.db.jobCard.updateMany({
      where: { id: c.id, nextEditAt: c.nextEditAt }, data: { nextEditAt: backoffSince(null, now) },
    });
  });
}
