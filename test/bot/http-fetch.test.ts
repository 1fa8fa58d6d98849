// The lean fetch under the bot's Bot API calls (src/bot/http-fetch.ts), over real HTTP: against the
// fake Bot API, and against raw node:http servers where a misbehaving peer is needed.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createTlsServer, Agent as TlsAgent } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse,
} from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { createRequire } from "node:module";
import { afterEach, describe, expect, it } from "vitest";
import { Bot, InputFile } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import {
  BLOCKED, floodWait, serverError, startFakeTelegram, type FakeTelegram,
} from "../../src/fake-bot-api/server.ts";
import { httpFetch, withHttpFetch } from "../../src/bot/http-fetch.ts";
import { createTelegramFetch, type Fetch } from "../../src/bot/telegram-fetch.ts";

const TOKEN = "4242:fake-test-token";
const BOT_INFO: UserFromGetMe = {
  id: 4242, is_bot: true, first_name: "Repair Desk", username: "fake_test_bot",
  can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false,
  can_connect_to_business: false, has_main_web_app: false,
};
const json = (payload: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json", connection: "keep-alive" },
  body: JSON.stringify(payload),
});

let fake: FakeTelegram | undefined;
const servers: Server[] = [];
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

/** A raw HTTP server that counts its connections and hands each request to `handle`. */
async function rawServer(handle: (req: IncomingMessage, res: ServerResponse) => void) {
  const sockets: Socket[] = [];
  const server = createServer((req, res) => handle(req, res));
  server.on("connection", (socket) => sockets.push(socket));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sockets };
}

const readBody = (req: IncomingMessage) => new Promise<string>((resolve) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
});

const botOver = (apiRoot: string, fetch: Fetch) =>
  new Bot(TOKEN, { botInfo: BOT_INFO, client: { apiRoot, fetch: fetch as never } });

describe("the lean fetch for JSON calls", () => {
  it("a JSON call round-trips through grammY and the bot's default fetch, multi-byte text included", async () => {
    fake = await startFakeTelegram({ botId: BOT_INFO.id, username: BOT_INFO.username, token: TOKEN });
    const bot = botOver(fake.apiRoot, createTelegramFetch({ perChatMs: 0 }));
    expect(await bot.api.getMe()).toMatchObject({ id: 4242, username: "fake_test_bot" });
    // Content-Length counts bytes: a count of characters would cut the body short
    const keyboard = { inline_keyboard: [[{ text: "好", callback_data: "ok|1" }]] };
    const sent = await bot.api.sendMessage(7_000_000_001, "空调不制冷 🔧", { reply_markup: keyboard });
    // (the bot keeps of a sent message its ids, see telegram-fetch.ts: the text is checked where it arrived)
    expect(sent).toMatchObject({ message_id: 1, chat: { id: 7_000_000_001 } });
    expect(fake.calls.at(-1)!.payload).toMatchObject({ chat_id: 7_000_000_001, text: "空调不制冷 🔧" });
  });

  it("sends the JSON as given, its byte length, and no accept-encoding", async () => {
    const seen: { headers: IncomingHttpHeaders; body: string }[] = [];
    const server = await rawServer(async (req, res) => {
      seen.push({ headers: req.headers, body: await readBody(req) });
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ ok: true, result: "é" }));
    });
    const res = await httpFetch(`${server.url}/bot${TOKEN}/getMe`, json({ text: "é" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, result: "é" });
    expect(seen[0]!.body).toBe('{"text":"é"}');
    expect(seen[0]!.headers).toMatchObject({ "content-type": "application/json", "content-length": "13" });
    expect(seen[0]!.headers["accept-encoding"]).toBeUndefined();
  });

  it("429, 403 and 500 come back with their JSON bodies, readable through clone() too", async () => {
    fake = await startFakeTelegram({ botId: BOT_INFO.id, username: BOT_INFO.username, token: TOKEN });
    const url = `${fake.apiRoot}/bot${TOKEN}/sendMessage`;
    const body = json({ chat_id: 5, text: "hi" });
    for (const [error, status] of [[floodWait(3), 429], [BLOCKED, 403], [serverError(500), 500]] as const) {
      fake.failNext("sendMessage", error);
      const res = await httpFetch(url, body);
      expect(res.status).toBe(status);
      expect(await res.clone().json()).toMatchObject({ ok: false, error_code: status, description: error.description });
      expect(await res.json()).toMatchObject({ ok: false, error_code: status });
    }
    const sent = await httpFetch(url, body);
    expect(await sent.json()).toMatchObject({ ok: true, result: { chat: { id: 5 }, text: "hi" } });
  });

  it("a 429 is read and waited out by the bot's fetch, then the message goes", async () => {
    fake = await startFakeTelegram({ botId: BOT_INFO.id, username: BOT_INFO.username, token: TOKEN });
    const waits: number[] = [];
    const bot = botOver(fake.apiRoot, createTelegramFetch({ perChatMs: 0, sleep: async (ms) => { waits.push(ms); } }));
    fake.failNext("sendMessage", floodWait(2));
    expect(await bot.api.sendMessage(6, "after the flood")).toMatchObject({ message_id: expect.any(Number) });
    expect(fake.sent(6).map((c) => c.payload.text)).toEqual(["after the flood"]);
    expect(fake.floods()).toHaveLength(1);
    expect(waits).toEqual([2025]);
  });

  it("a connection closed in the middle of the answer rejects", async () => {
    const server = await rawServer((req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"ok":true,"res');
      setImmediate(() => req.socket.destroy());
    });
    await expect(httpFetch(`${server.url}/bot${TOKEN}/getMe`, json({}))).rejects.toThrow(/closed|aborted|reset/i);
    // and one closed before any answer
    const silent = await rawServer((req) => req.socket.destroy());
    await expect(httpFetch(`${silent.url}/bot${TOKEN}/getMe`, json({}))).rejects.toThrow();
  });

  it("an aborted signal rejects with an AbortError and lets the socket go", async () => {
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => { arrived = resolve; });
    const server = await rawServer(() => arrived()); // never answers
    const controller = new AbortController();
    const signal = controller.signal;
    const call = httpFetch(`${server.url}/bot${TOKEN}/sendMessage`, { ...json({ chat_id: 1, text: "x" }), signal });
    await arrival;
    const closed = new Promise((resolve) => server.sockets[0]!.once("close", resolve));
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
    await closed; // the client destroyed its end: the socket is not kept for the next call
    // a signal aborted before the call: no request at all
    const late = httpFetch(`${server.url}/bot${TOKEN}/getMe`, { ...json({}), signal });
    await expect(late).rejects.toMatchObject({ name: "AbortError" });
    expect(server.sockets).toHaveLength(1);
  });

  it("keeps the connection alive: sequential calls share one socket", async () => {
    const server = await rawServer(async (req, res) => {
      await readBody(req);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ ok: true, result: true }));
    });
    for (let i = 0; i < 5; i++) {
      const res = await httpFetch(`${server.url}/bot${TOKEN}/sendChatAction`, json({ chat_id: i, action: "typing" }));
      expect(await res.json()).toEqual({ ok: true, result: true });
    }
    expect(server.sockets).toHaveLength(1);
  });

  it("speaks HTTPS when the URL says so, with the agent it is given, and checks the certificate", async () => {
    const dir = mkdtempSync(join(tmpdir(), "http-fetch-tls-"));
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
      "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
      "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem"),
    ], { stdio: "ignore" });
    const [key, cert] = [readFileSync(join(dir, "key.pem")), readFileSync(join(dir, "cert.pem"))];
    rmSync(dir, { recursive: true });
    const server = createTlsServer({ key, cert }, async (req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ ok: true, result: JSON.parse(await readBody(req)) }));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/bot${TOKEN}/getMe`;
    const agent = new TlsAgent({ keepAlive: true, ca: cert });
    const res = await httpFetch(url, { ...json({ over: "tls" }), agent });
    expect(await res.json()).toEqual({ ok: true, result: { over: "tls" } });
    agent.destroy();
    // its own agent trusts only the system's authorities: a self-signed certificate is refused
    await expect(httpFetch(url, json({}))).rejects.toThrow(/certificate/i);
  });

  it("an upload (multipart, a stream) still goes through node-fetch, and works", async () => {
    fake = await startFakeTelegram({ botId: BOT_INFO.id, username: BOT_INFO.username, token: TOKEN });
    // the bot's default fetch, as createBot wires it
    const bot = botOver(fake.apiRoot, createTelegramFetch({ perChatMs: 0 }));
    const upload = new InputFile(Buffer.from("jpeg bytes"), "p.jpg");
    const photo = await bot.api.sendPhoto(3, upload, { caption: "uploaded" });
    expect(photo).toMatchObject({ caption: "uploaded", chat: { id: 3 } });
    const recorded = fake.calls.at(-1)!.payload;
    expect(recorded).toMatchObject({ chat_id: 3, caption: "uploaded", photo: { filename: "p.jpg", size: 10 } });
    expect(fake.files.get(photo.photo.at(-1)!.file_id)?.toString()).toBe("jpeg bytes");

    // which path each call takes: JSON on the lean one, the upload through the fallback
    const nodeFetch = createRequire(createRequire(import.meta.url).resolve("grammy"))("node-fetch") as Fetch;
    const fellBack: string[] = [];
    const routed = botOver(fake.apiRoot, withHttpFetch((url, init) => {
      fellBack.push(url.slice(url.lastIndexOf("/") + 1));
      return nodeFetch(url, init);
    }));
    await routed.api.sendMessage(3, "text");
    await routed.api.sendDocument(3, new InputFile(Buffer.from("pdf bytes"), "report.pdf"));
    expect(fellBack).toEqual(["sendDocument"]);
    expect(fake.sent(3).map((c) => c.method)).toEqual(["sendPhoto", "sendMessage", "sendDocument"]);
  });
});
