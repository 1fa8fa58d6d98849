// Plain-text tables for monospace blocks (close-out, admin lists): figures people compare line up.

/** Display width in a monospace font: CJK and full-width characters take two cells. */
export function cellWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

/** Rows as aligned columns (for a monospace block); "-" when there are none. */
export function alignRows(rows: string[][], more = 0): string {
  if (rows.length === 0) return "-";
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => cellWidth(r[i] ?? ""))));
  const lines = rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + " ".repeat(widths[i]! - cellWidth(c)))).join("  ").trimEnd());
  return (more > 0 ? [...lines, `+ ${more}`] : lines).join("\n");
}

