import { createHash } from "node:crypto";
import { z } from "zod";
import { LANGUAGES } from "./domain/types.ts";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM");

const schema = z.object({
  BOT_TOKEN: z.string().trim().regex(/^\d+:[\w-]{30,}$/,
    "a token from @BotFather looks like 123456789:AAE…: digits, a colon, then 30 or more letters, digits, _ or -"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: or postgresql://")
    .refine((u) => u.startsWith("file:") || URL.canParse(u), "is not a valid postgresql:// URL")
    .optional(),
  TELEGRAM_API_ROOT: z.string().url().default("https://api.telegram.org"),
  ADMIN_TELEGRAM_IDS: z
    .string()
    .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, "must be a comma-separated list of numeric Telegram ids")
    .transform((s) => s.split(",").map((x) => Number(x.trim()))),
  TZ: z
    .string()
    .default("Asia/Shanghai")
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "must be an IANA time zone such as Asia/Shanghai"),
  OFFICE_HOURS: z
    .string()
    .default("08:00-17:30")
    .refine((s) => /^\S+-\S+$/.test(s) && s.split("-").every((p) => hhmm.safeParse(p).success), "must be HH:MM-HH:MM"),
  DEFAULT_LANGUAGE: z.enum(LANGUAGES).default("zh-CN"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  RETENTION_DAYS: z.coerce.number().int("must be a whole number of days").min(1, "must be at least 1").default(30),
  WEBHOOK_URL: z
    .string()
    .url()
    .regex(/^https:\/\//, "must be the public https:// address Telegram posts updates to")
    .optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, "must be 1-256 characters A-Z, a-z, 0-9, _ or -")
    .optional(),
  WEBHOOK_HOST: z.string().min(1).default("0.0.0.0"),
  WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  WEBHOOK_PATH: z.string().regex(/^\/\S*$/, "must start with /").optional(),
  WEBAPP_URL: z
    .string()
    .url()
    .regex(/^https:\/\//, "must be the public https:// address of the desk console (Telegram opens only https)")
    .optional(),
});

/** The desk console (WEBAPP_URL set): its public address, and the path this process serves it under. */
export type WebAppConfig = { url: string; path: string; host: string; port: number };

/** Webhook mode: where Telegram posts (url), the secret it sends back, where this process listens. */
export type WebhookConfig = { url: string; secret: string; host: string; port: number; path: string };

export type Config = {
  botToken: string;
  databaseUrl: string;
  apiRoot: string;
  adminTelegramIds: number[];
  timezone: string;
  officeStart: string;
  officeEnd: string;
  defaultLanguage: (typeof LANGUAGES)[number];
  logLevel: "debug" | "info" | "warn" | "error";
  /** Days sent notifications and stale conversation state are kept (events are kept for good). */
  retentionDays: number;
  /** null: long polling (the default). */
  webhook: WebhookConfig | null;
  /** null: no desk console (the default). Served on the webhook's server (WEBHOOK_HOST, WEBHOOK_PORT). */
  webapp: WebAppConfig | null;
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; error: string };

/**
 * Validates the environment; on failure returns one line naming the first bad variable. A variable
 * set to nothing (`WEBHOOK_URL=` in an env file) counts as not set.
 */
export function parseConfig(given: Record<string, string | undefined>): ConfigResult {
  const env = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    const what = env[name] === undefined ? "is missing" : `is invalid: ${issue.message}`;
    return { ok: false, error: `Configuration error: ${name} ${what}` };
  }
  const e = parsed.data;
  const [officeStart, officeEnd] = e.OFFICE_HOURS.split("-") as [string, string];
  return {
    ok: true,
    config: {
      botToken: e.BOT_TOKEN,
      databaseUrl: e.DATABASE_URL ?? "file:./data/repair-desk.db",
      apiRoot: e.TELEGRAM_API_ROOT.replace(/\/$/, ""),
      adminTelegramIds: e.ADMIN_TELEGRAM_IDS,
      timezone: e.TZ,
      officeStart,
      officeEnd,
      defaultLanguage: e.DEFAULT_LANGUAGE,
      logLevel: e.LOG_LEVEL,
      retentionDays: e.RETENTION_DAYS,
      webhook: e.WEBHOOK_URL === undefined ? null : {
        url: e.WEBHOOK_URL,
        // The same on every instance with this token, so a restart of one never locks the others out.
        secret: e.WEBHOOK_SECRET ?? createHash("sha256").update(`webhook:${e.BOT_TOKEN}`).digest("hex"),
        host: e.WEBHOOK_HOST,
        port: e.WEBHOOK_PORT,
        path: e.WEBHOOK_PATH ?? new URL(e.WEBHOOK_URL).pathname,
      },
      webapp: e.WEBAPP_URL === undefined ? null
        : { ...webappOf(e.WEBAPP_URL), host: e.WEBHOOK_HOST, port: e.WEBHOOK_PORT },
    },
  };
}

/** "https://desk.example.com/console" → served under "/console/" (the root "/" becomes "/console/"). */
function webappOf(url: string): Pick<WebAppConfig, "url" | "path"> {
  const path = new URL(url).pathname.replace(/\/*$/, "/");
  const served = path === "/" ? "/console/" : path;
  const u = new URL(url);
  u.pathname = served;
  return { url: u.toString(), path: served };
}
