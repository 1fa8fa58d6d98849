// Callback data is packed and parsed here only: `action|id|arg`, at most 64 bytes.
// A button proves nothing: every press is re-checked by the domain against the database.
import { MAX_ROW_ID as MAX_ID } from "../domain/types.ts";

export type CallbackData = { action: string; id: number; arg: string };

export function packCallback(action: string, id: number, arg = ""): string {
  const data = arg ? `${action}|${id}|${arg}` : `${action}|${id}`;
  if (Buffer.byteLength(data) > 64) throw new Error(`callback data over 64 bytes: ${data}`);
  return data;
}


/** The parts of well-formed data, or undefined (forged, truncated, out of range): "this button has expired". */
export function parseCallback(data: string | undefined): CallbackData | undefined {
  const m = /^([a-z][a-z0-9_.-]{0,20})\|(\d{1,10})(?:\|([^|]{0,40}))?$/.exec(data ?? "");
  if (!m) return undefined;
  const id = Number(m[2]);
  if (!Number.isSafeInteger(id) || id > MAX_ID) return undefined;
  return { action: m[1]!, id, arg: m[3] ?? "" };
}

/** A filter for bot.callbackQuery(): matches `action|…`. */
export const callbackFor = (action: string) => new RegExp(`^${action.replace(/\./g, "\\.")}\\|`);
