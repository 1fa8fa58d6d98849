// /export's CSV as people read it: UTF-8 with a BOM (Excel), headers and every code (category,
// status, channel, callback, priority, emergency) in the reader's words.
import { stringify } from "csv-stringify/sync";
import { EXPORT_COLUMNS, type ExportRecord } from "../domain/figures/export.ts";
import type { Translate } from "./i18n.ts";

type Column = (typeof EXPORT_COLUMNS)[number];
const WORDS: Partial<Record<Column, (v: string, t: Translate) => string>> = {
  category: (v, t) => t("category-label", { category: v }),
  emergency: (v, t) => t("export-yes-no", { value: v }),
  priority: (v, t) => t("priority-label", { priority: v }),
  channel: (v, t) => t("export-channel", { channel: v }),
  status: (v, t) => t("export-status", { status: v }),
  callback: (v, t) => (v ? t("export-callback", { channel: v }) : ""),
};

/** The records as CSV bytes with the columns' headers and values in the reader's language. */
export function exportCsv(records: ExportRecord[], t: Translate): Buffer {
  const rows = records.map((r) => Object.fromEntries(EXPORT_COLUMNS.map((k) => [k, WORDS[k]?.(r[k], t) ?? r[k]])));
  const columns = EXPORT_COLUMNS.map((key) => ({ key, header: t(`export-col-${key}`) }));
  return Buffer.from(stringify(rows, { bom: true, header: true, columns }), "utf8");
}
