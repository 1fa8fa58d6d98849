// Callback data is packed and parsed here only: `action|id|arg`, at most 64 bytes.
// A button proves nothing: every press is re-checked by the domain against the database.

export type CallbackData = { action: string; id: number; arg: string };

export function packCallback(action: string, id: number, arg = ""): string {
  const data = arg ? `${action}|${id}|${arg}` : `${action}|${id}`;
  if (Buffer.byteLength(data) > 64) throw new Error(`callback data over 64 bytes: ${data}`);
  return data;
}

export function parseCallback(data: string | undefined): CallbackData | undefined {
  const m = /^([a-z][a-z0-9_.-]{0,20})\|(\d{1,12})(?:\|([^|]{0,40}))?$/.exec(data ?? "");
  if (!m) return undefined;
  return { action: m[1]!, id: Number(m[2]), arg: m[3] ?? "" };
}

/** A filter for bot.callbackQuery(): matches `action|…`. */
export const callbackFor = (action: string) => new RegExp(`^${action.replace(/\./g, "\\.")}\\|`);
