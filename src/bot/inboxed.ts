// Updates handled from the durable inbox (src/server/inbox.ts) may wait for the database without
// limit: they stay in the inbox, so their sender is told the truth (kept, handled once it is back)
// and the update is tried again later, instead of an apology and the update dropped.

const INBOXED = new WeakSet<object>();

/** Marks an update object as handled from the inbox. */
export const markInboxed = (update: object) => void INBOXED.add(update);
export const fromInbox = (update: object) => INBOXED.has(update);

/** Thrown by the update path when the database stayed away: the update stays in the inbox. */
export class DatabaseUnavailable extends Error {
  constructor() { super("database unavailable: the update stays in the inbox"); }
}
