import { expect, type Frame, type Page } from "@playwright/test";
import { oneVersionEach } from "../../lib/quiz/experiments";
import type { Quiz } from "../../lib/quiz/types";

/** Where the browser keeps the learner's arms (components/progress/arms.ts). */
const ARMS_KEY = "common-ground:arms:v1";

/**
 * The quiz runner, driven the way a learner does: choose, check, read feedback, go on. The starting
 * and final checks show no feedback on the way (answerCheck): choose, go on, finish.
 */
export class QuizPage {
  /** A page, or the frame the quiz runs in (an LMS frames the LTI quiz page: e2e/lti.spec.ts). */
  constructor(private readonly page: Page | Frame) {}

  optionName(quiz: Quiz, questionIndex: number, optionId: string): string {
    const o = quiz.questions[questionIndex].options.find((x) => x.id === optionId)!;
    return o.text || (o.id === "true" ? "True" : "False");
  }

  /** The option ids of a question in the order the page shows them (and screen readers meet them). */
  async shownOrder(q: Quiz["questions"][number]): Promise<string[]> {
    const group = this.page.getByRole("group", { name: q.prompt, exact: true });
    await expect(group.locator("input").first()).toBeVisible();
    if (q.type === "discern") {
      // Each post's radios are named "post-<question>-<post>".
      const prefix = `post-${q.id}-`;
      return group.locator("fieldset.post input[value=g]").evaluateAll((els, p) => els.map((el) => (el as HTMLInputElement).name.slice(p.length)), prefix);
    }
    return group.locator("input").evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
  }

  /**
   * The quiz as this learner is shown it: one version of each bias-check pair, by the arms this
   * browser keeps (a guest's drawn here, an account's as the server recorded them). Read once the
   * runner shows a question: the arms are kept before the runner renders.
   */
  async shown(quiz: Quiz): Promise<Quiz> {
    if (!quiz.biasPairs?.length) return quiz;
    await expect(this.page.getByText(/^Question \d+ of \d+$/)).toBeVisible();
    const arms = await this.page.evaluate((key) => Object.assign({}, ...Object.values(JSON.parse(localStorage.getItem(key) ?? "{}") as Record<string, object>)) as Record<string, string>, ARMS_KEY);
    return oneVersionEach(quiz, arms);
  }

  /**
   * Answers every question the learner is shown (one version of each bias-check pair; indices
   * count shown questions) from `from` (where the quiz stands) up to `stopBefore`, correctly
   * unless `wrong` holds its index, checking feedback each time.
   */
  async answerAll(
    quiz: Quiz,
    { wrong = [] as number[], afterEach, stopBefore, from = 0 }: { wrong?: number[]; afterEach?: (i: number) => Promise<void>; stopBefore?: number; from?: number } = {},
  ) {
    quiz = await this.shown(quiz);
    for (const [i, q] of quiz.questions.entries()) {
      if (i < from) continue;
      if (stopBefore !== undefined && i >= stopBefore) return;
      await expect(this.page.getByText(`Question ${i + 1} of ${quiz.questions.length}`, { exact: true })).toBeVisible();
      const isWrong = wrong.includes(i);
      const feedbackShown = await this.choose(quiz, i, isWrong);
      await this.page.getByRole("button", { name: "Check answer" }).click();
      await expect(this.page.getByText(isWrong ? /^(Not quite|Partly correct)$/ : /^Correct$/)).toBeVisible();
      await expect(this.page.getByText(q.explanation)).toBeVisible();
      await expect(this.page.getByText(feedbackShown).first()).toBeVisible();
      if (afterEach) await afterEach(i);
      await this.page.getByRole("button", { name: i === quiz.questions.length - 1 ? "See your score" : "Next question" }).click();
    }
  }

  /**
   * Answers a starting or final check (from `from` up to `stopBefore`), correctly unless `wrong`
   * holds the index: no verdict, explanation or option feedback may show on the way; each answer
   * moves on to the next question, the last one ("Finish the check") to the end of the check.
   * Indices count the questions shown (one version of each bias-check pair).
   */
  async answerCheck(quiz: Quiz, { wrong = [] as number[], stopBefore, from = 0 }: { wrong?: number[]; stopBefore?: number; from?: number } = {}) {
    quiz = await this.shown(quiz);
    const total = quiz.questions.length;
    for (const [i, q] of quiz.questions.entries()) {
      if (i < from) continue;
      if (stopBefore !== undefined && i >= stopBefore) return;
      await expect(this.page.getByText(`Question ${i + 1} of ${total}`, { exact: true })).toBeVisible();
      await this.choose(quiz, i, wrong.includes(i));
      const last = i === total - 1;
      await this.page.getByRole("button", { name: last ? "Finish the check" : "Next question" }).click();
      if (last) return;
      // Moved on (the answer was graded and kept), with nothing of the grade on screen.
      await expect(this.page.getByText(`Question ${i + 2} of ${total}`, { exact: true })).toBeVisible();
      await expect(this.page.getByText(q.explanation)).toHaveCount(0);
      await expect(this.page.getByText(/^(Correct|Not quite|Partly correct)$/)).toHaveCount(0);
    }
  }

  /** Makes the choices for question `i` (one item wrong when asked); returns a feedback it earns. */
  private async choose(quiz: Quiz, i: number, isWrong: boolean): Promise<string> {
    const q = quiz.questions[i];
    const group = this.page.getByRole("group", { name: q.prompt, exact: true });
    let feedbackShown: string;
    if (q.type === "sort") {
      // Every item into its pile (the first item into a wrong pile when asked to be wrong).
      const right = new Map(q.correct.map((c) => c.split(":") as [string, string]));
      for (const [n, item] of q.options.entries()) {
        let pile = right.get(item.id)!;
        if (isWrong && n === 0) pile = q.categories!.find((c) => c.id !== pile)!.id;
        const label = q.categories!.find((c) => c.id === pile)!.label;
        await group.getByRole("group", { name: item.text, exact: true }).getByLabel(label, { exact: true }).check();
      }
      feedbackShown = q.options[0].feedback;
    } else if (q.type === "discern") {
      for (const [n, p] of q.options.entries()) {
        let manipulative = q.correct.includes(p.id);
        if (isWrong && n === 0) manipulative = !manipulative;
        // Found by its text: posts are shuffled, so "Invented post 1" is a different post each attempt.
        const post = group.locator("fieldset.post").filter({ has: this.page.getByText(p.text, { exact: true }) });
        await post.getByLabel(manipulative ? "Uses manipulation" : "Genuine", { exact: true }).check();
      }
      feedbackShown = q.options[0].feedback;
    } else {
      const pick = isWrong ? q.options.filter((o) => !q.correct.includes(o.id)).slice(0, 1) : q.options.filter((o) => q.correct.includes(o.id));
      for (const o of pick) {
        await group.getByLabel(this.optionName(quiz, i, o.id), { exact: true }).check();
      }
      feedbackShown = pick[0].feedback;
    }
    return feedbackShown;
  }
}
