// The desk console on a real HTTP server over a test database, and callers signed as a person
// (Telegram's initData signed with the bot's token by the same library the server checks with).
import { createServer } from "node:http";
import { Api } from "grammy";
import type { AddressInfo } from "node:net";
import { sign } from "@telegram-apps/init-data-node";
import type { Database } from "../../src/db/client.ts";
import { createConsole } from "../../src/server/console/index.ts";
import { TOKEN } from "./bot-harness.ts";

export type ConsoleClient = {
  get: (path: string, headers?: Record<string, string>) => Promise<Response>;
  post: (path: string, body: unknown) => Promise<Response>;
};

export async function startConsole(database: Database, clock: () => Date, apiRoot?: string) {
  const errors: string[] = [];
  const log = { info: () => undefined, warn: () => undefined, error: (m: string, e?: object) => void errors.push(`${m} ${JSON.stringify(e)}`) };
  const api = apiRoot ? new Api(TOKEN, { apiRoot }) : undefined;
  const serve = createConsole({ database, clock, log, botToken: TOKEN, basePath: "/console/", api });
  const server = createServer((req, res) => {
    void serve(req, res).then((served) => {
      if (!served) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/console/`;

  /** initData for a Telegram user, signed at `at` (default: the clock) with `token` (default: the bot's). */
  const initData = (telegramId: number | bigint | null, opts: { at?: Date; token?: string; lang?: string } = {}) =>
    sign({ user: { id: Number(telegramId), first_name: "X", language_code: opts.lang ?? "zh-hans" } } as never,
      opts.token ?? TOKEN, opts.at ?? clock());

  /** A caller with a fixed Authorization header (`raw`), or signed afresh per request as the person. */
  const client = (who: { telegramId: bigint | null } | { raw: string }): ConsoleClient => {
    const auth = () => ("raw" in who ? who.raw : `tma ${initData(who.telegramId)}`);
    return {
      get: (path, headers = {}) => fetch(url + path, { headers: { authorization: auth(), ...headers } }),
      post: (path, body) => fetch(url + path, {
        method: "POST", headers: { authorization: auth(), "content-type": "application/json" }, body: JSON.stringify(body),
      }),
    };
  };
  return {
    url, errors, initData, client,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
