// A fake Telegram Bot API over real HTTP (node:http on 127.0.0.1, a free port): grammY talks to it
// through `client.apiRoot`, so everything below grammY (JSON/multipart encoding, error mapping to
// GrammyError/HttpError, long polling) runs for real. Every request is recorded in `calls`.
//
// Failure injection: failNext(method, error, times) and failChat(chatId, error) answer like Telegram
// does ({ ok: false, error_code, description, parameters } with HTTP status = error_code).
//
// Enforcing mode (opt-in, `limits`): Telegram's flood limits on messages sent (send*, copy*,
// forward*): one message per chat per second and about 30 per second overall; a send over a limit
// is answered 429 with `retry_after`. `goDown(ms)` makes the API unreachable for a while
// (connections reset, or 502 Bad Gateway). Time for both is `limits.clock` (injectable).
//
// Groups and supergroups (addGroup): a negative chat id is a group (a supergroup from -10^12 down),
// with a title and members (getChat, getChatMember); pressFromGroup builds the callback_query a
// member's press on a message there makes (many users may press one message); in enforcing mode a
// group takes 20 messages a minute (429 with retry_after past that). neverStarted(userId) stands
// for a user who never opened the bot: every call to their private chat answers 403.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";

export type Call = {
  method: string;
  payload: any;
  /** What the fake answered with (`ok: true`); undefined while a long poll is held, or on error. */
  result?: any;
  /** The error answered instead (failure injection, unknown method, bad request). */
  error?: FakeError;
};

export type FakeError = { error_code: number; description: string; parameters?: { retry_after?: number; migrate_to_chat_id?: number } };

export type FakeTelegramOptions = {
  botId: number;
  username: string;
  /** When given, requests with another token are answered 401 Unauthorized. */
  token?: string;
  /** Upper bound for holding a getUpdates long poll, whatever `timeout` asks (default 2000 ms). */
  maxPollMs?: number;
  /**
   * Real Telegram rejects edits of unknown messages ("message to edit not found") and edits that
   * change nothing ("message is not modified"). Off by default: handlers in tests often edit
   * messages the fake never sent (a pressed button carries an invented message id).
   */
  strictEdits?: boolean;
  /** Source of `date` fields (default: the real time). */
  now?: () => Date;
  /** Enforce Telegram's limits (true = the defaults below). Off by default. */
  limits?: boolean | FakeLimits;
};

export type FakeLimits = {
  /** Minimum gap between two messages to one chat (default 1000 ms). */
  perChatMs?: number;
  /** Messages per rolling second over all chats (default 30). */
  globalPerSecond?: number;
  /** Messages per rolling minute to one group or supergroup (default 20). */
  groupPerMinute?: number;
  /** Milliseconds for the limits and goDown (default: the real time, Date.now). */
  clock?: () => number;
};

export type FakeTelegram = {
  apiRoot: string;
  calls: Call[];
  /** Downloadable file contents by file_id (getFile + GET /file/bot<token>/<file_path>). */
  files: Map<string, Buffer | string>;
  /** Queues an update for getUpdates (update_id assigned when missing); returns it. */
  pushUpdate: (update: Omit<Update, "update_id"> & { update_id?: number }) => Update;
  /** The next `times` calls of `method` (or "*": any send/edit) answer with `error`. */
  failNext: (method: string, error: FakeError, times?: number) => void;
  /** Every send/edit to `chatId` answers with `error` until clearFailures(). */
  failChat: (chatId: number | string | bigint, error: FakeError) => void;
  clearFailures: () => void;
  /** The API is unreachable for `ms` (limits clock): connections reset, never answered, or 502. */
  goDown: (ms: number, how?: "reset" | "hang" | 502) => void;
  /** Calls answered 429 (by the limits or injected), in order. */
  floods: () => Call[];
  /** Successful send* calls (sendMessage, sendPhoto, …), optionally to one chat, in order. */
  sent: (chatId?: number | string | bigint) => Call[];
  /** Forgets the recorded calls (queued updates, files and failures stay). */
  reset: () => void;
  /** The bot's messages in a chat as they are now (edits applied), oldest first. */
  chatMessages: (chatId: number | string | bigint) => any[];
  /** A group or supergroup the bot is in (type from the id when not given), with its members. */
  addGroup: (group: { id: number; title: string; type?: "group" | "supergroup"; members?: number[] }) => void;
  addMember: (chatId: number, userId: number) => void;
  /** A user who never opened the bot privately: sends (and chat actions) to them answer 403. */
  neverStarted: (userId: number) => void;
  /** The update Telegram sends when `from` presses the button with `data` on a group message. */
  pressFromGroup: (
    chatId: number, messageId: number, from: { id: number; first_name: string }, data: string,
  ) => Omit<Update, "update_id">;
  /** Called after every answered request (the sandbox page refreshes on it). */
  onCall: (listener: (call: Call) => void) => void;
  close: () => Promise<void>;
};

export const serverError = (code = 502): FakeError => ({
  error_code: code, description: code === 502 ? "Bad Gateway" : "Internal Server Error",
});
export const BLOCKED: FakeError = { error_code: 403, description: "Forbidden: bot was blocked by the user" };
export const floodWait = (seconds: number): FakeError => ({
  error_code: 429, description: `Too Many Requests: retry after ${seconds}`, parameters: { retry_after: seconds },
});

const TRUE_METHODS = new Set([
  "answerCallbackQuery", "setMyCommands", "deleteMyCommands", "deleteWebhook", "setWebhook", "setChatMenuButton",
  "sendChatAction", "deleteMessage", "deleteMessages", "setMyDescription", "setMyShortDescription", "setMyName",
  "pinChatMessage", "unpinChatMessage", "setMessageReaction",
]);

class BadRequest extends Error {
  constructor(readonly fake: FakeError) { super(fake.description); }
}
const badRequest = (description: string) => new BadRequest({ error_code: 400, description: `Bad Request: ${description}` });

type Waiter = { call: Call; offset: number; limit: number; finish: (result: Update[] | FakeError) => void };

export async function startFakeTelegram(opts: FakeTelegramOptions): Promise<FakeTelegram> {
  const calls: Call[] = [];
  const files = new Map<string, Buffer | string>();
  const queue: Update[] = [];
  const waiters = new Set<Waiter>();
  const failures = new Map<string, { error: FakeError; times: number }[]>();
  const chatFailures = new Map<string, FakeError>();
  const messages = new Map<string, any>(); // `${chatId}:${messageId}` → the current message
  const lastMessageId = new Map<string, number>();
  const listeners: ((call: Call) => void)[] = [];
  const maxPollMs = opts.maxPollMs ?? 2000;
  const limits = opts.limits ? (opts.limits === true ? {} : opts.limits) : undefined;
  const limitClock = limits?.clock ?? (() => Date.now());
  const perChatMs = limits?.perChatMs ?? 1000;
  const globalPerSecond = limits?.globalPerSecond ?? 30;
  const groupPerMinute = limits?.groupPerMinute ?? 20;
  const groups = new Map<string, { id: number; title: string; type: "group" | "supergroup"; members: Set<number> }>();
  const groupSends = new Map<string, number[]>();
  const unstarted = new Set<string>();
  const lastToChat = new Map<string, number>();
  let recentSends: number[] = [];
  let down: { until: number; how: "reset" | "hang" | 502 } | undefined;
  const now = opts.now ?? (() => new Date());
  let nextUpdateId = 1;
  let nextFileId = 1;
  let closed = false;

  const me = {
    id: opts.botId, is_bot: true, first_name: "Repair Desk", username: opts.username,
    can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false,
    can_connect_to_business: false, has_main_web_app: false,
  };
  const date = () => Math.floor(now().getTime() / 1000);
  const chatKey = (id: unknown) => String(id);
  const chatOf = (id: unknown) => {
    const n = typeof id === "string" && /^-?\d+$/.test(id) ? Number(id) : id;
    const group = groups.get(chatKey(n));
    if (group) return { id: group.id, type: group.type, title: group.title };
    return typeof n === "number" && n < 0
      ? { id: n, type: n <= -1e12 ? "supergroup" : "group", title: `Group ${n}` }
      : { id: n, type: "private", first_name: "User" };
  };

  function newMessage(chatId: unknown, fields: object) {
    if (chatId === undefined || chatId === null || chatId === "") throw badRequest("chat_id is empty");
    const key = chatKey(chatId);
    const messageId = (lastMessageId.get(key) ?? 0) + 1;
    lastMessageId.set(key, messageId);
    const message = { message_id: messageId, from: me, chat: chatOf(chatId), date: date(), ...fields };
    messages.set(`${key}:${messageId}`, message);
    return message;
  }

  /** A file_id as given, or a fresh one for an upload (`attach://…` or an uploaded part). */
  function fileIdOf(media: unknown): string {
    if (typeof media === "string" && !media.startsWith("attach://")) return media;
    const id = `UPLOADED-${nextFileId++}`;
    const content = (media as { content?: unknown } | null)?.content;
    if (Buffer.isBuffer(content)) files.set(id, content); // downloadable later, as on Telegram
    return id;
  }
  const photoSizes = (fileId: string) => [
    { file_id: `${fileId}-small`, file_unique_id: `${fileId}-s`, width: 90, height: 90, file_size: 1000 },
    { file_id: fileId, file_unique_id: `${fileId}-u`, width: 800, height: 600, file_size: 50_000 },
  ];
  const markup = (p: any) => (p.reply_markup && (p.reply_markup.inline_keyboard?.length ?? 1) > 0 ? { reply_markup: p.reply_markup } : {});
  const textFields = (p: any) => ({ text: String(p.text ?? ""), ...(p.entities ? { entities: p.entities } : {}) });

  function edit(p: any, change: (old: any) => object) {
    if (p.inline_message_id) return true;
    const key = `${chatKey(p.chat_id)}:${p.message_id}`;
    const old = messages.get(key);
    if (!old && opts.strictEdits) throw badRequest("message to edit not found");
    const base = old ?? { message_id: Number(p.message_id), from: me, chat: chatOf(p.chat_id), date: date() };
    const { reply_markup: _dropped, ...rest } = base;
    const next = { ...rest, ...change(base), ...markup(p), edit_date: date() };
    if (old && opts.strictEdits && JSON.stringify({ ...old, edit_date: 0 }) === JSON.stringify({ ...next, edit_date: 0 })) {
      throw badRequest("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
    }
    messages.set(key, next);
    return next;
  }

  function answer(method: string, p: any): unknown {
    if (TRUE_METHODS.has(method)) return true;
    switch (method) {
      case "getMe": return me;
      case "logOut": case "close": return true;
      case "getWebhookInfo": return { url: "", has_custom_certificate: false, pending_update_count: queue.length };
      case "getMyCommands": return [];
      case "sendMessage":
        if (!p.text) throw badRequest("message text is empty");
        if (String(p.text).length > 4096) throw badRequest("message is too long");
        return newMessage(p.chat_id, { ...textFields(p), ...markup(p) });
      case "sendPhoto":
        return newMessage(p.chat_id, { photo: photoSizes(fileIdOf(p.photo)), ...(p.caption ? { caption: p.caption } : {}), ...markup(p) });
      case "sendDocument": {
        const fileId = fileIdOf(p.document);
        return newMessage(p.chat_id, {
          document: { file_id: fileId, file_unique_id: `${fileId}-u`, file_name: typeof p.document === "object" ? p.document.filename : `${fileId}.dat` },
          ...(p.caption ? { caption: p.caption } : {}), ...markup(p),
        });
      }
      case "sendMediaGroup": {
        const media: any[] = Array.isArray(p.media) ? p.media : [];
        if (media.length < 2 || media.length > 10) throw badRequest("wrong number of media in the group (2-10)");
        const group = `MG-${nextFileId++}`;
        return media.map((m) => newMessage(p.chat_id, {
          media_group_id: group,
          ...(m.type === "photo" ? { photo: photoSizes(fileIdOf(m.media)) } : { document: { file_id: fileIdOf(m.media), file_unique_id: "u" } }),
          ...(m.caption ? { caption: m.caption } : {}),
        }));
      }
      case "editMessageText":
        if (!p.text) throw badRequest("message text is empty");
        return edit(p, () => textFields(p));
      case "editMessageCaption":
        return edit(p, () => (p.caption ? { caption: p.caption } : {}));
      case "editMessageReplyMarkup":
        return edit(p, () => ({}));
      case "getFile": {
        const content = files.get(String(p.file_id));
        if (content === undefined) throw badRequest("invalid file_id");
        return { file_id: p.file_id, file_unique_id: `${p.file_id}-u`, file_size: Buffer.byteLength(content), file_path: `documents/${p.file_id}` };
      }
      case "getChat": return chatOf(p.chat_id);
      case "getChatMember": {
        const member = groups.get(chatKey(p.chat_id))?.members.has(Number(p.user_id));
        const user = { id: Number(p.user_id), is_bot: false, first_name: "User" };
        return { status: member ? "member" : "left", user };
      }
      case "getChatMemberCount": return groups.get(chatKey(p.chat_id))?.members.size ?? 1;
      default:
        throw new BadRequest({ error_code: 404, description: "Not Found: method not found" });
    }
  }

  const isSendOrEdit = (method: string) => /^(send|edit|copy|forward)/.test(method) && method !== "sendChatAction";
  function injectedFailure(method: string, p: any): FakeError | undefined {
    const queued = failures.get(method)?.length ? failures.get(method)
      : isSendOrEdit(method) ? failures.get("*") : undefined;
    if (queued && queued.length > 0) {
      const head = queued[0]!;
      if (--head.times <= 0) queued.shift();
      return head.error;
    }
    if (p && p.chat_id !== undefined && isSendOrEdit(method)) return chatFailures.get(chatKey(p.chat_id));
    if (p && p.chat_id !== undefined && unstarted.has(chatKey(p.chat_id)) && /^(send|edit|copy|forward)/.test(method)) {
      return { error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" };
    }
    return undefined;
  }

  /** Enforcing mode: a message over Telegram's limits is answered 429; one within them is counted. */
  function overLimit(method: string, p: any): FakeError | undefined {
    const isMessage = /^(send|copy|forward)/.test(method) && method !== "sendChatAction";
    if (!limits || !isMessage || p?.chat_id === undefined) return undefined;
    const at = limitClock();
    const chat = chatKey(p.chat_id);
    const count = method === "sendMediaGroup" && Array.isArray(p.media) ? p.media.length : 1;
    const last = lastToChat.get(chat);
    if (last !== undefined && at - last < perChatMs) {
      return floodWait(Math.max(1, Math.ceil((last + perChatMs - at) / 1000)));
    }
    recentSends = recentSends.filter((t) => t > at - 1000);
    if (recentSends.length + count > globalPerSecond) return floodWait(1);
    const toGroup = chatOf(p.chat_id).type !== "private";
    const inMinute = (groupSends.get(chat) ?? []).filter((t) => t > at - 60_000);
    if (toGroup && inMinute.length + count > groupPerMinute) {
      return floodWait(Math.max(1, Math.ceil((inMinute[0]! + 60_000 - at) / 1000)));
    }
    if (toGroup) groupSends.set(chat, [...inMinute, ...Array<number>(count).fill(at)]);
    lastToChat.set(chat, at);
    for (let i = 0; i < count; i++) recentSends.push(at);
    return undefined;
  }

  // --- getUpdates: offset confirms, limit bounds, timeout holds the request (capped)
  function confirm(offset: number) {
    if (offset < 0) {
      queue.splice(0, Math.max(0, queue.length + offset));
    } else {
      while (queue.length > 0 && queue[0]!.update_id < offset) queue.shift();
    }
  }
  const available = (offset: number, limit: number) => queue.filter((u) => offset <= 0 || u.update_id >= offset).slice(0, limit);

  function getUpdates(call: Call, p: any, res: ServerResponse, reply: (r: Update[] | FakeError) => void) {
    const offset = Number(p.offset ?? 0);
    const limit = Math.min(100, Math.max(1, Number(p.limit ?? 100)));
    const timeoutMs = Math.min(maxPollMs, Math.max(0, Number(p.timeout ?? 0) * 1000));
    confirm(offset);
    // A newer getUpdates terminates a held one, as Telegram does.
    for (const w of waiters) w.finish({ error_code: 409, description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running" });
    const ready = available(offset, limit);
    if (ready.length > 0 || timeoutMs === 0 || closed) return reply(ready);
    let timer: NodeJS.Timeout | undefined;
    const waiter: Waiter = {
      call, offset, limit,
      finish: (r) => {
        if (!waiters.delete(waiter)) return;
        clearTimeout(timer);
        reply(r);
      },
    };
    waiters.add(waiter);
    timer = setTimeout(() => waiter.finish(available(offset, limit)), timeoutMs);
    // The client gave up (grammY aborts its poll on bot.stop()): forget the request.
    res.once("close", () => {
      if (waiters.delete(waiter)) clearTimeout(timer);
    });
  }
  function wake() {
    for (const w of waiters) {
      const ready = available(w.offset, w.limit);
      if (ready.length > 0) w.finish(ready);
    }
  }

  // --- HTTP
  function send(res: ServerResponse, status: number, body: unknown) {
    if (res.writableEnded || res.destroyed) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  }
  function fail(res: ServerResponse, call: Call | undefined, e: FakeError) {
    if (call) call.error = e;
    send(res, e.error_code, { ok: false, error_code: e.error_code, description: e.description, ...(e.parameters ? { parameters: e.parameters } : {}) });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake");
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download) {
      if (opts.token !== undefined && download[1] !== opts.token) return fail(res, undefined, { error_code: 401, description: "Unauthorized" });
      const fileId = decodeURIComponent(download[2]!.replace(/^documents\//, ""));
      const content = files.get(fileId);
      if (content === undefined) return fail(res, undefined, { error_code: 404, description: "Not Found" });
      const body = typeof content === "string" ? Buffer.from(content) : content;
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": body.length });
      return void res.end(body);
    }
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!m) return fail(res, undefined, { error_code: 404, description: "Not Found" });
    const [, token, method] = m as unknown as [string, string, string];
    let payload: any;
    try {
      payload = await readPayload(req, url);
    } catch (e) {
      return fail(res, undefined, { error_code: 400, description: `Bad Request: ${(e as Error).message}` });
    }
    if (down && limitClock() < down.until) {
      if (down.how === "reset") return void req.socket.destroy();
      if (down.how === "hang") return; // a black hole: the request is never answered
      return fail(res, undefined, serverError(502));
    }
    const call: Call = { method, payload };
    calls.push(call);
    if (opts.token !== undefined && token !== opts.token) return fail(res, call, { error_code: 401, description: "Unauthorized" });
    const injected = injectedFailure(method, payload) ?? overLimit(method, payload);
    if (injected) return fail(res, call, injected);
    if (method === "getUpdates") {
      return getUpdates(call, payload, res, (r) => {
        if (Array.isArray(r)) {
          call.result = r;
          send(res, 200, { ok: true, result: r });
        } else fail(res, call, r);
      });
    }
    try {
      call.result = answer(method, payload);
      send(res, 200, { ok: true, result: call.result });
      for (const listener of listeners) listener(call);
    } catch (e) {
      if (e instanceof BadRequest) return fail(res, call, e.fake);
      return fail(res, call, { error_code: 500, description: `Internal Server Error: ${String(e)}` });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => fail(res, undefined, { error_code: 500, description: `Internal Server Error: ${String(e)}` }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    calls,
    files,
    pushUpdate(update) {
      const id = update.update_id ?? Math.max(nextUpdateId, (queue.at(-1)?.update_id ?? 0) + 1);
      nextUpdateId = id + 1;
      const full = { ...update, update_id: id } as Update;
      queue.push(full);
      wake();
      return full;
    },
    failNext(method, error, times = 1) {
      const list = failures.get(method) ?? [];
      list.push({ error, times });
      failures.set(method, list);
    },
    failChat(chatId, error) {
      chatFailures.set(chatKey(chatId), error);
    },
    clearFailures() {
      failures.clear();
      chatFailures.clear();
      down = undefined;
    },
    goDown(ms, how = "reset") {
      down = { until: limitClock() + ms, how };
    },
    floods() {
      return calls.filter((c) => c.error?.error_code === 429);
    },
    sent(chatId) {
      return calls.filter((c) => c.method.startsWith("send") && c.result !== undefined &&
        (chatId === undefined || chatKey(c.payload?.chat_id) === chatKey(chatId)));
    },
    reset() {
      calls.length = 0;
    },
    chatMessages(chatId) {
      const prefix = `${chatKey(chatId)}:`;
      return [...messages].filter(([k]) => k.startsWith(prefix)).map(([, m]) => m).sort((a, b) => a.message_id - b.message_id);
    },
    addGroup(g) {
      const type = g.type ?? (g.id <= -1e12 ? "supergroup" : "group");
      groups.set(chatKey(g.id), { id: g.id, title: g.title, type, members: new Set(g.members ?? []) });
    },
    addMember(chatId, userId) {
      groups.get(chatKey(chatId))?.members.add(userId);
    },
    neverStarted(userId) {
      unstarted.add(chatKey(userId));
    },
    pressFromGroup(chatId, messageId, from, data) {
      const message = messages.get(`${chatKey(chatId)}:${messageId}`)
        ?? { message_id: messageId, from: me, chat: chatOf(chatId), date: date(), text: "" };
      const user = { id: from.id, is_bot: false, first_name: from.first_name };
      const query = { id: `cq${nextFileId++}`, from: user, chat_instance: `ci${chatId}`, message, data };
      return { callback_query: query } as Omit<Update, "update_id">;
    },
    onCall(listener) {
      listeners.push(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const w of waiters) w.finish([]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

// --- request bodies: JSON (grammY's default), multipart/form-data (uploads), urlencoded, query

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Form fields are strings; grammY sends objects and numbers JSON-encoded in them. */
function fieldValue(s: string): unknown {
  if (/^\s*[[{]/.test(s) || /^-?\d+(\.\d+)?$/.test(s) || s === "true" || s === "false") {
    try {
      const v = JSON.parse(s);
      // ids above 2^53 stay strings
      if (typeof v === "number" && !Number.isSafeInteger(v) && Number.isInteger(v)) return s;
      return v;
    } catch {
      return s;
    }
  }
  return s;
}

async function readPayload(req: IncomingMessage, url: URL): Promise<any> {
  const fromQuery = Object.fromEntries([...url.searchParams].map(([k, v]) => [k, fieldValue(v)]));
  if (req.method !== "POST") return fromQuery;
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  const body = await readBody(req);
  if (body.length === 0) return fromQuery;
  if (type.startsWith("application/json")) return { ...fromQuery, ...JSON.parse(body.toString("utf8")) };
  if (type.startsWith("application/x-www-form-urlencoded")) {
    return { ...fromQuery, ...Object.fromEntries([...new URLSearchParams(body.toString("utf8"))].map(([k, v]) => [k, fieldValue(v)])) };
  }
  if (type.startsWith("multipart/form-data")) {
    const boundary = /boundary=("?)([^";]+)\1/i.exec(req.headers["content-type"] ?? "")?.[2];
    if (!boundary) throw new Error("multipart body without a boundary");
    return { ...fromQuery, ...parseMultipart(body, boundary) };
  }
  throw new Error(`unsupported content-type "${type}"`);
}

/**
 * Minimal multipart parser: text parts become fields; file parts are attached where a field says
 * `attach://<name>` (top level or inside JSON like `media`), as { filename, size, content }.
 */
function parseMultipart(body: Buffer, boundary: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const uploads = new Map<string, { filename: string; size: number; content: Buffer }>();
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  while (pos !== -1) {
    let start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    if (body.subarray(start, start + 2).toString() === "\r\n") start += 2;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    let part = body.subarray(start, next);
    if (part.subarray(-2).toString() === "\r\n") part = part.subarray(0, -2);
    const split = part.indexOf("\r\n\r\n");
    const head = split === -1 ? part.toString() : part.subarray(0, split).toString();
    const content = split === -1 ? Buffer.alloc(0) : part.subarray(split + 4);
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    const filename = /filename="?([^";\r\n]*)"?/i.exec(head)?.[1];
    if (name !== undefined) {
      if (filename !== undefined) uploads.set(name, { filename, size: content.length, content: Buffer.from(content) });
      else fields[name] = fieldValue(content.toString("utf8"));
    }
    pos = next;
  }
  const attach = (v: unknown): unknown => {
    if (typeof v === "string" && v.startsWith("attach://")) return uploads.get(v.slice(9)) ?? v;
    if (Array.isArray(v)) return v.map(attach);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, attach(x)]));
    return v;
  };
  return attach(fields) as Record<string, unknown>;
}
