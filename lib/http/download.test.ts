import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attachment } from "./download";

/** The two names a browser reads from the header (RFC 6266: filename* wins where understood). */
function parse(header: string): { ascii: string; utf8: string } {
  const m = /^attachment; filename="([^"\\\r\n]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.exec(header);
  if (!m) throw new Error(`not a well-formed disposition: ${JSON.stringify(header)}`);
  return { ascii: m[1], utf8: decodeURIComponent(m[2]) };
}

/** What a saved file's name must never be or hold. */
function expectSafeFileName(name: string) {
  expect(name).not.toMatch(/[\\/:*?"<>|\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFFD]/u);
  expect(name).not.toMatch(/^[.\s-]/);
  expect(name).not.toMatch(/\.\./);
}

describe("attachment", () => {
  it.each([
    ["Latin", "Tuesday hall results", "Tuesday hall results.csv", "Tuesday hall results.csv"],
    ["accented Latin (was garbled)", "Zoë's café results", "Zoe-s cafe results.csv", "Zoë's café results.csv"],
    ["NFD input", "Zoe\u0308 results", "Zoe results.csv", "Zoë results.csv"],
    ["Cyrillic (was a 500)", "Группа 7 results", "7 results.csv", "Группа 7 results.csv"],
    ["Greek", "Ομάδα results", "results.csv", "Ομάδα results.csv"],
    ["Arabic", "مجموعة results", "results.csv", "مجموعة results.csv"],
    ["CJK", "星期二小组", "download.csv", "星期二小组.csv"],
    ["emoji", "Team 🌍", "Team.csv", "Team 🌍.csv"],
    ["quotes", 'The "best" group', "The-best-group.csv", "The -best- group.csv"],
    ["CRLF header injection", "x\r\nSet-Cookie: a=b", "x-Set-Cookie-a-b.csv", "x-Set-Cookie- a=b.csv"],
    ["path traversal", "../../etc/passwd", "etc-passwd.csv", "etc-passwd.csv"],
    ["Windows path", "..\\..\\boot.ini", "boot.ini.csv", "boot.ini.csv"],
    ["right-to-left override (exe spoofing)", "Ann\u202Egpj.exe", "Ann-gpj.exe.csv", "Ann-gpj.exe.csv"],
    ["nothing left", "...", "download.csv", "download.csv"],
  ])("%s", (_what, base, ascii, utf8) => {
    const header = attachment(base, "csv");
    // A header value the Fetch API accepts (it throws on anything beyond Latin-1).
    expect(() => new Headers({ "Content-Disposition": header })).not.toThrow();
    expect(header).toMatch(/^[\x20-\x7E]*$/);
    const parsed = parse(header);
    expect(parsed.ascii).toBe(ascii);
    expect(parsed.utf8).toBe(utf8);
    expectSafeFileName(parsed.ascii);
  });

  it("gives a well-formed, safe header for any name", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (base) => {
        const header = attachment(base, "csv");
        expect(header).toMatch(/^[\x20-\x7E]*$/);
        const { ascii, utf8 } = parse(header);
        expectSafeFileName(ascii);
        expectSafeFileName(utf8);
        expect(ascii.endsWith(".csv") && utf8.endsWith(".csv")).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
