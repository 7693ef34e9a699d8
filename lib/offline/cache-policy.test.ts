import { describe, expect, test } from "vitest";
import { isPersonalPath, mayCache, type PolicyResponse } from "./cache-policy";

const origin = "https://learn.example.org";
const get = (path: string, credentials?: RequestCredentials) => ({ url: `${origin}${path}`, method: "GET", credentials });
const ok = (headers: Record<string, string> = {}, extra: Partial<PolicyResponse> = {}): PolicyResponse => ({
  status: 200,
  type: "basic",
  headers: new Headers(headers),
  ...extra,
});
const staticPage = { "cache-control": "s-maxage=31536000", "content-type": "text/html; charset=utf-8" };

describe("personal paths", () => {
  test.each([
    "/api/progress",
    "/api/account/export",
    "/api/auth/session",
    "/en/dashboard",
    "/ar/dashboard/",
    "/en/account",
    "/fr/account-deleted",
    "/en/facilitate",
    "/en/facilitate/0b8f/room",
    "/es/admin",
    "/en/groups/123",
    "/en/live/abc",
    "/en/sign-in",
    "/en/sign-up",
    "/en/join/ABC123",
    "/_next/image",
    "/dashboard",
  ])("%s is personal", (path) => expect(isPersonalPath(path)).toBe(true));

  test.each(["/", "/en", "/en/courses/x/y", "/en/courses/x/y/quiz", "/en/help/gb", "/en/offline", "/_next/static/chunks/a.js", "/sw.js", "/manifest.webmanifest", "/en/courses/dashboard-skills"])(
    "%s is public",
    (path) => expect(isPersonalPath(path)).toBe(false),
  );
});

describe("mayCache", () => {
  test("a public static page is kept", () => {
    expect(mayCache(get("/en/courses/c/lesson"), ok(staticPage), origin)).toBe(true);
  });

  test.each([
    ["a personal page, even if it said it could be kept", get("/en/dashboard"), ok(staticPage)],
    ["an API answer", get("/api/progress?locale=en"), ok({ "content-type": "application/json" })],
    ["a report export", get("/api/cohorts/1/export"), ok({ "content-type": "text/csv" })],
    ["no-store", get("/en/courses/c"), ok({ "cache-control": "no-store" })],
    ["private", get("/en/courses/c"), ok({ "cache-control": "private, max-age=0" })],
    ["No-Store in capitals among others", get("/en/help/gb"), ok({ "cache-control": "max-age=0, No-Store" })],
    ["a Set-Cookie", get("/en/courses/c"), ok({ ...staticPage, "set-cookie": "a=b" })],
    ["Vary: Cookie", get("/en/courses/c"), ok({ ...staticPage, vary: "RSC, Cookie" })],
    ["Vary: *", get("/en/courses/c"), ok({ ...staticPage, vary: "*" })],
    ["another origin", { url: "https://elsewhere.example/en/courses/c", method: "GET" }, ok(staticPage, { type: "cors" })],
    ["an opaque answer", get("/en/courses/c"), ok(staticPage, { type: "opaque" })],
    ["credentials: include", get("/en/courses/c", "include"), ok(staticPage)],
    ["a POST", { url: `${origin}/en/courses/c`, method: "POST" }, ok(staticPage)],
    ["a redirect or error", get("/en/courses/c"), ok(staticPage, { status: 404 })],
    ["an answer after a redirect", get("/en/courses/c"), ok(staticPage, { redirected: true })],
    ["a partial answer", get("/en/courses/c"), ok(staticPage, { status: 206 })],
    ["a malformed URL", { url: "not a url", method: "GET" }, ok(staticPage)],
  ])("never: %s", (_what, request, response) => {
    expect(mayCache(request, response, origin)).toBe(false);
  });

  test("a directive that only looks like private does not count", () => {
    expect(mayCache(get("/en/help/gb"), ok({ "cache-control": "public, max-age=60" }), origin)).toBe(true);
  });
});
