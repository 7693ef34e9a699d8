// LTI 1.3 end to end (issue #27): a school's learning platform (the platform simulator,
// tests/lti/platform-simulator.ts, on another site: "localhost" against the app's 127.0.0.1)
// frames the app. An admin registers it; a learner it launches into a lesson's quiz answers it
// inside the platform's iframe, with no cookie but the partitioned LTI session, and the grade
// arrives at the platform. Launches that are refused get a page in the reader's language.
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Page } from "@playwright/test";
import { decodeJwt } from "jose";
import { PlatformSimulator } from "../tests/lti/platform-simulator";
import { QuizPage } from "./pages/quiz-page";
import { content, expect, expectAccessibleInBothThemes, newLearner, PASSWORD, signedInContext, test } from "./fixtures";

/** The simulator's port: 50 above the app's (3900 beside E2E_PORT 3850). */
const SIM_PORT = Number(process.env.E2E_PORT ?? 3100) + 50;
const lesson = content.lessons.find((l) => content.quizFor(l.id))!;
const quiz = content.quizFor(lesson.id)!;

/** An admin made the way an operator makes one (as in e2e/join-and-admin.spec.ts). */
function promoteToAdmin(email: string) {
  const root = path.join(__dirname, "..");
  const database = process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : { DATA_DIR: path.join(root, ".e2e-data") };
  const env: NodeJS.ProcessEnv = { ...process.env, ...database, ADMIN_PASSWORD: PASSWORD, LOG_SILENT: "1" };
  delete env.ADMIN_EMAIL;
  execFileSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "scripts/admin-create.ts", "--email", email], { cwd: root, env, stdio: "pipe" });
}

async function frameAt(page: Page, pattern: RegExp) {
  await expect.poll(() => page.frames().some((f) => pattern.test(new URL(f.url() || "about:blank", "http://x").pathname))).toBe(true);
  return page.frames().find((f) => pattern.test(new URL(f.url() || "about:blank", "http://x").pathname))!;
}

test.describe("LTI 1.3 launches from a learning platform", () => {
  test.skip(({ isMobile }) => isMobile, "one platform journey is enough: the LTI pages are the lesson and quiz pages' layout");

  test("an admin registers the platform; a learner launched into a quiz answers it in the platform's frame and the grade arrives there; a teacher picks it by Deep Linking", async ({ page, context, browser, baseURL }) => {
    const sim = new PlatformSimulator({ host: "localhost", port: SIM_PORT, toolOrigin: baseURL! });
    await sim.start();
    try {
      const admin = await signedInContext(context, baseURL!, newLearner("LTI admin"));
      promoteToAdmin(admin.email);
      await page.goto("/en/admin/lti");
      await expect(page.getByRole("heading", { level: 1, name: "School learning platforms (LTI 1.3)" })).toBeVisible();
      await expect(page.getByText(`${baseURL}/api/lti/login`, { exact: true })).toBeVisible();
      const registration = sim.registration();
      const form = page.getByRole("region", { name: "Register a platform" });
      await form.getByLabel("Name").fill(registration.name);
      await form.getByLabel("Platform ID (issuer)").fill(registration.issuer);
      await form.getByLabel("Client ID").fill(registration.clientId);
      await form.getByLabel("Authentication request URL").fill(registration.authEndpoint);
      await form.getByLabel("Public keyset URL").fill(registration.jwksUrl);
      await form.getByLabel("Access token URL").fill(registration.tokenUrl);
      await form.getByLabel("Deployment IDs").fill(registration.deploymentIds.join("\n"));
      await form.getByRole("button", { name: "Register" }).click();
      await expect(page.getByText("Registered.")).toBeVisible();
      await expect(page.getByRole("region", { name: "Registered platforms" }).getByText(registration.issuer)).toBeVisible();
      await expectAccessibleInBothThemes(page, "LTI platforms admin");

      // Only the LTI pages may be framed, and only by the registered platform.
      const ltiPage = await page.request.get(`/en/lti/courses/${content.course.id}/${lesson.id}`);
      expect(ltiPage.headers()["content-security-policy"]).toContain(`frame-ancestors ${sim.origin}`);
      expect(ltiPage.headers()["x-frame-options"]).toBeUndefined();
      const ownPage = await page.request.get(content.lessonPath(lesson.id));
      expect(ownPage.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(ownPage.headers()["x-frame-options"]).toBe("DENY");

      // A learner's browser, signed in nowhere: the platform's course page launches the quiz.
      const learner = await browser.newContext();
      const lms = await learner.newPage();
      sim.launches.set("pupil-1", {
        sub: "pupil-1",
        roles: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
        context: { id: "class-9b", title: "Class 9B" },
        custom: { course: content.course.id, lesson: lesson.id, view: "quiz" },
        lineItem: sim.url("/lineitems/quiz-1"),
      });
      await lms.goto(sim.url("/course/pupil-1"));
      const frame = await frameAt(lms, new RegExp(`^/en/lti/courses/${content.course.id}/${lesson.id}/quiz$`));
      await expect(frame.getByRole("heading", { level: 1, name: `Quiz: ${lesson.title}` })).toBeVisible();
      await expect(frame.getByText("When you finish, your score is sent to your school's learning platform", { exact: false })).toBeVisible();
      const cookies = await learner.cookies(baseURL!);
      expect(cookies.map((c) => c.name)).toContain("cg_lti");
      expect(cookies.find((c) => c.name === "cg_lti")).toMatchObject({ httpOnly: true, secure: true, sameSite: "None" });

      const runner = new QuizPage(frame);
      await runner.answerAll(quiz);
      const shown = (await runner.shown(quiz)).questions.length;
      await expect(frame.getByText(`${shown} of ${shown} correct (100%)`)).toBeVisible();

      // The score goes through the queue and the platform's token endpoint to its line item.
      await expect.poll(() => sim.scores.length, { timeout: 20_000 }).toBe(1);
      expect(sim.scores[0]).toMatchObject({
        lineItem: sim.url("/lineitems/quiz-1"),
        body: { userId: "pupil-1", scoreGiven: 100, scoreMaximum: 100, activityProgress: "Completed", gradingProgress: "FullyGraded" },
      });
      await learner.close();

      // A teacher adds the quiz to their LMS course by Deep Linking: the picker, inside the frame,
      // posts the signed choice back to the platform (the LTI pages' form-action allows it).
      const teacher = await browser.newContext();
      const teacherLms = await teacher.newPage();
      sim.launches.set("teacher-1", { sub: "teacher-1", roles: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"], messageType: "LtiDeepLinkingRequest" });
      await teacherLms.goto(sim.url("/course/teacher-1"));
      const picker = await frameAt(teacherLms, /^\/en\/lti\/deep-link\/[0-9a-f-]+$/);
      await expect(picker.getByRole("heading", { level: 1, name: "Choose what to add to your course" })).toBeVisible();
      await picker.getByLabel(`${lesson.title}: quiz (graded)`).check();
      await picker.getByRole("button", { name: "Add to my course" }).click();
      await frameAt(teacherLms, /^\/deep-link-return$/);
      expect(sim.deepLinkResponses).toHaveLength(1);
      const items = decodeJwt(sim.deepLinkResponses[0])["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"];
      expect(items).toEqual([expect.objectContaining({ type: "ltiResourceLink", custom: { course: content.course.id, lesson: lesson.id, view: "quiz" }, lineItem: expect.objectContaining({ scoreMaximum: 100 }) })]);
      await teacher.close();
    } finally {
      await sim.stop();
    }
  });

  test("a launch the platform did not sign, or signed for another tool, ends on a page that says so in the reader's language", async ({ page, request }) => {
    const tampered = await request.post("/api/lti/launch", { form: { id_token: "a.b.c", state: "forged" }, headers: { "Accept-Language": "fr" }, maxRedirects: 0 });
    expect(tampered.status()).toBe(303);
    expect(tampered.headers()["location"]).toBe("/fr/lti/error?code=lti.badState");
    await page.goto(tampered.headers()["location"]);
    await expect(page.getByRole("heading", { level: 1, name: "Cela ne s'est pas ouvert" })).toBeVisible();
    await expect(page.getByText("Ce lancement n'a pas pu être vérifié.", { exact: false })).toBeVisible();

    await page.goto("/ar/lti/error?code=lti.replayed");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByText("استُخدم هذا التشغيل من قبل.", { exact: false })).toBeVisible();
    await expectAccessibleInBothThemes(page, "LTI error page (Arabic)");
  });
});
