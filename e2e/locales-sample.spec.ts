// Each enabled language other than English, walked once per project (phone and projector): the
// home, a lesson, a quiz answered with its feedback, the scenario player (one choice), the
// dashboard (a signed-in learner), a facilitator's group report and the help page, each with the
// page's lang and dir on <html> and axe-clean in the light and dark themes (issue #25). The
// labels come from that language's messages.json, so the buttons are shown translated. For
// Arabic: the layout is mirrored (the progress bar fills from the right, the breadcrumb runs from
// the right) and the course text shown in English is marked lang="en", the page's own buttons not.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { loadContent } from "../lib/content/load";
import { expect, expectAccessibleInBothThemes, newLearner, signedInContext, signInApi, signUpHeaders, test } from "./fixtures";

const root = path.join(__dirname, "..", "content");
const config = JSON.parse(fs.readFileSync(path.join(root, "locales.json"), "utf8")) as { locales: { code: string; dir: "ltr" | "rtl" }[] };
const { content } = loadContent(root);
type Messages = Record<string, Record<string, string>>;
const messagesOf = (code: string) => JSON.parse(fs.readFileSync(path.join(root, code, "messages.json"), "utf8")) as Messages;
const en = messagesOf("en");

/** The page says its language and direction, and passes axe in both themes. */
async function checkPage(page: Page, code: string, dir: string, what: string) {
  await expect(page.locator("html")).toHaveAttribute("lang", code);
  await expect(page.locator("html")).toHaveAttribute("dir", dir);
  await expectAccessibleInBothThemes(page, `${code} ${what}`);
}

/** The language of the nearest element that says one. */
const langOf = (page: Page, selector: ReturnType<Page["locator"]>) => selector.evaluate((el) => el.closest("[lang]")?.getAttribute("lang"));

for (const { code, dir } of config.locales.filter((l) => l.code !== "en")) {
  const m = messagesOf(code);
  const local = content.find((c) => c.locale === code)!;
  const course = local.courses[0];
  const lessons = course.modules.flatMap((mod) => mod.lessons);
  const first = lessons[0];
  const withScenario = local.lessons.find((l) => l.scenarioId)!;
  const scenario = local.scenarios.get(`${course.id}/${withScenario.scenarioId}`)!;
  // The first lesson's quiz falls back to English when this locale has no translation of it yet.
  const quizShownInEnglish = local.fallbacks.has(`courses/${course.id}/quizzes/${local.lessons.find((l) => l.id === first.id)?.quizId}`);

  test(`${code}: home, lesson, quiz feedback, scenario, dashboard, group report and help, in ${code}`, async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    const base = `/${code}/courses/${course.id}`;

    // Home.
    await page.goto(`/${code}`);
    await expect(page.getByRole("link", { name: m.home.start })).toBeVisible();
    await checkPage(page, code, dir, "home");

    // A lesson, marked done so the progress bar has something to fill.
    await page.goto(`${base}/${first.id}`);
    await expect(page.getByRole("heading", { level: 1, name: first.title })).toBeVisible();
    await page.getByRole("button", { name: m.lesson.markDone }).click();
    await expect(page.getByRole("status").filter({ hasText: m.lesson.markedDone })).toBeVisible();
    await checkPage(page, code, dir, "lesson");
    if (dir === "rtl") {
      // The filled part starts at the track's right edge, and the breadcrumb's first crumb is right of the second.
      const track = await page.getByRole("progressbar").first().boundingBox();
      const fill = await page.getByRole("progressbar").first().locator(".progress-fill").boundingBox();
      expect(fill!.width).toBeGreaterThan(0);
      expect(fill!.width).toBeLessThan(track!.width);
      expect(Math.abs(fill!.x + fill!.width - (track!.x + track!.width))).toBeLessThanOrEqual(1);
      const crumbs = page.getByRole("navigation", { name: m.site.breadcrumb }).getByRole("listitem");
      const [one, two] = [await crumbs.nth(0).boundingBox(), await crumbs.nth(1).boundingBox()];
      expect(one!.x).toBeGreaterThan(two!.x);
    }

    // The lesson's quiz: one question answered, its feedback shown.
    await page.getByRole("link", { name: m.lesson.takeQuiz }).click();
    const question = page.locator("fieldset:has(> legend)").first();
    await expect(question.locator("input").first()).toBeVisible();
    const names = await question.locator("input").evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLInputElement).name))]);
    for (const name of names) await question.locator(`input[name="${name}"]`).first().check();
    const check = page.getByRole("button", { name: m.quiz.check });
    if (quizShownInEnglish) {
      // English course text on this page: the question is marked English, the runner's button is not.
      expect(await langOf(page, question.locator("legend").first())).toBe("en");
      expect(await langOf(page, check)).toBe(code);
    }
    await check.click();
    await expect(page.locator(".feedback").first()).toBeVisible();
    await expect(page.getByRole("button", { name: m.quiz.next })).toBeVisible();
    if (code === "fr") {
      // The key buttons are French, none left in English.
      for (const english of [en.quiz.check, en.quiz.next, en.lesson.takeQuiz]) await expect(page.getByRole("button", { name: english, exact: true })).toHaveCount(0);
    }
    await checkPage(page, code, dir, "quiz feedback");

    // The scenario player: one choice.
    await page.goto(`${base}/${withScenario.id}`);
    const start = scenario.steps[scenario.start];
    const choice = start.choices![0];
    await page.getByRole("group", { name: m.scenario.choose }).getByRole("button", { name: choice.text, exact: true }).click();
    await expect(page.getByText(scenario.steps[choice.next].text).first()).toBeVisible();
    await checkPage(page, code, dir, "scenario after one choice");

    // The help page.
    await page.goto(`/${code}/help`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await checkPage(page, code, dir, "help");

    // The dashboard of a signed-in learner.
    await signedInContext(page.context(), baseURL!);
    await page.goto(`/${code}/dashboard`);
    await expect(page.getByRole("heading", { level: 1, name: m.dashboard.title })).toBeVisible();
    await checkPage(page, code, dir, "dashboard");
    if (code === "fr") await expect(page.getByRole("heading", { name: en.dashboard.title, exact: true })).toHaveCount(0);

    // A facilitator's group report, for a group taught in this language.
    const facilitator = newLearner("Facilitatrice");
    const request = page.context().request;
    const made = await request.post("/api/account", { headers: signUpHeaders(), data: { email: facilitator.email, password: facilitator.password, displayName: facilitator.name, role: "facilitator" } });
    expect(made.status(), await made.text()).toBe(201);
    await signInApi(request, facilitator);
    const groupName = `Groupe ${crypto.randomUUID().slice(0, 6)}`;
    const created = await request.post("/api/cohorts", { data: { name: groupName, kind: "workshop", locale: code, trackId: "workshop" } });
    expect(created.status(), await created.text()).toBe(200);
    const { id } = (await created.json()) as { id: string };
    await page.goto(`/${code}/facilitate/${id}`);
    await expect(page.getByRole("heading", { level: 1, name: groupName })).toBeVisible();
    await checkPage(page, code, dir, "group report");
  });
}

test("ar: the lesson header matches its stored screenshot (a mirrored layout)", async ({ page }) => {
  const course = content.find((c) => c.locale === "ar")!.courses[0];
  const first = course.modules[0].lessons[0];
  await page.goto(`/ar/courses/${course.id}/${first.id}`);
  const header = page.locator(".lesson-header");
  await expect(header.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(header).toHaveScreenshot("ar-lesson-header.png", { maxDiffPixelRatio: 0.01, animations: "disabled" });
});
