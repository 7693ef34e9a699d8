// Offline (issue #26): the app is installable, a learner saves the course, loses the network,
// opens lessons, answers a quiz and plays a scenario, and every answer reaches the server once
// when the network is back; a saved lesson's repeat visit asks the server for nothing; and the
// next person on the same browser finds nothing of the first. One journey, in the phone project.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Route } from "@playwright/test";
import { content, expect, expectAccessible, expectAccessibleInBothThemes, newLearner, signedInContext, test } from "./fixtures";
import { QuizPage } from "./pages/quiz-page";
import { isPersonalPath } from "../lib/offline/cache-policy";

test.use({ serviceWorkers: "allow" });
test.skip(({ isMobile }) => !isMobile, "one journey is enough: it runs in the phone project");
// In order: the last test swaps the built worker for a moment.
test.describe.configure({ mode: "serial" });

interface Export {
  quizResponses: { question_id: string }[];
  lessonCompletions: { lesson_id: string }[];
  quizAttempts: unknown[];
}

const coursePath = `/en/courses/${content.course.id}`;

test("the app is installable", async ({ playwright, baseURL }, testInfo) => {
  // Chromium's own check (Lighthouse 12 dropped its PWA audit): the manifest, its icons, a service
  // worker. In a profile on disk, since Chromium installs nothing from an incognito-like context,
  // which is what Playwright's contexts are.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-install-"));
  const browser = await playwright.chromium.launchPersistentContext(dir, { ...testInfo.project.use.launchOptions, baseURL, serviceWorkers: "allow" });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto("/en");
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cdp = await browser.newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a saved course works offline, its answers arrive once, and the next person finds nothing", async ({ page, context, baseURL }) => {
  const first = await signedInContext(context, baseURL!, newLearner("Offline learner"));

  await page.goto(coursePath);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

  // Save the course: its size before, a progress bar while saving, its size after.
  const save = page.getByRole("region", { name: "Use this course without internet" });
  await expect(save.getByText(/^About \d+\.\d MB$/)).toBeVisible();
  await save.getByRole("button", { name: "Save this course for offline" }).click();
  await expect(save.getByRole("status")).toHaveText(/^Saved for offline \(\d+\.\d MB\)$/);
  await expect(save.getByRole("button", { name: "Remove" })).toBeVisible();
  await expectAccessible(page, "course page, saved for offline");

  // A repeat visit to a saved lesson asks the server for nothing: every request the page makes is
  // answered by the worker, and the worker sends none on (context.route sees the worker's own
  // requests). The control: an unsaved page does go through to the server.
  const lessons = content.lessons.slice(0, 3);
  const reached: string[] = [];
  const count = (route: Route) => {
    reached.push(new URL(route.request().url()).pathname);
    return route.continue();
  };
  await context.route("**/*", count);
  await page.goto(content.lessonPath(lessons[1].id));
  await expect(page.getByRole("heading", { level: 1, name: lessons[1].title })).toBeVisible();
  const lessonAssets = reached.filter((p) => !p.startsWith("/api/"));
  await page.goto("/en/tracks");
  await expect.poll(() => reached).toContain("/en/tracks");
  await context.unroute("**/*", count);
  expect(lessonAssets, "requests that reached the server on a saved lesson's repeat visit").toEqual([]);

  // Offline: three lessons, a scenario to its end, a lesson marked done, a quiz answered.
  await context.setOffline(true);
  await expect(page.getByRole("status").filter({ hasText: "You are offline." })).toBeVisible();
  for (const lesson of lessons) {
    await page.goto(content.lessonPath(lesson.id));
    await expect(page.getByRole("heading", { level: 1, name: lesson.title })).toBeVisible();
  }
  const withScenario = content.lessons.find((l) => content.lessonScenario(l.id))!;
  const scenario = content.lessonScenario(withScenario.id)!;
  await page.goto(content.lessonPath(withScenario.id));
  const player = page.getByRole("region", { name: `Scenario: ${scenario.title}` });
  let step = scenario.steps[scenario.start];
  while (step.choices) {
    await player.getByRole("button", { name: step.choices[0].text, exact: true }).click();
    step = scenario.steps[step.choices[0].next];
  }
  await expect(player.getByText(step.ending!.debrief)).toBeVisible();
  await page.getByRole("button", { name: "Mark this lesson as done" }).click();
  await expect(page.getByRole("button", { name: "Mark as not done" })).toBeVisible();

  const quizLesson = lessons.find((l) => content.quizFor(l.id))!;
  const quiz = content.quizFor(quizLesson.id)!;
  await page.goto(`${content.lessonPath(quizLesson.id)}/quiz`);
  const runner = new QuizPage(page);
  const shown = await runner.shown(quiz);
  await runner.answerAll(quiz);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // A page that needs the network says so, and leads to the saved lessons.
  await page.goto("/en/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
  await expect(page.getByRole("link", { name: lessons[2].title })).toBeVisible();
  await expectAccessibleInBothThemes(page, "offline page");

  // Back online: each answer and the lesson done reach the server exactly once.
  await context.setOffline(false);
  const sent = async () => {
    const data = (await (await context.request.get("/api/account/export")).json()) as Export;
    return { answers: data.quizResponses.map((r) => r.question_id).sort(), done: data.lessonCompletions.map((c) => c.lesson_id).sort(), attempts: data.quizAttempts.length };
  };
  // The outbox retries with a growing pause while offline; back online, it sends at once.
  // Lessons done: the one marked, and the quiz's (a finished quiz marks its lesson done).
  const done = [...new Set([withScenario.id, quizLesson.id])].sort();
  await expect.poll(sent, { timeout: 20_000 }).toEqual({ answers: shown.questions.map((q) => q.id).sort(), done, attempts: 1 });

  // The next person on this browser: nothing personal was cached, nothing of the first is sent
  // as theirs, and their dashboard shows only them.
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
    return urls;
  });
  expect(cached.length).toBeGreaterThan(0);
  expect(cached.filter((p) => isPersonalPath(p))).toEqual([]);
  const second = newLearner("Next learner");
  await context.clearCookies();
  await signedInContext(context, baseURL!, second);
  await page.goto("/en/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(first.name)).toHaveCount(0);
  expect(await sent()).toEqual({ answers: [], done: [], attempts: 0 });
});

test("a new build's worker saves the course again, waits for the old pages, then removes the old build's caches", async ({ page, context }) => {
  await page.goto(coursePath);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const save = page.getByRole("region", { name: "Use this course without internet" });
  await save.getByRole("button", { name: "Save this course for offline" }).click();
  await expect(save.getByRole("status")).toHaveText(/^Saved for offline/);
  const cacheNames = () => page.evaluate(async () => (await caches.keys()).sort());
  const before = await cacheNames();
  const build = /^cg-(.+)-course-en-/.exec(before.find((n) => n.includes("-course-en-"))!)![1];

  // The next deployment, as the browser sees it: the same worker with another build id. The
  // worker's own script cannot be routed by Playwright, so the built file is swapped for the
  // update and put back (the other specs block service workers; this file runs in order).
  const file = path.join(__dirname, "..", "public", "sw.js");
  const script = fs.readFileSync(file, "utf8");
  expect(script).toContain(`"${build}"`);
  let states: string[];
  try {
    fs.writeFileSync(file, script.replaceAll(`"${build}"`, '"next-build"'));
    states = await page.evaluate(async () => {
      const registration = (await navigator.serviceWorker.getRegistration())!;
      await registration.update();
      const worker = registration.installing ?? registration.waiting!;
      const seen = [worker.state];
      if (worker.state === "installing") {
        await new Promise<void>((done) => worker.addEventListener("statechange", () => (seen.push(worker.state), worker.state !== "installing" && done())));
      }
      return seen;
    });
  } finally {
    fs.writeFileSync(file, script);
  }
  // Installed with the course saved again, but waiting: this page still runs on the old build.
  expect(states).toEqual(["installing", "installed"]);
  const renewed = [`cg-next-build-course-en-${content.course.id}`, "cg-next-build-precache"];
  expect(await cacheNames()).toEqual(expect.arrayContaining([...before, ...renewed]));

  // Once no page uses the old build, the new worker takes over and the old caches go.
  await page.close();
  const next = await context.newPage();
  await next.goto(coursePath);
  await expect(next.getByRole("region", { name: "Use this course without internet" }).getByRole("status")).toHaveText(/^Saved for offline/);
  const names = async () => (await next.evaluate(() => caches.keys())).filter((n) => n.startsWith("cg-"));
  await expect.poll(async () => (await names()).filter((n) => n.includes(build))).toEqual([]);
  expect(await names()).toEqual(expect.arrayContaining(renewed));
});
