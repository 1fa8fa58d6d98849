// Which characters a font file has glyphs for, read from its cmap table (formats 4 and 12): enough
// to check that a text renders without boxes (tofu) in the fonts a renderer is given.
import { readFileSync } from "node:fs";

/** The code points an OpenType/TrueType font maps to a glyph. */
export function fontCoverage(file: string): (codePoint: number) => boolean {
  const b = readFileSync(file);
  const tables = b.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    const at = 12 + 16 * i;
    if (b.toString("ascii", at, at + 4) === "cmap") cmap = b.readUInt32BE(at + 8);
  }
  if (cmap < 0) throw new Error(`${file}: no cmap table`);
  const ranges: [number, number][] = [];
  const subtables = b.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const sub = cmap + b.readUInt32BE(cmap + 4 + 8 * i + 4);
    const format = b.readUInt16BE(sub);
    if (format === 12) {
      const groups = b.readUInt32BE(sub + 12);
      for (let g = 0; g < groups; g++) ranges.push([b.readUInt32BE(sub + 16 + 12 * g), b.readUInt32BE(sub + 20 + 12 * g)]);
    } else if (format === 4) {
      const segs = b.readUInt16BE(sub + 6) / 2;
      for (let s = 0; s < segs; s++) {
        const end = b.readUInt16BE(sub + 14 + 2 * s);
        const start = b.readUInt16BE(sub + 16 + 2 * segs + 2 * s);
        if (start !== 0xffff) ranges.push([start, end]);
      }
    }
  }
  return (cp) => ranges.some(([from, to]) => cp >= from && cp <= to);
}
