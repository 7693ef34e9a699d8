// Property-based fuzzing of the LTI 1.3 form endpoints (issue #27): the login initiation
// (GET /api/lti/login with a query, or a form POST) and the launch (a form POST of id_token and
// state), the app's only requests that come from another site's page by design. Called in-process
// FUZZ_RUNS times (default 1000) with generated forms: a registered platform's issuer and
// strangers, good and hostile targets, JWT-shaped tokens signed by nobody the app trusts, forged
// states, wrong media types. For every request:
//   - the route answers (never throws), never with a 5xx, and never fails inside (no
//     "http.internal" error code: a refusal always names what was wrong);
//   - it sends the browser only to this site's LTI error page, or, for a login from the registered
//     platform, to that platform's own authorisation endpoint with a state and a nonce;
//   - no launch opens a session (no cookie is set), since nothing here is signed by the platform;
//   - the only writes are login nonces, and only for logins that go on to the platform.
import crypto from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ORIGIN } from "@/tests/fuzz/http";
import { setUpFuzzWorld } from "@/tests/fuzz/setup";
import { nastyValue, PROTO_KEYS, type Json } from "@/tests/fuzz/values";
import { diff } from "@/tests/fuzz/ownership";

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const ISSUER = "https://lms.fuzz.example";
const AUTH = `${ISSUER}/auth`;
const CLIENT = "fuzz-tool";
const DEPLOYMENT = "deployment-1";

const fuzz = setUpFuzzWorld(async () => ({
  lti_platforms: [
    {
      id: "fuzz-platform",
      name: "Fuzz LMS",
      issuer: ISSUER,
      client_id: CLIENT,
      auth_endpoint: AUTH,
      // Port 9 refuses at once: a token naming a key makes the app ask, and get nothing.
      jwks_url: "http://127.0.0.1:9/jwks",
      token_url: `${ISSUER}/token`,
      audience: null,
      deployment_ids: JSON.stringify([DEPLOYMENT]),
      created_at: "2026-11-01T00:00:00.000Z",
    },
  ],
}));

const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");
const now = () => Math.floor(Date.now() / 1000);

/** JWT-shaped strings: well formed with plausible claims and a signature nobody made, or broken. */
const idToken = fc.oneof(
  fc.record({
    alg: fc.constantFrom("RS256", "none", "HS256", "EdDSA", "RS512"),
    kid: fc.constantFrom("k1", "", "../../etc/passwd"),
    iss: fc.constantFrom(ISSUER, "https://evil.example", ""),
    aud: fc.constantFrom(CLIENT, "other", [CLIENT, "other"]),
    exp: fc.constantFrom(now() + 300, now() - 300, 0),
    nonce: fc.string({ maxLength: 20 }),
    deployment: fc.constantFrom(DEPLOYMENT, "other"),
    sig: fc.constantFrom("", "AAAA", crypto.randomBytes(256).toString("base64url")),
  }).map((c) => `${b64({ alg: c.alg, kid: c.kid, typ: "JWT" })}.${b64({ iss: c.iss, aud: c.aud, exp: c.exp, iat: now(), nonce: c.nonce, sub: "s", "https://purl.imsglobal.org/spec/lti/claim/deployment_id": c.deployment, "https://purl.imsglobal.org/spec/lti/claim/version": "1.3.0", "https://purl.imsglobal.org/spec/lti/claim/message_type": "LtiResourceLinkRequest" })}.${c.sig}`),
  fc.constantFrom("", "a.b.c", "e30.e30.", "....", "x".repeat(17_000)),
  fc.string({ maxLength: 60 }),
);
const state = fc.oneof(fc.constantFrom("", "a.b", `${b64({ p: "fuzz-platform" })}.${"A".repeat(43)}`, "x".repeat(5000)), fc.string({ maxLength: 40 }));
const target = fc.constantFrom("/en/lti/courses/responding-well", `${ORIGIN}/fr/lti/courses/responding-well`, "https://evil.example/", "//evil.example/x", "javascript:alert(1)", "/\\evil.example", "");

type Fields = [string, Json][];
const extra = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS, "iss", "state", "id_token"), fc.string({ maxLength: 8 })), nastyValue()), { maxLength: 2 });
const loginFields: fc.Arbitrary<Fields> = fc
  .tuple(
    fc.record(
      {
        // Weighted so that about a third of the logins are right enough to go on to the platform.
        iss: fc.oneof({ arbitrary: fc.constant(ISSUER), weight: 3 }, { arbitrary: fc.constantFrom("https://evil.example", "", `${ISSUER}/`), weight: 1 }),
        login_hint: fc.oneof({ arbitrary: fc.constant("u1"), weight: 4 }, { arbitrary: fc.constantFrom("", "x".repeat(2001)), weight: 1 }),
        target_link_uri: fc.oneof({ arbitrary: fc.constant("/en/lti/courses/responding-well"), weight: 3 }, { arbitrary: target, weight: 2 }),
        client_id: fc.oneof({ arbitrary: fc.constant(CLIENT), weight: 4 }, { arbitrary: fc.constant("other"), weight: 1 }),
        lti_deployment_id: fc.oneof({ arbitrary: fc.constant(DEPLOYMENT), weight: 4 }, { arbitrary: fc.constant("other"), weight: 1 }),
        lti_message_hint: fc.string({ maxLength: 20 }),
      },
      { requiredKeys: ["iss", "login_hint", "target_link_uri"] },
    ),
    fc.oneof({ arbitrary: fc.constant([] as [string, Json][]), weight: 2 }, { arbitrary: extra, weight: 1 }),
  )
  .map(([f, more]) => [...(Object.entries(f) as Fields), ...more]);
const launchFields: fc.Arbitrary<Fields> = fc.tuple(fc.record({ id_token: idToken, state }, { requiredKeys: [] }), extra).map(([f, more]) => [...(Object.entries(f) as Fields), ...more]);

const str = (v: Json) => (typeof v === "string" ? v : JSON.stringify(v));
const form = (fields: Fields) => new URLSearchParams(fields.map(([k, v]) => [k, str(v)])).toString();

function request(path: string, method: "GET" | "POST", fields: Fields, type: string): Request {
  if (method === "GET") return new Request(`${ORIGIN}${path}?${form(fields)}`, { headers: { host: new URL(ORIGIN).host } });
  // Cross-site by design: the LMS's page posts the form.
  return new Request(`${ORIGIN}${path}`, { method, headers: { "content-type": type, origin: "https://lms.fuzz.example", host: new URL(ORIGIN).host }, body: form(fields) });
}

/** Where the browser is sent: this site's LTI error page (with its code), or the platform's authorisation endpoint. */
function destination(res: Response): { kind: "error"; code: string } | { kind: "platform"; url: URL } {
  expect([302, 303]).toContain(res.status);
  const location = res.headers.get("location") ?? "";
  const url = new URL(location, ORIGIN);
  if (url.origin === ORIGIN) {
    expect(url.pathname).toMatch(/^\/[a-z]{2}\/lti\/error$/);
    return { kind: "error", code: url.searchParams.get("code") ?? "" };
  }
  expect(`${url.origin}${url.pathname}`).toBe(AUTH);
  return { kind: "platform", url };
}

describe("LTI login and launch under fuzzing (issue #27)", () => {
  it(`answers ${RUNS} generated logins with a redirect to the platform or a named refusal, and writes only nonces for the first`, async () => {
    const { GET, POST } = await import("@/app/api/lti/login/route");
    const seen = { platform: 0, error: 0 };
    await fc.assert(
      fc.asyncProperty(loginFields, fc.constantFrom("GET", "POST", "POST", "POST"), fc.constantFrom("application/x-www-form-urlencoded", "application/json", "text/plain"), async (fields, method, type) => {
        fuzz.worldDb.reseed();
        const before = fuzz.worldDb.snapshot();
        const res = await (method === "GET" ? GET : POST)(request("/api/lti/login", method, fields, type));
        expect(res.status).toBeLessThan(500);
        const where = destination(res);
        const changes = diff(before, fuzz.worldDb.snapshot());
        seen[where.kind]++;
        if (where.kind === "error") {
          expect(where.code).not.toBe("http.internal");
          expect(changes).toEqual([]);
        } else {
          for (const k of ["state", "nonce", "client_id", "login_hint", "redirect_uri"]) expect(where.url.searchParams.get(k), k).toBeTruthy();
          expect(where.url.searchParams.get("response_mode")).toBe("form_post");
          expect(changes.map((c) => c.table)).toEqual(["lti_nonces"]);
        }
        expect(res.headers.get("set-cookie")).toBeNull();
      }),
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
    // Both ways were taken: the registered platform's logins went on, the rest were refused.
    expect(seen.platform).toBeGreaterThan(RUNS / 20);
    expect(seen.error).toBeGreaterThan(RUNS / 20);
  });

  it(`refuses ${RUNS} generated launches by name, opening no session and writing nothing`, async () => {
    const { POST } = await import("@/app/api/lti/launch/route");
    await fc.assert(
      fc.asyncProperty(launchFields, fc.constantFrom("application/x-www-form-urlencoded", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json"), async (fields, type) => {
        fuzz.worldDb.reseed();
        const before = fuzz.worldDb.snapshot();
        const res = await POST(request("/api/lti/launch", "POST", fields, type));
        expect(res.status).toBeLessThan(500);
        const where = destination(res);
        expect(where.kind).toBe("error");
        if (where.kind === "error") expect(where.code).toMatch(/^(lti\.|http\.tooLarge$)/);
        expect(res.headers.get("set-cookie")).toBeNull();
        expect(diff(before, fuzz.worldDb.snapshot())).toEqual([]);
      }),
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
  });
});
