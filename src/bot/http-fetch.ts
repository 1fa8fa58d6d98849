// A lean fetch for the Bot API calls grammY makes with a JSON body (all but file uploads): one
// node:http(s) request on a keep-alive socket, the answer gathered as bytes and parsed only when
// read. grammY's default on Node, node-fetch, builds a Request, Headers, a body stream and a
// Response around every call: with 50 chats at once, 3-5 % of the bot's CPU more than this path
// (client CPU per call 255 → 177 µs against a fake in another process).
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
import { urlToHttpOptions } from "node:url";
import type { Fetch } from "./telegram-fetch.ts";

type Init = NonNullable<Parameters<Fetch>[1]>;
type Res = Awaited<ReturnType<Fetch>>;
/** grammY's signals come from the abort-controller package: only these three are used. */
type Signal = {
  aborted: boolean;
  addEventListener(type: "abort", fn: () => void): void;
  removeEventListener(type: "abort", fn: () => void): void;
};

/** Where a call goes, worked out once per origin: its agent and what http.request needs. */
type Origin = {
  module: typeof http | typeof https;
  protocol: string;
  hostname: string;
  port: number | undefined;
  agent: http.Agent;
};
const origins = new Map<string, Origin>();
const originOf = (url: string): [Origin, string] => {
  const slash = url.indexOf("/", url.indexOf("//") + 2);
  const key = slash < 0 ? url : url.slice(0, slash);
  let origin = origins.get(key);
  if (!origin) {
    const { protocol, hostname, port } = urlToHttpOptions(new URL(key));
    const tls = protocol === "https:";
    // like grammY's own agents (platform.node.js): kept alive, one per origin
    const agent = tls ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
    origin = {
      module: tls ? https : http, protocol: protocol!, hostname: hostname!,
      port: port === undefined ? undefined : Number(port), agent,
    };
    origins.set(key, origin);
  }
  return [origin, slash < 0 ? "/" : url.slice(slash)];
};

/** Like node-fetch's: grammY and callers tell an aborted call by its name. */
class AbortError extends Error {
  override name = "AbortError";
  readonly type = "aborted";
  constructor() {
    super("The user aborted a request.");
  }
}

const isPlainObject = (v: unknown) =>
  typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** Whether the lean path can take this call: a JSON (string) body over http(s), nothing exotic. */
const isLean = (url: string, init: Init | undefined): init is Init & { body: string } =>
  typeof init?.body === "string"
  && (url.startsWith("http://") || url.startsWith("https://"))
  && (init.headers === undefined || isPlainObject(init.headers))
  && (init.agent === undefined || init.agent instanceof http.Agent);

/** The answer as grammY reads it: its status, and the body parsed as JSON on demand. */
class Answer implements Res {
  constructor(readonly status: number, private readonly body: Buffer) {}
  /** The bytes never change: a clone can be the same answer, each json() parses afresh. */
  clone(): Res {
    return this;
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.body.toString("utf8"));
  }
}

/** One request with a string body; resolves once the whole answer is in. */
export const httpFetch: Fetch = (url, init) => {
  if (!isLean(url, init)) return Promise.reject(new TypeError("httpFetch takes only a string body over http(s)"));
  return send(url, init);
};

/** The bot's default fetch: JSON calls on the lean path above, the rest (uploads) through `fallback`. */
export const withHttpFetch = (fallback: Fetch): Fetch => (url, init) =>
  isLean(url, init) ? send(url, init) : fallback(url, init);

function send(url: string, init: Init & { body: string }): Promise<Res> {
  const signal = init.signal as Signal | undefined;
  if (signal?.aborted) return Promise.reject(new AbortError());
  // inside the promise: a bad URL or header throws, and that must reject like a network error
  return new Promise<Res>((resolve, reject) => {
    const [origin, path] = originOf(url);
    const headers = {
      ...(init.headers as Record<string, string> | undefined), "content-length": Buffer.byteLength(init.body),
    };
    const req = origin.module.request({
      protocol: origin.protocol, hostname: origin.hostname, port: origin.port, path,
      method: (init.method as string | undefined) ?? "GET", headers,
      agent: (init.agent as http.Agent | undefined) ?? origin.agent,
    });
    let settled = false;
    const finish = (error: unknown, answer?: Res) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      if (answer) resolve(answer);
      else reject(error);
    };
    const onAbort = () => {
      finish(new AbortError());
      // the socket goes with the request: a half-read answer must not be handed to the next call
      req.destroy();
    };
    signal?.addEventListener("abort", onAbort);
    req.on("error", finish);
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      // a connection closed before the whole answer arrived: "aborted" (ECONNRESET), as Node documents
      res.on("error", finish);
      res.on("end", () => {
        const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        finish(undefined, new Answer(res.statusCode ?? 0, body));
      });
    });
    req.end(init.body);
  });
}
