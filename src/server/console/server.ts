// In long polling the bot has no HTTP server of its own: with the desk console on, this one serves
// the console and GET /healthz (the same answer as the webhook server's) on WEBHOOK_HOST:WEBHOOK_PORT.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Health } from "../health.ts";
import type { ConsoleHandler } from "./index.ts";
import { sendJson } from "./http.ts";

export type ConsoleServer = { port: number; stop: () => Promise<void> };

export async function startConsoleServer(opts: {
  host: string; port: number; serve: ConsoleHandler; health: () => Promise<Health>;
}): Promise<ConsoleServer> {
  const server = createServer((req, res) => {
    void (async () => {
      if (await opts.serve(req, res)) return;
      const path = new URL(req.url ?? "/", "http://localhost").pathname;
      if (path === "/healthz" && req.method === "GET") {
        const health = await opts.health();
        return sendJson(res, health.status === "ok" ? 200 : 503, health);
      }
      sendJson(res, 404, { error: "not found" });
    })().catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 1_000).unref();
    }),
  };
}
