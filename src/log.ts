/** What every part logs through (bot, outbox sender, jobs); tests pass their own. */
export type Logger = {
  info: (msg: string, extra?: object) => void;
  warn: (msg: string, extra?: object) => void;
  error: (msg: string, extra?: object) => void;
};

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;

/** One JSON line per entry on stderr. */
export function createLogger(level: keyof typeof LEVELS = "info"): Logger {
  const write = (lvl: keyof typeof LEVELS) => (msg: string, extra: object = {}) => {
    if (LEVELS[lvl] >= LEVELS[level]) process.stderr.write(JSON.stringify({ t: new Date().toISOString(), level: lvl, msg, ...extra }) + "\n");
  };
  return { info: write("info"), warn: write("warn"), error: write("error") };
}
