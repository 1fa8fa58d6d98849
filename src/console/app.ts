// The page's shared state: who is looking (from /api/me), their words, and calls to the API
// with Telegram's signed launch data on every request.
import { initData } from "./telegram.ts";

export type Me = {
  name: string; language: string; properties: { id: number; name: string }[]; figures: number[];
  texts: Record<string, string>; categories: string[]; priorities: string[]; access: string[]; times: string[];
  channels: string[]; complaintCategories: string[];
};

export const app = { me: null as Me | null, property: 0 };

/** A word of the page, its {placeholders} filled in. */
export function tr(key: string, params: Record<string, string | number> = {}): string {
  const text = app.me?.texts[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly body: { error?: string; message?: string; title?: string; field?: string }) {
    super(body.message ?? `HTTP ${status}`);
  }
}

/** Raised when the person may not (or no longer) use the console: the page shows the refusal. */
export let onRefused: (e: ApiError) => void = () => undefined;
export const setOnRefused = (f: (e: ApiError) => void) => void (onRefused = f);

export async function api<T>(path: string, init: { method?: string; body?: unknown; etag?: string } = {}) {
  const headers: Record<string, string> = { authorization: `tma ${initData}` };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (init.etag) headers["if-none-match"] = init.etag;
  const res = await fetch(`api/${path}`, {
    method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (res.status === 304) return { data: null as T | null, etag: init.etag };
  const body = await res.json().catch(() => ({}));
  if (res.status === 401 || res.status === 403 && body.error === "refused") {
    const e = new ApiError(res.status, body);
    onRefused(e);
    throw e;
  }
  if (!res.ok) throw new ApiError(res.status, body);
  return { data: body as T, etag: res.headers.get("etag") ?? undefined };
}

/** A file from the API (the CSV), saved by the browser under its name. */
export async function download(path: string, fallbackName: string) {
  const res = await fetch(`api/${path}`, { headers: { authorization: `tma ${initData}` } });
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => ({})));
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
