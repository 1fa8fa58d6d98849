// The sandbox: the real bot (createBot, outbox sender, jobs) on its own SQLite file, talking to the
// project's fake Bot API, and a page on 127.0.0.1 showing each demo person's chat as a phone.
// The page sends real updates (through the fake's getUpdates) and shows only what the bot sent.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createReadStream, readFileSync, rmSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Api } from "grammy";
import type { Message, Update } from "grammy/types";
import { createBot } from "../bot/create-bot.ts";
import type { BotDeps } from "../bot/context.ts";
import { setDefaultCommands } from "../bot/commands.ts";
import { createOutboxSender } from "../bot/outbox-sender.ts";
import { openDatabase } from "../db/open.ts";
import { sqlitePath } from "../db/client.ts";
import { JOBS, createTicker, startJobs } from "../jobs/index.ts";
import type { Logger } from "../log.ts";
import { startFakeTelegram } from "../fake-bot-api/server.ts";
import { startReceiving } from "../server/receive.ts";
import { createConsole } from "../server/console/index.ts";
import { consoleLaunchUrl } from "./console.ts";
import { calendarOf, isWorkingDay, localDayStart, localInstant } from "../domain/schedule.ts";
import { zonedParts } from "../domain/time.ts";
import { DEMO_PROPERTY, PHONES, TEAM_GROUP, seedDemo } from "./seed.ts";
import { SAMPLE_PHOTOS, SAMPLE_DOCUMENTS } from "./samples.ts";

const TOKEN = "100000:SANDBOX-token-not-a-real-bot";
const BOT = { id: 9_000_001, username: "repair_desk_sandbox_bot" };
/** Noto Sans CJK, offered to browsers without a Chinese font (headless Chromium on a server). */
const CJK_FONT = join(
  dirname(createRequire(import.meta.url).resolve("@embedpdf/fonts-sc")), "../fonts/NotoSansHans-Regular.otf",
);

/** The longest step of the sandbox's clock between two sweeps of the jobs. */
const STEP_MINUTES = 10;
const MORNING = 9 * 60;

/**
 * 09:00 of today (in the demo property's zone) when today is a working day, otherwise of the next
 * one: the office is open when the sandbox starts, whatever the real time.
 */
export function sandboxMorning(now: Date): Date {
  const cal = calendarOf({ timezone: DEMO_PROPERTY.timezone, officeStart: "08:00", officeEnd: "17:30", holidays: "" });
  let day = localDayStart(now, cal.tz);
  while (!isWorkingDay(day, cal)) day = localDayStart(new Date(day.getTime() + 36 * 3_600_000), cal.tz);
  return localInstant(zonedParts(day, cal.tz), MORNING, cal.tz);
}

export type SandboxOptions = {
  /** An SQLite URL (file:…); the file is started afresh. */
  databaseUrl: string;
  /** Port for the page (0 = any free one). */
  port?: number;
  /** The sandbox clock's starting time (default: 09:00 of today or the next working day, sandboxMorning). */
  start?: Date;
  log: Logger;
};

type Phone = (typeof PHONES)[number];
/** A message a person sent from the page, shown after the bot's message `after` (0: before all). */
type Mine = {
  id: number; after: number; date: number; text?: string; photo?: string; contact?: string; document?: string;
  /** Who wrote it (in the team group). */
  name?: string;
};

export async function startSandbox(opts: SandboxOptions) {
  const file = sqlitePath(opts.databaseUrl);
  mkdirSync(dirname(file), { recursive: true });
  for (const s of ["", "-wal", "-shm", "-journal"]) rmSync(file + s, { force: true });
  let offset = (opts.start ?? sandboxMorning(new Date())).getTime() - Date.now();
  const clock = () => new Date(Date.now() + offset);

  const { database } = await openDatabase(opts.databaseUrl);
  await seedDemo(database, clock());
  const fake = await startFakeTelegram({
    botId: BOT.id, username: BOT.username, token: TOKEN, now: clock, maxPollMs: 1000,
  });
  for (const [id, svg] of Object.entries(SAMPLE_PHOTOS)) fake.files.set(id, svg);
  for (const [id, d] of Object.entries(SAMPLE_DOCUMENTS)) fake.files.set(id, d.content);
  const groupMembers = PHONES.filter((p) => (TEAM_GROUP.members as readonly string[]).includes(p.key));
  fake.addGroup({ id: TEAM_GROUP.id, title: TEAM_GROUP.title, members: groupMembers.map((p) => p.telegramId) });

  const config: BotDeps["config"] = {
    botToken: TOKEN, apiRoot: fake.apiRoot, adminTelegramIds: [],
    defaultLanguage: "zh-CN" as const, timezone: "Asia/Shanghai",
  };
  const deps = { database, config, clock, log: opts.log };
  const bot = createBot(deps);
  await bot.init();
  await setDefaultCommands(bot.api);
  // As in main.ts: the sender paces itself, so it calls the Bot API without the bot's pacing.
  const senderApi = new Api(TOKEN, { apiRoot: fake.apiRoot });
  const sender = createOutboxSender({ db: database.db, api: senderApi, clock, log: opts.log });
  sender.start();
  const jobs = startJobs({ database, clock, log: opts.log, timezone: config.timezone });

  // What the people typed (the fake only keeps what the bot sent), and the bot's answers to presses.
  const mine = new Map<string, Mine[]>([...PHONES.map((p) => [p.key, []] as [string, Mine[]]), ["group", []]]);
  const toasts = new Map<string, { text: string; at: number }>();
  const pressedBy = new Map<string, string>();
  let version = 0;
  let nextMessageId = 1_000_000;
  fake.onCall((call) => {
    version++;
    if (call.method !== "answerCallbackQuery") return;
    const who = pressedBy.get(String(call.payload.callback_query_id));
    if (who && call.payload.text) toasts.set(who, { text: String(call.payload.text), at: version });
  });

  await sweep(); // the jobs set their first due times (the daily close-out's) at the sandbox's start
  // Updates come in by long polling from the fake, as in production (src/server/receive.ts).
  const receiving = await startReceiving(bot, {
    config: { webhook: null }, database, clock, log: opts.log, senderHolder: sender.holder,
    onFatal: (e) => opts.log.error("sandbox: polling stopped", { error: String(e) }),
  });

  const phoneOf = (key: unknown): Phone | undefined => PHONES.find((p) => p.key === key);
  const userOf = (p: Phone) => ({
    id: p.telegramId, is_bot: false as const, first_name: p.name, language_code: "zh-hans",
  });
  const group = { id: TEAM_GROUP.id, type: "supergroup" as const, title: TEAM_GROUP.title };
  /** A person's own chat with the bot, or the team group when they write or press there (`as`). */
  type Where = { phone: Phone; key: string; chatId: number };
  const privately = (p: Phone): Where => ({ phone: p, key: p.key, chatId: p.telegramId });
  const inGroup = (p: Phone): Where => ({ phone: p, key: "group", chatId: group.id });
  const chatOf = (w: Where) =>
    (w.key === "group" ? group : { id: w.phone.telegramId, type: "private" as const, first_name: w.phone.name });
  const date = () => Math.floor(clock().getTime() / 1000);
  const lastBotId = (w: Where) => fake.chatMessages(w.chatId).at(-1)?.message_id ?? 0;

  function say(w: Where, shown: Omit<Mine, "id" | "after" | "date">, fields: object) {
    const id = nextMessageId++;
    const by = w.key === "group" ? { name: w.phone.name } : {};
    mine.get(w.key)!.push({ id, after: lastBotId(w), date: date(), ...by, ...shown });
    version++;
    const message = { message_id: id, date: date(), chat: chatOf(w), from: userOf(w.phone), ...fields };
    fake.pushUpdate({ message } as Omit<Update, "update_id">);
  }

  function send(p: Where, body: any): boolean {
    if (typeof body.text === "string" && body.text.trim()) {
      const text = body.text.slice(0, 4096);
      say(p, { text }, { text, entities: commandEntities(text) });
    } else if (body.contact) {
      const phone = p.phone.phone || "13800138000";
      const contact = { phone_number: phone, first_name: p.phone.name, user_id: p.phone.telegramId };
      say(p, { contact: phone }, { contact });
    } else if (typeof body.photo === "string" && body.photo in SAMPLE_PHOTOS) {
      const id = body.photo;
      say(p, { photo: id }, { photo: [
        { file_id: id, file_unique_id: `${id}-u`, width: 640, height: 480, file_size: SAMPLE_PHOTOS[id]!.length },
      ] });
    } else if (typeof body.document === "string" && body.document in SAMPLE_DOCUMENTS) {
      const d = SAMPLE_DOCUMENTS[body.document]!;
      const caption = typeof body.caption === "string" && body.caption ? body.caption : undefined;
      say(p, { document: d.name, ...(caption ? { text: caption } : {}) }, {
        document: {
          file_id: body.document, file_unique_id: `${body.document}-u`, file_name: d.name, mime_type: d.mime,
          file_size: d.content.length,
        },
        ...(caption ? { caption, caption_entities: commandEntities(caption) } : {}),
      });
    } else return false;
    return true;
  }

  function press(w: Where, messageId: number, data: string): boolean {
    const message = fake.chatMessages(w.chatId).find((m: Message) => m.message_id === messageId);
    if (!message) return false;
    const id = `sandbox-${nextMessageId++}`;
    pressedBy.set(id, w.key);
    const query = { id, from: userOf(w.phone), chat_instance: `ci-${w.key}`, data, message };
    fake.pushUpdate({ callback_query: query } as Omit<Update, "update_id">);
    return true;
  }

  /**
   * Moves the clock in steps of at most STEP_MINUTES, running every job's sweep and sending what
   * they queued at each: a day runs the day's jobs in their order (the close-out, the night's
   * reminders and escalations, the next morning's handover), none skipped or bunched together.
   */
  async function advance(minutes: number) {
    for (let left = minutes; left > 0; left -= STEP_MINUTES) {
      offset += Math.min(left, STEP_MINUTES) * 60_000;
      await sweep();
    }
  }
  async function sweep() {
    const jobDeps = { database, clock, log: opts.log, timezone: config.timezone };
    for (const job of JOBS) await createTicker(job, jobDeps).tick();
    await sender.tick();
    version++;
  }

  function state() {
    return {
      version, now: clock().toISOString(), timezone: config.timezone,
      phones: PHONES.map((p) => ({
        key: p.key, title: p.title, messages: fake.chatMessages(p.telegramId), mine: mine.get(p.key),
        toast: toasts.get(p.key) ?? null,
      })),
      group: {
        key: "group", title: TEAM_GROUP.title, messages: fake.chatMessages(group.id), mine: mine.get("group"),
        toast: toasts.get("group") ?? null, members: groupMembers.map((p) => ({ key: p.key, name: p.name })),
      },
      photos: Object.keys(SAMPLE_PHOTOS),
      console: consoleUrl("desk"),
      documents: Object.entries(SAMPLE_DOCUMENTS).map(([id, d]) => ({ id, name: d.name })),
    };
  }

  const page = readFileSync(new URL("./page.html", import.meta.url));
  // The desk console beside the phones, signed with the sandbox's own token (as Telegram would sign it).
  const serveConsole = createConsole({
    database, clock, log: opts.log, botToken: TOKEN, basePath: "/console/", api: bot.api,
  });
  const consoleUrl = (key: string) => {
    const p = phoneOf(key);
    return p ? consoleLaunchUrl(TOKEN, { id: p.telegramId, first_name: p.name }, clock()) : "";
  };
  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (await serveConsole(req, res)) return;
    const url = new URL(req.url ?? "/", "http://sandbox");
    if (req.method === "GET" && url.pathname === "/") return reply(res, 200, page, "text/html; charset=utf-8");
    if (req.method === "GET" && url.pathname === "/api/state") return json(res, 200, state());
    if (req.method === "GET" && url.pathname === "/font/cjk.otf") {
      res.writeHead(200, { "content-type": "font/otf", "cache-control": "max-age=86400" });
      return void createReadStream(CJK_FONT).pipe(res);
    }
    const file = /^\/file\/(.+)$/.exec(url.pathname);
    if (req.method === "GET" && file) {
      const content = fake.files.get(decodeURIComponent(file[1]!));
      if (content === undefined) return json(res, 404, { error: "no such file" });
      return reply(res, 200, typeof content === "string" ? Buffer.from(content) : content, typeOf(content));
    }
    if (req.method !== "POST") return json(res, 404, { error: "not found" });
    const body = await readJson(req);
    // in the group, the member chosen on the panel writes or presses
    const member = body.phone === "group" ? groupMembers.find((x) => x.key === body.as) : undefined;
    const own = body.phone === "group" ? undefined : phoneOf(body.phone);
    const p = member ? inGroup(member) : own ? privately(own) : undefined;
    if (url.pathname === "/api/clock") {
      const minutes = Number(body.minutes);
      const valid = Number.isFinite(minutes) && minutes > 0 && minutes <= 7 * 24 * 60;
      if (!valid) return json(res, 400, { error: "minutes" });
      await advance(minutes);
      return json(res, 200, { now: clock().toISOString() });
    }
    if (!p) return json(res, 400, { error: "phone" });
    if (url.pathname === "/api/send") return json(res, send(p, body) ? 200 : 400, {});
    if (url.pathname === "/api/press") {
      return json(res, press(p, Number(body.messageId), String(body.data)) ? 200 : 400, {});
    }
    return json(res, 404, { error: "not found" });
  }
  const server = createServer((req, res) => {
    handle(req, res).catch((e) => json(res, 500, { error: String(e) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  config.webapp = { url: `${url}/console/`, path: "/console/", host: "127.0.0.1", port: 0 }; // for /desk

  return {
    url, database, fake, advance, clock, consoleUrl,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await receiving.stop();
      await jobs.stop();
      await sender.stop();
      await fake.close();
      await database.close();
    },
  };
}

function reply(res: ServerResponse, status: number, body: Buffer | string, type: string) {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}
const json = (res: ServerResponse, status: number, body: unknown) =>
  reply(res, status, JSON.stringify(body), "application/json");

/** A leading /command as Telegram marks it (undefined when the text starts otherwise). */
function commandEntities(text: string) {
  const command = /^\/\w+/.exec(text)?.[0];
  return command ? [{ type: "bot_command", offset: 0, length: command.length }] : undefined;
}

function typeOf(content: Buffer | string): string {
  const head = typeof content === "string" ? content.slice(0, 8) : content.subarray(0, 8).toString("latin1");
  if (head.startsWith("<svg") || head.startsWith("<?xml")) return "image/svg+xml";
  if (head.startsWith("\x89PNG")) return "image/png";
  if (head.startsWith("%PDF")) return "application/pdf";
  return "text/plain; charset=utf-8";
}

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
  } catch {
    return {};
  }
}
