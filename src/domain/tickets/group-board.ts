// The technicians' group as the dispatch board (dispatch mode `group`): a new job is posted once in
// the property's linked group with an accept button; the first press wins through the same
// conditional update as a private offer (acceptJob); every later change of the job (a new round,
// taken, reassigned, cancelled, back to the pool) edits that one message. The group never sees the
// owner's name or phone: the winner gets them privately, on the job card.
import type { Database, DbOrTx, Tx } from "../../db/client.ts";
import { notify, replacePendingEdits, type Notice } from "../notify.ts";
import { zoneOf } from "../schedule.ts";
import { holdsRoleAt, techniciansFor } from "../staff.ts";
import { formatLocal } from "../time.ts";
import { err, ok, type Category, type ErrorCode, type Result } from "../types.ts";
import type { LoadedTicket, TicketView } from "./view.ts";
import { offerRef } from "./offer-notice.ts";

/** The outbox ref of a job's message in the group: its edits find the message by it. */
export const boardRef = (ticketId: number) => `group:${ticketId}`;
/** The callback action of the group's accept button. */
export const BOARD_ACCEPT = "board";

type BoardProperty = {
  dispatchMode: string; groupChatId: bigint | null; groupAlsoPrivate: boolean;
  dispatchTimeoutMin: number; emergencyDispatchMin: number; timezone: string | null;
};
type BoardPlan = {
  ticketId: number; round: number; ticket: LoadedTicket & { property: BoardProperty }; view: TicketView;
};

/** Whether a ticket's property dispatches in its group (a mode without a linked group is the pool). */
export const onBoard = (p: BoardProperty) => p.dispatchMode === "group" && p.groupChatId !== null;

/** "10:32" on the property's clock. */
const hhmm = (at: Date, p: { timezone: string | null }) => formatLocal(at, zoneOf(p)).slice(11);
const minutesBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / 60_000);

/** What the board shows of a job: never the owner's name or phone (the view's phone is left out). */
function boardParams(t: BoardPlan["ticket"], v: TicketView, now: Date, round: number): Record<string, string | number> {
  const p = t.property;
  const minutes = t.emergency ? p.emergencyDispatchMin : p.dispatchTimeoutMin;
  const deadline = new Date(t.reportedAt.getTime() + minutes * 60_000);
  return {
    number: v.number, place: v.place, category: v.category, emergency: v.emergency ? "yes" : "no", time: v.time,
    deadline: hhmm(deadline, p), left: Math.max(0, minutesBetween(now, deadline)), late: deadline <= now ? "yes" : "no",
    minutes: Math.max(0, minutesBetween(t.reportedAt, now)),
    round: round + 1,
  };
}

const acceptButton = (ticketId: number) => [[{ label: "btn-board-accept", action: BOARD_ACCEPT, id: ticketId }]];

/** The posts of tickets in groups: ref → the group's chat id. */
async function postsOf(db: DbOrTx, ticketIds: number[]): Promise<Map<string, bigint>> {
  if (ticketIds.length === 0) return new Map();
  const rows = await db.outbox.findMany({
    where: { ref: { in: ticketIds.map(boardRef) }, kind: "send" },
    select: { ref: true, chatId: true }, orderBy: { id: "asc" },
  });
  return new Map(rows.map((r) => [r.ref!, r.chatId]));
}

/** Queues edits of group posts, one waiting edit per message (a newer one replaces it in place). */
async function queueEdits(db: DbOrTx, now: Date, edits: { chatId: bigint; notice: Notice }[]): Promise<void> {
  const chatOf = new Map(edits.map((e) => [e.notice.ref!, e.chatId]));
  const left = await replacePendingEdits(db, edits.map((e) => [0, { ...e.notice, kind: "edit" }]));
  await queueRows(db, now, left.map(([, n]) => ({ chatId: chatOf.get(n.ref!)!, notice: n })));
}

async function queueRows(db: DbOrTx, now: Date, rows: { chatId: bigint; notice: Notice }[]): Promise<void> {
  if (rows.length === 0) return;
  await db.outbox.createMany({
    data: rows.map(({ chatId, notice: n }) => ({
      chatId, personId: null, kind: n.kind ?? "send", key: n.key, params: JSON.stringify(n.params ?? {}),
      buttons: JSON.stringify(n.buttons ?? []), photos: JSON.stringify(n.photos ?? []), ref: n.ref ?? null,
      dueAt: now, createdAt: now,
    })),
  });
}

/**
 * A dispatch round on the boards (called by offerTickets before the private offers): a job not yet
 * in its group is posted (its first photo with the text as caption); one already there is edited
 * (the round and the clock; back to open with the button when it returned to the pool). Returns the
 * tickets whose private offers stay quiet: general jobs, unless the property also wants them private.
 */
export async function boardRound(tx: Tx, plans: BoardPlan[], now: Date): Promise<Set<number>> {
  const mine = plans.filter((p) => onBoard(p.ticket.property));
  if (mine.length === 0) return new Set();
  const posts = await postsOf(tx, mine.map((p) => p.ticketId));
  const sends: { chatId: bigint; notice: Notice }[] = [];
  const edits: { chatId: bigint; notice: Notice }[] = [];
  for (const p of mine) {
    const ref = boardRef(p.ticketId);
    const again = p.round === 0 && posts.has(ref) ? "yes" : "no";
    const params = { ...boardParams(p.ticket, p.view, now, p.round), again };
    const notice = { key: "board-job", params, buttons: acceptButton(p.ticketId), ref };
    const posted = posts.get(ref);
    const photos = p.view.photos.slice(0, 1);
    if (posted === undefined) sends.push({ chatId: p.ticket.property.groupChatId!, notice: { ...notice, photos } });
    else edits.push({ chatId: posted, notice });
  }
  await queueRows(tx, now, sends);
  await queueEdits(tx, now, edits);
  return new Set(mine.filter((p) => !p.ticket.emergency && !p.ticket.property.groupAlsoPrivate).map((p) => p.ticketId));
}

/** How the board says the private offers' news (the key closeOtherOffers sends to the technicians). */
const NEWS: Record<string, string> = {
  "offer-taken": "taken", "offer-withdrawn": "cancelled", "offer-reassigned": "reassigned", "offer-merged": "merged",
};

/** The job's post in its group says what became of it (taken by whom and when, reassigned, cancelled). */
export async function boardNews(
  tx: Tx, ticketId: number, key: string, params: Record<string, string | number>, now: Date,
): Promise<void> {
  const ref = boardRef(ticketId);
  const chatId = (await postsOf(tx, [ticketId])).get(ref);
  if (chatId === undefined) return;
  const select = { property: { select: { timezone: true } } };
  const t = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select });
  const news = {
    number: params.number ?? "", place: params.place ?? "", category: params.category ?? "",
    emergency: params.emergency ?? "no", technician: params.technician ?? "", at: hhmm(now, t.property),
    state: NEWS[key] ?? "closed",
  };
  await queueEdits(tx, now, [{ chatId, notice: { key: "board-job-closed", params: news, buttons: [], ref } }]);
}

/**
 * The winner of a press in the group also held a private offer (an emergency, or groupAlsoPrivate):
 * that offer's message loses its buttons and says the job is theirs.
 */
export async function boardWon(
  db: DbOrTx, personId: number, ticketId: number, number: string, now: Date,
): Promise<void> {
  const offer = await db.offer.findUnique({ where: { ticketId_technicianId: { ticketId, technicianId: personId } } });
  const ref = offer ? offerRef(offer) : null;
  // an edit of a message never sent would go out as a new one: only when the offer went out
  if (!ref || (await db.outbox.count({ where: { ref, kind: "send", personId } })) === 0) return;
  await notify(db, now, personId, { kind: "edit", ref, key: "offer-accepted", params: { number }, buttons: [] });
}

export type BoardRefusal = ErrorCode | "NOT_ELIGIBLE";

/**
 * A press of 接单 in a group, before the accept itself: the job's post must be in this group, the
 * presser a technician of the property now, on duty and with the skill (the same people a private
 * offer goes to). A technician who had no offer yet (came on duty after the post) gets one, so that
 * acceptJob settles the race for everyone the same way.
 */
export async function boardPress(
  db: Database["db"], personId: number, ticketId: number, chatId: number, now: Date,
): Promise<Result<{ number: string }, BoardRefusal>> {
  const ref = boardRef(ticketId);
  if ((await db.outbox.count({ where: { ref, kind: "send", chatId: BigInt(chatId) } })) === 0) return err("NOT_FOUND");
  const t = await db.ticket.findUnique({ where: { id: ticketId } });
  if (!t) return err("NOT_FOUND");
  if (!(await holdsRoleAt(db, personId, t.propertyId, ["technician"]))) return err("FORBIDDEN");
  if (t.status !== "open") {
    return err(t.assigneeId === personId ? "INVALID_STATE" : t.assigneeId ? "ALREADY_TAKEN" : "TICKET_NOT_OPEN");
  }
  const eligible = await techniciansFor(db, t.propertyId, t.category as Category, t.emergency);
  if (!eligible.includes(personId)) return err("NOT_ELIGIBLE");
  await db.offer.upsert({
    where: { ticketId_technicianId: { ticketId, technicianId: personId } },
    create: { ticketId, technicianId: personId, round: t.dispatchLevel, createdAt: now },
    update: {},
  });
  return ok({ number: t.number });
}
