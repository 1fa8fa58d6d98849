// `npm run locales:tw`: puts full-width punctuation into every zh-CN text, then writes the zh-TW
// locale from it: OpenCC (Simplified → Taiwan, with Taiwan phrases) over every zh-CN file, then the
// hand fixes of scripts/zh-tw-overrides.json. A test fails when a zh-TW file is out of date.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as OpenCC from "opencc-js";

const LOCALES = fileURLToPath(new URL("../src/bot/locales/", import.meta.url));
const OVERRIDES = fileURLToPath(new URL("./zh-tw-overrides.json", import.meta.url));

const CJK = /[\u3000-\u9fff\uff00-\uffef]/u;
const HALF = ",:;!?()";
const FULL = "，：；！？（）";
const ASCII_WORD = /[A-Za-z0-9_]/;

/** Text outside placeables ({ … }) of one line, with the half-width punctuation of a Chinese line made full-width. */
function fullWidthLine(line: string): string {
  if (line.trimStart().startsWith("#") || !CJK.test(line)) return line;
  const eq = /^[a-z][\w-]*\s*=\s?/i.exec(line);
  const head = eq ? eq[0] : "";
  let depth = 0;
  let out = head;
  const body = line.slice(head.length);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === "{") depth++;
    if (c === "}") depth = Math.max(0, depth - 1);
    const k = HALF.indexOf(c);
    // keep "14:00", "water,electricity", "HH:MM": punctuation between two ASCII word characters
    const between = ASCII_WORD.test(body[i - 1] ?? "") && ASCII_WORD.test(body[i + 1] ?? "");
    out += depth === 0 && k >= 0 && !between ? FULL[k] : c;
  }
  return out;
}

/** A zh-CN Fluent file with full-width punctuation in its Chinese lines. */
export function fullWidth(ftl: string): string {
  return ftl.split("\n").map(fullWidthLine).join("\n");
}

type Overrides = { phrases: [string, string][] };
const toTw = OpenCC.Converter({ from: "cn", to: "twp" });

/** The zh-TW text of a zh-CN Fluent file (keys, variables and variant names are ASCII and untouched). */
export function toTraditional(ftl: string, file: string, overrides?: Overrides): string {
  const { phrases } = overrides ?? (JSON.parse(readFileSync(OVERRIDES, "utf8")) as Overrides);
  let text = toTw(ftl);
  for (const [from, to] of phrases) text = text.split(from).join(to);
  const header = `### Generated from zh-CN/${file} by \`npm run locales:tw\`: edit zh-CN or scripts/zh-tw-overrides.json.`;
  return `${header}\n\n${text}`;
}

/** Every zh-CN file name. */
export const zhCnFiles = () => readdirSync(`${LOCALES}zh-CN`).filter((f) => f.endsWith(".ftl")).sort();
export const readLocale = (lang: string, file: string) => readFileSync(`${LOCALES}${lang}/${file}`, "utf8");

function main() {
  mkdirSync(`${LOCALES}zh-TW`, { recursive: true });
  const overrides = JSON.parse(readFileSync(OVERRIDES, "utf8")) as Overrides;
  for (const file of zhCnFiles()) {
    const cn = fullWidth(readLocale("zh-CN", file));
    writeFileSync(`${LOCALES}zh-CN/${file}`, cn);
    writeFileSync(`${LOCALES}zh-TW/${file}`, toTraditional(cn, file, overrides));
  }
  console.log(`zh-TW: ${zhCnFiles().length} files written`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
