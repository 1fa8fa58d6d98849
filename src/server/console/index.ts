// The desk console (issue 20) on the bot's own HTTP server: the page under WEBAPP_URL's path, and
// its JSON API under ".../api/". Each API call proves who it is with Telegram's signed launch data
// and is let in by the caller's current office role (re-read every time); the domain checks again.
import { createReadStream } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Api } from "grammy";
import { CJK_FONT_FILE } from "../../bot/report-chart.ts";
import { t } from "../../bot/i18n.ts";
import type { Database } from "../../db/client.ts";
import { consoleViewer } from "../../domain/console-access.ts";
import type { Logger } from "../../log.ts";
import { routeApi } from "./api.ts";
import { consoleAssets, INDEX_HTML } from "./assets.ts";
import { checkInitData } from "./auth.ts";
import { BadBody, readBody, send, sendJson, SECURITY_HEADERS } from "./http.ts";

/** Noto Sans CJK, the stylesheet's last resort: fetched only by a device without a Chinese font. */
function sendFont(res: ServerResponse) {
  res.writeHead(200, { ...SECURITY_HEADERS, "content-type": "font/otf", "cache-control": "max-age=604800" });
  createReadStream(CJK_FONT_FILE).pipe(res);
}

export type ConsoleDeps = {
  database: Database; clock: () => Date; log: Logger; botToken: string;
  /** Where the console is served, ending in "/" (the path of WEBAPP_URL). */
  basePath: string;
  defaultTz?: string;
  /** The Bot API, for the intake's photos (uploaded to the clerk's own chat for their file_id). */
  api?: Api;
};

export type ConsoleHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** Answers the console's requests; false for any other path (the caller routes it). */
export function createConsole(deps: ConsoleDeps): ConsoleHandler {
  const base = deps.basePath;
  async function api(req: IncomingMessage, res: ServerResponse, url: URL, path: string) {
    const signed = checkInitData(req.headers.authorization, deps.botToken, deps.clock());
    const lang = signed.language ?? "zh-CN";
    if (!signed.ok) return sendJson(res, 401, { error: signed.error, message: t(lang, `console-${signed.error}`) });
    const viewer = await consoleViewer(deps.database.db, signed.telegramId);
    if (!viewer.ok) {
      const refused = { title: t(lang, "console-refused-title"), message: t(lang, "console-refused") };
      return sendJson(res, 403, { error: "refused", ...refused });
    }
    const tr = (key: string, params?: Record<string, string | number>) => t(viewer.value.language, key, params);
    const call = {
      viewer: viewer.value, telegramId: signed.telegramId, t: tr, url, req, res,
      body: (limit?: number) => readBody(req, limit),
    };
    if (!(await routeApi(call, deps, path))) sendJson(res, 404, { error: "NOT_FOUND", message: tr("error-not-found") });
  }

  return async (req, res) => {
    const url = new URL(req.url ?? "/", "http://console");
    const path = url.pathname;
    if (path === base.slice(0, -1)) {
      res.writeHead(301, { location: base });
      res.end();
      return true;
    }
    if (!path.startsWith(base)) return false;
    const rest = path.slice(base.length);
    try {
      if (rest.startsWith("api/")) await api(req, res, url, rest.slice(4));
      else if (req.method !== "GET") sendJson(res, 405, { error: "method not allowed" });
      else if (rest === "" || rest === "index.html") send(res, 200, INDEX_HTML, "text/html; charset=utf-8");
      else if (rest === "app.js") send(res, 200, (await consoleAssets()).js, "text/javascript; charset=utf-8");
      else if (rest === "app.css") send(res, 200, (await consoleAssets()).css, "text/css; charset=utf-8");
      else if (rest === "font/cjk.otf") sendFont(res);
      else sendJson(res, 404, { error: "not found" });
    } catch (e) {
      if (!(e instanceof BadBody)) deps.log.error("console request failed", { path, error: String(e) });
      if (!res.headersSent) sendJson(res, e instanceof BadBody ? 400 : 500, { error: String((e as Error).message) });
      else res.end();
    }
    return true;
  };
}
