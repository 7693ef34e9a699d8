import { content, expect, test } from "./fixtures";
import { QuizPage } from "./pages/quiz-page";

// A whole quiz with the keyboard only: Tab to move, arrows or Space to choose, Enter to submit.
test("a quiz can be taken with the keyboard alone", async ({ page }) => {
  const lesson = content.lessons.find((l) => l.quizId)!;
  const quiz = content.quizFor(lesson.id)!;
  await page.goto(content.lessonPath(lesson.id));

  // From the top of the page, Tab reaches the skip link first, and it moves focus to the content.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  // Tab until the quiz link has focus, then follow it.
  const quizLink = page.getByRole("link", { name: "Take the quiz" });
  for (let i = 0; i < 60 && !(await quizLink.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(quizLink).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: `Quiz: ${lesson.title}` })).toBeVisible();

  const quizPage = new QuizPage(page);
  for (const [i, q] of quiz.questions.entries()) {
    // Options are shuffled for each attempt: the keys follow the order on the screen.
    const shown = await quizPage.shownOrder(q);
    // Tab into the options (first Tab lands on the first option of a fresh question).
    const first = page.getByRole("group", { name: q.prompt }).locator("input").first();
    for (let n = 0; n < 40 && !(await first.evaluate((el) => el === document.activeElement)); n++) await page.keyboard.press("Tab");
    await expect(first).toBeFocused();
    if (q.type === "multiple") {
      // Walk the checkboxes with Tab, ticking the correct ones with Space.
      for (const id of shown) {
        if (q.correct.includes(id)) await page.keyboard.press("Space");
        await page.keyboard.press("Tab");
      }
    } else {
      // Radios: Space selects the focused one, arrows move to the next.
      const target = shown.findIndex((id) => q.correct.includes(id));
      await page.keyboard.press("Space");
      for (let n = 0; n < target; n++) await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Tab");
    }
    await expect(page.getByRole("button", { name: "Check answer" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByText("Correct", { exact: true })).toBeVisible();
    // Focus moves to the feedback, so the next Tab reaches the button that goes on.
    await page.keyboard.press("Tab");
    const next = page.getByRole("button", { name: i === quiz.questions.length - 1 ? "See your score" : "Next question" });
    await expect(next).toBeFocused();
    await page.keyboard.press("Enter");
  }
  await expect(page.getByRole("heading", { name: "Your result" })).toBeFocused();
  await expect(page.getByText(`${quiz.questions.length} of ${quiz.questions.length} correct (100%)`)).toBeVisible();
});
