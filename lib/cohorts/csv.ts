// CSV for spreadsheets, safe whatever list separator the reader's locale uses (",", ";" or tab):
// - every field is quoted, so a reader using "," keeps "Ann;=cmd|..." in one cell;
// - quoting alone does not help a reader whose separator is ";" or tab: it splits the line at
//   every ";" (quotes only count at the start of one of its cells), so "=cmd|..." after the ";"
//   becomes a cell of its own. So = + - @ (and their full-width forms: East Asian input methods
//   turn a typed full-width "=" into a formula; whether a CSV import does was not checked here,
//   and escaping costs one apostrophe on a rare name) get an apostrophe in
//   front wherever a cell could start: at the start of the field and after any "," ";" or tab,
//   through any spaces or quotes. A spreadsheet shows a cell starting with an apostrophe as text;
// - control, bidi and invisible characters in any field become U+FFFD (names stored before
//   lib/text/names.ts refused them are still in the database);
// - a UTF-8 byte order mark first, or Excel reads the file as the local 8-bit code page.
import { plainName } from "@/lib/text/names";

/** A formula character where some reader's cell could start (tabs, CR and LF are gone by then). */
const FORMULA_AT_CELL_START = /(^|[,;\t])([\s\u3000"]*)([=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g;

export function csvCell(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? "" : plainName(String(value));
  return `"${s.replace(FORMULA_AT_CELL_START, "$1$2'$3").replace(/"/g, '""')}"`;
}

/** The whole file: BOM, one line per row, CRLF as RFC 4180 asks. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
