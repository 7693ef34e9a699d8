// Property-based fuzzing of the password sign-in (issue #6): POST /api/auth/callback/credentials,
// the form endpoint next-auth serves through lib/auth/route.ts, called in-process FUZZ_RUNS times
// (default 1000) with generated forms: valid and broken CSRF tokens, the world's accounts and
// strangers, right and wrong passwords, hostile values, JSON and wrong content types, device
// cookies good and forged. For every request:
//   - the route answers (never throws), never with a 5xx;
//   - it sends the browser only to this site (no open redirect) and names only the app's errors;
//   - a session is issued only for an account's right password;
//   - the only writes are sign-in throttle rows, and a trusted device after a real sign-in.
// Argon2 is slow on purpose: most attempts go to a few accounts, so the throttle answers them
// without hashing (that path is part of what is tested).
import crypto from "node:crypto";
import Module, { createRequire } from "node:module";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { RequestCookies } from "next/dist/server/web/spec-extension/cookies";
import { beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_FAILED } from "@/lib/auth/accounts";
import { newDeviceCookieValue } from "@/lib/auth/device";
import { authRoute } from "@/lib/auth/route";
import { accountHash, deviceHash } from "@/lib/auth/throttle";
import { env } from "@/lib/env";
import { ORIGIN } from "@/tests/fuzz/http";
import { setUpFuzzWorld } from "@/tests/fuzz/setup";
import { fuzzParams, nastyValue, PROTO_KEYS, type Json } from "@/tests/fuzz/values";
import { diff } from "@/tests/fuzz/ownership";
import { PASSWORD } from "@/tests/fuzz/world";

// next-auth's App Router handler reads the request through next/headers, which only works inside
// Next's request scope. Outside Next, that module is replaced (in Node's require cache, where
// next-auth's own require finds it) by one answering from the request under test.
let current = new Headers();
{
  const require = createRequire(import.meta.url);
  const file = require.resolve("next/headers", { paths: [require.resolve("next-auth")] });
  const fake = new Module(file);
  fake.filename = file;
  fake.loaded = true;
  fake.exports = {
    headers: async () => current,
    cookies: async () => new RequestCookies(current),
  };
  require.cache[file] = fake;
}

// next-auth logs every refused callback URL to console.error; the known bugs below are reported
// once, not a few hundred times.
const consoleError = console.error;
beforeAll(() => {
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].startsWith("[next-auth][error][INVALID_CALLBACK_URL_ERROR]")) return;
    consoleError(...args);
  };
  return () => {
    console.error = consoleError;
  };
});

const device = { id: "", cookie: "" };
const fuzz = setUpFuzzWorld(async (w) => {
  // A browser l1 signed in from before: it has its own throttle bucket.
  const d = newDeviceCookieValue(env().authSecret);
  Object.assign(device, { id: d.id, cookie: d.value });
  return { login_devices: [{ account_hash: accountHash(w.users.l1.email!), device_hash: deviceHash(d.id), last_seen_at: "2026-01-05T10:00:00.000Z" }] };
});

let csrf = { token: "", cookie: "" };
beforeAll(() => {
  // next-auth's double-submit CSRF pair: the cookie holds the token and its hash with the secret.
  const token = crypto.randomBytes(32).toString("hex");
  csrf = { token, cookie: `${token}|${crypto.createHash("sha256").update(`${token}${env().authSecret}`).digest("hex")}` };
});

const THROTTLED = /^Too many attempts\. Wait \d+ minutes? and try again\.$/;
const SESSION = /next-auth\.session-token=[^;]+/;

interface Attempt {
  fields: [string, Json][];
  encoding: "form" | "json" | "broken-json" | "text" | "multipart";
  csrf: "valid" | "missing" | "wrong-body" | "forged-cookie";
  deviceCookie: "none" | "valid" | "forged" | "malformed" | "secure-name";
  /** next-auth's callback-url cookie and ?callbackUrl= query ("" = not sent). */
  callbackCookie: string;
  callbackQuery: string;
}

function attemptArb() {
  const w = fuzz.world;
  const known = Object.values(w.users).map((u) => (u.email ?? u.login)!);
  // Mostly the world's accounts (throttled after five failures), sometimes strangers: each
  // attempt that is not throttled costs one argon2 verify.
  const account = fc.oneof(
    { arbitrary: fc.constantFrom(...known).chain((a) => fc.constantFrom(a, a.toUpperCase(), ` ${a} `)), weight: 40 },
    { arbitrary: fc.constantFrom("nobody@fuzz.example", "", "@", "blue-kite", "admin"), weight: 2 },
    { arbitrary: fc.string({ maxLength: 30 }), weight: 1 },
    { arbitrary: nastyValue(), weight: 1 },
  );
  // The right password rarely: a success clears the account's failures, and so costs more hashing.
  const password = fc.oneof(
    { arbitrary: fc.constant(PASSWORD), weight: 1 },
    { arbitrary: fc.constantFrom("wrong password", "", PASSWORD.toUpperCase(), `${PASSWORD} `, "x".repeat(129), "x".repeat(5000)), weight: 8 },
    { arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }), weight: 2 },
  );
  const callbackUrl = fc.constantFrom("/en/learn", `${ORIGIN}/en/facilitate`, "https://evil.example/", "//evil.example/x", "javascript:alert(1)", "/\\evil.example", "");
  const base = fc.record({ email: account, password, callbackUrl: fc.oneof({ arbitrary: fc.constant("/en/learn"), weight: 3 }, { arbitrary: callbackUrl, weight: 1 }), json: fc.constantFrom("true", "false") }, { requiredKeys: ["email", "password"] });
  const fields = fc.tuple(base, fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS, "email", "password", "csrfToken", "redirect"), fc.string({ maxLength: 8 })), nastyValue()), { maxLength: 2 }), fc.boolean()).map(
    ([b, extra, mutateInstead]) => {
      const list: [string, Json][] = Object.entries(b);
      // Either extra fields (repeats included), or one of the valid ones given a hostile value.
      if (mutateInstead && extra.length) list[extra[0][0].length % list.length] = [list[extra[0][0].length % list.length][0], extra[0][1]];
      else list.push(...extra);
      return list;
    },
  );
  return fc.record({
    fields,
    encoding: fc.oneof({ arbitrary: fc.constant("form"), weight: 12 }, { arbitrary: fc.constant("json"), weight: 3 }, { arbitrary: fc.constantFrom("broken-json", "text", "multipart"), weight: 1 }),
    csrf: fc.oneof({ arbitrary: fc.constant("valid"), weight: 12 }, { arbitrary: fc.constantFrom("missing", "wrong-body", "forged-cookie"), weight: 1 }),
    deviceCookie: fc.constantFrom("none", "none", "none", "valid", "forged", "malformed", "secure-name"),
    callbackCookie: fc.oneof({ arbitrary: fc.constant(""), weight: 30 }, { arbitrary: callbackUrl, weight: 1 }, { arbitrary: fc.string({ maxLength: 10 }), weight: 1 }),
    callbackQuery: fc.oneof({ arbitrary: fc.constant(""), weight: 30 }, { arbitrary: callbackUrl, weight: 1 }, { arbitrary: fc.string({ maxLength: 10 }), weight: 1 }),
  }) as fc.Arbitrary<Attempt>;
}

function buildSignIn(a: Attempt): NextRequest {
  const fields: [string, Json][] = [...a.fields];
  if (a.csrf !== "missing") fields.push(["csrfToken", a.csrf === "wrong-body" ? "0".repeat(64) : csrf.token]);
  const cookies = [a.csrf === "forged-cookie" ? `next-auth.csrf-token=${csrf.token}%7C${"0".repeat(64)}` : `next-auth.csrf-token=${encodeURIComponent(csrf.cookie)}`];
  if (a.deviceCookie === "valid") cookies.push(`cg_device=${device.cookie}`);
  if (a.deviceCookie === "forged") cookies.push(`cg_device=${device.id}.${"A".repeat(43)}`);
  if (a.deviceCookie === "malformed") cookies.push("cg_device=%E0%A4%A.%ZZ");
  if (a.deviceCookie === "secure-name") cookies.push(`__Secure-cg_device=${device.cookie}`);
  if (a.callbackCookie) cookies.push(`next-auth.callback-url=${encodeURIComponent(a.callbackCookie)}`);
  const str = (v: Json) => (typeof v === "string" ? v : JSON.stringify(v));
  let contentType: string;
  let body: string;
  if (a.encoding === "form" || a.encoding === "text") {
    contentType = a.encoding === "form" ? "application/x-www-form-urlencoded" : "text/plain";
    body = new URLSearchParams(fields.map(([k, v]) => [k, str(v)])).toString();
  } else if (a.encoding === "multipart") {
    contentType = "multipart/form-data; boundary=fuzz";
    body = `${fields.map(([k, v]) => `--fuzz\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${str(v)}\r\n`).join("")}--fuzz--\r\n`;
  } else {
    contentType = "application/json";
    const obj: Record<string, Json> = {};
    for (const [k, v] of fields) Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
    body = a.encoding === "json" ? JSON.stringify(obj) : JSON.stringify(obj).slice(0, -1);
  }
  const host = new URL(ORIGIN).host;
  // As Next's server passes them on: it adds the x-forwarded-* headers next-auth builds URLs from.
  current = new Headers({ "content-type": contentType, cookie: cookies.join("; "), host, origin: ORIGIN, "x-forwarded-host": host, "x-forwarded-proto": "http" });
  const query = a.callbackQuery ? `?${new URLSearchParams({ callbackUrl: a.callbackQuery })}` : "";
  return new NextRequest(`${ORIGIN}/api/auth/callback/credentials${query}`, { method: "POST", headers: current, body: new TextEncoder().encode(body) });
}

/** The account a sign-in with these fields may open: the right password for a world account. */
function rightCredentials(a: Attempt): boolean {
  const get = (k: string) => a.fields.filter(([key]) => key === k).map(([, v]) => v);
  const accounts = new Set(Object.values(fuzz.world.users).map((u) => (u.email ?? u.login)!));
  // authorize() reads String(value), so ["l1@…"] in a JSON body is that address.
  return get("password").some((p) => String(p) === PASSWORD) && get("email").some((e) => accounts.has(String(e).trim().toLowerCase()));
}

const BASE: Attempt = { fields: [["email", "l1@fuzz.example"], ["password", "wrong password"]], encoding: "form", csrf: "valid", deviceCookie: "none", callbackCookie: "", callbackQuery: "" };

/**
 * Requests that once crashed next-auth or made it answer 500 (found by this fuzz). lib/auth/route.ts
 * and the redirect callback in lib/auth/options.ts now refuse or correct them.
 */
const ONCE_CRASHED: { name: string; example: Attempt }[] = [
  { name: "a body that is not JSON, sent as application/json", example: { ...BASE, encoding: "broken-json" } },
  { name: "a callbackUrl field that is not a URL", example: { ...BASE, fields: [...BASE.fields, ["callbackUrl", "home"]] } },
  { name: "a callbackUrl field that is not a string, in JSON", example: { ...BASE, encoding: "json", fields: [...BASE.fields, ["callbackUrl", { a: 1 }]] } },
  { name: "a callback-url cookie that is not an http(s) URL", example: { ...BASE, callbackCookie: "home" } },
  { name: "a callbackUrl query that is not an http(s) URL", example: { ...BASE, callbackQuery: "javascript:alert(1)" } },
];

/** A 400 (or 413, too large) from lib/auth/route.ts: JSON with a sentence, before next-auth runs. */
async function expectClearRefusal(res: Response, text: string) {
  expect([400, 413], text).toContain(res.status);
  const body = JSON.parse(text) as { error?: unknown };
  expect(body.error).toBeTypeOf("string");
  expect(String(body.error)).toMatch(/^[A-Z][^\n]{10,200}\.$/);
}

const signIn = (request: NextRequest) => authRoute(request, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });

/** The sign-in form `a` (with its CSRF token), with some headers changed (null removes one). */
function withHeaders(a: Attempt, changes: Record<string, string | null>): NextRequest {
  const base = buildSignIn(a);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) current.delete(k);
    else current.set(k, v);
  }
  const body = new URLSearchParams([...a.fields.map(([k, v]): [string, string] => [k, String(v)]), ["csrfToken", csrf.token]]).toString();
  return new NextRequest(base.url, { method: "POST", headers: current, body: new TextEncoder().encode(body) });
}

describe("the sign-in route's guards (issue #19)", () => {
  const right: Attempt = { ...BASE, fields: [["email", "l1@fuzz.example"], ["password", PASSWORD]] };

  it.each([
    ["a cross-site form post", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
    ["a form in a sandboxed frame", { origin: "null" }],
    ["a sibling site's form", { origin: null, "sec-fetch-site": "same-site" }],
  ])("refuses %s with the right password: 403, no session, nothing written", async (_name, headers) => {
    const before = fuzz.worldDb.snapshot();
    const res = await signIn(withHeaders(right, headers));
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie().some((c) => SESSION.test(c))).toBe(false);
    expect(diff(before, fuzz.worldDb.snapshot())).toEqual([]);
  });

  it("refuses a cross-site sign-out form (403)", async () => {
    const request = withHeaders(BASE, { origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    const res = await authRoute(new NextRequest(request.url.replace("/callback/credentials", "/signout"), { method: "POST", headers: current, body: `csrfToken=${csrf.token}` }), {
      params: Promise.resolve({ nextauth: ["signout"] }),
    });
    expect(res.status).toBe(403);
  });

  it.each([
    ["declared too large", { "content-length": String(200 * 1024) }],
    ["sent with a lying length", { "content-length": "64" }],
  ])("refuses a sign-in body %s (413) before next-auth reads it, writing nothing", async (_name, headers) => {
    const huge: Attempt = { ...BASE, fields: [["email", "l1@fuzz.example"], ["password", "x".repeat(200 * 1024)]] };
    const before = fuzz.worldDb.snapshot();
    const res = await signIn(withHeaders(huge, headers));
    expect(res.status).toBe(413);
    expect(diff(before, fuzz.worldDb.snapshot())).toEqual([]);
  });

  it("still signs in from the app's own page", async () => {
    const res = await signIn(withHeaders(right, { "sec-fetch-site": "same-origin" }));
    expect(res.headers.getSetCookie().some((c) => SESSION.test(c))).toBe(true);
  });
});


describe("fuzzing the credentials sign-in (a form endpoint)", () => {
  for (const { name, example } of ONCE_CRASHED) {
    it(`answers ${name} with a 4xx, not a crash`, async () => {
      const before = fuzz.worldDb.snapshot();
      const res = await signIn(buildSignIn(example));
      expect(res.status).toBeGreaterThanOrEqual(300);
      expect(res.status).toBeLessThan(500);
      const text = await res.text();
      if (res.status === 400) await expectClearRefusal(res, text);
      expect(diff(before, fuzz.worldDb.snapshot()).filter((c) => c.table !== "login_throttle")).toEqual([]);
    });
  }

  it("POST /api/auth/callback/credentials: generated sign-in forms", async () => {
    const stats = process.env.FUZZ_STATS ? new Map<string, number>() : undefined;
    await fc.assert(
      fc.asyncProperty(attemptArb(), async (a) => {
        const before = fuzz.worldDb.snapshot();
        const request = buildSignIn(a);
        let res: Response;
        try {
          res = await signIn(request);
        } catch (e) {
          throw new Error(`the sign-in route threw: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
        }
        const text = await res.text();
        if (res.status >= 500) throw new Error(`server error ${res.status}: ${text.slice(0, 300)}`);
        if (res.status === 400 || res.status === 413) {
          // Refused before next-auth ran (lib/auth/route.ts): nothing may have changed.
          await expectClearRefusal(res, text);
          expect(diff(before, fuzz.worldDb.snapshot())).toEqual([]);
          return void stats?.set("refused as malformed", (stats.get("refused as malformed") ?? 0) + 1);
        }

        // Where the browser is sent: a redirect, or { url } when the form asked for JSON.
        const type = res.headers.get("content-type") ?? "";
        const target = res.headers.get("location") ?? (type.includes("application/json") ? (JSON.parse(text) as { url?: string }).url : undefined);
        expect(target, `no destination in a ${res.status} answer`).toBeTypeOf("string");
        const url = new URL(target!, ORIGIN);
        if (url.origin !== ORIGIN) throw new Error(`sent the browser off-site: ${target}`);
        const error = url.searchParams.get("error");
        if (error !== null && error !== SIGN_IN_FAILED && !THROTTLED.test(error)) throw new Error(`an error the app does not give: ${JSON.stringify(error)}`);

        const signedIn = res.headers.getSetCookie().some((c) => SESSION.test(c));
        if (signedIn && !(a.csrf === "valid" && rightCredentials(a))) throw new Error("signed in without the right password");

        const changes = diff(before, fuzz.worldDb.snapshot());
        for (const c of changes) {
          if (c.table === "login_throttle") continue;
          if (c.table === "login_devices" && signedIn) continue;
          throw new Error(`sign-in wrote to ${c.table}: ${JSON.stringify(c.after ?? c.before).slice(0, 200)}`);
        }
        expect(Object.prototype).not.toHaveProperty("polluted");
        const outcome = signedIn ? "signed-in" : error ? (THROTTLED.test(error) ? "throttled" : "refused") : url.searchParams.get("csrf") ? "csrf" : `other ${res.status}`;
        stats?.set(outcome, (stats.get(outcome) ?? 0) + 1);
      }),
      fuzzParams(),
    );
    if (stats) console.log(`sign-in: ${[...stats].sort().map(([k, n]) => `${k}×${n}`).join(" ")}`);
  }, 300_000);
});
