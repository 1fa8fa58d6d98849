// A conversation's state keeps every update it waited for, to replay the flow on the next one; the
// state is read and written on each of the chat's updates. Of a pressed button's message Telegram
// sends the whole message the bot had sent (its text and keyboard: for /repair's questions half a
// kilobyte to a few); the flows read of it only its id, date and chat. Those copies are kept slim,
// in the state only: the update the handlers get is left as it came.
import type { StorageAdapter } from "grammy";

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x);

/** A chat as the flows read it: its id and type (not the person's names, which Telegram repeats). */
const slimChat = (chat: unknown) => (isObj(chat) ? { id: chat.id, type: chat.type } : chat);

/** An update as a replay needs it: a press's message reduced to its id, date and chat. */
export function slimUpdate(update: Obj): Obj {
  const press = update.callback_query;
  if (isObj(press) && isObj(press.message)) {
    const m = press.message;
    return { ...update, callback_query: { ...press, message: { message_id: m.message_id, date: m.date, chat: slimChat(m.chat) } } };
  }
  const message = update.message;
  if (isObj(message) && isObj(message.chat)) return { ...update, message: { ...message, chat: slimChat(message.chat) } };
  return update;
}

/**
 * conversations v2's stored data: { version, state: { [flow]: [{ args, interrupts, replay: { send,
 * receive: [{ send, returnValue }] } }] } }. Anything not of that shape is written as it is (a
 * plugin upgrade that changes it is caught by test/bot/update-cost.test.ts, which reads the state).
 */
function slimState(data: unknown): unknown {
  if (!isObj(data) || !isObj(data.state)) return data;
  const state: Obj = {};
  for (const [flow, instances] of Object.entries(data.state)) {
    state[flow] = !Array.isArray(instances) ? instances : instances.map((i: unknown) => {
      if (!isObj(i) || !isObj(i.replay) || !Array.isArray(i.replay.receive)) return i;
      const receive = i.replay.receive.map((r: unknown) =>
        (isObj(r) && isObj(r.returnValue) && typeof r.returnValue.update_id === "number" ? { ...r, returnValue: slimUpdate(r.returnValue) } : r));
      return { ...i, replay: { ...i.replay, receive } };
    });
  }
  return { ...data, state };
}

/** The adapter with the updates in what it writes kept slim (reads are as they were written). */
export function slimStorage<T>(adapter: StorageAdapter<T>): StorageAdapter<T> {
  return { ...adapter, write: (key, data) => adapter.write(key, slimState(data) as T) };
}
