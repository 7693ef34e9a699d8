// Parallel check forms in a counterbalanced order (issue #20): two learners who join a group one
// after the other take the starting check on different forms (assigned at random, balanced within
// the group, recorded), and once each order has enough learners the facilitator's group page
// shows the gain per order and the counterbalanced gain, with plain words for each figure.
import crypto from "node:crypto";
import { request as playwrightRequest, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import type { Quiz } from "../lib/quiz/types";
import { checkFor, content, expect, expectAccessible, facilitatorWithGroup, newLearner, signInApi, signUpApi, signedInContext, test } from "./fixtures";
import { QuizPage } from "./pages/quiz-page";

const courseId = content.course.id;
/** Learners needed in each order before the figures show (lib/quiz/gain.ts GAIN_MIN_LEARNERS). */
const MIN_PER_ORDER = 5;

/** A signed-in learner's browser page, in the group. */
async function learnerPage(browser: Browser, baseURL: string, joinCode: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: test.info().project.use.viewport, isMobile: test.info().project.use.isMobile, hasTouch: test.info().project.use.hasTouch });
  await signedInContext(context, baseURL);
  expect((await context.request.post("/api/join", { data: { code: joinCode } })).status()).toBe(200);
  return context.newPage();
}

/** Takes one check through the API, right except the questions `wrong` holds. */
async function takeCheckApi(request: APIRequestContext, slot: "pre" | "post", quiz: Quiz, wrong: (i: number) => boolean) {
  const attemptId = crypto.randomUUID();
  for (const [i, q] of quiz.questions.entries()) {
    let chosen = q.correct;
    if (wrong(i)) {
      if (q.type === "discern") chosen = q.options.filter((o) => !q.correct.includes(o.id)).map((o) => o.id);
      else if (q.type === "sort") chosen = q.correct.map((c, k) => (k === 0 ? `${c.split(":")[0]}:${q.categories!.find((p) => p.id !== c.split(":")[1])!.id}` : c));
      else chosen = [q.options.find((o) => !q.correct.includes(o.id))!.id];
    }
    const res = await request.post("/api/progress/answers", {
      data: { id: crypto.randomUUID(), attemptId, locale: "en", courseId, lessonId: `assessment-${slot}`, questionId: q.id, chosen },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
  expect((await request.post("/api/progress/attempts/finish", { data: { attemptId, locale: "en" } })).status()).toBe(200);
}

test("two learners take the starting check on different forms, and the group page shows the counterbalanced gain", async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const lead = await facilitatorWithGroup(baseURL!, "Fran Forms", "Forms");
  const forms: ("a" | "b")[] = [];

  await test.step("two learners, one after the other, meet different forms at the starting check", async () => {
    for (const who of [0, 1]) {
      const learner = await learnerPage(browser, baseURL!, lead.joinCode);
      // The page asks for the arms itself; asking first here tells the test which form to expect.
      const { form, quiz } = await checkFor(learner.request, "pre");
      forms.push(form);
      const other = content.forms[form === "a" ? "b" : "a"]!;
      await learner.goto(`/en/courses/${courseId}/assessment/pre`);
      await expect(learner.getByRole("heading", { level: 1, name: "Before you start: what do you know?" })).toBeVisible();
      await expect(learner.getByRole("group", { name: quiz.questions[0].prompt, exact: true })).toBeVisible();
      await expect(learner.getByRole("group", { name: other.questions[0].prompt, exact: true })).toHaveCount(0);
      if (who === 0) await expectAccessible(learner, "starting check on the learner's form");
      // The attempt is closed by a request the page sends after the last answer: wait for it.
      const finished = learner.waitForResponse((r) => r.url().endsWith("/api/progress/attempts/finish") && r.request().method() === "POST");
      await new QuizPage(learner).answerCheck(quiz, { wrong: quiz.questions.map((_, i) => i).filter((i) => i % 2 === 0) });
      // A starting check ends without a score: it is the baseline.
      await expect(learner.getByRole("heading", { name: "Thank you" })).toBeVisible();
      expect((await finished).status()).toBe(200);
      // The final check is on the other form.
      const post = await checkFor(learner.request, "post");
      expect(post.form).not.toBe(form);
      await takeCheckApi(learner.request, "post", post.quiz, () => false);
      await learner.context().close();
    }
    expect(forms[0]).not.toBe(forms[1]);
  });

  await test.step("the group page shows both orders, and only counts while each has fewer than five", async () => {
    await signInApi(page.request, lead.person);
    await page.goto(`/en/facilitate/${lead.id}`);
    const learning = page.getByRole("region", { name: "Learning" });
    await expect(learning.getByRole("row", { name: /^Form A first, then form B 1\b/ })).toBeVisible();
    await expect(learning.getByRole("row", { name: /^Form B first, then form A 1\b/ })).toBeVisible();
    await expect(learning.getByText(`each half has at least ${MIN_PER_ORDER} learners`)).toBeVisible();
  });

  await test.step("with five learners in each order, the counterbalanced figures show", async () => {
    // Eight more learners join and take both checks through the API; the balanced draw gives four
    // more to each order.
    for (let i = 0; i < 2 * MIN_PER_ORDER - 2; i++) {
      const ctx = await playwrightRequest.newContext({ baseURL });
      const person = newLearner(`Forms learner ${i}`);
      await signUpApi(ctx, person);
      await signInApi(ctx, person);
      expect((await ctx.post("/api/join", { data: { code: lead.joinCode } })).status()).toBe(200);
      const pre = await checkFor(ctx, "pre");
      await takeCheckApi(ctx, "pre", pre.quiz, (k) => k % 3 === 0);
      await takeCheckApi(ctx, "post", (await checkFor(ctx, "post")).quiz, (k) => k === 0);
      await ctx.dispose();
    }
    const gain = (await (await page.request.get(`/api/cohorts/${lead.id}/gain`)).json()) as { orders: { order: string; n: number }[]; balanced: boolean; hidden: boolean };
    expect(gain).toMatchObject({ balanced: true, hidden: false });
    expect(gain.orders.map((o) => o.n)).toEqual([MIN_PER_ORDER, MIN_PER_ORDER]);

    await page.reload();
    const learning = page.getByRole("region", { name: "Learning" });
    await expect(learning.getByRole("row", { name: new RegExp(`^Form A first, then form B ${MIN_PER_ORDER} \\d+%`) })).toBeVisible();
    await expect(learning.getByRole("row", { name: new RegExp(`^Form B first, then form A ${MIN_PER_ORDER} \\d+%`) })).toBeVisible();
    await expect(learning.getByText("Change", { exact: true })).toBeVisible();
    await expect(learning.getByText(/each half counted equally/).first()).toBeVisible();
    await expect(learning.getByText("Likely range of the change", { exact: true })).toBeVisible();
    await expect(learning.getByText("Form B compared with form A", { exact: true })).toBeVisible();
    await expectAccessible(page, "the group's learning section with both orders");
  });
  await lead.ctx.dispose();
});
