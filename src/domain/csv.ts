// Reading the CSV files an office sends to the bot (homes, price lists), with csv-parse: a UTF-8
// BOM, quoted cells, and `,` `，` `;` or tab as the separator are all fine; blank lines are skipped;
// every row keeps its line number so a bad one can be named. Pure: nothing is written.
import { CsvError, parse } from "csv-parse/sync";
import { excerpt } from "./text.ts";

/** A row: its (last) line number, its trimmed cells, and that line as written (for reports). */
export type CsvRow = { line: number; cells: string[]; text: string };
export type CsvProblem<R extends string = string> = { line: number; text: string; reason: R };
/** Rows one import may hold (header and bad lines count). */
export const MAX_CSV_ROWS = 20_000;

/** The rows of a CSV text, or the line where it stopped making sense (an unclosed quote). */
export function readCsv(text: string): { rows: CsvRow[]; broken?: CsvProblem<"invalid"> } {
  try {
    const records = parse(text, {
      bom: true, delimiter: [",", "，", ";", "\t"], record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true, relax_quotes: true,
      skip_empty_lines: true, trim: true, info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
    return {
      rows: records
        .map((r) => ({ line: r.info.lines, cells: r.record, text: excerpt((lines[r.info.lines - 1] ?? "").trim(), 60) }))
        .filter((r) => r.cells.some(Boolean)),
    };
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const line = (e as CsvError & { lines?: number }).lines ?? 0;
    const rows = line > 1 ? readCsv(text.split(/\r\n|\n|\r/).slice(0, line - 1).join("\n")).rows : [];
    return { rows, broken: { line, text: excerpt(e.message, 60), reason: "invalid" } };
  }
}


/** Whether the first row is a header: it has one of the words and is not all numbers. */
export function isHeader(r: CsvRow | undefined, words: RegExp): boolean {
  return Boolean(r && r.line === 1 && r.cells.some((c) => words.test(c)) && !r.cells.every((c) => /^\p{N}+$/u.test(c)));
}
