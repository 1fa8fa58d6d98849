// Drives the real bot (createBot) as Telegram users would: updates in through bot.handleUpdate,
// every API call out over real HTTP to a fake Bot API (test/helpers/fake-telegram.ts).
// Notifications to other people go through the real outbox sender: call flush().
import { Api } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { createInbox } from "../../src/server/inbox.ts";
import { conversationKey, createBot, type BotOptions } from "../../src/bot/create-bot.ts";
import type { BotDeps } from "../../src/bot/context.ts";
import { createOutboxSender } from "../../src/bot/outbox-sender.ts";
import { startFakeTelegram, type FakeTelegram } from "../../src/fake-bot-api/server.ts";
import { testDatabase, type TestDatabase } from "./db.ts";
import { T0 } from "./fixtures.ts";

export const TOKEN = "123456:TEST-token-for-the-fake-bot-api";
export const BOT_INFO: UserFromGetMe = {
  id: 999000, is_bot: true, first_name: "Repair Desk", username: "repair_desk_test_bot",
  can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false,
  can_connect_to_business: false, has_main_web_app: false,
};

export type { Call } from "../../src/fake-bot-api/server.ts";
import type { Call } from "../../src/fake-bot-api/server.ts";
export type Button = { text: string; data: string };

export const buttonsOf = (call: Call | undefined): Button[] =>
  (call?.payload?.reply_markup?.inline_keyboard ?? []).flat().map((b: any) => ({ text: b.text, data: b.callback_data }));
export const textOf = (call: Call | undefined): string => call?.payload?.text ?? call?.payload?.caption ?? "";
/** The last message an update sent or edited (a press is answered after it, see deferred-answer.ts). */
export const said = (calls: Call[]): Call | undefined => calls.filter((c) => /^(send|edit)/.test(c.method)).at(-1);

export type Harness = Awaited<ReturnType<typeof createHarness>>;

export type HarnessOptions = {
  adminIds?: number[];
  now?: Date;
  database?: TestDatabase;
  databasePatience?: BotOptions["databasePatience"];
  countStatements?: boolean;
  /**
   * Telegram's limits enforced by the fake (1 message/s per chat, 30/s overall), and the bot paces
   * itself as in production. Their clock is the test clock plus the real time elapsed (the bot
   * really waits), and each user action moves the test clock on by `thinkMs` (default 3 s).
   */
  enforce?: boolean;
  thinkMs?: number;
  /** The bot's own waits (pacing, 429s, retries of its replies) move the test clock instead of sleeping. */
  virtualWaits?: boolean;
  /**
   * Updates go the production way: written into the durable inbox (retried while the database is
   * away, as polling does), handled from it, and `handle` resolves once the update is marked handled.
   */
  viaInbox?: boolean;
  /** How often the inbox looks for chats nobody holds (default 100 ms; its statements count too). */
  inboxSweepMs?: number;
};

export async function createHarness(opts: HarnessOptions = {}) {
  const database = opts.database ?? (await testDatabase({ countStatements: opts.countStatements }));
  let now = opts.now ?? T0;
  const started = Date.now();
  /** The test clock plus the real time elapsed: what Telegram's limits and the bot's pacing see. */
  const limitClock = () => now.getTime() + (Date.now() - started);
  const fake: FakeTelegram = await startFakeTelegram({
    botId: BOT_INFO.id, username: BOT_INFO.username, ...(opts.enforce ? { limits: { clock: limitClock } } : {}),
  });
  const virtualSleep = async (ms: number) => { now = new Date(now.getTime() + ms); };
  const pacing = {
    ...(opts.enforce ? { clock: limitClock } : { perChatMs: 0 }), ...(opts.virtualWaits ? { sleep: virtualSleep } : {}),
  };
  const thinkMs = opts.enforce ? (opts.thinkMs ?? 3000) : 0;
  const errors: string[] = [];
  const warnings: string[] = [];
  const deps: BotDeps = {
    database,
    config: { botToken: TOKEN, apiRoot: fake.apiRoot, adminTelegramIds: opts.adminIds ?? [], defaultLanguage: "zh-CN", timezone: "Asia/Shanghai" },
    clock: () => now,
    log: { info: () => undefined, warn: (m, e) => void warnings.push(`${m} ${JSON.stringify(e)}`), error: (m, e) => void errors.push(`${m} ${JSON.stringify(e)}`) },
  };
  const botOptions: BotOptions = { botInfo: BOT_INFO, databasePatience: opts.databasePatience, pacing };
  let bot = createBot(deps, botOptions);
  let updateId = 100;
  // The sender paces itself and handles 429 per row: it calls Telegram without the bot's pacing.
  const sender = createOutboxSender({ db: database.db, api: new Api(TOKEN, { apiRoot: fake.apiRoot }), clock: () => now });

  const marked = new Map<number, () => void>();
  const store = database.bookkeeping.inbox;
  const inbox = opts.viaInbox ? createInbox({
    store: { ...store, done: async (id, at) => { await store.done(id, at); marked.get(id)?.(); } },
    handle: (u) => bot.handleUpdate(u), clock: () => now, log: deps.log, sweepMs: opts.inboxSweepMs ?? 100, sessionKey: conversationKey,
  }) : undefined;
  inbox?.start();

  async function handle(update: Omit<Update, "update_id"> & { update_id?: number }): Promise<Call[]> {
    const from = fake.calls.length;
    if (thinkMs) now = new Date(now.getTime() + thinkMs);
    const full = { update_id: update.update_id ?? ++updateId, ...update } as Update;
    if (!inbox) await bot.handleUpdate(full);
    else {
      const done = new Promise<void>((resolve) => marked.set(full.update_id, resolve));
      for (let wait = 50; ; wait = Math.min(wait * 2, 1_000)) {
        try {
          await inbox.accept([full]);
          break;
        } catch {
          await new Promise((r) => setTimeout(r, wait));
        }
      }
      await done;
      marked.delete(full.update_id);
    }
    return fake.calls.slice(from);
  }

  function user(id: number, name = "用户", languageCode = "zh-hans") {
    const u = { id, is_bot: false, first_name: name, language_code: languageCode };
    const chat = { id, type: "private" as const, first_name: name };
    let messageId = 1;
    const message = (extra: object) => ({ message: { message_id: messageId++, date: Math.floor(now.getTime() / 1000), chat, from: u, ...extra } });
    const self = {
      id,
      send: (text: string) => {
        const command = /^\/\w+/.exec(text)?.[0];
        return handle(message({ text, ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command.length }] } : {}) }) as Update);
      },
      photo: (fileId: string) => handle(message({ photo: [{ file_id: `${fileId}-small`, file_unique_id: `${fileId}s`, width: 90, height: 90 }, { file_id: fileId, file_unique_id: fileId, width: 800, height: 600 }] }) as Update),
      contact: (phone: string) => handle(message({ contact: { phone_number: phone, first_name: name, user_id: id } }) as Update),
      sticker: () => handle(message({ sticker: { file_id: "stk", file_unique_id: "stk", type: "regular", width: 512, height: 512, is_animated: false, is_video: false } }) as Update),
      document: (fileId: string, fileName: string, caption?: string) =>
        handle(message({ document: { file_id: fileId, file_unique_id: fileId, file_name: fileName, mime_type: "text/csv" }, ...(caption ? { caption, caption_entities: /^\/\w+/.test(caption) ? [{ type: "bot_command", offset: 0, length: /^\/\w+/.exec(caption)![0].length }] : [] } : {}) }) as Update),
      /** Presses a button by its callback data, on a message of this chat. */
      pressData: (data: string, onMessageId = 1, text = "") =>
        handle({ callback_query: { id: `cb${++updateId}`, from: u, chat_instance: "ci", data, message: { message_id: onMessageId, date: 0, chat, text } } } as Update),
      /** Every message the bot sent to (or edited in) this chat, newest last. */
      inbox: (): Call[] => fake.calls.filter((c) => String(c.payload?.chat_id) === String(id) && /^(send|edit)/.test(c.method)),
      lastText: () => textOf(self.inbox().at(-1)),
      /** Presses the button whose text contains `label`, on the newest message that shows one. */
      press: async (label: string) => {
        for (const call of [...self.inbox()].reverse()) {
          const b = buttonsOf(call).find((x) => x.text.includes(label));
          if (b) return self.pressData(b.data, call.result?.message_id ?? call.payload.message_id ?? 1, textOf(call));
        }
        throw new Error(`no button "${label}" in chat ${id}; last texts: ${self.inbox().slice(-3).map(textOf).join(" | ")}`);
      },
    };
    return self;
  }

  /** A group (a supergroup from -10^12 down) the bot is in; its members send commands and press buttons. */
  function group(chatId: number, title = "维修群") {
    fake.addGroup({ id: chatId, title });
    const chat = { id: chatId, type: chatId <= -1e12 ? "supergroup" : "group", title };
    let messageId = 100_000;
    const self = {
      id: chatId,
      send: (from: { id: number; name: string }, text: string) => {
        fake.addMember(chatId, from.id);
        const command = /^\/[\w@]+/.exec(text)?.[0];
        const entities = command ? [{ type: "bot_command", offset: 0, length: command.length }] : undefined;
        const sender = { id: from.id, is_bot: false, first_name: from.name, language_code: "zh-hans" };
        const date = Math.floor(now.getTime() / 1000);
        return handle({ message: { message_id: messageId++, date, chat, from: sender, text, ...(entities ? { entities } : {}) } } as Update);
      },
      /** The bot's messages in the group as they are now (edits applied). */
      messages: (): any[] => fake.chatMessages(chatId),
      /** Every call the bot made into the group (sends and edits). */
      calls: (): Call[] => fake.calls.filter((c) => String(c.payload?.chat_id) === String(chatId) && /^(send|edit)/.test(c.method)),
      /** The update of `from` pressing the button labelled `label` on the newest message showing one. */
      pressUpdate: (from: { id: number; name: string }, label: string) => {
        fake.addMember(chatId, from.id);
        const m = [...self.messages()].reverse().find((x) => (x.reply_markup?.inline_keyboard ?? []).flat().some((b: any) => b.text.includes(label)));
        if (!m) throw new Error(`no button "${label}" in group ${chatId}`);
        const data = m.reply_markup.inline_keyboard.flat().find((b: any) => b.text.includes(label)).callback_data;
        return fake.pressFromGroup(chatId, m.message_id, { id: from.id, first_name: from.name }, data);
      },
      press: (from: { id: number; name: string }, label: string) => handle(self.pressUpdate(from, label)),
    };
    return self;
  }

  return {
    database, fake, deps, errors, warnings, user, handle, limitClock, group,
    get bot() { return bot; },
    now: () => now,
    advance: (minutes: number) => { now = new Date(now.getTime() + minutes * 60_000); },
    setNow: (d: Date) => { now = d; },
    /** A new bot instance on the same database, as after a process restart. */
    restart: () => { bot = createBot(deps, botOptions); },
    /** Sends everything due in the outbox, moving the clock on by a second per round (per-chat limit). */
    flush: async () => {
      for (let i = 0; i < 60; i++) {
        await sender.tick();
        if ((await database.db.outbox.count({ where: { status: { in: ["pending", "sending"] }, dueAt: { lte: now } } })) === 0) return;
        now = new Date(now.getTime() + 1100);
      }
      throw new Error("outbox did not drain");
    },
    close: async () => { await inbox?.stop(); await fake.close(); await database.drop(); },
  };
}

type Owner = { send(text: string): Promise<Call[]>; press(label: string): Promise<Call[]> };
/** An owner of 3-1-502 answers /repair (water, no photo, not urgent, home, asap) up to the phone question. */
export async function repairUpToPhone(owner: Owner) {
  await owner.send("/repair");
  await owner.press("3-1-502");
  await owner.press("给排水");
  await owner.send("厨房水龙头一直滴水");
  for (const label of ["跳过", "不紧急", "家里有人", "尽快"]) await owner.press(label);
}
