import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

/**
 * Reads CSV as a spreadsheet does under a given list separator (RFC 4180: quoted fields may hold
 * separators, line breaks and doubled quotes; an unquoted field runs to the next separator).
 */
function readCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') cell += text[++i];
      else quoted = false;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === separator) endCell();
    else if (ch === "\n") endRow();
    else if (ch === "\r" && text[i + 1] === "\n") {
      endRow();
      i++;
    } else cell += ch;
  }
  if (cell !== "" || row.length) endRow();
  return rows;
}

const SEPARATORS = [",", ";", "\t"];
/** What a spreadsheet could take for a formula: leading spaces, tabs and line breaks are skipped, as some readers do. */
const FORMULA = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * The file read under each separator: no cell a formula. Read with "," (the separator it is
 * written with) it has the shape of the rows given; read with ";" or tab a line is split
 * wherever the text allows (and a cell that starts with a quote may run into the next line),
 * which is where an attacker's formula would start.
 */
function expectSafe(rows: string[][]) {
  const csv = toCsv(rows);
  expect(csv.startsWith("\uFEFF")).toBe(true);
  expect(readCsv(csv.slice(1), ",").map((r) => r.length)).toEqual(rows.map((r) => r.length));
  for (const sep of SEPARATORS) {
    const read = readCsv(csv.slice(1), sep);
    for (const cell of read.flat()) expect(cell, `a cell read with ${JSON.stringify(sep)}`).not.toMatch(FORMULA);
  }
  return readCsv(csv.slice(1), ",");
}

const HOSTILE = [
  "Ann;=cmd|' /C calc'!A0",
  "Ann\t=cmd|' /C calc'!A0",
  "Ann,=HYPERLINK(\"http://x\")",
  "=HYPERLINK(\"http://x\",\"click\")",
  "+1+1",
  "-2 Kim",
  "@SUM(A1)",
  "\tcmd",
  "\rcmd",
  "\ncmd",
  " =1+1",
  "\u3000=1+1",
  "\uFF1D1+1",
  "\uFF0B1",
  "\uFF0D1",
  "\uFF20SUM(A1)",
  "\u202E=1+1",
  "\uFEFF=1+1",
  "a\";=1+1;\"b",
  "line\r\n=1+1",
  "\"=1+1\"",
];

describe("csvCell", () => {
  it.each([
    ["=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""],
    ["+1+1", "\"'+1+1\""],
    ["-2", "\"'-2\""],
    ["@SUM(A1)", "\"'@SUM(A1)\""],
    ["\uFF1D1+1", "\"'\uFF1D1+1\""],
    [" =1", "\" '=1\""],
    ["Ann;=cmd", "\"Ann;'=cmd\""],
    ["a\";\"=1", "\"a\"\";\"\"'=1\""],
    ["Ann-Lee, -2", "\"Ann-Lee, '-2\""],
    ["Sam", "\"Sam\""],
    ["Ann;Lee", "\"Ann;Lee\""],
    ["say \"hi\"", "\"say \"\"hi\"\"\""],
    // Controls and bidi overrides stored before names were checked show as U+FFFD.
    ["\tcmd", "\"\uFFFDcmd\""],
    ["Ann\u202Egnp.exe", "\"Ann\uFFFDgnp.exe\""],
    ["Zoe\u0308", "\"Zoë\""],
    [85, "\"85\""],
    [null, "\"\""],
  ] as const)("%j -> %j", (input, output) => {
    expect(csvCell(input)).toBe(output);
  });
});

describe("toCsv read by a spreadsheet with \",\", \";\" or tab as the list separator", () => {
  it("starts with a BOM and joins rows with CRLF", () => {
    expect(toCsv([["Learner", "Done"], ["=evil()", 3]])).toBe("\uFEFF\"Learner\",\"Done\"\r\n\"'=evil()\",\"3\"\r\n");
  });

  it.each(HOSTILE)("%j stays one cell and is not a formula", (name) => {
    const [[first, , last]] = expectSafe([[name, "yes", name]]);
    expect(first).toBe(last);
    expect(first.replace(/^'/, "")).not.toBe("");
  });

  it("holds for any text in any cell", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 12 }),
      fc.constantFrom(...HOSTILE),
      fc.tuple(fc.constantFrom("=", "+", "-", "@", "\t", "\r", ";", ",", "\"", " ", "\uFF1D"), fc.string({ maxLength: 6 })).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (rows) => {
        // Rectangular, as an export is.
        const width = rows[0].length;
        expectSafe(rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "")));
      }),
      { numRuns: 2000 },
    );
  });
});
