import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csvCell", () => {
  it.each([
    ["=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""],
    ["+1+1", "'+1+1"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "\"'\rcmd\""],
    ["Sam", "Sam"],
    ["a,b", "\"a,b\""],
    ["say \"hi\"", "\"say \"\"hi\"\"\""],
    ["line\nbreak", "\"line\nbreak\""],
    [85, "85"],
    [null, ""],
  ] as const)("%j -> %j", (input, output) => {
    expect(csvCell(input)).toBe(output);
  });
});

describe("toCsv", () => {
  it("joins rows with CRLF", () => {
    expect(toCsv([["Learner", "Done"], ["=evil()", 3]])).toBe("Learner,Done\r\n'=evil(),3\r\n");
  });
});
