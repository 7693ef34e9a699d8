// Security headers and cookies, as a browser receives them from the production build:
// every HTML response carries the CSP (with frame-ancestors), nosniff, a Referrer-Policy and HSTS;
// pages and API answers with personal data are never stored by a cache; session cookies are
// HttpOnly and SameSite, and Secure with a __Secure-/__Host- prefix when served over https.
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { SECURE_PORT } from "../playwright.config";
import { content, expect, newLearner, signInApi, signUpApi, test, type Learner, signUpHeaders } from "./fixtures";

const lesson = content.lessons[0];
const publicPages = [
  "/en",
  "/en/courses",
  `/en/courses/${content.course.id}`,
  content.lessonPath(lesson.id),
  `${content.lessonPath(lesson.id)}/quiz`,
  `/en/courses/${content.course.id}/assessment/pre`,
  "/en/help",
  "/en/tracks",
  "/en/sign-in",
  "/en/sign-up",
  "/en/join",
  "/en/offline",
];

function expectSecurityHeaders(res: APIResponse, what: string) {
  const h = res.headers();
  const csp = h["content-security-policy"] ?? "";
  expect(csp, `CSP on ${what}`).toContain("frame-ancestors 'none'");
  expect(csp, `CSP on ${what}`).toContain("default-src 'self'");
  expect(csp, `CSP on ${what}`).toContain("object-src 'none'");
  expect(csp, `CSP on ${what}`).toContain("base-uri 'self'");
  expect(csp, `no eval in production on ${what}`).not.toContain("unsafe-eval");
  expect(h["x-frame-options"], `X-Frame-Options on ${what}`).toBe("DENY");
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(h["strict-transport-security"] ?? "", `HSTS on ${what}`).toMatch(/max-age=(\d{8,})/);
  expect(Number(/max-age=(\d+)/.exec(h["strict-transport-security"] ?? "")?.[1]), what).toBeGreaterThanOrEqual(31_536_000);
}

/** The Set-Cookie lines of a response, one per cookie. */
function setCookies(res: APIResponse): string[] {
  return res.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
}

function cookieNamed(lines: string[], name: string): string {
  const line = lines.find((l) => l.startsWith(`${name}=`));
  expect(line, `Set-Cookie ${name} among ${lines.map((l) => l.split("=")[0]).join(", ")}`).toBeTruthy();
  return line!;
}

async function facilitatorContext(baseURL: string): Promise<{ ctx: APIRequestContext; person: Learner }> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const person = newLearner("Header facilitator");
  const res = await ctx.post("/api/account", { headers: signUpHeaders(), data: { email: person.email, password: person.password, displayName: person.name, role: "facilitator" } });
  expect(res.status()).toBe(201);
  await signInApi(ctx, person);
  return { ctx, person };
}

test.describe("security headers", () => {
  // Headers do not depend on the viewport; one project is enough.
  test.skip(({ isMobile }) => isMobile, "headers are the same for every device; checked once, in the projector project");

  test("every public page carries the CSP, nosniff, Referrer-Policy and HSTS, and stays cacheable", async ({ request }) => {
    for (const path of publicPages) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      expect(res.headers()["content-type"], path).toContain("text/html");
      expectSecurityHeaders(res, path);
    }
    // Static lesson pages are served from the build; personal pages are the only no-store ones.
    const lessonRes = await request.get(content.lessonPath(lesson.id));
    expect(lessonRes.headers()["cache-control"] ?? "").not.toContain("no-store");
  });

  test("the service worker is revalidated on every visit; the manifest and offline files are public", async ({ request }) => {
    const sw = await request.get("/sw.js");
    expect(sw.status()).toBe(200);
    expect(sw.headers()["content-type"]).toContain("javascript");
    expect(sw.headers()["cache-control"]).toBe("no-cache");
    expect(sw.headers()["content-security-policy"]).toContain("worker-src 'self'");
    const manifest = await request.get("/manifest.webmanifest");
    expect(manifest.status()).toBe(200);
    expect(manifest.headers()["content-type"]).toContain("application/manifest+json");
    const pages = await request.get(`/en/courses/${content.course.id}/offline-manifest.json`);
    expect(pages.status()).toBe(200);
    expect(pages.headers()["cache-control"] ?? "").not.toMatch(/no-store|private/);
  });

  test("the LTI pages alone may be framed, and only by registered learning platforms", async ({ request }) => {
    // Which platforms are registered depends on the other specs (e2e/lti.spec.ts registers one):
    // the policy names origins or nobody, never a wildcard, and keeps every other directive.
    for (const path of ["/en/lti/error?code=lti.expired", `/en/lti/courses/${content.course.id}/${lesson.id}`]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      const csp = res.headers()["content-security-policy"] ?? "";
      const ancestors = /(?:^|; )frame-ancestors ([^;]+)/.exec(csp)?.[1] ?? "";
      expect(ancestors, path).toMatch(/^('none'|https?:\/\/[^\s*]+( https?:\/\/[^\s*]+)*)$/);
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("frame-src 'none'");
      expect(csp, path).toMatch(/form-action 'self'/);
      expect(res.headers()["x-frame-options"], path).toBeUndefined();
      expect(res.headers()["x-content-type-options"], path).toBe("nosniff");
    }
  });

  test("a page that does not exist is a 404 page with the same headers", async ({ request }) => {
    // A mistyped link, an unknown course, an unknown lesson of a real course: each renders the
    // not-found page through a different route, and each is an HTML response like any other.
    for (const path of ["/en/no-such-page", "/en/courses/no-such-course", `/en/courses/${content.course.id}/no-such-lesson`]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(404);
      expect(res.headers()["content-type"], path).toContain("text/html");
      expectSecurityHeaders(res, path);
    }
  });

  test("pages and API answers with personal data are never stored, and carry the same headers", async ({ baseURL }) => {
    const { ctx } = await facilitatorContext(baseURL!);
    const created = await ctx.post("/api/cohorts", { data: { name: "Headers hall", kind: "workshop", locale: "en", trackId: "workshop" } });
    expect(created.status()).toBe(200);
    const { id, joinCode } = await created.json();

    const learner = await playwrightRequest.newContext({ baseURL });
    const person = newLearner("Header learner");
    await signUpApi(learner, person);
    await signInApi(learner, person);

    const personal: [APIRequestContext, string][] = [
      [learner, "/en/dashboard"],
      [learner, "/en/account"],
      [learner, `/en/join/${joinCode}`],
      [ctx, "/en/facilitate"],
      [ctx, `/en/facilitate/${id}`],
      [ctx, `/en/facilitate/${id}/join-sheet`],
      [ctx, `/en/facilitate/${id}/room`],
    ];
    for (const [who, path] of personal) {
      const res = await who.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBe(200);
      expectSecurityHeaders(res, path);
      expect(res.headers()["cache-control"] ?? "", `Cache-Control on ${path}`).toContain("no-store");
    }
    const apis: [APIRequestContext, string][] = [
      [learner, "/api/progress"],
      [learner, "/api/me/assignments"],
      [learner, "/api/account/export"],
      [ctx, `/api/cohorts/${id}/roster`],
      [ctx, `/api/cohorts/${id}/export`],
    ];
    for (const [who, path] of apis) {
      const res = await who.get(path);
      expect(res.status(), path).toBe(200);
      expect(res.headers()["cache-control"] ?? "", `Cache-Control on ${path}`).toContain("no-store");
      expect(res.headers()["x-content-type-options"], path).toBe("nosniff");
    }
    // Signed out, a personal page sends the visitor to sign in and still is not cached.
    const anon = await playwrightRequest.newContext({ baseURL });
    const redirect = await anon.get("/en/dashboard", { maxRedirects: 0 });
    expect([303, 307, 308]).toContain(redirect.status());
    expect(redirect.headers()["location"]).toContain("/en/sign-in");
    await Promise.all([ctx.dispose(), learner.dispose(), anon.dispose()]);
  });

  test("the session and device cookies are HttpOnly and SameSite on http", async ({ baseURL }) => {
    const ctx = await playwrightRequest.newContext({ baseURL });
    const person = newLearner("Cookie learner");
    await signUpApi(ctx, person);
    const csrf = await ctx.get("/api/auth/csrf");
    const csrfCookie = cookieNamed(setCookies(csrf), "next-auth.csrf-token");
    expect(csrfCookie).toMatch(/;\s*HttpOnly/i);
    expect(csrfCookie).toMatch(/;\s*SameSite=Lax/i);
    const { csrfToken } = await csrf.json();
    const res = await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email: person.email, password: person.password, json: "true" } });
    expect(res.ok()).toBe(true);
    const lines = setCookies(res);
    for (const name of ["next-auth.session-token", "cg_device"]) {
      const line = cookieNamed(lines, name);
      expect(line, name).toMatch(/;\s*HttpOnly/i);
      expect(line, name).toMatch(/;\s*SameSite=Lax/i);
    }
    await ctx.dispose();
  });

  test("served as https, cookies are Secure and prefixed, and the headers are the same", async () => {
    const base = `http://127.0.0.1:${SECURE_PORT}`;
    const ctx = await playwrightRequest.newContext({ baseURL: base });
    expectSecurityHeaders(await ctx.get("/en"), "/en (https deployment)");
    const person = newLearner("Secure learner");
    await signUpApi(ctx, person);

    // The client here talks plain http on loopback, so it keeps the cookies itself.
    const csrf = await ctx.get("/api/auth/csrf");
    const csrfLines = setCookies(csrf);
    const csrfCookie = cookieNamed(csrfLines, "__Host-next-auth.csrf-token");
    for (const flag of [/;\s*Secure/i, /;\s*HttpOnly/i, /;\s*SameSite=Lax/i, /;\s*Path=\//i]) expect(csrfCookie).toMatch(flag);
    const cookieHeader = csrfLines.map((l) => l.split(";")[0]).join("; ");
    const { csrfToken } = await csrf.json();
    const res = await ctx.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: person.email, password: person.password, json: "true" },
      headers: { cookie: cookieHeader },
      maxRedirects: 0,
    });
    expect(res.status(), await res.text()).toBeLessThan(400);
    const lines = setCookies(res);
    for (const name of ["__Secure-next-auth.session-token", "__Secure-cg_device"]) {
      const line = cookieNamed(lines, name);
      for (const flag of [/;\s*Secure/i, /;\s*HttpOnly/i, /;\s*SameSite=Lax/i]) expect(line, name).toMatch(flag);
    }
    // No unprefixed session cookie is issued beside the prefixed one.
    expect(lines.some((l) => l.startsWith("next-auth.session-token="))).toBe(false);
    await ctx.dispose();
  });
});

test("pages run under the CSP without a single violation", async ({ page, baseURL }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
  });
  const person = newLearner("CSP learner");
  await signUpApi(page.request, person);
  await signInApi(page.request, person);
  await page.context().addCookies([{ name: "cg_signed_in", value: "1", url: baseURL! }]);
  for (const path of ["/en", content.lessonPath(lesson.id), `${content.lessonPath(lesson.id)}/quiz`, "/en/dashboard", "/en/help"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  // The quiz island hydrates under the policy: choosing an option and checking it gives feedback.
  const quizLesson = content.lessons.find((l) => l.quizId)!;
  const q = content.quizFor(quizLesson.id)!.questions[0];
  await page.goto(`${content.lessonPath(quizLesson.id)}/quiz`);
  await page.getByRole("group", { name: q.prompt }).locator("input").first().check();
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.getByRole("button", { name: "Check answer" })).toBeHidden();
  expect(violations).toEqual([]);
});

test("another site's form posts and no-cors fetches to the app are refused (403) and change nothing", async ({ page, baseURL, isMobile }) => {
  test.skip(isMobile, "the browser's own headers are the same for every device; checked once");
  const learner = newLearner("Cross-site target");
  await signUpApi(page.request, learner);
  await signInApi(page.request, learner);
  const lessonBody = JSON.stringify({ locale: "en", courseId: content.course.id, lessonId: lesson.id });
  // Another site: "localhost" is a different origin and site from the app's "127.0.0.1", and,
  // both being loopback, Chromium's private-network rules do not stop its requests on the way.
  const app = new URL(baseURL!);
  const other = new URL(baseURL!);
  other.hostname = "localhost";
  // The page that site serves (fulfilled by the test) posts to the app as soon as it loads: a
  // no-cors fetch whose text/plain type names JSON, then a text/plain form shaped as JSON.
  await page.route(`${other.origin}/prize`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>Prize</title>
        <form id="f" method="post" enctype="text/plain" action="${app.origin}/api/progress/lessons"><input name='${lessonBody.slice(0, -2)}' value='"}'></form>
        <script>
          fetch("${app.origin}/api/progress/lessons", { method: "POST", mode: "no-cors", credentials: "include", headers: { "Content-Type": "text/plain; charset=application/json" }, body: ${JSON.stringify(lessonBody)} })
            .finally(() => document.getElementById("f").submit());
        </script>`,
    }),
  );
  // The server's answers are read as the requests pass through the test (route.fetch sends each
  // on with the headers the browser gave it): Chromium's opaque-response blocking hides a
  // no-cors fetch's response from the page, and from the page's response events, entirely.
  const statuses: number[] = [];
  await page.route(`${app.origin}/api/progress/lessons`, async (route) => {
    const response = await route.fetch();
    if (route.request().method() === "POST") statuses.push(response.status());
    await route.fulfill({ response });
  });
  await page.goto(`${other.origin}/prize`);
  await expect.poll(() => statuses.length).toBe(2);
  expect(statuses).toEqual([403, 403]);
  // Nothing was recorded for the signed-in learner.
  const view = (await (await page.request.get("/api/progress?locale=en")).json()) as { courses: { modules: { lessons: { id: string; completedAt: string | null }[] }[] }[] };
  expect(view.courses.flatMap((c) => c.modules.flatMap((m) => m.lessons)).filter((l) => l.completedAt)).toEqual([]);
});

test("the proxy's locale redirects stay on the app, whatever path is asked for", async ({ request, baseURL, isMobile }) => {
  test.skip(isMobile, "server redirects are the same for every device; checked once");
  const app = new URL(baseURL!).origin;
  for (const path of ["//evil.example", "//evil.example/", "/%2F%2Fevil.example", "/%5Cevil.example", "/%09/evil.example", "/.//evil.example", "///evil.example", "/@evil.example"]) {
    const res = await request.get(`${app}${path}`, { maxRedirects: 0 });
    const location = res.headers()["location"];
    if (!location) continue;
    const target = new URL(location, `${app}/`);
    expect(target.origin, `${path} -> ${location}`).toBe(app);
    expect(target.pathname.startsWith("//"), `${path} -> ${location}`).toBe(false);
  }
});
