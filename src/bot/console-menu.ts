// The desk console's menu button (WEBAPP_URL set): the desk, the control room and supervisors get a
// "Console" button beside the message field of their private chat with the bot, which opens the
// console signed as them; everyone else keeps the commands menu. BotFather needs nothing for this.
import type { Api } from "grammy";
import type { Database } from "../db/client.ts";
import { officeStaff } from "../domain/console-access.ts";
import type { PersonView } from "../domain/people.ts";
import { OFFICE_ROLES } from "../domain/staff.ts";
import type { Logger } from "../log.ts";
import { t } from "./i18n.ts";

const webAppButton = (url: string, lang: string) =>
  ({ type: "web_app" as const, text: t(lang, "console-menu-button"), web_app: { url } });

/** Sets one staff member's menu button after they join or change language (best effort). */
export async function setConsoleMenu(
  api: Api, person: Pick<PersonView, "telegramId" | "language" | "roles">, url: string | undefined, log: Logger,
) {
  if (!url || !person.telegramId || person.roles.length === 0) return;
  const office = person.roles.some((r) => OFFICE_ROLES.includes(r.role));
  const menu_button = office ? webAppButton(url, person.language) : { type: "commands" as const };
  await api.setChatMenuButton({ chat_id: person.telegramId, menu_button })
    .catch((e) => log.warn("setChatMenuButton failed", { error: String(e) }));
}

/** At start-up: every office staff member's chat gets the console button (one call each, in turn). */
export async function setConsoleMenus(api: Api, database: Database, url: string, log: Logger) {
  for (const { telegramId, language } of await officeStaff(database.db)) {
    await api.setChatMenuButton({ chat_id: telegramId, menu_button: webAppButton(url, language) })
      .catch((e) => log.warn("setChatMenuButton failed", { chatId: telegramId, error: String(e) }));
  }
}
