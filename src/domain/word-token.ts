// A raw name (an event kind, a status, a category, a channel) inside a text the domain builds for
// the outbox, such as the handover's table: the sender puts the recipient's words in its place
// (src/bot/words.ts). The domain never chooses words.
export type WordKind = "event" | "status" | "category" | "channel";

/** "⟦status:open⟧": replaced by the recipient's words for `open` when the message is sent. */
export const wordToken = (kind: WordKind, value: string) => `⟦${kind}:${value}⟧`;
export const WORD_TOKEN = /⟦(event|status|category|channel):([\w-]+)⟧/g;
