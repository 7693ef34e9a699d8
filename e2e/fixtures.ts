import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { test as base, expect, request as playwrightRequest, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { loadContent, quizKey } from "../lib/content/load";
import { ARMS_KEY } from "../components/progress/arms";
import { biasExperiment, FORMS_EXPERIMENT, formFor, oneVersionEach, type CheckSlot, type FormOrder } from "../lib/quiz/experiments";
import type { Quiz } from "../lib/quiz/types";

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
    /** The two parallel check forms; which one a learner takes in a slot depends on their arm. */
    forms: en.forms.get(course.id) ?? {},
  };
})();

/** The check a signed-in learner takes in a slot: their recorded form order and bias versions (drawn now if new). */
export async function checkFor(request: APIRequestContext, slot: CheckSlot): Promise<{ form: "a" | "b"; quiz: Quiz }> {
  const res = await request.post("/api/progress/arms", { data: { locale: "en", courseId: content.course.id } });
  expect(res.status(), await res.text()).toBe(200);
  const { arms } = (await res.json()) as { arms: Record<string, string> };
  const form = formFor(slot, arms[FORMS_EXPERIMENT] as FormOrder);
  return { form, quiz: oneVersionEach(content.forms[form]!, arms) };
}

/** A guest's arms fixed as this order and version "a" of every bias pair of the checks. */
const guestArms = (order: FormOrder) => ({
  [FORMS_EXPERIMENT]: order,
  ...Object.fromEntries([content.forms.a, content.forms.b].flatMap((q) => q?.biasPairs ?? []).map((p) => [biasExperiment(p.id), "a"])),
});

/**
 * Fixes a guest's arms in this browser before any page loads (components/progress/arms.ts keeps
 * them in localStorage, and only draws what is missing), so a spec knows which form it meets.
 */
export async function pinGuestArms(page: Page, order: FormOrder) {
  const stored = JSON.stringify({ [`guest/en/${content.course.id}`]: guestArms(order) });
  await page.addInitScript(([key, value]) => {
    if (!window.localStorage.getItem(key)) window.localStorage.setItem(key, value);
  }, [ARMS_KEY, stored] as const);
}

/** The check a guest whose arms were pinned with this order takes in a slot. */
export function guestCheck(slot: CheckSlot, order: FormOrder): { form: "a" | "b"; quiz: Quiz } {
  const form = formFor(slot, order);
  return { form, quiz: oneVersionEach(content.forms[form]!, guestArms(order)) };
}

/** The axe-core build the checks inject, read once per worker. */
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const axeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page and fails on any serious or critical violation, listing what and where.
 *
 * axe-core is driven directly rather than through @axe-core/playwright, which cost about 0.9 s a
 * check on a lesson page where axe itself runs in 0.2 to 0.25 s: it injected axe's 580 KB source
 * again for every check, and sent back every passing and inapplicable node as well. Here the source
 * is injected once per loaded document, and only violations come back (`resultTypes`); the rules
 * and tags are the same. The app has no frames (its CSP allows none), so the top document is all
 * there is to check. e2e/accessibility-check.spec.ts shows that the check fails on a violation.
 */
export async function expectAccessible(page: Page, what: string) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const violations: AxeViolation[] = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const results = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
  }, axeTags);
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.targets.slice(0, 3).join("\n    ")}`);
  expect(report, `axe on ${what} (${page.url()})`).toEqual([]);
}

/**
 * axe in the light theme, then in the dark one, on the page as loaded: the themes are CSS only
 * (`prefers-color-scheme` in app/tokens.css, no script reads the scheme), so switching the emulated
 * scheme restyles the page in place as a reload would, and one load serves both checks.
 * Leaves the page in the light theme.
 */
export async function expectAccessibleInBothThemes(page: Page, what: string) {
  await page.emulateMedia({ colorScheme: "light" });
  await expectAccessible(page, `${what} (light)`);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page, `${what} (dark)`);
  await page.emulateMedia({ colorScheme: "light" });
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
/**
 * Headers for creating an account from a test: a made-up address from the benchmarking range
 * (198.18.0.0/15) each time. The suite creates several hundred accounts from one machine within
 * ten minutes, past the per-address sign-up limit a real address has (lib/ratelimit/limits.ts);
 * with no proxy configured the app counts the rightmost X-Forwarded-For entry
 * (lib/ratelimit/client.ts), so each sign-up counts for an address of its own. The per-device
 * limits still apply.
 */
export function signUpHeaders(): Record<string, string> {
  const n = crypto.getRandomValues(new Uint16Array(2));
  return { "X-Forwarded-For": `198.${18 + (n[0] & 1)}.${n[0] >> 8}.${n[1] & 0xff}` };
}

export async function signUpApi(request: APIRequestContext, learner: Learner) {
  const res = await request.post("/api/account", { headers: signUpHeaders(), data: { email: learner.email, password: learner.password, displayName: learner.name } });
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

/** A new facilitator, signed in through the API in a request context of their own, with a new workshop group. */
export async function facilitatorWithGroup(baseURL: string, name: string, groupPrefix: string) {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const person = newLearner(name);
  const res = await ctx.post("/api/account", { headers: signUpHeaders(), data: { email: person.email, password: person.password, displayName: person.name, role: "facilitator" } });
  expect(res.status(), await res.text()).toBe(201);
  await signInApi(ctx, person);
  const groupName = `${groupPrefix} ${crypto.randomUUID().slice(0, 6)}`;
  const created = await ctx.post("/api/cohorts", { data: { name: groupName, kind: "workshop", locale: "en", trackId: "workshop" } });
  expect(created.status(), await created.text()).toBe(200);
  const { id, joinCode } = (await created.json()) as { id: string; joinCode: string };
  return { ctx, person, id, joinCode, name: groupName };
}

/**
 * `publicPage`: a page for read-only checks of public pages (lessons, help, tracks), kept open for
 * the whole worker instead of a new browser context per test. A new context costs about a CPU
 * second to make and close on this machine (and, by these figures, a new renderer pays again for
 * compiling axe's source): 19 lesson checks took 45 CPU seconds with a context each, 26 with one
 * page, and 18 with a context each but no axe (`/proc/stat`).
 * Cookies and storage are cleared and the light theme set before each test. Never sign in with
 * it, or change anything on the server: tests that do use the test's own `page`.
 */
export const test = base.extend<{ publicPage: Page }, { workerPublicPage: Page }>({
  workerPublicPage: [
    async ({ browser }, provide, workerInfo) => {
      const { viewport, deviceScaleFactor, isMobile, hasTouch, userAgent, baseURL } = workerInfo.project.use;
      const context = await browser.newContext({ viewport, deviceScaleFactor, isMobile, hasTouch, userAgent, baseURL });
      await provide(await context.newPage());
      await context.close();
    },
    { scope: "worker" },
  ],
  publicPage: async ({ workerPublicPage: page }, provide) => {
    await page.context().clearCookies();
    if (page.url().startsWith("http")) await page.evaluate(() => (localStorage.clear(), sessionStorage.clear()));
    await page.emulateMedia({ colorScheme: "light" });
    await provide(page);
  },
});
export { expect };
