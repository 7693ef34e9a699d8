// The cross-site and media-type checks of lib/http/same-origin.ts (issue #19), as tables.
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { appOrigin, crossSiteReason, isJsonMediaType } from "./same-origin";

process.env.LOG_SILENT = "1";
process.env.NEXTAUTH_SECRET ??= "same-origin-test-secret-same-origin-test";

const post = (headers: Record<string, string>, url = "http://hall.local:3000/api/join") => new Request(url, { method: "POST", headers: { host: new URL(url).host, ...headers } });

afterEach(() => {
  delete process.env.NEXTAUTH_URL;
  resetEnvForTests();
});

describe("isJsonMediaType", () => {
  it.each(["application/json", "APPLICATION/JSON", "Application/Json ", "application/json; charset=utf-8", "application/json;charset=UTF-8", 'application/json; charset="utf-8"', "application/json;", "application/json; foo=bar"])(
    "accepts %j",
    (type) => expect(isJsonMediaType(type)).toBe(true),
  );
  it.each([
    null, "", "text/plain", "text/plain; charset=application/json", "text/plain; application/json", "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=application/json", "application/jsonp", "application/json-patch+json", "application/json, text/plain",
    "application/json; charset=utf-16", "application/json; charset=latin1", "application/json; charset", "application/json; =utf-8", "application/json x",
  ])("refuses %j", (type) => expect(isJsonMediaType(type)).toBe(false));
});

describe("crossSiteReason", () => {
  it.each([
    ["no Origin and no Sec-Fetch-Site (curl, a server)", {}],
    ["the app's own page", { origin: "http://hall.local:3000", "sec-fetch-site": "same-origin" }],
    ["a person's own navigation", { "sec-fetch-site": "none" }],
    ["an older browser that sends Origin only", { origin: "http://hall.local:3000" }],
  ])("lets through %s", (_what, headers) => expect(crossSiteReason(post(headers))).toBeNull());

  it.each([
    ["a cross-site fetch", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
    ["a sibling site", { origin: "https://other.hall.local", "sec-fetch-site": "same-site" }],
    ["an opaque origin", { origin: "null" }],
    ["another port", { origin: "http://hall.local:3001" }],
    ["another scheme", { origin: "https://hall.local:3000" }],
    ["Sec-Fetch-Site alone", { "sec-fetch-site": "cross-site" }],
    ["a same-origin claim with a foreign Origin", { origin: "https://evil.example", "sec-fetch-site": "same-origin" }],
  ])("refuses %s", (_what, headers) => expect(crossSiteReason(post(headers))).not.toBeNull());

  it("never refuses a GET (it changes nothing)", () => {
    expect(crossSiteReason(new Request("http://hall.local:3000/api/progress", { headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } }))).toBeNull();
  });

  it("takes the scheme and host a proxy in front reports", () => {
    expect(appOrigin(post({ "x-forwarded-proto": "https", "x-forwarded-host": "hall.example.org" }))).toBe("https://hall.example.org");
    expect(crossSiteReason(post({ origin: "https://hall.example.org", "x-forwarded-proto": "https", "x-forwarded-host": "hall.example.org" }))).toBeNull();
  });

  it("uses NEXTAUTH_URL's origin when it is set, whatever the Host header says", () => {
    process.env.NEXTAUTH_URL = "https://commonground.example.org/app";
    resetEnvForTests();
    expect(appOrigin(post({}))).toBe("https://commonground.example.org");
    expect(crossSiteReason(post({ origin: "https://commonground.example.org" }))).toBeNull();
    expect(crossSiteReason(post({ origin: "http://hall.local:3000" }))).not.toBeNull();
  });
});
