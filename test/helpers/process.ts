// The bot as a child process, for tests of the real thing (dist/main.js, the README's run command,
// `npm start`): built as `npm ci` builds it, started against the fake Bot API and a test database,
// its output kept, stopped with SIGTERM or killed with SIGKILL; and the people who write to it
// through the fake (updates queued for its long polling, its messages read from the fake's calls).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import type { Call, FakeTelegram } from "../../src/fake-bot-api/server.ts";
import { buttonsOf, textOf } from "./bot-harness.ts";
import { until } from "./until.ts";

/** Builds dist/main.js (what `npm ci` runs after db:generate). */
export const buildMain = () => void execFileSync(process.execPath, ["scripts/build.mjs"]);

/** The environment that points the bot at a fake Bot API and a test database (admin: Telegram id 1). */
export const botEnv = (token: string, fake: FakeTelegram, database: { url: string }) => ({
  BOT_TOKEN: token, DATABASE_URL: database.url, TELEGRAM_API_ROOT: fake.apiRoot, ADMIN_TELEGRAM_IDS: "1",
});

export type BotProcess = {
  child: ChildProcess;
  /** Everything it wrote so far, stdout and stderr. */
  output: () => string;
  /** Its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
};

/** `node dist/main.js` (or `argv`) with `env` over this process's environment. */
export function startProcess(env: Record<string, string>, argv = [process.execPath, "dist/main.js"]): BotProcess {
  const child = spawn(argv[0]!, argv.slice(1), { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (b) => (output += b));
  child.stderr!.on("data", (b) => (output += b));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** kill -9; resolves once it is gone. */
export async function killHard(p: BotProcess): Promise<void> {
  p.child.kill("SIGKILL");
  await p.exited;
}

/** SIGTERM, then the exit code, or "hung" when the process is still running `ms` later. */
export function terminate(p: BotProcess, ms = 15_000): Promise<number | null | "hung"> {
  p.child.kill("SIGTERM");
  const hung = new Promise<"hung">((resolve) => setTimeout(() => resolve("hung"), ms).unref());
  return Promise.race([p.exited, hung]);
}

/** What a timeout shows: the tail of the bot's output and the last calls it made. */
export function lastWords(output: string, fake: FakeTelegram): string {
  const call = (c: Call) => `${c.method} ${JSON.stringify(c.payload).slice(0, 200)} ${JSON.stringify(c.error ?? "")}`;
  const calls = fake.calls.slice(-8).map(call);
  return ["--- bot output (tail) ---", output.slice(-3000), "--- calls ---", ...calls].join("\n");
}

/**
 * People who write to a bot process through `fake`; each step waits for the bot's answer up to
 * `waitMs` (real time), and a timeout says `detail()`. `pushed` lists the update ids handed out.
 */
export function processUsers(fake: FakeTelegram, opts: { waitMs: number; detail: () => string }) {
  let updateId = 1;
  const pushed: number[] = [];
  const push = (update: object) => {
    pushed.push(fake.pushUpdate({ update_id: ++updateId, ...update } as never).update_id);
  };

  function user(id: number, name: string) {
    const from = { id, is_bot: false, first_name: name, language_code: "zh-hans" };
    const chat = { id, type: "private" as const, first_name: name };
    let seen = 0; // index into fake.calls: presses look only at the last pressed message and newer ones
    const waitFor = <T>(what: string, find: () => T) => until(`${what} for ${name}`, find, opts.waitMs, opts.detail);
    /** The bot's messages that reached this chat (sent or edited), with their index in fake.calls. */
    const inbox = () => fake.calls.map((c, i) => ({ c, i })).filter(({ c }) =>
      String(c.payload?.chat_id) === String(id) && /^(send|edit)/.test(c.method) && !c.error && c.result !== undefined);
    const date = () => Math.floor(Date.now() / 1000);
    const message = (extra: object) => ({ message: { message_id: updateId + 1, date: date(), chat, from, ...extra } });
    return {
      id,
      inbox,
      send(text: string) {
        const command = /^\/\w+/.exec(text)?.[0];
        const entities = command ? [{ type: "bot_command", offset: 0, length: command.length }] : undefined;
        push(message({ text, ...(entities ? { entities } : {}) }));
      },
      contact: (phone: string) => push(message({ contact: { phone_number: phone, first_name: name, user_id: id } })),
      /** Waits for a message (newer than the last pressed, or containing `within`) with the button, then presses it. */
      async press(label: string, within?: string) {
        const shows = (c: Call, i: number) => (within ? textOf(c).includes(within) : i >= seen)
          && buttonsOf(c).some((b) => b.text.includes(label));
        const { c, i } = await waitFor(`"${label}"`, () => [...inbox()].reverse().find(({ c, i }) => shows(c, i)));
        if (!within) seen = i; // the same message may hold the next button (Arrived, then Done)
        const data = buttonsOf(c).find((b) => b.text.includes(label))!.data;
        const onMessage = { message_id: c.result?.message_id ?? c.payload.message_id, date: 0, chat, text: "" };
        push({ callback_query: { id: `cb${updateId + 1}`, from, chat_instance: "process", data, message: onMessage } });
      },
      /** Waits until a message to this person contains `text`. */
      see: (text: string) => waitFor(`"${text}"`, () => inbox().find(({ c }) => textOf(c).includes(text))),
    };
  }
  return { user, pushed };
}
