// "Your views": learners in a group rate statements after a check; the page randomises the
// ratings before sending them (local differential privacy) and names the mechanism, and a request
// without it is refused with "reload". The facilitator sees estimates with their likely ranges
// only once five people have answered, never counts and never anyone's own answers. A learner in
// no group is not asked, and skipping is one click.
import crypto from "node:crypto";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { loadContent } from "../lib/content/load";
import { checkFor, content, expect, expectAccessible, facilitatorWithGroup, newLearner, signInApi, signUpApi, signedInContext, test } from "./fixtures";
import { QuizPage } from "./pages/quiz-page";

const courseId = content.course.id;
const statements = loadContent(path.join(__dirname, "..", "content")).content.find((c) => c.locale === "en")!.attitudes.get(courseId)!.items;
const [first] = statements;

/** A learner with an account, signed in through the API, optionally in the group. */
async function learnerApi(baseURL: string, joinCode?: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const person = newLearner("Viewer");
  await signUpApi(ctx, person);
  await signInApi(ctx, person);
  if (joinCode) expect((await ctx.post("/api/join", { data: { code: joinCode } })).status()).toBe(200);
  return ctx;
}

const views = (form: "pre" | "post", value: (itemId: string) => number) => ({
  courseId,
  form,
  mechanism: "krr-5-ln3",
  submissionId: crypto.randomUUID(),
  answers: statements.map((s) => ({ itemId: s.id, value: value(s.id) })),
});

/** A signed-in learner's browser page, in the group when a code is given. */
async function learnerPage(browser: Browser, baseURL: string, joinCode?: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: test.info().project.use.viewport, isMobile: test.info().project.use.isMobile, hasTouch: test.info().project.use.hasTouch });
  await signedInContext(context, baseURL);
  if (joinCode) expect((await context.request.post("/api/join", { data: { code: joinCode } })).status()).toBe(200);
  return context.newPage();
}

/** Takes a check through the UI (on the learner's own form) and waits until the server has said whether views are asked. */
async function takeCheck(page: Page, form: "pre" | "post") {
  const { quiz } = await checkFor(page.request, form);
  await page.goto(`/en/courses/${courseId}/assessment/${form}`);
  const asked = page.waitForResponse((r) => r.url().includes("/api/attitudes?") && r.request().method() === "GET");
  await new QuizPage(page).answerCheck(quiz);
  // The starting check ends with no score ("Thank you"); the final check with the learner's result.
  await expect(page.getByRole("heading", { name: form === "pre" ? "Thank you" : "Your result" })).toBeVisible();
  return (await (await asked).json()) as { eligible: boolean; answered: boolean };
}

test("five learners share their views: hidden with four, estimates with five, nothing per person", async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const lead = await facilitatorWithGroup(baseURL!, "Fay Facilitator", "Views");
  await signInApi(page.request, lead.person);

  await test.step("a learner in the group shares views after the starting check, on the page", async () => {
    const learner = await learnerPage(browser, baseURL!, lead.joinCode);
    expect(await takeCheck(learner, "pre")).toEqual({ eligible: true, answered: false });
    const section = learner.getByRole("region", { name: "Your views (optional)" });
    await expect(section.getByText("before sending, your device changes some of your answers at random")).toBeVisible();
    await expectAccessible(learner, "starting check result with 'Your views'");
    // Sending nothing is refused with a message, not sent.
    await section.getByRole("button", { name: "Share my views" }).click();
    await expect(section.getByRole("alert")).toHaveText("Choose an answer for at least one statement, or skip the questions.");
    for (const s of statements) {
      const group = section.getByRole("group", { name: s.statement, exact: true });
      // Keyboard: focus "Strongly disagree", then arrow keys move along the scale to "Agree".
      await group.getByRole("radio", { name: "Strongly disagree", exact: true }).focus();
      for (let i = 0; i < 3; i++) await learner.keyboard.press("ArrowRight");
      await expect(group.getByRole("radio", { name: "Agree", exact: true })).toBeChecked();
    }
    const sent = learner.waitForRequest((r) => r.url().endsWith("/api/attitudes") && r.method() === "POST");
    await section.getByRole("button", { name: "Share my views" }).click();
    // The page sends the mechanism's name and one rating per statement (randomised: any of 1..5).
    const body = (await sent).postDataJSON() as ReturnType<typeof views>;
    expect(body.mechanism).toBe("krr-5-ln3");
    expect(body.answers.map((a) => a.itemId)).toEqual(statements.map((s) => s.id));
    for (const a of body.answers) expect([1, 2, 3, 4, 5]).toContain(a.value);
    await expect(learner.getByRole("status").filter({ hasText: "Thank you. Your views are counted in your group’s estimates, without your name." })).toBeFocused();
    await expectAccessible(learner, "after sharing views");
    await learner.context().close();
  });

  // Three more through the API: four people so far.
  const others = await Promise.all([1, 2, 3, 4].map(() => learnerApi(baseURL!, lead.joinCode)));
  // A page from before randomisation sends no mechanism: refused, with "reload", and not stored.
  const { mechanism: _, ...unnamed } = views("pre", () => 3);
  const outdated = await others[0].post("/api/attitudes", { data: unnamed });
  expect(outdated.status()).toBe(400);
  expect((await outdated.json()).error).toContain("out of date: reload");
  for (const ctx of others.slice(0, 3)) {
    const res = await ctx.post("/api/attitudes", { data: views("pre", (id) => (id === first.id ? 5 : 3)) });
    expect(res.status(), await res.text()).toBe(200);
  }
  // Once per check: a second submission is refused, and says why.
  const again = await others[0].post("/api/attitudes", { data: views("pre", () => 1) });
  expect(again.status()).toBe(409);
  expect((await again.json()).error).toContain("already shared your views");

  await test.step("with four answers the facilitator sees that estimates are hidden, and no count", async () => {
    const api = await (await page.request.get(`/api/cohorts/${lead.id}/attitudes`)).json();
    expect(api.items).toHaveLength(statements.length);
    for (const item of api.items) expect(item).toMatchObject({ pre: { hidden: true }, post: { hidden: true } });
    expect(JSON.stringify(api)).not.toMatch(/"n":/);

    await page.goto(`/en/facilitate/${lead.id}`);
    const report = page.getByRole("region", { name: "Attitudes (anonymous)" });
    await expect(report.getByRole("heading", { level: 3 })).toHaveCount(statements.length);
    await expect(report.getByText("Hidden until 5 people have answered")).toHaveCount(statements.length);
    await expect(report.getByRole("table")).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Attitudes" })).toHaveAttribute("href", "#attitudes");
    await expectAccessible(page, "group page, attitudes hidden");
  });

  await test.step("the fifth answer shows estimates with likely ranges, as text, and says they are rough", async () => {
    expect((await others[3].post("/api/attitudes", { data: views("pre", (id) => (id === first.id ? 5 : 3)) })).status()).toBe(200);
    // No reload: the section refreshes with the page's other reports, every 10 seconds.
    const report = page.getByRole("region", { name: "Attitudes (anonymous)" });
    await expect(report.getByRole("table", { name: first.statement })).toBeVisible({ timeout: 25_000 });
    await expect(report.getByText("known to within ±15 percentage points only from about 523 answers")).toBeVisible();
    const table = report.getByRole("table", { name: first.statement });
    await expect(table.getByRole("row", { name: /^Agree or strongly agree/ }).getByRole("cell").first()).toHaveText(/^\d+% \(likely \d+% to \d+%\)Rough: within ±15 points needs about 523 answers\.$/);
    await expect(table.getByRole("row", { name: /^Agree or strongly agree/ }).getByRole("cell").nth(1)).toHaveText("Hidden");
    await expect(table.getByRole("row", { name: /^Average/ }).getByRole("cell").first()).toHaveText(/^\d\.\d \(likely \d\.\d to \d\.\d\)$/);
    await expect(table.getByRole("row", { name: /^Answers/ }).getByRole("cell")).toHaveText(["5", "Hidden until 5 people have answered"]);
    // No change is claimed from one check; no learner's name appears in the section.
    await expect(report.getByText("Change in agreeing")).toHaveCount(0);
    await expect(report.getByText("Viewer")).toHaveCount(0);
    await expectAccessible(page, "group page, attitudes shown");
    const api = await (await page.request.get(`/api/cohorts/${lead.id}/attitudes`)).json();
    expect(api).toMatchObject({ mechanism: "krr-5-ln3", answersNeeded: 523, usefulHalfWidth: 0.15 });
    expect(api.items[0].pre).toMatchObject({ hidden: false, n: 5, rough: true, agree: { estimate: expect.any(Number), low: expect.any(Number), high: expect.any(Number) } });
    expect(JSON.stringify(api)).not.toContain("counts");
  });

  await test.step("nobody else reads the estimates", async () => {
    const stranger = (await facilitatorWithGroup(baseURL!, "Fay Facilitator", "Views")).ctx;
    const anon = await playwrightRequest.newContext({ baseURL });
    expect((await stranger.get(`/api/cohorts/${lead.id}/attitudes`)).status()).toBe(404);
    expect([403, 404]).toContain((await others[0].get(`/api/cohorts/${lead.id}/attitudes`)).status());
    expect((await anon.get(`/api/cohorts/${lead.id}/attitudes`)).status()).toBe(401);
    expect((await anon.post("/api/attitudes", { data: views("pre", () => 3) })).status()).toBe(401);
    expect((await lead.ctx.get(`/api/cohorts/${lead.id}/attitudes`)).status()).toBe(200);
    for (const c of [stranger, anon, lead.ctx, ...others]) await c.dispose();
  });
});

test("skipping is one click and stores nothing; a learner in no group is not asked", async ({ browser, baseURL }) => {
  // Several browsers and sign-ups: room for a slow machine, as in the test above (speed is bench/'s).
  test.setTimeout(240_000);
  const lead = await facilitatorWithGroup(baseURL!, "Fay Facilitator", "Views");

  await test.step("in a group: the final check offers the statements; one click skips them", async () => {
    const learner = await learnerPage(browser, baseURL!, lead.joinCode);
    await takeCheck(learner, "post");
    const section = learner.getByRole("region", { name: "Your views (optional)" });
    await expect(section.getByRole("group")).toHaveCount(statements.length);
    await section.getByRole("button", { name: "Skip these questions" }).click();
    await expect(learner.getByRole("status").filter({ hasText: "You skipped the questions about your views." })).toBeFocused();
    await expect(learner.getByRole("region", { name: "Your views (optional)" })).toHaveCount(0);
    const status = await (await learner.request.get(`/api/attitudes?courseId=${courseId}&form=post`)).json();
    expect(status).toEqual({ eligible: true, answered: false });
    expect((await (await lead.ctx.get(`/api/cohorts/${lead.id}/attitudes`)).json()).items[0].post).toEqual({ hidden: true });
    await learner.context().close();
  });

  await test.step("in no group: the check ends without the statements", async () => {
    const learner = await learnerPage(browser, baseURL!);
    expect(await takeCheck(learner, "pre")).toEqual({ eligible: false, answered: false });
    await expect(learner.getByRole("region", { name: "Your views (optional)" })).toHaveCount(0);
    await expect(learner.getByText("your device changes some of your answers at random")).toHaveCount(0);
    // The API refuses too: there is no group for the answers to count in.
    const res = await learner.request.post("/api/attitudes", { data: views("pre", () => 3) });
    expect(res.status()).toBe(403);
    await learner.context().close();
  });
  await lead.ctx.dispose();
});
