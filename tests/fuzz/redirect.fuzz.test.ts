// The redirect check (issue #19 item 2): known open-redirect shapes, then FUZZ_RUNS generated
// targets built from the characters that fool naive checks. Whatever the helper returns must
// lead to the app's own origin when a browser resolves it, and to nowhere else.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzParams } from "@/tests/fuzz/values";
import { safeRedirectPath, signInPath } from "@/lib/http/redirect";

const ORIGIN = "http://localhost:3500";

describe("safeRedirectPath", () => {
  it.each([
    ["/en/dashboard", "/en/dashboard"],
    ["/en/join/ABCD2345?x=1#top", "/en/join/ABCD2345?x=1#top"],
    [`${ORIGIN}/en/facilitate`, "/en/facilitate"],
    ["/en/a b", "/en/a%20b"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%5Cevil.example", "/%5Cevil.example"],
  ])("keeps the app's own path %j", (target, expected) => {
    expect(safeRedirectPath(target, ORIGIN)).toBe(expected);
  });

  it.each([
    // The browser drops tab, LF and CR anywhere: these are "//evil.example".
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "\t//evil.example",
    " //evil.example",
    "\u0000//evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/.//evil.example",
    "/./\t/evil.example",
    "https://evil.example/",
    "https:evil.example",
    "http://localhost:3500@evil.example/",
    "http://evil.example#@localhost:3500",
    "javascript:alert(1)",
    "data:text/html,hi",
    "https://localhost:3500/",
    "http://localhost:3501/",
    "",
  ])("refuses %j", (target) => {
    expect(safeRedirectPath(target, ORIGIN)).toBeNull();
  });

  it("refuses what is not a string", () => {
    for (const v of [undefined, null, 1, {}, ["/en"]]) expect(safeRedirectPath(v, ORIGIN)).toBeNull();
  });

  const piece = fc.constantFrom(
    "/", "\\", "\t", "\n", "\r", " ", "\u0000", "\u001f", "\u00a0", "\u3000", "%2F", "%5C", "%09", "%0A", "@", ":", "?", "#", ".", "..",
    "evil.example", "localhost", "3500", "http:", "https:", "javascript:", "data:", "//", "\u2215", "\uff0f", "\u200b", "é", "\u202e",
  );
  const target = fc.oneof(
    fc.array(piece, { maxLength: 12 }).map((parts) => parts.join("")),
    fc.tuple(fc.array(piece, { maxLength: 6 }), fc.string({ unit: "binary", maxLength: 8 })).map(([parts, tail]) => `${parts.join("")}${tail}`),
    fc.webUrl().map((u) => u),
  );

  it("whatever it returns stays on the app's origin, however it is resolved", () => {
    fc.assert(
      fc.property(target, (t) => {
        const result = safeRedirectPath(t, ORIGIN);
        if (result === null) return;
        expect(new URL(result, ORIGIN).origin).toBe(ORIGIN);
        // A path, not a host: against any other site it stays on that site.
        expect(new URL(result, "https://other.example").origin).toBe("https://other.example");
        expect(result).toMatch(/^\/(?![/\\])/);
        // Nothing left for the browser to strip or reinterpret: the result reads as itself.
        expect(safeRedirectPath(result, ORIGIN)).toBe(result);
        // (A backslash may stay in the query or fragment, where no browser reads it as a "/".)
        expect(result).not.toMatch(/[\u0000-\u0020]/);
        expect(result.split(/[?#]/)[0]).not.toContain("\\");
      }),
      fuzzParams(),
    );
  });

  it("never refuses an ordinary path of the app", () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (parts) => {
        const path = `/${parts.join("/")}`;
        expect(safeRedirectPath(path, ORIGIN)).toBe(path);
      }),
      fuzzParams(),
    );
  });
});

describe("signInPath", () => {
  it("returns to the page asked for, with its segments encoded", () => {
    expect(signInPath("en", "/en/dashboard")).toBe("/en/sign-in?next=/en/dashboard");
    expect(signInPath("en", "/en/facilitate/a&b=c#d")).toBe("/en/sign-in?next=/en/facilitate/a%26b%3Dc%23d");
    expect(signInPath("en", "/\t/evil.example")).toBe("/en/sign-in");
  });
});
