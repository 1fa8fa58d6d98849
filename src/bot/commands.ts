// Every command in one table: who has it. /help (per role, in the person's language), the command
// menus (default and per staff chat) and a test against the registered handlers all read it, so a
// new command is one row here (plus its `cmd-<name>` description in each language).
import type { Api } from "grammy";
import type { PersonView } from "../domain/people.ts";
import { LANGUAGES, type Role } from "../domain/types.ts";
import { translator } from "./i18n.ts";

/** Who a command is for: a staff role, owners (a linked home), or everyone. */
export type Audience = Role | "owner" | "everyone";
export type CommandRow = { command: string; for: Audience[]; menu?: false; icon?: string };

/** In menu order: staff commands first (by role), then the owner's and everyone's. */
export const COMMANDS: CommandRow[] = [
  { command: "desk", for: ["desk", "supervisor", "control_room"] },
  { command: "jobs", for: ["technician"] },
  { command: "duty", for: ["technician"] },
  { command: "queue", for: ["desk", "supervisor", "control_room"] },
  { command: "intake", for: ["desk", "supervisor", "control_room"] },
  { command: "find", for: ["desk", "supervisor", "control_room"] },
  { command: "callbacks", for: ["desk"] },
  { command: "followups", for: ["desk", "supervisor"] },
  { command: "complaints", for: ["desk", "supervisor"] },
  { command: "tocomplaint", for: ["desk", "supervisor"] },
  { command: "quote", for: ["desk", "supervisor"] },
  { command: "fees", for: ["desk", "supervisor", "admin"] },
  { command: "report", for: ["supervisor", "admin"] },
  { command: "export", for: ["supervisor", "admin"] },
  { command: "ownercode", for: ["desk", "admin"] },
  { command: "newproperty", for: ["admin"] },
  { command: "addunit", for: ["admin"] },
  { command: "import", for: ["admin"], menu: false }, // the caption of a CSV file
  { command: "units", for: ["admin"] },
  { command: "invite", for: ["admin"] },
  { command: "people", for: ["admin"] },
  { command: "revoke", for: ["admin"] },
  { command: "settings", for: ["admin"] },
  { command: "linkgroup", for: ["admin"] },
  { command: "unlinkgroup", for: ["admin"] },
  { command: "repair", icon: "🛠", for: ["owner"] },
  { command: "my", icon: "📋", for: ["owner"] },
  { command: "complain", icon: "📮", for: ["owner"] },
  { command: "prices", icon: "💴", for: ["supervisor", "admin", "owner"] },
  { command: "start", for: ["everyone"], menu: false },
  { command: "join", for: ["everyone"], menu: false },
  { command: "language", icon: "🌐", for: ["everyone"] },
  { command: "help", icon: "❓", for: ["everyone"] },
  { command: "cancel", icon: "❌", for: ["everyone"] },
];

/** The sections of /help, in order: staff roles first, then owners, then everyone. */
export const HELP_SECTIONS: Audience[] = [
  "technician", "desk", "supervisor", "control_room", "admin", "owner", "everyone",
];

/** The rows of one audience, in table order. */
export const commandsOf = (audience: Audience): CommandRow[] => COMMANDS.filter((c) => c.for.includes(audience));

/** The commands a person's menu shows, in order, without repeats (everybody sees the owner's). */
export function commandsFor(roles: string[]): string[] {
  const staff = COMMANDS.filter((c) => c.menu !== false && c.for.some((a) => roles.includes(a)));
  const everyone = COMMANDS.filter((c) => c.menu !== false && (c.for.includes("owner") || c.for.includes("everyone")));
  return [...new Set([...staff, ...everyone].map((c) => c.command))];
}

const menu = (lang: string, commands: string[]) => {
  const t = translator(lang);
  return commands.map((c) => ({ command: c, description: t(`cmd-${c}`) }));
};

/** The default menu per language (called at start-up, never at import time). */
export async function setDefaultCommands(api: Api) {
  for (const lang of LANGUAGES) {
    await api.setMyCommands(menu(lang, commandsFor([])), lang === "en" ? { language_code: "en" } : {});
  }
}

/**
 * A staff member's own menu in their language. Owners keep the default one, except in Traditional
 * Chinese: Telegram's per-language menus know only "zh", which shows the Simplified one.
 */
export async function setPersonCommands(api: Api, person: Pick<PersonView, "telegramId" | "language" | "roles">) {
  if (!person.telegramId || (person.roles.length === 0 && person.language !== "zh-TW")) return;
  const scope = { type: "chat" as const, chat_id: person.telegramId };
  await api.setMyCommands(menu(person.language, commandsFor(person.roles.map((r) => r.role))), { scope });
}
