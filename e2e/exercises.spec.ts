// The exercises beyond recall: sorting, discernment, branching scenarios, and the before/after
// checks with the learner's own gain.
import { content, expect, expectAccessible, test } from "./fixtures";
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
      await expect(page.getByText(/^Sensitivity \(d′\): -?\d+\.\d\. 0 means guessing/)).toBeVisible();
    }
  }
});

test("a sort question asks for every item before it is checked", async ({ page }) => {
  const lesson = withType("sort");
  const quiz = content.quizFor(lesson.id)!;
  const index = quiz.questions.findIndex((q) => q.type === "sort");
  await page.goto(`${content.lessonPath(lesson.id)}/quiz`);
  // Answer the questions before it, then try to check the sort question with nothing sorted.
  await new QuizPage(page).answerAll(quiz, { stopBefore: index });
  await expect(page.getByText(`Question ${index + 1} of ${quiz.questions.length}`, { exact: true })).toBeVisible();
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

test("a learner takes the starting and final checks and sees their own gain", async ({ page }) => {
  const { pre, post } = content.assessments;
  expect(pre && post, "both assessment forms exist").toBeTruthy();
  await page.goto(`/en/courses/${content.course.id}`);
  await page.getByRole("link", { name: "Take the starting check (about 10 minutes)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: pre!.title })).toBeVisible();
  await expectAccessible(page, "pre-assessment");
  // Half wrong at the start, all right at the end.
  await new QuizPage(page).answerAll(pre!, { wrong: pre!.questions.map((_, i) => i).filter((i) => i % 2 === 0) });
  const before = Number((await page.locator(".score").textContent())!.match(/\((\d+)%\)/)![1]);

  await page.goto(`/en/courses/${content.course.id}/assessment/post`);
  await new QuizPage(page).answerAll(post!);
  await expect(page.getByRole("status").filter({ hasText: `Before the course you scored ${before}%; now 100%: a change of +${100 - before} points.` })).toBeVisible();
  await expectAccessible(page, "post-assessment result");

  // The course page now offers the refreshers for later.
  await page.goto(`/en/courses/${content.course.id}`);
  await expect(page.getByRole("heading", { name: "Refreshers" })).toBeVisible();
  await expect(page.getByText(/offered 7 days after your final check/)).toBeVisible();
});
