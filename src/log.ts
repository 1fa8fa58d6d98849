import { format } from "node:util";

/** What every part logs through (bot, outbox sender, jobs); tests pass their own. */
export type Logger = {
  info: (msg: string, extra?: object) => void;
  warn: (msg: string, extra?: object) => void;
  error: (msg: string, extra?: object) => void;
};

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

/** Replaces every secret (as written and URL-encoded) in a text with "[redacted]". */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets.filter((x) => x.length >= 8)) {
    for (const form of new Set([s, encodeURIComponent(s), s.slice(s.indexOf(":") + 1)])) {
      if (form.length >= 8) out = out.split(form).join("[redacted]");
    }
  }
  return out;
}

/** Error objects keep their message and stack in JSON (they have no enumerable fields). */
const plain = (_key: string, v: unknown) =>
  (v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v);

/**
 * One JSON line per entry on stderr; every secret (the bot token) is redacted from the whole line,
 * whatever field or nested error it hides in.
 */
export function createLogger(
  level: Level = "info", opts: { secrets?: string[]; write?: (line: string) => void } = {},
): Logger {
  const secrets = opts.secrets ?? [];
  const out = opts.write ?? ((line: string) => void process.stderr.write(line));
  const write = (lvl: Level) => (msg: string, extra: object = {}) => {
    if (LEVELS[lvl] < LEVELS[level]) return;
    out(redact(JSON.stringify({ t: new Date().toISOString(), level: lvl, msg, ...extra }, plain), secrets) + "\n");
  };
  return { info: write("info"), warn: write("warn"), error: write("error") };
}

/**
 * Libraries print to the console (the polling runner dumps a failed request, with its URL and so
 * the token): route console output and uncaught errors through the logger, one JSON line each.
 */
export function captureConsole(log: Logger): void {
  console.log = console.info = (...args: unknown[]) => log.info(format(...args));
  console.warn = (...args: unknown[]) => log.warn(format(...args));
  console.error = console.debug = (...args: unknown[]) => log.error(format(...args));
  process.on("uncaughtException", (e) => {
    log.error("uncaught exception", { error: e });
    process.exit(1);
  });
  process.on("unhandledRejection", (e) => {
    log.error("unhandled rejection", { error: e });
    process.exit(1);
  });
}

export type OutageLog = {
  /** A try failed: the first failure of an episode logs one line, later ones are only counted. */
  failed: (error: unknown, extra?: object) => void;
  /** A try worked: ends the episode (if any) with one line and its counts. */
  ok: (extra?: object) => void;
};

/**
 * One line when something (the database, Telegram) becomes unreachable and one when it is back, with
 * how long it lasted and how many tries failed: not one line per tick of a loop that keeps trying.
 */
export function outageLog(log: Logger, what: string, now: () => number = Date.now): OutageLog {
  let since: number | null = null;
  let failures = 0;
  return {
    failed(error, extra = {}) {
      failures++;
      if (since !== null) return;
      since = now();
      log.warn(`${what}: outage started, retrying quietly`, { error: String(error), ...extra });
    },
    ok(extra = {}) {
      if (since === null) return;
      log.info(`${what}: outage over`, { seconds: Math.round((now() - since) / 1000), failedTries: failures, ...extra });
      since = null;
      failures = 0;
    },
  };
}
