// POST /api/account/locale through the real route handler, on both engines (issue #25): a guest is
// refused (their choice is the browser's cookie alone), a language the app does not offer is
// refused and stores nothing, and a signed-in person's choice is saved on their own row only and
// set as this browser's NEXT_LOCALE cookie. savedLocale finds it again by email or login name.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { savedLocale } from "@/lib/account/locale";
import { testEngines } from "@/lib/testing/db";

process.env.LOG_SILENT = "1";

const state = vi.hoisted(() => ({ user: null as SessionUser | null, db: null as unknown }));
// sessionClaim: what the cookie would claim for that user (session version 0, a session never
// signed out), for the answer route's one-statement path (lib/http/handler.ts claimFirstRoute).
vi.mock("@/lib/auth/session", () => ({
  currentUser: async () => state.user,
  requireUser: async () => state.user,
  sessionClaim: async () => (state.user ? { userId: state.user.id, sessionVersion: 0, sessionId: "route-test" } : null),
}));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));

const ORIGIN = "http://localhost:3500";
const route = () => import("@/app/api/account/locale/route");

async function post(body: unknown, headers: Record<string, string> = {}) {
  const request = new Request(new URL("/api/account/locale", ORIGIN), {
    method: "POST",
    headers: { origin: ORIGIN, "sec-fetch-site": "same-origin", "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const res = await (await route()).POST(request);
  return { status: res.status, cookies: res.headers.getSetCookie(), body: (await res.json()) as Record<string, unknown> };
}

describe.each(testEngines())("saving my language on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let me: SessionUser;
  let other: SessionUser;
  const localeOf = async (id: string) => (await handle.db.selectFrom("users").select("locale").where("id", "=", id).executeTakeFirstOrThrow()).locale;

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    state.db = handle;
    me = await createAccount(handle, { email: "me@example.org", displayName: "Me", password: "river lamp orchard" });
    other = await createAccount(handle, { email: "other@example.org", displayName: "Other", password: "river lamp orchard" });
  });
  afterAll(async () => cleanup());

  it("starts with no language on a new account", async () => {
    expect(await localeOf(me.id)).toBeNull();
    expect(await savedLocale(handle, "me@example.org")).toBeNull();
  });

  it("refuses a guest (401): a guest's choice lives in the browser's cookie", async () => {
    state.user = null;
    const res = await post({ locale: "en" });
    expect(res.status).toBe(401);
    expect(res.cookies).toEqual([]);
  });

  it.each([[{ locale: "xx" }], [{ locale: "en-GB" }], [{ locale: "" }], [{ locale: 1 }], [{}], [{ locale: "en", userId: "someone" }]])("refuses %j (400) and saves nothing", async (body) => {
    state.user = me;
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.cookies).toEqual([]);
    expect(await localeOf(me.id)).toBeNull();
  });

  it("refuses a request from another site (403)", async () => {
    state.user = me;
    const res = await post({ locale: "en" }, { origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect(res.status).toBe(403);
    expect(await localeOf(me.id)).toBeNull();
  });

  it("saves an offered language on my row only, and sets NEXT_LOCALE for a year", async () => {
    state.user = me;
    const res = await post({ locale: "en" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ locale: "en" });
    expect(res.cookies).toEqual(["NEXT_LOCALE=en; Path=/; Max-Age=31536000; SameSite=Lax"]);
    expect(await localeOf(me.id)).toBe("en");
    expect(await localeOf(other.id)).toBeNull();
    expect(await savedLocale(handle, " ME@example.org ")).toBe("en");
  });

  it("finds a nickname account's language by its login name, and forgets a language no longer offered", async () => {
    const id = crypto.randomUUID();
    await handle.db
      .insertInto("users")
      .values({ id, email: null, display_name: "Sam", password_hash: "x", role: "learner", created_at: new Date().toISOString(), login_name: "sam-1234", suspended_at: null, locale: "en" })
      .execute();
    expect(await savedLocale(handle, "sam-1234")).toBe("en");
    await handle.db.updateTable("users").set({ locale: "tlh" }).where("id", "=", id).execute();
    expect(await savedLocale(handle, "sam-1234")).toBeNull();
    expect(await savedLocale(handle, "")).toBeNull();
  });
});
