// The exercises beyond recall: sorting, discernment, branching scenarios, and the before/after
// checks with the learner's own gain.
import { content, expect, expectAccessible, guestCheck, pinGuestArms, test } from "./fixtures";
import { QuizPage } from "./pages/quiz-page";

const withType = (type: string) => content.lessons.find((l) => content.quizFor(l.id)?.questions.some((q) => q.type === type))!;

test("a sorting exercise and a discernment set give feedback per item and a discernment score", async ({ page }) => {
  for (const type of ["sort", "discern"]) {
    const lesson = withType(type);
    expect(lesson, `a lesson whose quiz has a ${type} question`).toBeTruthy();
    const quiz = content.quizFor(lesson.id)!;
    await page.goto(`${content.lessonPath(lesson.id)}/quiz`);
    const index = quiz.questions.findIndex((q) => q.type === type);
    // Answer everything; the sort/discern question itself with one item wrong.
    await new QuizPage(page).answerAll(quiz, {
      wrong: [index],
      afterEach: async (i) => {
        if (i === index) await expectAccessible(page, `${type} feedback`);
      },
    });
    await expect(page.getByRole("heading", { name: "Your result" })).toBeVisible();
    if (type === "discern") {
      await expect(page.getByText(/hit rate/)).toBeVisible();
      await expect(page.getByText(/^Sensitivity \(d'\): -?\d+\.\d\. 0 means guessing/)).toBeVisible();
    }
  }
});

test("a sort question asks for every item before it is checked", async ({ page }) => {
  const lesson = withType("sort");
  const quiz = content.quizFor(lesson.id)!;
  await page.goto(`${content.lessonPath(lesson.id)}/quiz`);
  // Answer the questions before it, then try to check the sort question with nothing sorted.
  const quizPage = new QuizPage(page);
  const shown = await quizPage.shown(quiz);
  const index = shown.questions.findIndex((q) => q.type === "sort");
  await quizPage.answerAll(quiz, { stopBefore: index });
  await expect(page.getByText(`Question ${index + 1} of ${shown.questions.length}`, { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Choose a pile for every item first." })).toBeVisible();
});

test("a branching scenario leads through choices to a debrief, and can be replayed", async ({ page }) => {
  const lesson = content.lessons.find((l) => content.lessonScenario(l.id))!;
  const scenario = content.lessonScenario(lesson.id)!;
  await page.goto(content.lessonPath(lesson.id));
  const player = page.getByRole("region", { name: `Scenario: ${scenario.title}` });
  await expect(player.getByText("Fictional scenario", { exact: true })).toBeVisible();
  await expectAccessible(page, "scenario start");
  // Always take the first choice until an ending.
  let step = scenario.steps[scenario.start];
  while (step.choices) {
    await expect(player.getByText(step.text)).toBeVisible();
    await player.getByRole("button", { name: step.choices[0].text, exact: true }).click();
    step = scenario.steps[step.choices[0].next];
  }
  await expect(player.getByText(step.ending!.debrief)).toBeVisible();
  await expect(player.getByText(/^A (helpful|mixed|harmful) ending$/)).toBeVisible();
  await expectAccessible(page, "scenario ending");
  await player.getByRole("button", { name: "Start the scenario again" }).click();
  await expect(player.getByText(scenario.steps[scenario.start].text)).toBeVisible();
});

test("a learner takes the starting and final checks once each: no marks on the way, the gain and every answer at the end", async ({ page }) => {
  // This guest's browser takes form B first, then form A (their arms, pinned before any page loads);
  // the quizzes are as this guest sees them (one version of each bias-check pair).
  await pinGuestArms(page, "ba");
  const pre = guestCheck("pre", "ba").quiz;
  const post = guestCheck("post", "ba").quiz;
  await page.goto(`/en/courses/${content.course.id}`);
  // A new visitor's next step on the course page is the starting check (issue #23).
  await page.getByRole("region", { name: "Your next step" }).getByRole("link", { name: "Take the starting check", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Before you start: what do you know?" })).toBeVisible();
  await expect(page.getByText(/There is no pass or fail, and you take it once\./)).toBeVisible();
  await expectAccessible(page, "pre-assessment");
  // Half wrong at the start (no verdict or explanation shows on the way), all right at the end.
  await new QuizPage(page).answerCheck(pre, { wrong: pre.questions.map((_, i) => i).filter((i) => i % 2 === 0) });

  // A baseline: no score, no pass line, no retry, no answers yet; on to the first lesson.
  await expect(page.getByRole("heading", { name: "Thank you" })).toBeFocused();
  await expect(page.getByText(/^This is your starting point, and your answers are saved\./)).toBeVisible();
  await expect(page.locator(".score")).toHaveCount(0);
  await expect(page.getByText(/you passed|Not passed yet/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Review your answers" })).toHaveCount(0);
  for (const q of pre.questions) await expect(page.getByText(q.explanation)).toHaveCount(0);
  await expect(page.getByRole("link", { name: `Next lesson: ${content.lessons[0].title}` })).toBeVisible();
  await expectAccessible(page, "pre-assessment end");

  // Taken once: back on the page, it says when, and offers no second go.
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: /^You took the starting check on \d{1,2} \w+ \d{4}\.$/ })).toBeVisible();
  await expect(page.getByText(/^Question 1 of /)).toHaveCount(0);

  await page.goto(`/en/courses/${content.course.id}/assessment/post`);
  await new QuizPage(page).answerCheck(post);
  const total = post.questions.length;
  await expect(page.getByRole("heading", { name: "Your result" })).toBeFocused();
  await expect(page.getByText(`${total} of ${total} answers correct.`, { exact: true })).toBeVisible();
  const gainLine = page.getByRole("status").filter({ hasText: /^Before the course you scored \d+%; now 100%: a change of \+\d+ points\.$/ });
  await expect(gainLine).toBeVisible();
  const [, before, gain] = (await gainLine.textContent())!.match(/scored (\d+)%.*\+(\d+) points/)!.map(Number);
  expect(before).toBeLessThan(100);
  expect(before + gain).toBe(100);
  await expect(page.getByText(/you passed|Not passed yet/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
  // Every answer's feedback, held back until now.
  await expect(page.getByRole("heading", { name: "Review your answers" })).toBeVisible();
  for (const q of post.questions) await expect(page.getByText(q.explanation)).toBeVisible();
  await expectAccessible(page, "post-assessment result");

  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: /^You took the final check on \d{1,2} \w+ \d{4}\.$/ })).toBeVisible();
  await expect(page.getByText("Your score: 100%.", { exact: true })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: `Before the course you scored ${before}%; now 100%: a change of +${gain} points.` })).toBeVisible();
  await expect(page.getByText(/^Question 1 of /)).toHaveCount(0);

  // The course page now offers the refreshers for later.
  await page.goto(`/en/courses/${content.course.id}`);
  await expect(page.getByRole("heading", { name: "Refreshers" })).toBeVisible();
  // Each with the day it opens (issue #23), and the dates can go to a calendar.
  await expect(page.getByText(/^Opens on \d{1,2} \w+ \d{4}$/)).toHaveCount(2);
  await expect(page.getByRole("button", { name: "Add the refresher dates to your calendar" })).toBeVisible();
});
