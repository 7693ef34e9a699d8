import { expect, type Page } from "@playwright/test";
import type { Quiz } from "../../lib/quiz/types";

/** The quiz runner, driven the way a learner does: choose, check, read feedback, go on. */
export class QuizPage {
  constructor(private readonly page: Page) {}

  optionName(quiz: Quiz, questionIndex: number, optionId: string): string {
    const o = quiz.questions[questionIndex].options.find((x) => x.id === optionId)!;
    return o.text || (o.id === "true" ? "True" : "False");
  }

  /** Answers every question, correctly unless `wrong` holds its index, checking feedback each time. */
  async answerAll(quiz: Quiz, { wrong = [] as number[], afterEach }: { wrong?: number[]; afterEach?: (i: number) => Promise<void> } = {}) {
    for (const [i, q] of quiz.questions.entries()) {
      await expect(this.page.getByText(`Question ${i + 1} of ${quiz.questions.length}`, { exact: true })).toBeVisible();
      const pick = wrong.includes(i) ? q.options.filter((o) => !q.correct.includes(o.id)).slice(0, 1) : q.options.filter((o) => q.correct.includes(o.id));
      const group = this.page.getByRole("group", { name: q.prompt });
      for (const o of pick) {
        await group.getByLabel(this.optionName(quiz, i, o.id), { exact: true }).check();
      }
      await this.page.getByRole("button", { name: "Check answer" }).click();
      await expect(this.page.getByText(wrong.includes(i) ? /^(Not quite|Partly correct)$/ : /^Correct$/)).toBeVisible();
      await expect(this.page.getByText(q.explanation)).toBeVisible();
      await expect(this.page.getByText(pick[0].feedback).first()).toBeVisible();
      if (afterEach) await afterEach(i);
      await this.page.getByRole("button", { name: i === quiz.questions.length - 1 ? "See your score" : "Next question" }).click();
    }
  }
}
