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

/** Queues the same message for several people. */
export async function notifyAll(db: DbOrTx, now: Date, personIds: number[], n: Notice): Promise<void> {
  for (const id of new Set(personIds)) await notify(db, now, id, n);
}
