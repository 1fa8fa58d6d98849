// Webhook mode (WEBHOOK_URL set): a node:http server that checks the X-Telegram-Bot-Api-Secret-Token
// header on every POST (401 otherwise), writes the update into the durable inbox and answers 200 at
// once (handling goes on from the inbox, so Telegram's next update never waits for this one's
// handling); when the database cannot take it, 503, and Telegram delivers it again later. GET
// (or HEAD) /healthz answers for the process manager. setWebhook is called at start (after the server listens); a stop closes the server, lets
// the requests in progress finish and leaves the webhook set, so Telegram keeps the updates for the
// next start or another instance.
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext } from "../bot/context.ts";
import { answerAtReceipt } from "../bot/deferred-answer.ts";
import type { WebhookConfig } from "../config.ts";
import type { Logger } from "../log.ts";
import type { Health } from "./health.ts";
import type { Inbox } from "./inbox.ts";
import { keptNotice } from "./kept-notice.ts";
import { retryUntilUp } from "./start-up.ts";
import { ALLOWED_UPDATES } from "./updates.ts";

export type WebhookOptions = {
  config: WebhookConfig;
  log: Logger;
  health: () => Promise<Health>;
  inbox: Inbox;
  /** How long a stop waits for the requests in progress before it cuts their connections. */
  answerWithinMs?: number;
  /** Other pages served by this server (the desk console); true when it answered the request. */
  serve?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
};

export type Webhook = { port: number; stop: () => Promise<void> };

const MAX_BODY = 1 << 20; // updates are a few KB

class BadRequest extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

async function readUpdate(req: IncomingMessage): Promise<Update> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new BadRequest(413, "body too large");
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Update;
  } catch {
    throw new BadRequest(400, "body is not JSON");
  }
}

const sameSecret = (given: string | undefined, secret: string) =>
  given !== undefined && given.length === secret.length && timingSafeEqual(Buffer.from(given), Buffer.from(secret));

function json(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export async function startWebhook(bot: Bot<BotContext>, opts: WebhookOptions): Promise<Webhook> {
  const { config, log } = opts;
  const answerWithinMs = opts.answerWithinMs ?? 8_000;
  const outage = opts.inbox.outage;
  const kept = keptNotice(bot.api);

  async function route(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (opts.serve && path !== config.path && (await opts.serve(req, res))) return;
    if (path === "/healthz" && (req.method === "GET" || req.method === "HEAD")) { // HEAD: Node sends no body
      const health = await opts.health();
      return json(res, health.status === "ok" ? 200 : 503, health);
    }
    if (path !== config.path) return json(res, 404, { error: "not found" });
    if (req.method !== "POST") return json(res, 405, { error: "method not allowed" });
    const secret = req.headers["x-telegram-bot-api-secret-token"];
    if (!sameSecret(Array.isArray(secret) ? secret[0] : secret, config.secret)) {
      return json(res, 401, { error: "secret token is wrong" });
    }
    const update = await readUpdate(req);
    if (typeof update?.update_id !== "number") throw new BadRequest(400, "not an update");
    try {
      await opts.inbox.accept([update]);
      outage.ok();
      kept.ok();
    } catch (e) {
      outage.failed(e);
      await kept.failed([update]);
      return json(res, 503, { error: "try again later" });
    }
    // a flow's question button is answered in this reply: no Bot API call, no spinner left
    json(res, 200, answerAtReceipt(bot, update) ?? { ok: true });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((e) => {
      if (!(e instanceof BadRequest)) log.error("webhook request failed", { error: String(e) });
      const [status, error] = e instanceof BadRequest ? [e.status, e.message] : [500, "internal error"];
      if (!res.headersSent) json(res, status, { error });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const webhook = { secret_token: config.secret, allowed_updates: [...ALLOWED_UPDATES] };
  await retryUntilUp("setWebhook", () => bot.api.setWebhook(config.url, webhook), { log });
  log.info("webhook set", { url: config.url, listening: `${config.host}:${port}${config.path}` });

  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        // Stops accepting; resolves once the requests in progress are answered and their
        // keep-alive sockets (a proxy's, Telegram's) closed as they fall idle.
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        const cut = setTimeout(() => server.closeAllConnections(), answerWithinMs + 1_000);
        server.close(() => {
          clearInterval(sweep);
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
