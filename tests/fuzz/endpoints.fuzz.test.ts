// Property-based fuzzing of every JSON route handler (issue #6): FUZZ_RUNS generated requests
// per route and method (default 1000), called in-process on a fresh SQLite database holding a
// seeded world of facilitators, groups and learners. For every request:
//   - the handler answers (never throws) and never with a 5xx;
//   - a rejection is a 4xx with a JSON { error } a person can read, and changes nothing;
//   - an accepted request changes only rows the caller owns (their own rows, the groups they run);
//   - a 2xx on a group's route means the caller may read (GET) or run (others) that group.
// Replay a failure with FUZZ_SEED=<seed> FUZZ_PATH=<path> from the report fast-check prints.
import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/accounts";
import { getDb } from "@/lib/db";
import { ENDPOINTS, NOT_FUZZED, type Endpoint } from "@/tests/fuzz/endpoints";
import { buildRequest, callAndCheck, discoverRoutes, fillPath, ORIGIN, type Handler } from "@/tests/fuzz/http";
import { bodySpec, fuzzParams, idSegment, querySpec, FUZZ_RUNS } from "@/tests/fuzz/values";
import { setUpFuzzWorld } from "@/tests/fuzz/setup";
import { diff, forbiddenChange, reachOf, type Change } from "@/tests/fuzz/ownership";
import type { World } from "@/tests/fuzz/world";

// The session is whoever the fuzzer picks for each request: next-auth's getServerSession needs a
// Next request scope, so lib/auth/session is replaced here. Session handling itself (cookies, JWT,
// session version) is covered by the e2e authorisation tests and tests/fuzz/sign-in.fuzz.test.ts.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({
  currentUser: async () => session.user,
  // The answer route's one-statement path (PostgreSQL only; the fuzz runs on SQLite) reads this.
  sessionClaim: async () => (session.user ? { userId: session.user.id, sessionVersion: 0, sessionId: "fuzz" } : null),
  requireUser: async () => {
    if (!session.user) throw new Error("requireUser is not used by route handlers");
    return session.user;
  },
}));

const fuzz = setUpFuzzWorld();
/** Set when a check failed midway: the next run reseeds the whole world first. */
let dirty = false;
/** The last run's changes, undone before the next run. */
let undo: Change[] = [];

const key = (e: { method: string; route: string }) => `${e.method} ${e.route}`;

describe("fuzz harness", () => {
  it("fuzzes every method of every route under app/api, or says why not", () => {
    const found = discoverRoutes().flatMap((r) => r.methods.map((method) => key({ method, route: r.route })));
    const listed = [...ENDPOINTS.map(key), ...Object.keys(NOT_FUZZED)];
    expect(found.filter((k) => !listed.includes(k)), "routes with no fuzz entry: add them to tests/fuzz/endpoints.ts").toEqual([]);
    expect(listed.filter((k) => !found.includes(k)), "fuzz entries for routes that no longer exist").toEqual([]);
    expect(new Set(ENDPOINTS.map(key)).size).toBe(ENDPOINTS.length);
    // A route "fuzzed elsewhere" names its suite: that file must exist.
    for (const reason of Object.values(NOT_FUZZED)) for (const [file] of reason.matchAll(/\blib\/\S+\.test\.ts\b/g)) expect(fs.existsSync(file), file).toBe(true);
  });

  it("notices a write committed by the app, and the reseed puts the world back", async () => {
    const version = fuzz.worldDb.version();
    const db = (await getDb()).db;
    await db.updateTable("users").set({ display_name: "Changed" }).where("id", "=", fuzz.world.users.l2.id).execute();
    expect(fuzz.worldDb.version()).not.toBe(version);
    const changes = diff(fuzz.worldDb.seeded, fuzz.worldDb.snapshot());
    expect(changes).toHaveLength(1);
    const states = { before: fuzz.worldDb.seeded, after: fuzz.worldDb.snapshot() };
    expect(forbiddenChange(changes[0], reachOf(fuzz.world.users.l1, states.before, states.after), states)).toMatch(/changed a row of users/);
    expect(forbiddenChange(changes[0], reachOf(fuzz.world.users.l2, states.before, states.after), states)).toBeNull();
    fuzz.worldDb.restore(changes);
    expect(diff(fuzz.worldDb.seeded, fuzz.worldDb.snapshot())).toEqual([]);
    // Undoing inserts and deletes too, with foreign keys on (a group and what hangs off it).
    await db.deleteFrom("cohorts").where("id", "=", fuzz.world.cohorts.c2.id).execute();
    await db.insertInto("cohort_facilitators").values({ cohort_id: fuzz.world.cohorts.c1.id, user_id: fuzz.world.users.f2.id }).execute();
    const many = diff(fuzz.worldDb.seeded, fuzz.worldDb.snapshot());
    expect(many.map((c) => c.table)).toEqual(expect.arrayContaining(["cohorts", "cohort_members", "assignments", "cohort_facilitators"]));
    fuzz.worldDb.restore(many);
    expect(diff(fuzz.worldDb.seeded, fuzz.worldDb.snapshot())).toEqual([]);
    expect((await db.selectFrom("users").select("display_name").where("id", "=", fuzz.world.users.l2.id).executeTakeFirstOrThrow()).display_name).toBe("Lou Two");
  });
});

function requestArb(e: Endpoint, w: World) {
  const callers = e.callers?.(w) ?? [null, ...Object.values(w.users)];
  const paramIds = e.params?.(w) ?? {};
  const independent = fc.record(Object.fromEntries(Object.entries(paramIds).map(([name, ids]) => [name, idSegment(ids)])) as Record<string, fc.Arbitrary<string>>);
  const sets = e.paramSets?.(w) ?? [];
  const params = sets.length ? fc.oneof(independent, fc.constantFrom(...sets)) : independent;
  const input =
    e.method === "GET"
      ? querySpec(e.query?.(w)).map((query) => ({ query, body: undefined }))
      : bodySpec(e.body!(w), w.ids).map((body) => ({ query: [] as [string, string][], body }));
  return fc.record({ caller: fc.constantFrom(...callers), params, input });
}

describe("fuzzing the JSON endpoints", () => {
  for (const e of ENDPOINTS) {
    it(`${key(e)}: ${FUZZ_RUNS} generated requests`, async () => {
      const handler = (await e.load())[e.method] as Handler;
      const stats = process.env.FUZZ_STATS ? new Map<string, number>() : undefined;
      expect(handler, `${key(e)} is not exported`).toBeTypeOf("function");
      await fc.assert(
        fc.asyncProperty(requestArb(e, fuzz.world), async ({ caller, params, input }) => {
          if (dirty) fuzz.worldDb.reseed();
          else if (undo.length) fuzz.worldDb.restore(undo);
          dirty = true;
          undo = [];
          session.user = caller;
          // Every run starts from the seeded world; the tables are read again only if the app committed.
          const before = fuzz.worldDb.seeded;
          const version = fuzz.worldDb.version();
          const request = buildRequest(e.method, fillPath(e.route, params), input.body, input.query);
          const outcome = await callAndCheck(handler, request, params);
          const after = fuzz.worldDb.version() === version ? before : fuzz.worldDb.snapshot();
          const changes = after === before ? [] : diff(before, after);
          // A wrong password at a re-check (deleting the account) is recorded in the sign-in
          // throttle on purpose; whose row it may be is still checked below.
          const refusedChanges = changes.filter((c) => c.table !== "login_throttle");
          if (outcome.status >= 400 && refusedChanges.length) throw new Error(`a rejected request (${outcome.status}) changed ${refusedChanges.map((c) => c.table).join(", ")}`);
          const reach = reachOf(caller, before, after);
          for (const change of changes) {
            const why = forbiddenChange(change, reach, { before, after });
            if (why) throw new Error(why);
          }
          if (outcome.status < 300 && "cohort" in params) {
            const allowed = e.method === "GET" ? reach.readable : reach.cohorts;
            if (!allowed.has(params.cohort)) throw new Error(`answered ${outcome.status} for a group the caller may not ${e.method === "GET" ? "read" : "run"}`);
          }
          if (outcome.status < 300 && e.route.startsWith("/api/admin/") && caller?.role !== "admin") throw new Error(`a ${caller?.role ?? "visitor"} used an admin route`);
          expect(Object.prototype).not.toHaveProperty("polluted");
          expect(({} as Record<string, unknown>).role).toBeUndefined();
          undo = changes;
          dirty = false;
          const label = `${outcome.status}${changes.length ? "*" : ""}`;
          stats?.set(label, (stats.get(label) ?? 0) + 1);
        }),
        fuzzParams(),
      );
      // FUZZ_STATS=1: how deep the requests went (status counts; * = the request wrote rows).
      if (stats) console.log(`${key(e)}: ${[...stats].sort().map(([k, n]) => `${k}×${n}`).join(" ")}`);
    }, 300_000);
  }
});

/**
 * What another site's page can make a signed-in person's browser send (issue #19): forms in each
 * encoding a form has, a no-cors fetch whose text/plain type names JSON in a parameter, and a
 * fetch that would need CORS. Each is sent to every mutating route in the table above, by each
 * kind of caller, with a body the route would otherwise accept.
 */
const CROSS_SITE: { name: string; headers: Record<string, string>; body: (json: string) => { contentType: string; text: string } }[] = [
  { name: "a form post (urlencoded)", headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" }, body: (j) => ({ contentType: "application/x-www-form-urlencoded", text: new URLSearchParams({ json: j }).toString() }) },
  { name: "a form post (text/plain)", headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" }, body: (j) => ({ contentType: "text/plain", text: j }) },
  { name: "a form post (multipart)", headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" }, body: (j) => ({ contentType: "multipart/form-data; boundary=x", text: `--x\r\nContent-Disposition: form-data; name="json"\r\n\r\n${j}\r\n--x--\r\n` }) },
  { name: "a no-cors fetch (text/plain; charset=application/json)", headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" }, body: (j) => ({ contentType: "text/plain; charset=application/json", text: j }) },
  { name: "a cross-site fetch (application/json)", headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" }, body: (j) => ({ contentType: "application/json", text: j }) },
  { name: "a form in a sandboxed frame (Origin: null)", headers: { origin: "null" }, body: (j) => ({ contentType: "application/json", text: j }) },
  { name: "a sibling site (Sec-Fetch-Site: same-site)", headers: { "sec-fetch-site": "same-site" }, body: (j) => ({ contentType: "application/json", text: j }) },
];

describe("cross-site requests to every mutating route", () => {
  const mutating = ENDPOINTS.filter((e) => e.method !== "GET");

  it("covers every mutating route the app has", () => {
    const routes = discoverRoutes().flatMap((r) => r.methods.filter((m) => m !== "GET").map((method) => key({ method, route: r.route })));
    // The LTI login and launch are posted by another site's page by design (an LMS's form): they
    // read no cookie and are judged by the signed values they carry (lib/http/handler.ts ltiFormRoute).
    const crossSiteByDesign = new Set(["POST /api/lti/login", "POST /api/lti/launch"]);
    expect(routes.filter((k) => !mutating.some((e) => key(e) === k) && !k.includes("/api/auth/") && !crossSiteByDesign.has(k))).toEqual([]);
  });

  for (const e of mutating) {
    it(`${key(e)}: refused with 403, nothing written`, async () => {
      const w = fuzz.world;
      if (dirty) fuzz.worldDb.reseed();
      else if (undo.length) fuzz.worldDb.restore(undo);
      undo = [];
      const handler = (await e.load())[e.method] as Handler;
      const callers = e.callers?.(w) ?? [null, w.users.f1, w.users.l1, w.users.admin];
      const params = e.paramSets?.(w)[0] ?? Object.fromEntries(Object.entries(e.params?.(w) ?? {}).map(([name, ids]) => [name, ids[0]]));
      const json = JSON.stringify(fc.sample(e.body!(w), { numRuns: 1, seed: 19 })[0]);
      for (const caller of callers) {
        session.user = caller;
        for (const attack of CROSS_SITE) {
          const version = fuzz.worldDb.version();
          const request = buildRequest(e.method, fillPath(e.route, params), attack.body(json), [], attack.headers);
          const outcome = await callAndCheck(handler, request, params);
          const where = `${attack.name} as ${caller?.role ?? "visitor"}`;
          if (fuzz.worldDb.version() !== version) dirty = true;
          expect(fuzz.worldDb.version(), `${where} wrote to the database`).toBe(version);
          expect(outcome.status, where).toBe(403);
        }
      }
    });
  }

  it("lets the same requests through from the app's own pages", async () => {
    const e = ENDPOINTS.find((x) => x.route === "/api/progress/lessons" && x.method === "POST")!;
    const handler = (await e.load())[e.method] as Handler;
    session.user = fuzz.world.users.l1;
    const body = { contentType: "application/json", text: JSON.stringify({ locale: "en", courseId: fuzz.world.course, lessonId: fuzz.world.lesson }) };
    for (const headers of [{ origin: ORIGIN, "sec-fetch-site": "same-origin" }, { origin: ORIGIN }, {}] as Record<string, string>[]) {
      const outcome = await callAndCheck(handler, buildRequest("POST", e.route, body, [], headers), {});
      expect(outcome.status, JSON.stringify(headers)).toBe(200);
    }
    dirty = true; // it wrote a lesson completion
  });
});
