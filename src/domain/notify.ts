// Notifications are intents written in the same transaction as the change that causes them.
// The bot's outbox sender renders `key` in the recipient's language and sends it.
import type { DbOrTx } from "../db/client.ts";
import type { ButtonIntent } from "./types.ts";

export type Notice = {
  key: string;
  params?: Record<string, string | number>;
  buttons?: ButtonIntent[][];
  photos?: string[];
  /** Names the message so a later `edit` notice can find it (e.g. `offer:12`). */
  ref?: string;
  kind?: "send" | "edit";
};

/** Queues a message for one person; skipped when they have no chat or blocked the bot. */
export async function notify(db: DbOrTx, now: Date, personId: number, n: Notice): Promise<boolean> {
  return (await notifyEach(db, now, [[personId, n]])).has(personId);
}

/** Queues the same message for several people. */
export async function notifyAll(db: DbOrTx, now: Date, personIds: number[], n: Notice): Promise<void> {
  await notifyEach(db, now, [...new Set(personIds)].map((id) => [id, n]));
}

/**
 * Queues a message per person in two statements, whatever their number (one read of the people,
 * one insert); returns who was reached (has a chat and has not blocked the bot).
 */
export async function notifyEach(db: DbOrTx, now: Date, notices: [personId: number, n: Notice][]): Promise<Set<number>> {
  if (notices.length === 0) return new Set();
  const people = await db.person.findMany({
    where: { id: { in: [...new Set(notices.map(([id]) => id))] } },
    select: { id: true, telegramId: true, blockedAt: true },
  });
  const chats = new Map(people.filter((p) => p.telegramId && !p.blockedAt).map((p) => [p.id, p.telegramId!]));
  const rows = notices.filter(([id]) => chats.has(id))
    .map(([personId, n]) => outboxRow(chats.get(personId)!, personId, n, now));
  if (rows.length > 0) await db.outbox.createMany({ data: rows });
  return new Set(chats.keys());
}

/** A notice as an outbox row, before the recipient's chat is known (due and created at `now`). */
export function messageRow(personId: number, n: Notice, now: Date) {
  return {
    personId, kind: n.kind ?? "send", key: n.key, params: JSON.stringify(n.params ?? {}), buttons: JSON.stringify(n.buttons ?? []),
    photos: JSON.stringify(n.photos ?? []), ref: n.ref ?? null, at: now,
  };
}

/** The outbox row of a notice to a person's chat, due now. */
export const outboxRow = <C extends number | bigint>(chatId: C, personId: number, n: Notice, now: Date) => {
  const { at, ...row } = messageRow(personId, n, now);
  return { chatId, ...row, dueAt: at, createdAt: at };
};

/**
 * Edits of messages (kind "edit", with a ref) where a message waits for one edit at most: an edit of
 * a ref that still has one waiting to go out replaces it in place (keeping its place in the queue).
 * One read of the waiting edits of all the refs, a conditional update for each one found (none while
 * the sender keeps up); returns the edits left to queue (with notifyEach).
 */
export async function replacePendingEdits(db: DbOrTx, edits: [personId: number, n: Notice][]): Promise<[personId: number, n: Notice][]> {
  const last = new Map<string, [number, Notice]>();
  const rest: [number, Notice][] = [];
  for (const e of edits) {
    if (e[1].ref) last.set(e[1].ref, e);
    else rest.push(e);
  }
  if (last.size === 0) return rest;
  const pending = await db.outbox.findMany({
    where: { ref: { in: [...last.keys()] }, kind: "edit", status: "pending" }, select: { ref: true },
  });
  for (const ref of new Set(pending.map((p) => p.ref!))) {
    const n = last.get(ref)![1];
    const data = { key: n.key, params: JSON.stringify(n.params ?? {}), buttons: JSON.stringify(n.buttons ?? []) };
    // the sender may have taken it since the read: then the edit is queued anew
    const replaced = await db.outbox.updateMany({ where: { ref, kind: "edit", status: "pending" }, data });
    if (replaced.count > 0) last.delete(ref);
  }
  return [...rest, ...last.values()];
}
