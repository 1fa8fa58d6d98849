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
  const person = await db.person.findUnique({ where: { id: personId } });
  if (!person?.telegramId || person.blockedAt) return false;
  await db.outbox.create({
    data: {
      chatId: person.telegramId,
      personId,
      kind: n.kind ?? "send",
      key: n.key,
      params: JSON.stringify(n.params ?? {}),
      buttons: JSON.stringify(n.buttons ?? []),
      photos: JSON.stringify(n.photos ?? []),
      ref: n.ref ?? null,
      dueAt: now,
      createdAt: now,
    },
  });
  return true;
}

/** Queues the same message for several people (two statements, whatever their number). */
export async function notifyAll(db: DbOrTx, now: Date, personIds: number[], n: Notice): Promise<void> {
  await notifyMany(db, now, [...new Set(personIds)].map((personId) => ({ personId, notice: n })));
}

/**
 * Queues many messages in two statements: one read of the recipients, one insert. Those without a
 * chat or who blocked the bot are skipped, as in `notify`; rows keep the order given.
 */
export async function notifyMany(db: DbOrTx, now: Date, items: { personId: number; notice: Notice }[]): Promise<void> {
  if (items.length === 0) return;
  const people = await db.person.findMany({ where: { id: { in: [...new Set(items.map((i) => i.personId))] } }, select: { id: true, telegramId: true, blockedAt: true } });
  const chats = new Map(people.filter((p) => p.telegramId && !p.blockedAt).map((p) => [p.id, p.telegramId!]));
  const data = items.filter((i) => chats.has(i.personId)).map(({ personId, notice: n }) => ({
    chatId: chats.get(personId)!,
    personId,
    kind: n.kind ?? "send",
    key: n.key,
    params: JSON.stringify(n.params ?? {}),
    buttons: JSON.stringify(n.buttons ?? []),
    photos: JSON.stringify(n.photos ?? []),
    ref: n.ref ?? null,
    dueAt: now,
    createdAt: now,
  }));
  if (data.length > 0) await db.outbox.createMany({ data });
}
