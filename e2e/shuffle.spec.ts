import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { shuffleOptions } from "../lib/quiz/shuffle";
import type { Question } from "../lib/quiz/types";
import { checkFor, content, expect, signedInContext, test } from "./fixtures";
import { QuizPage } from "./pages/quiz-page";

// Options come in an order of each attempt's own (lib/quiz/shuffle.ts), seeded by the attempt id
// kept in the browser: the same across a reload, new on a retry, the same for screen readers.
const ATTEMPTS_KEY = "common-ground:attempts:v1";
const course = content.course.id;
const shuffled = new Set(["single", "multiple", "scenario", "discern"]);
const order = (q: Question, seed: string) => shuffleOptions(q, seed).options.map((o) => o.id);

/** A fixed attempt id whose order of this question's options differs from the authored one. */
/** A fresh attempt id whose order moves the options: fresh, because an attempt (and its answers'
 * ids) belongs to one learner, and each project's run signs up a learner of its own. */
function seedThatMoves(q: Question): string {
  for (let n = 0; n < 100; n++) {
    const seed = crypto.randomUUID();
    if (order(q, seed).join() !== q.options.map((o) => o.id).join()) return seed;
  }
  throw new Error(`no seed moves the options of ${q.id}`);
}

async function storedAttempts(page: Page): Promise<Record<string, { id: string }>> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "{}"), ATTEMPTS_KEY);
}

/** Puts an attempt under way in this browser, as if the learner had opened the quiz before. */
async function startWith(page: Page, activityKey: string, id: string) {
  await page.goto("/en");
  await page.evaluate(({ key, activityKey, id }) => localStorage.setItem(key, JSON.stringify({ [activityKey]: { id, startedAt: Date.now() } })), { key: ATTEMPTS_KEY, activityKey, id });
}

/** Screen readers meet the options in the shown order: the accessible names, in document order. */
async function expectReadInOrder(page: Page, q: Question, ids: string[]) {
  const group = page.getByRole("group", { name: q.prompt, exact: true });
  const inputs = group.getByRole(q.type === "multiple" ? "checkbox" : "radio");
  await expect(inputs).toHaveCount(ids.length);
  for (const [k, id] of ids.entries()) await expect(inputs.nth(k)).toHaveAccessibleName(q.options.find((o) => o.id === id)!.text);
}

const lesson = content.lessons.find((l) => {
  const q = content.quizFor(l.id)?.questions[0];
  return q && ["single", "multiple", "scenario"].includes(q.type) && q.options.length >= 3;
})!;

test("a guest's quiz shows the options shuffled, the same after a reload, and anew on a retry", async ({ page }) => {
  test.setTimeout(120_000);
  const quiz = content.quizFor(lesson.id)!;
  const first = quiz.questions[0];
  const activityKey = `en/${course}/${lesson.id}`;
  const seed = seedThatMoves(first);
  await startWith(page, activityKey, seed);

  await page.goto(`${content.lessonPath(lesson.id)}/quiz`);
  const quizPage = new QuizPage(page);
  const expected = order(first, seed);
  expect(await quizPage.shownOrder(first)).toEqual(expected);
  expect(expected).not.toEqual(first.options.map((o) => o.id));
  await expectReadInOrder(page, first, expected);

  await page.reload();
  expect(await quizPage.shownOrder(first)).toEqual(expected);
  expect((await storedAttempts(page))[activityKey]?.id).toBe(seed);

  // Every later question is in the same attempt's order too.
  await quizPage.answerAll(quiz, { stopBefore: 1 });
  const second = quiz.questions[1];
  if (second && shuffled.has(second.type)) expect(await quizPage.shownOrder(second)).toEqual(order(second, seed));

  await page.reload();
  // The reload goes on at the first question not yet answered.
  await quizPage.answerAll(quiz, { from: 1 });
  await expect(page.getByRole("heading", { name: "Your result" })).toBeVisible();
  // Finished: the next visit is a new attempt. A retry starts one at once, in a new order.
  expect((await storedAttempts(page))[activityKey]).toBeUndefined();
  await page.getByRole("button", { name: "Try again" }).click();
  const retry = (await storedAttempts(page))[activityKey]?.id;
  expect(retry).toMatch(/^[0-9a-f-]{36}$/);
  expect(retry).not.toBe(seed);
  expect(await quizPage.shownOrder(first)).toEqual(order(first, retry!));
});

// A reload goes on where the learner stopped (issue #20): the answers of the attempt under way are
// kept with it in this browser, and the runner opens at the first question not yet answered.
const resumable = content.lessons.find((l) => {
  const q = content.quizFor(l.id)?.questions[2];
  return q && ["single", "multiple", "scenario"].includes(q.type) && q.options.length >= 3;
});

test("a guest's lesson quiz goes on at question 3 after a reload, in the same order, and counts all answers", async ({ page }) => {
  test.setTimeout(120_000);
  test.skip(!resumable, "no lesson quiz whose third question has options to shuffle");
  const quiz = content.quizFor(resumable!.id)!;
  const third = quiz.questions[2];
  const total = quiz.questions.length;
  const activityKey = `en/${course}/${resumable!.id}`;
  const seed = seedThatMoves(third);
  await startWith(page, activityKey, seed);

  await page.goto(`${content.lessonPath(resumable!.id)}/quiz`);
  const quizPage = new QuizPage(page);
  await quizPage.answerAll(quiz, { stopBefore: 2, wrong: [0] });
  await expect(page.getByText(`Question 3 of ${total}`, { exact: true })).toBeVisible();
  const expected = order(third, seed);
  expect(await quizPage.shownOrder(third)).toEqual(expected);

  await page.reload();
  await expect(page.getByText(`Question 3 of ${total}`, { exact: true })).toBeVisible();
  await expect(page.getByText(`Question 1 of ${total}`, { exact: true })).toHaveCount(0);
  expect(await quizPage.shownOrder(third)).toEqual(expected);
  await expectReadInOrder(page, third, expected);
  expect((await storedAttempts(page))[activityKey]?.id).toBe(seed);

  // The two answers from before the reload count: the first one wrong, all the others right.
  await quizPage.answerAll(quiz, { from: 2 });
  await expect(page.getByRole("heading", { name: "Your result" })).toBeVisible();
  await expect(page.getByText(`${total - 1} of ${total} correct`)).toBeVisible();
  expect((await storedAttempts(page))[activityKey]).toBeUndefined();
});

test("a learner's pre-check shows the options in the attempt's order, and a reload goes on where it stopped", async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  await signedInContext(context, baseURL!);
  // The learner's own form for the starting check (their recorded arm), as they see it.
  const pre = (await checkFor(context.request, "pre")).quiz;
  const total = pre.questions.length;
  const index = pre.questions.findIndex((q, i) => i > 0 && shuffled.has(q.type) && q.type !== "discern");
  const q = pre.questions[index];
  const activityKey = `en/${course}/assessment-pre`;
  const seed = seedThatMoves(q);
  await startWith(page, activityKey, seed);

  await page.goto(`/en/courses/${course}/assessment/pre`);
  const quizPage = new QuizPage(page);
  // The seed is the attempt the server records: the answers go to it.
  const sent = page.waitForRequest((r) => r.url().includes("/api/progress/answers") && r.method() === "POST");
  await quizPage.answerCheck(pre, { stopBefore: index });
  expect(((await sent).postDataJSON() as { attemptId: string }).attemptId).toBe(seed);
  const expected = order(q, seed);
  expect(await quizPage.shownOrder(q)).toEqual(expected);
  expect(expected).not.toEqual(q.options.map((o) => o.id));
  await expectReadInOrder(page, q, expected);

  // Reloaded: the check opens at the question where the learner stopped, in the same order.
  await page.reload();
  await expect(page.getByText(`Question ${index + 1} of ${total}`, { exact: true })).toBeVisible();
  await expect(page.getByText(`Question 1 of ${total}`, { exact: true })).toHaveCount(0);
  expect(await quizPage.shownOrder(q)).toEqual(expected);

  // Discernment posts are shuffled as well, and numbered in the order shown.
  const discern = pre.questions.findIndex((x) => x.type === "discern");
  let from = index;
  if (discern > index) {
    await quizPage.answerCheck(pre, { from: index, stopBefore: discern });
    const posts = order(pre.questions[discern], seed);
    expect(await quizPage.shownOrder(pre.questions[discern])).toEqual(posts);
    const firstPost = pre.questions[discern].options.find((o) => o.id === posts[0])!;
    await expect(page.getByRole("group", { name: "Invented post 1", exact: true })).toContainText(firstPost.text);
    from = discern;
  }

  // Finished: one check only. The page then says when it was taken, and the server refuses another.
  const finished = page.waitForResponse((r) => r.url().includes("/api/progress/attempts/finish") && r.request().method() === "POST");
  await quizPage.answerCheck(pre, { from });
  await expect(page.getByRole("heading", { name: "Thank you" })).toBeVisible();
  expect((await finished).ok()).toBe(true);
  expect((await storedAttempts(page))[activityKey]).toBeUndefined();
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: /^You took the starting check on \d{1,2} \w+ \d{4}\.$/ })).toBeVisible();
  await expect(page.getByText(/^Question \d+ of /)).toHaveCount(0);
  const again = await page.request.post("/api/progress/answers", {
    data: { id: crypto.randomUUID(), attemptId: crypto.randomUUID(), locale: "en", courseId: course, lessonId: "assessment-pre", questionId: q.id, chosen: [q.options[0].id] },
  });
  expect(again.status()).toBe(409);
  expect((await again.json()).error).toBe("You have already taken this check.");
});
