import type { Context } from "grammy";
import type { ConversationFlavor } from "@grammyjs/conversations";
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import type { PersonView } from "../domain/people.ts";
import type { Language } from "../domain/types.ts";
import type { Translate } from "./i18n.ts";
import type { Logger } from "../log.ts";

/** Everything the bot needs from outside; main.ts builds it, tests build their own. */
export type BotDeps = {
  database: Database;
  config: Pick<Config, "botToken" | "apiRoot" | "adminTelegramIds" | "defaultLanguage" | "timezone">
    & Partial<Pick<Config, "officeStart" | "officeEnd" | "webapp">>;
  clock: () => Date;
  log: Logger;
};

type Extra = {
  deps: BotDeps;
  /** The sender, known to the database (undefined only for updates without a sender). */
  person: PersonView | undefined;
  lang: Language;
  t: Translate;
  /** What else is read about the sender (their units…), kept with their cached person row and as fresh. */
  remember: <T>(key: string, load: () => Promise<T>) => Promise<T>;
};

export type BotContext = ConversationFlavor<Context & Extra>;
/** Inside a conversation only plain Context exists: pass language and ids in as arguments. */
export type ConversationContext = Context;
