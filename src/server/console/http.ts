// Small HTTP helpers of the console: JSON answers with the console's security headers, and a
// bounded JSON body.
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * No inline script or style, nothing from elsewhere: the page's own script and stylesheet, and its
 * own API. Telegram shows the page in a frame on web.telegram.org; the sandbox shows it in its own.
 */
export const CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:", "connect-src 'self'",
  "font-src 'self'", "base-uri 'none'", "form-action 'none'",
  "frame-ancestors 'self' https://web.telegram.org https://*.telegram.org",
].join("; ");

export const SECURITY_HEADERS = {
  "content-security-policy": CSP,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
} as const;

export class BadBody extends Error {}

export function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: object = {}) {
  const length = Buffer.byteLength(body);
  res.writeHead(status, { ...SECURITY_HEADERS, "content-type": type, "content-length": length, ...extra });
  res.end(body);
}

export const sendJson = (res: ServerResponse, status: number, body: unknown, extra: object = {}) =>
  send(res, status, JSON.stringify(body), "application/json; charset=utf-8", extra);

const MAX_BODY = 64 * 1024;

/** The request's JSON object ({} when empty); BadBody when it is too large or not an object. */
export async function readBody(req: IncomingMessage, limit = MAX_BODY): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BadBody("body too large");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return {};
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // falls through
  }
  throw new BadBody("body is not a JSON object");
}
