import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseCsv } from "./csv";

const limits = { maxRows: 100, maxField: 200 };
const rows = (text: string) => {
  const r = parseCsv(text, limits);
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return [r.header, ...r.records.map((x) => x.fields)];
};

describe("RFC 4180 CSV", () => {
  it("reads plain fields, with CRLF or LF, with or without a last line break", () => {
    expect(rows("a,b\r\n1,2\r\n")).toEqual([["a", "b"], ["1", "2"]]);
    expect(rows("a,b\n1,2")).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("drops a byte order mark", () => {
    expect(rows("\uFEFFsourcedId,title\n1,x")[0]).toEqual(["sourcedId", "title"]);
  });

  it("reads quoted fields holding commas, doubled quotes and line breaks", () => {
    expect(rows('a,b\r\n"x, y","say ""hi"""\r\n"two\r\nlines",z\r\n')).toEqual([["a", "b"], ["x, y", 'say "hi"'], ["two\r\nlines", "z"]]);
  });

  it("keeps empty fields, and skips blank lines", () => {
    expect(rows("a,b,c\n,,\n\n1,,3\n\n")).toEqual([["a", "b", "c"], ["", "", ""], ["1", "", "3"]]);
  });

  it("names the line a record starts on, counting line breaks inside quotes", () => {
    const r = parseCsv('a,b\n"x\ny",1\n2,3\n', limits);
    expect(r.ok && r.records.map((x) => x.line)).toEqual([2, 4]);
  });

  it.each([
    ['a,b\nx"y,1\n', { kind: "quote", line: 2 }],
    ['a,b\n"x"y,1\n', { kind: "quote", line: 2 }],
    ['a,b\n"x,1\n', { kind: "unclosed", line: 2 }],
    ["a,b\n1,2,3\n", { kind: "width", line: 2, expected: 2, found: 3 }],
    ["", { kind: "empty" }],
    ["\uFEFF\r\n", { kind: "empty" }],
  ])("refuses %j", (text, problem) => {
    expect(parseCsv(text, limits)).toEqual({ ok: false, problem });
  });

  it("refuses more rows or longer fields than the limits", () => {
    expect(parseCsv(`a\n${"x\n".repeat(101)}`, limits)).toEqual({ ok: false, problem: { kind: "tooManyRows", max: 100 } });
    expect(parseCsv(`a\n"${"x".repeat(201)}"\n`, limits)).toMatchObject({ ok: false, problem: { kind: "fieldTooLong", line: 2 } });
    expect(parseCsv(`a\n${"x".repeat(201)}\n`, limits)).toMatchObject({ ok: false, problem: { kind: "fieldTooLong", line: 2 } });
  });

  it("reads back whatever a careful writer wrote", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", "\r\n", " ", "é", "\u0627"), maxLength: 8 });
    const quote = (s: string) => (/[",\r\n]/.test(s) || s === "" ? `"${s.replace(/"/g, '""')}"` : s);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }).chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 })), fc.boolean(), (table, crlf) => {
        const header = table[0].map((_, i) => `h${i}`);
        const text = [header, ...table].map((r) => r.map(quote).join(",")).join(crlf ? "\r\n" : "\n");
        expect(rows(text)).toEqual([header, ...table]);
      }),
      { numRuns: 300 },
    );
  });
});
