// Text as people type it: full-width and other-script digits, control characters, broken
// surrogates from a bad client. Cleaned once, at the edges, before anything is stored.

/** Decimal digit blocks NFKC leaves alone: Arabic-Indic, Extended Arabic-Indic, Devanagari. */
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966];

/** "３-１-５０２" and "٣-١-٥٠٢" → "3-1-502": NFKC (full width) and other scripts' digits to ASCII. */
export function normalizeDigits(s: string): string {
  return s.normalize("NFKC").replace(/[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f]/g, (ch) => {
    const code = ch.codePointAt(0)!;
    const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9)!;
    return String(code - zero);
  });
}

/** Without NUL and other control characters (new lines and tabs stay), lone surrogates → U+FFFD. */
export function cleanText(s: string): string {
  return s
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** At most `max` characters counted in code points (never half an emoji), ending in "…" when cut. */
export function excerpt(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join("")}…`;
}
