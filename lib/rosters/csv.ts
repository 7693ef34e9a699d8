// RFC 4180 CSV, read strictly enough that a roster never imports half-understood: fields may be
// quoted ("" is a quote inside), quoted fields may hold commas, quotes and line breaks (CRLF or
// LF), records end with CRLF or LF, a UTF-8 byte order mark first is dropped, a last line break
// is optional. A quote inside an unquoted field, text after a closing quote, or a quoted field
// that never closes is an error naming its line. Pure: no I/O.

export interface CsvLimits {
  /** Records after the header. */
  maxRows: number;
  /** Characters in one field. */
  maxField: number;
}

export interface CsvRecord {
  /** The line the record starts on (1 = the header), for error messages. */
  line: number;
  fields: string[];
}

export type CsvProblem =
  | { kind: "quote"; line: number }
  | { kind: "unclosed"; line: number }
  | { kind: "tooManyRows"; max: number }
  | { kind: "fieldTooLong"; line: number; max: number }
  | { kind: "width"; line: number; expected: number; found: number }
  | { kind: "empty" };

export type CsvResult = { ok: true; header: string[]; records: CsvRecord[] } | { ok: false; problem: CsvProblem };

export function parseCsv(input: string, limits: CsvLimits): CsvResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let afterQuote = false;
  /** The record had a quoted field: `""` alone on a line is a record of one empty field, not a blank line. */
  let anyQuote = false;

  const endField = (): CsvProblem | null => {
    if (field.length > limits.maxField) return { kind: "fieldTooLong", line: recordLine, max: limits.maxField };
    fields.push(field);
    field = "";
    afterQuote = false;
    return null;
  };
  const endRecord = (): CsvProblem | null => {
    const p = endField();
    if (p) return p;
    // A blank line (one empty field) is not a record: trailing blank lines are common.
    if (anyQuote || !(fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields });
    fields = [];
    anyQuote = false;
    if (records.length > limits.maxRows + 1) return { kind: "tooManyRows", max: limits.maxRows };
    return null;
  };

  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
        i++;
        continue;
      }
      if (c === "\n") line++;
      field += c;
      i++;
      if (field.length > limits.maxField) return { ok: false, problem: { kind: "fieldTooLong", line: recordLine, max: limits.maxField } };
      continue;
    }
    if (c === ",") {
      const p = endField();
      if (p) return { ok: false, problem: p };
      i++;
      continue;
    }
    if (c === "\r" || c === "\n") {
      const p = endRecord();
      if (p) return { ok: false, problem: p };
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (afterQuote) return { ok: false, problem: { kind: "quote", line } };
    if (c === '"') {
      if (field !== "") return { ok: false, problem: { kind: "quote", line } };
      quoted = true;
      anyQuote = true;
      i++;
      continue;
    }
    field += c;
    i++;
  }
  if (quoted) return { ok: false, problem: { kind: "unclosed", line: recordLine } };
  if (field !== "" || fields.length > 0 || anyQuote) {
    const p = endRecord();
    if (p) return { ok: false, problem: p };
  }
  if (records.length === 0) return { ok: false, problem: { kind: "empty" } };
  const [head, ...rest] = records;
  if (rest.length > limits.maxRows) return { ok: false, problem: { kind: "tooManyRows", max: limits.maxRows } };
  const header = head.fields.map((h) => h.trim());
  for (const r of rest) {
    if (r.fields.length !== header.length) return { ok: false, problem: { kind: "width", line: r.line, expected: header.length, found: r.fields.length } };
  }
  return { ok: true, header, records: rest };
}
