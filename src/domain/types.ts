// Shared vocabulary of the domain. Status-like columns are strings in the schema (one model for
// SQLite and PostgreSQL); these unions are the values the domain writes.

export type Ok<T> = { ok: true; value: T };
export type Err<E extends string = ErrorCode> = { ok: false; error: E };
export type Result<T, E extends string = ErrorCode> = Ok<T> | Err<E>;
export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E extends string>(error: E): Err<E> => ({ ok: false, error });

/** Expected refusals; the bot maps each to a locale key `error-<code>` (lower-case, dashes). */
export type ErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "NOT_REGISTERED"
  | "NOT_OFFERED"
  | "ALREADY_TAKEN"
  | "TICKET_NOT_OPEN"
  | "INVALID_STATE"
  | "INVALID_INPUT"
  | "INVALID_RATING"
  | "ALREADY_RATED"
  | "INVITE_INVALID"
  | "DUPLICATE"
  | "OFFER_CLOSED"
  | "TOO_MANY_ATTEMPTS"
  // paid work (src/domain/paid)
  | "FREE_WORK"
  | "NOT_CHARGEABLE"
  | "QUOTE_REPLACED"
  | "QUOTE_NOT_APPROVED"
  | "PREPAYMENT_PENDING";

/** Database ids are positive 32-bit integers (PostgreSQL's int4): anything else names no row. */
export const MAX_ROW_ID = 2_147_483_647;
export const isRowId = (n: number): boolean => Number.isSafeInteger(n) && n >= 1 && n <= MAX_ROW_ID;

export const CATEGORIES = [
  "water",
  "electricity",
  "gas",
  "doors_locks",
  "lighting",
  "appliances",
  "public_facilities",
  "other",
] as const;
export type Category = (typeof CATEGORIES)[number];
export const isCategory = (s: string): s is Category => (CATEGORIES as readonly string[]).includes(s);

export const ROLES = ["admin", "desk", "technician", "supervisor", "control_room"] as const;
export type Role = (typeof ROLES)[number];
export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s);
/** Roles an invite may grant (admin comes from the environment or another admin). */
export const STAFF_ROLES = ["desk", "technician", "supervisor", "control_room"] as const;

export const LANGUAGES = ["zh-CN", "zh-TW", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const isLanguage = (s: string): s is Language => (LANGUAGES as readonly string[]).includes(s);

/** Our language for a Telegram `language_code` (zh-hant/zh-tw/zh-hk → zh-TW, zh/zh-hans → zh-CN, en), if we have it. */
export function languageOfTelegram(code: string | undefined): Language | undefined {
  const c = (code ?? "").toLowerCase().replace(/_/g, "-");
  if (/^zh-(hant|tw|hk|mo)\b/.test(c)) return "zh-TW";
  if (/^zh(-|$)/.test(c)) return "zh-CN";
  if (/^en(-|$)/.test(c)) return "en";
  return undefined;
}

/**
 * open → accepted → arrived → completed → closed; accepted/arrived → postponed → arrived/completed;
 * completed → accepted (owner says not fixed); open/accepted → cancelled. A later report of the same
 * public-area fault is `linked` to the first (its incident) and completed, reopened or cancelled with it.
 */
/** Every status a ticket can be in ("declined": the owner declined the quote, the job ended). */
export const TICKET_STATUSES = [
  "open", "accepted", "arrived", "postponed", "completed", "closed", "cancelled", "linked", "declined",
] as const;
export type TicketStatus = Exclude<(typeof TICKET_STATUSES)[number], "declined">;
/** Work a technician still holds. */
export const ACTIVE_WORK: TicketStatus[] = ["accepted", "arrived", "postponed"];

export type OfferStatus = "offered" | "accepted" | "declined" | "lost" | "withdrawn";
export type SurveyStatus = "scheduled" | "requested" | "reminded" | "phone" | "answered" | "void";

/** A button as data: the bot renders `label` from the locale and packs action/id/arg. */
export type ButtonIntent = { label: string; action: string; id: number; arg?: string };

export const MAX_DESCRIPTION = 1000;
export const MAX_PHOTOS = 5;
export const MAX_NOTE = 500;
