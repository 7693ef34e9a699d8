// User-supplied names through the real route handlers, on both engines (issue #19, items 5 and 6):
// every name input refuses control and bidi characters with a clear message and stores nothing;
// names in any script are stored as NFC; a group named in any script exports as CSV (it was a
// 500 for anything beyond Latin-1); a name stored before the rule is neutralised in the CSV.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { testEngines } from "@/lib/testing/db";

const state = vi.hoisted(() => ({ user: null as SessionUser | null, db: null as unknown }));
// sessionClaim: what the cookie would claim for that user (session version 0, a session never
// signed out), for the answer route's one-statement path (lib/http/handler.ts claimFirstRoute).
vi.mock("@/lib/auth/session", () => ({
  currentUser: async () => state.user,
  requireUser: async () => state.user,
  sessionClaim: async () => (state.user ? { userId: state.user.id, sessionVersion: 0, sessionId: "route-test" } : null),
}));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ORIGIN = "http://localhost:3500";

async function call(handler: Handler, method: string, path: string, body?: unknown, params: Record<string, string> = {}) {
  const request = new Request(new URL(path, ORIGIN), {
    method,
    headers: { origin: ORIGIN, "sec-fetch-site": "same-origin", ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const res = await handler(request, { params: Promise.resolve(params) });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: new TextDecoder().decode(bytes) };
}

const PASSWORD = "river lamp orchard";
/** Each forbidden kind once, placed where it does most harm. */
const HOSTILE = [
  ["right-to-left override", "Ann\u202Egnp.exe", "U+202E"],
  ["first strong isolate", "\u2068Ann", "U+2068"],
  ["pop directional isolate", "Ann\u2069", "U+2069"],
  ["NUL", "Ann\u0000Lee", "U+0000"],
  ["ESC (terminal escape)", "Ann\u001B[31mLee", "U+001B"],
  ["zero-width space", "Ann\u200BLee", "U+200B"],
] as const;

describe.each(testEngines())("user-supplied names on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let lead: SessionUser;
  let joinCode: string;
  let cohortId: string;
  const routes = {
    account: () => import("@/app/api/account/route"),
    cohorts: () => import("@/app/api/cohorts/route"),
    nickname: () => import("@/app/api/join/nickname/route"),
    exportCsv: () => import("@/app/api/cohorts/[cohort]/export/route"),
  };
  const count = async (table: "users" | "cohorts") => Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    state.db = handle;
    lead = await createAccount(handle, { email: "lead@example.org", displayName: "Lead", password: PASSWORD, role: "facilitator" });
    state.user = lead;
    const made = await call((await routes.cohorts()).POST, "POST", "/api/cohorts", { name: "Группа 7 — Ομάδα", kind: "workshop", locale: "en", trackId: "workshop" });
    expect(made.status, made.text).toBe(200);
    ({ joinCode, id: cohortId } = JSON.parse(made.text));
  });
  afterAll(async () => cleanup());

  describe.each(HOSTILE)("%s", (_what, name, codePoint) => {
    it("is refused as a display name at sign-up, and no account is made", async () => {
      const before = await count("users");
      const res = await call((await routes.account()).POST, "POST", "/api/account", { email: `x${before}@example.org`, displayName: name, password: PASSWORD });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text)).toMatchObject({ field: "displayName", error: expect.stringContaining(codePoint) });
      expect(await count("users")).toBe(before);
    });

    it("is refused as a group name, and no group is made", async () => {
      state.user = lead;
      const before = await count("cohorts");
      const res = await call((await routes.cohorts()).POST, "POST", "/api/cohorts", { name, kind: "class", locale: "en", trackId: "school" });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text)).toMatchObject({ field: "name", error: expect.stringContaining(codePoint) });
      expect(await count("cohorts")).toBe(before);
    });

    it("is refused as a nickname, and no account is made", async () => {
      const before = await count("users");
      const res = await call((await routes.nickname()).POST, "POST", "/api/join/nickname", { code: joinCode, nickname: name });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text)).toMatchObject({ field: "nickname", error: expect.stringContaining(codePoint) });
      expect(await count("users")).toBe(before);
    });
  });

  it("stores names in any script as NFC (a decomposed nickname and a Devanagari one are accepted)", async () => {
    for (const [typed, stored] of [["Zoe\u0308", "Zoë"], ["प्रिया", "प्रिया"], ["مريم", "مريم"]]) {
      const res = await call((await routes.nickname()).POST, "POST", "/api/join/nickname", { code: joinCode, nickname: typed });
      expect(res.status, res.text).toBe(201);
      const row = await handle.db.selectFrom("users").select("display_name").where("login_name", "=", JSON.parse(res.text).loginName).executeTakeFirstOrThrow();
      expect(row.display_name).toBe(stored);
    }
  });

  it("exports a group named in Cyrillic and Greek with an RFC 6266 file name, and neutralises a name stored before the rule", async () => {
    // As if stored before names were checked: a bidi override and an ESC in a learner's name.
    const old = await createAccount(handle, { email: "old@example.org", displayName: "Ann\u202Egnp.exe\u001B", password: PASSWORD });
    await handle.db.insertInto("cohort_members").values({ cohort_id: cohortId, user_id: old.id, joined_at: new Date().toISOString(), pseudonymous: 0 }).execute();
    state.user = lead;
    const res = await call((await routes.exportCsv()).GET, "GET", `/api/cohorts/${cohortId}/export`, undefined, { cohort: cohortId });
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="7-results.csv"; filename*=UTF-8''${encodeURIComponent("Группа 7 — Ομάδα results.csv")}`,
    );
    expect([...res.bytes.slice(0, 3)], "a UTF-8 byte order mark first").toEqual([0xef, 0xbb, 0xbf]);
    expect(res.text).toContain('"Ann\uFFFDgnp.exe\uFFFD"');
    expect(res.text).toContain('"Zoë"');
    expect(res.text).not.toMatch(/[\u202E\u001B]/);
  });
});
