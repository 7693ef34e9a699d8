import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import crypto from "node:crypto";
import { test as base, expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { loadContent, quizKey } from "../lib/content/load";

/** The real content, so tests follow the course as it is written rather than a copy of it. */
export const content = (() => {
  const { content: all, problems } = loadContent(path.join(__dirname, "..", "content"));
  if (problems.length) throw new Error(`content is invalid: ${JSON.stringify(problems[0])}`);
  const en = all.find((c) => c.locale === "en")!;
  const course = en.courses[0];
  const lessons = course.modules.flatMap((m) => m.lessons);
  return {
    course,
    lessons,
    quizFor: (lessonId: string) => {
      const quizId = lessons.find((l) => l.id === lessonId)?.quizId;
      return quizId ? en.quizzes.get(quizKey(course.id, quizId)) : undefined;
    },
    lessonPath: (lessonId: string) => `/en/courses/${course.id}/${lessonId}`,
    lessonScenario: (lessonId: string) => {
      const id = en.lessons.find((l) => l.id === lessonId)?.scenarioId;
      return id ? en.scenarios.get(quizKey(course.id, id)) : undefined;
    },
    assessments: en.assessments.get(course.id) ?? {},
  };
})();

/**
 * Runs axe and fails on any serious or critical violation, listing what and where.
 * Legacy mode runs axe.run() inside the page. The default instead opens a blank page for every
 * check to merge results from cross-origin frames, which the app does not have (it embeds no
 * frames, and its CSP allows none): that blank page cost about 1.2 s of the 1.9 s each check
 * took, on pages axe itself checks in 0.4 to 0.7 s.
 */
export async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`);
  expect(report, `axe on ${what} (${page.url()})`).toEqual([]);
}

export const PASSWORD = "river lamp orchard 7";

export interface Learner {
  email: string;
  password: string;
  name: string;
}

/** A learner no other spec uses. */
export function newLearner(name = "Test learner"): Learner {
  return { email: `learner-${crypto.randomUUID()}@example.org`, password: PASSWORD, name };
}

/** Creates the account through the API (the sign-up UI has its own spec). */
export async function signUpApi(request: APIRequestContext, learner: Learner) {
  const res = await request.post("/api/account", { data: { email: learner.email, password: learner.password, displayName: learner.name } });
  expect(res.status(), await res.text()).toBe(201);
}

/** Signs in through next-auth's endpoints; the session cookie lands in the request's context. */
export async function signInApi(request: APIRequestContext, learner: Learner) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: learner.email, password: learner.password, json: "true" },
  });
  expect(res.ok()).toBe(true);
  const session = await (await request.get("/api/auth/session")).json();
  expect(session?.user?.id, "signed in").toBeTruthy();
}

/** A browser context signed in as a new learner, without the UI. */
export async function signedInContext(context: BrowserContext, baseURL: string, learner = newLearner()): Promise<Learner> {
  await signUpApi(context.request, learner);
  await signInApi(context.request, learner);
  await context.addCookies([{ name: "cg_signed_in", value: "1", url: baseURL }]);
  return learner;
}

export const test = base;
export { expect };
