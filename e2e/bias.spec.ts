// Bias-check pairs are shown between subjects (issue #20): a learner sees one version of each
// pair, never both, the one the server recorded for them; the server refuses an answer to the
// other; and the group's page has its "Bias checks" section. Pairs are read from the content.
import crypto from "node:crypto";
import { request as playwrightRequest } from "@playwright/test";
import { shownCount } from "../lib/quiz/experiments";
import type { BiasPair } from "../lib/quiz/types";
import { content, expect, expectAccessible, newLearner, signInApi, signedInContext, test, signUpHeaders } from "./fixtures";
import { QuizPage } from "./pages/quiz-page";

const courseId = content.course.id;
const lesson = content.lessons.find((l) => content.quizFor(l.id)?.biasPairs?.length)!;
const quiz = content.quizFor(lesson.id)!;

/** Text that tells the two versions apart: their stories where those differ, else their prompts. */
function versionTexts(pair: BiasPair): [string, string] {
  const [a, b] = pair.versions.map((id) => quiz.questions.find((q) => q.id === id)!);
  return a.vignette !== b.vignette ? [a.vignette ?? "", b.vignette ?? ""] : [a.prompt, b.prompt];
}

test("a learner in a group sees one version of each pair, the server's, and the group's page lists the pairs", async ({ page, context, browser, baseURL }) => {
  test.setTimeout(180_000);
  // A facilitator's group, created through the API (the group UI has its own spec).
  const lead = await playwrightRequest.newContext({ baseURL });
  const person = newLearner("Bea Facilitator");
  expect((await lead.post("/api/account", { headers: signUpHeaders(), data: { email: person.email, password: person.password, displayName: person.name, role: "facilitator" } })).status()).toBe(201);
  await signInApi(lead, person);
  const created = await lead.post("/api/cohorts", { data: { name: `Bias ${crypto.randomUUID().slice(0, 6)}`, kind: "workshop", locale: "en", trackId: "workshop" } });
  expect(created.status(), await created.text()).toBe(200);
  const { id: cohortId, joinCode } = (await created.json()) as { id: string; joinCode: string };

  await signedInContext(context, baseURL!);
  expect((await context.request.post("/api/join", { data: { code: joinCode } })).status()).toBe(200);

  const seen: string[] = [];
  await test.step("the quiz shows one version of each pair", async () => {
    await page.goto(`${content.lessonPath(lesson.id)}/quiz`);
    await expect(page.getByText(`${shownCount(quiz)} questions.`, { exact: false })).toBeVisible();
    // Each question's screen as the learner reads it (story, prompt, options, feedback).
    await new QuizPage(page).answerAll(quiz, { afterEach: async () => void seen.push(await page.locator("form.quiz").innerText()) });
    await expect(page.getByRole("heading", { name: "Your result" })).toBeVisible();
    expect(seen).toHaveLength(shownCount(quiz));
  });

  await test.step("the version shown is the one the server recorded, and the other is refused", async () => {
    const res = await context.request.post("/api/progress/arms", { data: { locale: "en", courseId } });
    expect(res.status()).toBe(200);
    const { arms } = (await res.json()) as { arms: Record<string, string> };
    const all = seen.join("\n");
    for (const pair of quiz.biasPairs!) {
      const [a, b] = versionTexts(pair);
      const arm = arms[`bias:${pair.id}`];
      expect(arm, pair.id).toMatch(/^[ab]$/);
      expect({ pair: pair.id, a: all.includes(a), b: all.includes(b) }).toEqual({ pair: pair.id, a: arm === "a", b: arm === "b" });
      const other = quiz.questions.find((q) => q.id === pair.versions[arm === "a" ? 1 : 0])!;
      const refused = await context.request.post("/api/progress/answers", {
        data: { id: crypto.randomUUID(), attemptId: crypto.randomUUID(), locale: "en", courseId, lessonId: lesson.id, questionId: other.id, chosen: other.correct },
      });
      expect(refused.status()).toBe(409);
    }
  });

  await test.step("the group's page has the bias checks, with too few answers to show figures", async () => {
    const facilitatorPage = await (await browser.newContext({ baseURL })).newPage();
    await signInApi(facilitatorPage.request, person);
    await facilitatorPage.goto(`/en/facilitate/${cohortId}`);
    const section = facilitatorPage.getByRole("region", { name: "Bias checks" });
    await expect(section).toBeVisible();
    await expect(section.getByText("Each learner saw one version only")).toBeVisible();
    // One learner answered: each pair says how many answered and that more are needed.
    await expect(section.getByText(/^Not enough answers yet/).first()).toBeVisible();
    await expect(section.getByRole("table")).toHaveCount(0);
    await expect(facilitatorPage.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Bias checks" })).toHaveAttribute("href", "#bias");
    await expectAccessible(facilitatorPage, "group page with bias checks");
  });
});
