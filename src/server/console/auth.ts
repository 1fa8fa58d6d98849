// Who is asking: every API request carries Telegram's signed launch data (`Authorization: tma
// <initData>`), checked with the bot token by @telegram-apps/init-data-node (an HMAC over the
// fields, keyed by the token), then its age against our clock. The role is not read from it: the
// caller's current grants are read from the database on every request (consoleViewer).
import { parse, validate } from "@telegram-apps/init-data-node";
import { languageOfTelegram, type Language } from "../../domain/types.ts";

/**
 * Telegram signs the data once, when the console is opened, and a desk clerk keeps it open through
 * a shift: a day covers the longest shift (a night in the control room) with room to spare, and
 * bounds what a copied header is good for. Revocation does not wait for it: roles are re-read each time.
 */
export const MAX_AGE_S = 24 * 60 * 60;

export type Signed =
  | { ok: true; telegramId: number; language: Language | undefined }
  | { ok: false; error: "unsigned" | "expired"; language: Language | undefined };

/** Checks the header's signature and age; the Telegram user id when both hold. */
export function checkInitData(header: string | undefined, botToken: string, now: Date): Signed {
  const raw = /^tma (.+)$/.exec(header ?? "")?.[1];
  if (!raw) return { ok: false, error: "unsigned", language: undefined };
  let data: { auth_date: Date; user?: { id: number; language_code?: string } };
  try {
    data = parse(raw) as typeof data; // snake_case unless asked for camelCase
  } catch {
    return { ok: false, error: "unsigned", language: undefined };
  }
  const language = languageOfTelegram(data.user?.language_code);
  try {
    validate(raw, botToken, { expiresIn: 0 }); // the signature; the age against our clock below
  } catch {
    return { ok: false, error: "unsigned", language };
  }
  const ageS = (now.getTime() - data.auth_date.getTime()) / 1000;
  if (!data.user || ageS > MAX_AGE_S || ageS < -300) return { ok: false, error: "expired", language };
  return { ok: true, telegramId: data.user.id, language };
}
