// A file a person sent, fetched within a size limit: the size Telegram states (on the message or
// from getFile) is checked before downloading; when neither states one, the download stops at the
// limit. Text must be UTF-8: other encodings (GBK from Excel) get a hint, never mojibake.
import type { BotContext } from "./context.ts";

export type Download = { ok: true; text: string } | { ok: false; reason: "too-big" | "failed" | "encoding" };

/** What the sender is told when a file could not be read, by reason. */
export const DOWNLOAD_KEYS = {
  "too-big": "admin-import-too-big", failed: "admin-import-download-failed", encoding: "admin-import-encoding",
} as const;

export async function downloadText(ctx: BotContext, maxBytes: number): Promise<Download> {
  const stated = ctx.message?.document?.file_size;
  if (stated !== undefined && stated > maxBytes) return { ok: false, reason: "too-big" };
  const file = await ctx.getFile();
  if ((file.file_size ?? 0) > maxBytes) return { ok: false, reason: "too-big" };
  const { apiRoot, botToken } = ctx.deps.config;
  const res = await fetch(`${apiRoot}/file/bot${botToken}/${file.file_path}`).catch(() => undefined);
  if (!res?.ok || !res.body) return { ok: false, reason: "failed" };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) return { ok: false, reason: "too-big" };
    chunks.push(chunk);
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return { ok: false, reason: "encoding" };
  }
}
