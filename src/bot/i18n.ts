// Fluent texts, one bundle per language, loaded from src/bot/locales/<lang>/*.ftl.
// Used by handlers (ctx.t), by conversations (the language is passed in) and by the outbox
// sender (the recipient's language from their Person row).
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { excerpt } from "../domain/text.ts";
import { LANGUAGES, isLanguage, type Language } from "../domain/types.ts";

export type Params = Record<string, string | number>;
export type Translate = (key: string, params?: Params) => string;

const dir = fileURLToPath(new URL("./locales/", import.meta.url));
const FALLBACK: Language = "zh-CN";

/** "李" → "李师傅", but "李师傅" stays as it is: a technician's name with the polite title, once. */
const master = (title: string) => ([name]: unknown[]) => {
  const s = String(name ?? "").trim();
  if (!s || /[师師]傅$/.test(s)) return s;
  return /[A-Za-z0-9]$/.test(s) ? `${s} ${title}` : s + title;
};
const TITLES: Record<Language, string> = { "zh-CN": "师傅", "zh-TW": "師傅", en: "" };

function load(lang: Language): FluentBundle {
  const title = TITLES[lang];
  const functions = { MASTER: title ? master(title) : ([n]: unknown[]) => String(n ?? "") };
  const bundle = new FluentBundle(lang, { useIsolating: false, functions });
  for (const file of readdirSync(dir + lang).filter((f) => f.endsWith(".ftl")).sort()) {
    const errors = bundle.addResource(new FluentResource(readFileSync(`${dir}${lang}/${file}`, "utf8")));
    if (errors.length > 0) throw new Error(`${lang}/${file}: ${errors.map(String).join("; ")}`);
  }
  return bundle;
}

const bundles = new Map<Language, FluentBundle>(LANGUAGES.map((l) => [l, load(l)]));

/** Whether a key exists in a language (tests check every language has every key). */
export function hasKey(lang: Language, key: string): boolean {
  return bundles.get(lang)!.hasMessage(key);
}

/** All message keys of a language. */
export function keysOf(lang: Language): string[] {
  return [...(bundles.get(lang)! as unknown as { _messages: Map<string, unknown> })._messages.keys()];
}

/** Parameters that echo what a person typed (a code, a query, a line): a 4,000-character one is cut. */
const ECHOED = ["code", "query", "text", "label", "key", "value"];
const ECHO_MAX = 80;

const echoed = (params: Params): Params => {
  if (!ECHOED.some((k) => typeof params[k] === "string" && (params[k] as string).length > ECHO_MAX)) return params;
  const cut = { ...params };
  for (const k of ECHOED) if (typeof cut[k] === "string") cut[k] = excerpt(cut[k] as string, ECHO_MAX);
  return cut;
};

/** Texts without parameters, rendered once (a conversation renders its questions again on every replay). */
const plain = new Map<string, string>();

/** Renders a key in a language, falling back to zh-CN, then to the key itself. */
export function t(lang: string, key: string, params?: Params): string {
  if (params === undefined || Object.keys(params).length === 0) {
    const id = `${isLanguage(lang) ? lang : FALLBACK}\u0000${key}`;
    let text = plain.get(id);
    if (text === undefined) {
      text = render(lang, key, {});
      if (text !== key) plain.set(id, text); // (only keys that exist: a finite set)
    }
    return text;
  }
  return render(lang, key, params);
}

function render(lang: string, key: string, params: Params): string {
  const bundle = bundles.get(isLanguage(lang) ? lang : FALLBACK)!;
  const found = bundle.getMessage(key) ? bundle : bundles.get(FALLBACK)!;
  const message = found.getMessage(key);
  if (!message?.value) return key;
  return found.formatPattern(message.value, echoed(params));
}

export const translator = (lang: string): Translate => (key, params) => t(lang, key, params);

/** What goes wrong rendering a key with these parameters (missing key, unknown variable): tests check every caller. */
export function renderProblems(lang: Language, key: string, params: Params): string[] {
  const bundle = bundles.get(lang)!;
  const message = bundle.getMessage(key);
  if (!message?.value) return [`${lang}: no message "${key}"`];
  const errors: Error[] = [];
  bundle.formatPattern(message.value, params, errors);
  return errors.map((e) => `${lang} ${key}: ${e.message}`);
}
