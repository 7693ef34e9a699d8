// Server errors in the page's language through the real route handlers (issue #25): a 404, a 409
// and a 400 answered in French and in Arabic, each with its code, its arguments and its field,
// and English when the request names no language the app has.
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
const PASSWORD = "river lamp orchard";

async function call(handler: Handler, method: string, path: string, headers: Record<string, string>, body?: unknown, params: Record<string, string> = {}) {
  const request = new Request(new URL(path, ORIGIN), {
    method,
    headers: { origin: ORIGIN, "sec-fetch-site": "same-origin", ...(body ? { "content-type": "application/json" } : {}), ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const res = await handler(request, { params: Promise.resolve(params) });
  return { status: res.status, body: (await res.json()) as { error: string; code: string; args?: Record<string, unknown>; field?: string } };
}

describe.each(testEngines())("server errors in the page's language on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let lead: SessionUser;
  const routes = {
    account: () => import("@/app/api/account/route"),
    roster: () => import("@/app/api/cohorts/[cohort]/roster/route"),
    invitations: () => import("@/app/api/cohorts/[cohort]/invitations/route"),
  };

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    state.db = handle;
    lead = await createAccount(handle, { email: "lead@example.org", displayName: "Lead", password: PASSWORD, role: "facilitator" });
  });
  afterAll(async () => cleanup());

  describe("404: a group that does not exist", () => {
    it.each([
      ["fr", { "x-locale": "fr" }, "Groupe introuvable."],
      ["ar", { "x-locale": "ar" }, "لم يُعثر على المجموعة."],
      ["ar (cookie)", { cookie: "NEXT_LOCALE=ar" }, "لم يُعثر على المجموعة."],
      ["fr (Accept-Language)", { "accept-language": "fr-CA,fr;q=0.9,en;q=0.5" }, "Groupe introuvable."],
      ["en (a language the app lacks)", { "accept-language": "de" }, "Group not found."],
    ])("%s", async (_what, headers, text) => {
      state.user = lead;
      for (const cohort of ["not-a-uuid", crypto.randomUUID()]) {
        const res = await call((await routes.roster()).GET, "GET", `/api/cohorts/${cohort}/roster`, headers, undefined, { cohort });
        expect(res.status).toBe(404);
        expect(res.body).toEqual({ error: text, code: "notFound.group" });
      }
    });
  });

  describe("409: an email that already has an account", () => {
    it.each([
      ["fr", "Un compte existe déjà avec cette adresse e-mail. Connectez-vous plutôt."],
      ["ar", "يوجد حساب بهذا البريد الإلكتروني. سجّل الدخول بدلًا من ذلك."],
    ])("%s", async (locale, text) => {
      state.user = null;
      const res = await call((await routes.account()).POST, "POST", "/api/account", { "x-locale": locale }, { email: "lead@example.org", displayName: "Again", password: PASSWORD });
      expect(res.status).toBe(409);
      expect(res.body).toEqual({ error: text, code: "auth.emailTaken", field: "email" });
    });

    it("a 409 with an argument: the invitation cap, its number formatted for the locale", async () => {
      state.user = lead;
      // The row itself, so this test needs no course content.
      const made = { id: crypto.randomUUID() };
      await handle.db
        .insertInto("cohorts")
        .values({ id: made.id, name: "Hall", kind: "workshop", locale: "en", course_id: "responding", track_id: "workshop", join_code: "HALLCODE", owner_id: lead.id, created_at: new Date().toISOString(), archived_at: null })
        .execute();
      const post = (await routes.invitations()).POST;
      for (let i = 0; i < 20; i++) expect((await call(post, "POST", "/", {}, { email: `guest${i}@example.org` }, { cohort: made.id })).status).toBe(200);
      const fr = await call(post, "POST", "/", { "x-locale": "fr" }, { email: "one-more@example.org" }, { cohort: made.id });
      expect(fr).toEqual({ status: 409, body: { error: "Un groupe peut avoir au plus 20 invitations en attente. Annulez-en d’abord quelques-unes.", code: "cohorts.tooManyInvitations", args: { maximum: 20 }, field: "email" } });
      const ar = await call(post, "POST", "/", { "x-locale": "ar" }, { email: "one-more@example.org" }, { cohort: made.id });
      expect(ar.status).toBe(409);
      expect(ar.body).toMatchObject({ code: "cohorts.tooManyInvitations", args: { maximum: 20 }, error: expect.stringMatching(/^يمكن أن تكون للمجموعة .+ دعوات معلّقة على الأكثر\./) });
    });
  });

  describe("400: validation, by zod issue, keeping the field", () => {
    it.each([
      ["fr", { email: "not an email", displayName: "Ana", password: PASSWORD }, "email", "validation.invalidFormat.email", "Saisissez une adresse e-mail, par exemple nom@example.org."],
      ["ar", { email: "not an email", displayName: "Ana", password: PASSWORD }, "email", "validation.invalidFormat.email", "اكتب عنوان بريد إلكتروني، مثل name@example.org."],
      ["fr", { email: "ana@example.org", displayName: "   ", password: PASSWORD }, "displayName", "names.displayNameEmpty", "Saisissez un nom à afficher dans «\u00a0Ma progression\u00a0»."],
      ["ar", { email: "ana@example.org", displayName: "Ana\u202E", password: PASSWORD }, "displayName", "names.bidi", "احذف رمز اتجاه النص المخفي (U+202E): فقد يجعل الاسم يُقرأ بشكل مختلف."],
    ])("%s: %s", async (locale, body, field, code, text) => {
      state.user = null;
      const res = await call((await routes.account()).POST, "POST", "/api/account", { "x-locale": locale }, body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: text, code, field });
    });

    it("a password too short, with its minimum, in Arabic and French", async () => {
      state.user = null;
      const ar = await call((await routes.account()).POST, "POST", "/api/account", { "x-locale": "ar" }, { email: "short@example.org", displayName: "Short", password: "abc" });
      expect(ar).toMatchObject({ status: 400, body: { code: "password.tooShort", field: "password", error: expect.stringMatching(/^استخدم .+ على الأقل\.$/) } });
      const fr = await call((await routes.account()).POST, "POST", "/api/account", { "x-locale": "fr" }, { email: "short@example.org", displayName: "Short", password: "abc" });
      expect(fr.body.error).toMatch(/^Utilisez au moins \d+ caractères\.$/);
      expect(fr.body.args).toEqual({ minimum: expect.any(Number) });
    });
  });
});
