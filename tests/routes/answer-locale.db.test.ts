// The locale every write records comes from the request, through the real route handlers on both
// engines (issue #25): a locale the app does not serve (content/locales.json) is refused with a
// 400 naming the field, and nothing is stored; a known one is stored. The group's report routes
// take ?locale= the same way.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { createCohort } from "@/lib/cohorts/mutations";
import { testEngines } from "@/lib/testing/db";
import { course, lessonRef, PASSWORD, quiz } from "@/lib/testing/progress-fixture";

const state = vi.hoisted(() => ({ user: null as SessionUser | null, db: null as unknown }));
// sessionClaim: what the cookie would claim for that user (session version 0, a session never
// signed out), for the answer route's one-statement path (lib/http/handler.ts claimFirstRoute).
vi.mock("@/lib/auth/session", () => ({
  currentUser: async () => state.user,
  requireUser: async () => state.user,
  sessionClaim: async () => (state.user ? { userId: state.user.id, sessionVersion: 0, sessionId: "route-test" } : null),
}));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));

process.env.LOG_SILENT = "1";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ORIGIN = "http://localhost:3500";

async function call(handler: Handler, method: string, path: string, body?: unknown, params: Record<string, string> = {}) {
  const request = new Request(new URL(path, ORIGIN), {
    method,
    headers: { origin: ORIGIN, "sec-fetch-site": "same-origin", ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const res = await handler(request, { params: Promise.resolve(params) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const UNKNOWN = ["xx", "de", "EN", "en-XX", "../en", ""];
const question = quiz.questions.find((q) => q.type === "single" && !quiz.biasPairs?.some((p) => p.versions.includes(q.id)))!;

describe.each(testEngines())("the locale of a request on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let learner: SessionUser;
  let lead: SessionUser;
  let cohortId: string;
  const routes = {
    answers: () => import("@/app/api/progress/answers/route"),
    finish: () => import("@/app/api/progress/attempts/finish/route"),
    lessons: () => import("@/app/api/progress/lessons/route"),
    items: () => import("@/app/api/cohorts/[cohort]/items/route"),
    roster: () => import("@/app/api/cohorts/[cohort]/roster/route"),
    gain: () => import("@/app/api/cohorts/[cohort]/gain/route"),
  };
  const rows = async (table: "quiz_attempts" | "quiz_responses" | "lesson_completions") =>
    (await handle.db.selectFrom(table).select("locale").where("user_id", "=", learner.id).execute()).map((r) => r.locale);
  const answer = (locale: string, attemptId = crypto.randomUUID()) => ({
    id: crypto.randomUUID(),
    attemptId,
    locale,
    courseId: course.id,
    lessonId: lessonRef.id,
    questionId: question.id,
    chosen: question.correct,
  });

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    state.db = handle;
    learner = await createAccount(handle, { email: `loc-${engine.name}@example.org`, displayName: "Lou", password: PASSWORD });
    lead = await createAccount(handle, { email: `loc-lead-${engine.name}@example.org`, displayName: "Lead", password: PASSWORD, role: "facilitator" });
    ({ id: cohortId } = await createCohort(handle, lead, { name: "Group", kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] }));
  });
  afterAll(async () => cleanup());

  it.each(UNKNOWN)("refuses an answer, a finished attempt and a lesson done in %j, and stores nothing", async (locale) => {
    state.user = learner;
    const answered = await call((await routes.answers()).POST, "POST", "/api/progress/answers", answer(locale));
    expect(answered.status).toBe(400);
    expect(answered.body).toMatchObject({ field: "locale" });
    const finished = await call((await routes.finish()).POST, "POST", "/api/progress/attempts/finish", { attemptId: crypto.randomUUID(), locale });
    expect(finished.status).toBe(400);
    expect(finished.body).toMatchObject({ field: "locale" });
    const done = await call((await routes.lessons()).POST, "POST", "/api/progress/lessons", { locale, courseId: course.id, lessonId: lessonRef.id });
    expect(done.status).toBe(400);
    expect(done.body).toMatchObject({ field: "locale" });
    for (const table of ["quiz_attempts", "quiz_responses", "lesson_completions"] as const) expect(await rows(table)).toEqual([]);
  });

  it("stores a known locale with the answer, its attempt and the lesson it completes", async () => {
    state.user = learner;
    const first = answer("en");
    expect((await call((await routes.answers()).POST, "POST", "/api/progress/answers", first)).status).toBe(200);
    expect((await call((await routes.finish()).POST, "POST", "/api/progress/attempts/finish", { attemptId: first.attemptId, locale: "en" })).status).toBe(200);
    expect(await rows("quiz_responses")).toEqual(["en"]);
    expect(await rows("quiz_attempts")).toEqual(["en"]);
    expect(await rows("lesson_completions")).toEqual(["en"]);
  });

  it.each(["items", "roster", "gain"] as const)("reads the %s report in a known locale and refuses an unknown one", async (view) => {
    state.user = lead;
    const { GET } = await routes[view]();
    const path = (q: string) => `/api/cohorts/${cohortId}/${view}${q}`;
    expect((await call(GET, "GET", path(""), undefined, { cohort: cohortId })).status).toBe(200);
    expect((await call(GET, "GET", path("?locale=en"), undefined, { cohort: cohortId })).status).toBe(200);
    for (const locale of UNKNOWN) {
      const res = await call(GET, "GET", path(`?locale=${encodeURIComponent(locale)}`), undefined, { cohort: cohortId });
      expect(res.status, locale).toBe(400);
      expect(res.body).toMatchObject({ field: "locale" });
    }
  });
});
