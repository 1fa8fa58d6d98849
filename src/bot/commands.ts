// The command menu. Everybody sees the owner's short menu; staff get a per-chat menu with their
// own commands too, set when they join and when they change language.
import type { Api } from "grammy";
import type { PersonView } from "../domain/people.ts";
import { LANGUAGES } from "../domain/types.ts";
import { translator } from "./i18n.ts";

const OWNER = ["repair", "my", "complain", "language", "help", "cancel"];
const BY_ROLE: Record<string, string[]> = {
  technician: ["jobs", "duty"],
  desk: ["desk", "queue", "intake", "find", "callbacks", "followups", "complaints", "tocomplaint", "ownercode", "quote", "fees"],
  supervisor: ["desk", "queue", "intake", "find", "followups", "complaints", "report", "export", "prices", "fees"],
  control_room: ["desk", "queue", "intake", "find"],
  admin: [
    "units", "people", "ownercode", "invite", "settings", "linkgroup", "unlinkgroup", "prices", "report", "export",
  ],
};

/** The commands a person's menu shows, in order, without repeats. */
export function commandsFor(roles: string[]): string[] {
  const staff = roles.flatMap((r) => BY_ROLE[r] ?? []);
  return [...new Set([...staff, ...OWNER])];
}

const menu = (lang: string, commands: string[]) => {
  const t = translator(lang);
  return commands.map((c) => ({ command: c, description: t(`cmd-${c}`) }));
};

/** The default menu per language (called at start-up, never at import time). */
export async function setDefaultCommands(api: Api) {
  for (const lang of LANGUAGES) await api.setMyCommands(menu(lang, OWNER), lang === "en" ? { language_code: "en" } : {});
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
