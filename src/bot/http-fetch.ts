// A lean fetch for the Bot API calls grammY makes with a JSON body (all but file uploads): one
// node:http(s) request on a keep-alive socket, the answer gathered as bytes and parsed only when
// read. grammY's default on Node, node-fetch, builds a Request, Headers, a body stream and a
// Response around every call; with 50 chats at once that was ~8-10 % of the bot's CPU.
//
// What grammY's ApiClient gives a fetch for JSON: `{ method: "POST", headers: { "content-type",
// connection }, body: string, signal, agent }` (the agent: its keep-alive agent for the apiRoot).
// What it reads back: `res.json()`; telegram-fetch also reads `res.clone().json()` on a 429.
// Anything else (a multipart upload is a stream, an agent given as a function, headers that are
// not a plain object) goes to the fallback, node-fetch, as before.
//
// No accept-encoding is sent, so Telegram answers uncompressed: there is nothing to inflate.
import http from "node:http";
import https from "node:https";
import type { Fetch } from "./telegram-fetch.ts";

type Init = NonNullable<Parameters<Fetch>[1]>;
type Res = Awaited<ReturnType<Fetch>>;
type Signal = { aborted: boolean; addEventListener(type: "abort", fn: () => void): void; removeEventListener(type: "abort", fn: () => void): void };

/** One keep-alive agent per origin, for calls that come without grammY's. */
const agents = new Map<string, http.Agent>();
const agentFor = (url: string, tls: boolean): http.Agent => {
  const slash = url.indexOf("/", tls ? 8 : 7);
  const origin = slash < 0 ? url : url.slice(0, slash);
  let agent = agents.get(origin);
  if (!agent) agents.set(origin, (agent = tls ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true })));
  return agent;
};

/** Like node-fetch's: grammY and callers tell an aborted call by its name. */
class AbortError extends Error {
  override name = "AbortError";
  readonly type = "aborted";
  constructor() {
    super("The user aborted a request.");
  }
}

const isPlainObject = (v: unknown) => typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** Whether the lean path can take this call: a JSON (string) body over http(s), nothing exotic. */
const isLean = (url: string, init: Init | undefined): init is Init & { body: string } =>
  typeof init?.body === "string"
  && (url.startsWith("http://") || url.startsWith("https://"))
  && (init.headers === undefined || isPlainObject(init.headers))
  && (init.agent === undefined || init.agent instanceof http.Agent);

/** The answer as grammY reads it: its status, and the body parsed as JSON on demand. */
const answer = (status: number, body: Buffer): Res => {
  // the bytes never change: a clone can be the same object, each json() parses afresh
  const res: Res = { status, clone: () => res, json: async () => JSON.parse(body.toString("utf8")) };
  return res;
};

/** One request with a string body; resolves once the whole answer is in. */
export const httpFetch: Fetch = (url, init) => {
  if (!isLean(url, init)) return Promise.reject(new TypeError("httpFetch takes only a string body over http(s)"));
  const { body, signal } = init as Init & { body: string; signal?: Signal };
  return new Promise<Res>((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError());
    const tls = url.startsWith("https:");
    const agent = (init.agent as http.Agent | undefined) ?? agentFor(url, tls);
    const headers = { ...(init.headers as Record<string, string> | undefined), "content-length": Buffer.byteLength(body) };
    const req = (tls ? https : http).request(url, { method: (init.method as string | undefined) ?? "GET", headers, agent });
    let settled = false;
    const settle = () => {
      settled = true;
      signal?.removeEventListener("abort", onAbort);
    };
    const fail = (e: unknown) => {
      if (settled) return;
      settle();
      reject(e);
    };
    function onAbort() {
      fail(new AbortError());
      // the socket goes with the request: a half-read answer must not be handed to the next call
      req.destroy();
    }
    signal?.addEventListener("abort", onAbort);
    req.on("error", fail);
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      // a connection closed before the whole answer arrived: "aborted" (ECONNRESET), as Node documents
      res.on("error", fail);
      res.on("end", () => {
        if (settled) return;
        settle();
        resolve(answer(res.statusCode ?? 0, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
      });
    });
    req.end(body);
  });
};

/** The bot's default fetch: JSON calls on the lean path above, the rest (uploads) through `fallback`. */
export const withHttpFetch = (fallback: Fetch): Fetch => (url, init) =>
  isLean(url, init) ? httpFetch(url, init) : fallback(url, init);
