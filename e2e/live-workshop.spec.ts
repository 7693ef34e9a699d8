// The live workshop end to end (issue #24), everything through the UI: a facilitator's control
// page, the projector in a second window, and three phones in browser contexts of their own run an
// ad hoc session (a question, a scenario with a vote that follows the majority and one that takes
// the other path and comes back, a discernment round, a phone dropped off the network and back,
// the facilitator moving to another device); then a group session: a member's "I have finished"
// of the starting check, and live answers that count in the group's report once, even resent.
// Only the projector project runs it (playwright.config.ts): the facilitator is on a laptop and the
// phones are contexts of their own, so the phone project would run the same journey again.
import crypto from "node:crypto";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { checkFor, content, expect, newLearner, signInApi, signUpApi, signUpHeaders, test, type Learner } from "./fixtures";

const PHONE = { width: 390, height: 844 };

/** The lesson questions a room may be shown: not a version of a bias-check pair (those go one per learner). */
function roomQuestions(lessonId: string) {
  const quiz = content.quizFor(lessonId);
  const paired = new Set((quiz?.biasPairs ?? []).flatMap((p) => p.versions));
  return (quiz?.questions ?? []).filter((q) => !paired.has(q.id));
}
const singles = content.lessons.flatMap((l) => roomQuestions(l.id).filter((q) => q.type === "single" && q.options.every((o) => o.text)).map((q) => ({ lesson: l.id, q })));
/** Two single-choice questions of different lessons: one for the ad hoc room, one for the group. */
const question = singles[0].q;
const groupQuestion = singles.find((s) => s.lesson !== singles[0].lesson)!;
const right = question.options.find((o) => question.correct.includes(o.id))!;
const wrong = question.options.find((o) => !question.correct.includes(o.id))!;

/** A scenario whose first decision's first choice leads to a second decision (two votes in a row). */
const scenario = content.lessons
  .map((l) => content.lessonScenario(l.id))
  .find((s) => {
    const first = s?.steps[s.start];
    return (first?.choices?.length ?? 0) >= 2 && (s!.steps[first!.choices![0].next]?.choices?.length ?? 0) >= 2;
  })!;
const decision1 = scenario.steps[scenario.start];
const decision2 = scenario.steps[decision1.choices![0].next];

const discernLesson = content.lessons.find((l) => roomQuestions(l.id).some((q) => q.type === "discern"))!;
const discern = roomQuestions(discernLesson.id).find((q) => q.type === "discern")!;

/** Nicknames that appear nowhere in the course's text. */
const NICKNAMES = ["Ottoline W", "Zebedee W", "Marisol W"];

async function signUpFacilitator(request: APIRequestContext, name: string): Promise<Learner> {
  const person = newLearner(name);
  const res = await request.post("/api/account", { headers: signUpHeaders(), data: { email: person.email, password: person.password, displayName: name, role: "facilitator" } });
  expect(res.status(), await res.text()).toBe(201);
  await signInApi(request, person);
  return person;
}

// The control page, as e2e/live-facilitator.spec.ts reads it.
const current = (page: Page) => page.getByRole("region", { name: "On screen now" });
const currentBody = (page: Page) => current(page).locator(".live-ctl-current-body");
const phaseOf = (page: Page) => current(page).locator(".live-ctl-phase");

/** Presses a control once the last one's answer is in (a press while busy is ignored). */
async function press(page: Page, name: RegExp | string) {
  await expect(page.locator(".live-ctl-control")).not.toHaveAttribute("aria-busy", "true");
  await page.getByRole("button", { name }).click();
}

async function addFromCourse(page: Page, label: string) {
  await expect(page.locator(".live-ctl-control")).not.toHaveAttribute("aria-busy", "true");
  await page.getByLabel("Content to add").selectOption({ label });
  await page.getByRole("button", { name: "Add and show" }).click();
  await expect(phaseOf(page)).toHaveText("Answers open");
}

/** A phone in a browser context of its own: joins by the code's page, with a nickname for an ad hoc session. */
async function joinOnPhone(browser: Browser, baseURL: string, code: string, nickname: string) {
  const context = await browser.newContext({ baseURL, viewport: PHONE, isMobile: true, hasTouch: true });
  const phone = await context.newPage();
  await phone.goto(`/en/join/${code}`);
  await phone.getByLabel("Your nickname").fill(nickname);
  await phone.getByRole("button", { name: "Join" }).click();
  await phone.waitForURL(/\/en\/live\/[0-9a-f-]{36}$/);
  await expect(phone.getByRole("heading", { name: "You're in" })).toBeVisible();
  await expect(phone.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  return phone;
}

/** Chooses an option and sends it: "Send answer" for questions and posts, "Vote" in a scenario. */
async function tap(phone: Page, option: string, button = "Send answer") {
  await phone.getByRole("radio", { name: option, exact: true }).check();
  await phone.getByRole("button", { name: button }).click();
  await expect(phone.getByText(/^Answer sent\./)).toBeVisible();
}

test("a facilitator, a projector and three phones run a live workshop through the UI", async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const fay = await signUpFacilitator(page.request, "Fay Workshop");

  await test.step("the facilitator starts an ad hoc session and opens the projector", async () => {
    await page.goto("/en/facilitate");
    const adHoc = page.getByRole("region", { name: "Run an ad hoc session" });
    await adHoc.getByLabel("Workshop plan").selectOption({ label: "No plan" });
    await adHoc.getByRole("button", { name: "Start the session" }).click();
    await page.waitForURL(/\/en\/facilitate\/live\/[0-9a-f-]{36}$/);
  });
  const controls = page.url();
  const code = (await page.locator(".live-ctl-code-value").textContent())!;
  const [projector] = await Promise.all([page.context().waitForEvent("page"), page.getByRole("link", { name: "Open the projector" }).click()]);
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await expect(projector.getByRole("heading", { level: 1, name: "Join on your phone" })).toBeVisible();

  const phones: Page[] = [];
  await test.step("three phones join with nicknames; the projector counts them, the controls too", async () => {
    for (const nickname of NICKNAMES) phones.push(await joinOnPhone(browser, baseURL!, code, nickname));
    await expect(projector.getByText("3 joined", { exact: true })).toBeVisible();
    await expect(page.getByText("People joined: 3")).toBeVisible();
    await expect(projector.getByText(NICKNAMES[0])).toHaveCount(0);
  });
  const [ann, ben, cy] = phones;

  await test.step("a question: phones answer, the projector counts only, the reveal shows the distribution and each phone's feedback", async () => {
    await addFromCourse(page, `Question: ${question.prompt}`);
    await expect(projector.getByRole("heading", { level: 1, name: question.prompt })).toBeVisible();
    for (const phone of phones) await expect(phone.getByText(question.prompt)).toBeVisible();
    await tap(ann, right.text);
    await tap(ben, right.text);
    await tap(cy, wrong.text);
    await expect(projector.getByText("Answered: 3 of 3")).toBeVisible();
    await expect(page.getByText("Answered: 3 of 3")).toBeVisible();
    // Before the reveal the projector has no distribution and no key; the phones no verdict.
    await expect(projector.getByText(/\(\d+%\)/)).toHaveCount(0);
    await expect(projector.getByText("Correct answer")).toHaveCount(0);
    await expect(ann.getByRole("heading", { name: /^How you did/ })).toHaveCount(0);

    await press(page, /^Reveal/);
    await expect(phaseOf(page)).toHaveText("Revealed");
    const optionRow = (text: string) => projector.getByRole("listitem").filter({ has: projector.getByText(text, { exact: true }) });
    await expect(optionRow(right.text).getByText("2 (67%)")).toBeVisible();
    await expect(optionRow(right.text).getByText("Correct answer")).toBeVisible();
    await expect(optionRow(wrong.text).getByText("1 (33%)")).toBeVisible();
    for (const phone of [ann, ben]) {
      await expect(phone.getByRole("heading", { name: "How you did: Correct" })).toBeVisible();
      await expect(phone.getByText(right.feedback)).toBeVisible();
    }
    await expect(cy.getByRole("heading", { name: /^How you did: / })).not.toHaveText(/Correct$/);
    await expect(cy.getByText(wrong.feedback)).toBeVisible();
  });

  const tally = projector.getByRole("region", { name: "How the room voted" });
  const path = projector.getByRole("region", { name: /The path so far|The paths the room took/ });
  await test.step("a scenario, first vote: the tally after the reveal, the story follows the majority", async () => {
    await addFromCourse(page, `Scenario: ${scenario.title}`);
    await expect(projector.getByRole("heading", { level: 1, name: decision1.text })).toBeVisible();
    const [a, b] = decision1.choices!;
    await tap(ann, a.text, "Vote");
    await tap(ben, a.text, "Vote");
    await tap(cy, b.text, "Vote");
    await expect(projector.getByText("Answered: 3 of 3")).toBeVisible();
    await expect(projector.getByText(/people \(\d+%\)/)).toHaveCount(0);
    await press(page, /^Reveal/);
    await expect(tally.getByRole("listitem").filter({ hasText: a.text }).getByText("2 of 3 people (67%)")).toBeVisible();
    await expect(tally.getByRole("listitem").filter({ hasText: b.text }).getByText("1 of 3 people (33%)")).toBeVisible();
    await press(page, /^Follow the majority/);
    await expect(projector.getByRole("heading", { level: 1, name: decision2.text })).toBeVisible();
    await expect(path.getByRole("listitem").filter({ hasText: a.text })).toContainText("the room's choice");
    for (const phone of phones) await expect(phone.getByText(decision2.text)).toBeVisible();
  });

  await test.step("second vote: the room sees the other path, then comes back to the decision", async () => {
    const [a, b] = decision2.choices!;
    await tap(ann, a.text, "Vote");
    await tap(ben, a.text, "Vote");
    await tap(cy, b.text, "Vote");
    await expect(projector.getByText("Answered: 3 of 3")).toBeVisible();
    await press(page, /^Reveal/);
    await expect(tally.getByRole("listitem").filter({ hasText: b.text }).getByText("1 of 3 people (33%)")).toBeVisible();
    await press(page, /^Let's see the other path/);
    const other = scenario.steps[b.next];
    // The other path may be a decision (its text is the heading) or an ending (a title, then the text).
    await expect(projector.getByText(other.text, { exact: true })).toBeVisible();
    await expect(path.getByRole("listitem").filter({ hasText: b.text })).toContainText("other path");
    await expect(current(page).getByText("The room is on the other path.")).toBeVisible();
    for (const phone of phones) await expect(phone.getByText(other.text)).toBeVisible();
    await press(page, /^Back to the decision/);
    await expect(projector.getByRole("heading", { level: 1, name: decision2.text })).toBeVisible();
    await expect(phaseOf(page)).toHaveText("Revealed");
    await expect(tally.getByRole("listitem").filter({ hasText: a.text }).getByText("2 of 3 people (67%)")).toBeVisible();
  });

  await test.step("a discernment round: the room marks a post, the projector shows its hits and false alarms", async () => {
    await addFromCourse(page, `Discernment round: ${discern.prompt}`);
    const post = discern.options[0];
    await expect(projector.getByRole("heading", { level: 1, name: `Post 1 of ${discern.options.length}` })).toBeVisible();
    await expect(projector.getByText(post.text)).toBeVisible();
    const manipulative = discern.correct.includes(post.id);
    await tap(ann, "Uses manipulation");
    await tap(ben, "Uses manipulation");
    await tap(cy, "Genuine");
    await expect(projector.getByText("Answered: 3 of 3")).toBeVisible();
    await expect(projector.getByRole("table")).toHaveCount(0);
    await press(page, /^Reveal/);
    // Columns: hits, misses, false alarms, correct rejections.
    await expect(projector.getByRole("row", { name: /^This post/ }).getByRole("cell")).toHaveText(manipulative ? ["2", "1", "0", "0"] : ["0", "0", "2", "1"]);
    await expect(ann.getByRole("heading", { name: manipulative ? "How you did: Correct" : /^How you did: / })).toBeVisible();
    await expect(ann.getByText(post.feedback)).toBeVisible();
  });

  await test.step("a phone drops off while the facilitator moves on, and comes back on the current step with its nickname and answer", async () => {
    await cy.context().setOffline(true);
    await expect(cy.getByRole("status").filter({ hasText: "Reconnecting…" })).toBeVisible();
    await press(page, /^Next post/);
    await expect(projector.getByRole("heading", { level: 1, name: `Post 2 of ${discern.options.length}` })).toBeVisible();
    await press(page, `Go to: Question: ${question.prompt}`);
    await expect(projector.getByRole("heading", { level: 1, name: question.prompt })).toBeVisible();
    await expect(ann.getByText(question.prompt)).toBeVisible();
    await cy.context().setOffline(false);
    await expect(cy.getByText(question.prompt)).toBeVisible({ timeout: 3000 });
    await expect(cy.getByText(`You are ${NICKNAMES[2]}`)).toBeVisible({ timeout: 3000 });
    await expect(cy.getByRole("radio", { name: wrong.text, exact: true })).toBeChecked({ timeout: 3000 });
    await expect(cy.getByText(/^Answer sent\./)).toBeVisible({ timeout: 3000 });
    await expect(cy.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  });

  const laptop = await browser.newContext({ baseURL, viewport: { width: 1920, height: 1080 } });
  await test.step("the facilitator moves to another device: both control pages, the projector and the phones agree", async () => {
    await signInApi(laptop.request, fay);
    const moved = await laptop.newPage();
    await moved.goto(controls);
    await expect(moved.locator(".live-ctl-code-value")).toHaveText(code);
    await expect(currentBody(moved)).toHaveText((await currentBody(page).textContent())!);
    await press(moved, /^Next step/);
    await expect(currentBody(moved)).toContainText(scenario.title);
    // The first device follows without a reload.
    await expect(currentBody(page)).toContainText(scenario.title);
    await expect(currentBody(page)).toHaveText((await currentBody(moved).textContent())!);
    for (const phone of phones) await expect(phone.getByRole("heading", { name: scenario.title })).toBeVisible();

    await press(moved, "End session");
    await moved.getByRole("button", { name: "Yes, end the session" }).click();
    await expect(moved.getByText("This session has ended.")).toBeVisible();
    await expect(page.getByText("This session has ended.")).toBeVisible();
    await expect(projector.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();
    await expect(projector.getByText("People who took part: 3")).toBeVisible();
    for (const phone of phones) await expect(phone.getByRole("heading", { name: "Thank you for taking part" })).toBeVisible();
  });
  await laptop.close();
  for (const phone of phones) await phone.context().close();
});

test("a group session's live answers count in the group's report once, even after a resend", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  await signUpFacilitator(page.request, "Fay Group Report");
  const groupName = `Live report ${crypto.randomUUID().slice(0, 6)}`;
  const created = await page.request.post("/api/cohorts", { data: { name: groupName, kind: "workshop", locale: "en", trackId: "workshop" } });
  expect(created.status(), await created.text()).toBe(200);
  const { id: cohortId, joinCode } = (await created.json()) as { id: string; joinCode: string };

  // Three members with accounts, joined to the group by its code; the first has taken the starting check.
  const members = await Promise.all(
    ["Ada Member", "Bo Member", "Cas Member"].map(async (name) => {
      const context = await browser.newContext({ baseURL, viewport: PHONE, isMobile: true, hasTouch: true });
      const learner = newLearner(name);
      await signUpApi(context.request, learner);
      await signInApi(context.request, learner);
      const joined = await context.request.post("/api/join", { data: { code: joinCode } });
      expect(joined.ok(), await joined.text()).toBe(true);
      return context;
    }),
  );
  await takeCheck(members[0].request, "pre");

  await test.step("the facilitator starts the group's live session from its page; the members join with their accounts", async () => {
    await page.goto(`/en/facilitate/${cohortId}`);
    await page.getByRole("button", { name: "Start a live session" }).click();
    await page.waitForURL(/\/en\/facilitate\/live\/[0-9a-f-]{36}$/);
  });
  const code = (await page.locator(".live-ctl-code-value").textContent())!;
  const phones = await Promise.all(members.map((m) => m.newPage()));
  for (const phone of phones) {
    await phone.goto(`/en/join/${code}`);
    await phone.getByRole("button", { name: "Join" }).click();
    await phone.waitForURL(/\/en\/live\/[0-9a-f-]{36}$/);
    await expect(phone.getByRole("heading", { name: "You're in" })).toBeVisible();
  }
  await expect(page.getByText("People joined: 3")).toBeVisible();

  await test.step("the starting check: a member who took it says so on the phone, and the controls count it", async () => {
    await addFromCourse(page, "Starting check");
    await expect(phones[0].getByRole("link", { name: "Open the check" })).toBeVisible();
    await phones[0].getByRole("button", { name: "I have finished" }).click();
    await expect(phones[0].getByText(/^Answer sent\./)).toBeVisible();
    await expect(page.getByText("Finished the check: 1 of 3")).toBeVisible();
  });

  const { q } = groupQuestion;
  const key = q.options.find((o) => q.correct.includes(o.id))!;
  const miss = q.options.find((o) => !q.correct.includes(o.id))!;
  let sent: { url: string; body: unknown } | undefined;
  await test.step("a question answered live by the three members, then revealed", async () => {
    await addFromCourse(page, `Question: ${q.prompt}`);
    for (const [i, phone] of phones.entries()) {
      await expect(phone.getByText(q.prompt)).toBeVisible();
      const answer = phone.waitForRequest((r) => r.method() === "POST" && /\/api\/live\/[^/]+\/answers$/.test(r.url()));
      await tap(phone, i < 2 ? key.text : miss.text);
      const request = await answer;
      if (i === 0) sent = { url: request.url(), body: request.postDataJSON() };
    }
    await expect(page.getByText("Answered: 3 of 3")).toBeVisible();
    await press(page, /^Reveal/);
    await expect(phones[0].getByRole("heading", { name: "How you did: Correct" })).toBeVisible();
  });

  await test.step("the same answer sent again with its client id is acknowledged, and stored once", async () => {
    const again = await members[0].request.post(sent!.url, { data: sent!.body });
    expect(again.status(), await again.text()).toBe(200);
    expect(await again.json()).toMatchObject({ stored: true });
    await press(page, "End session");
    await page.getByRole("button", { name: "Yes, end the session" }).click();
    await expect(page.getByText("This session has ended.")).toBeVisible();
  });

  await test.step("the group's report counts the three live answers once", async () => {
    await page.goto(`/en/facilitate/${cohortId}`);
    await page.getByLabel("Show questions from").selectOption({ label: "Lesson quizzes" });
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(escape(q.prompt)) }) });
    await expect(row).toHaveCount(1);
    // Columns after the question: answers, share correct, discrimination, the common mistake.
    await expect(row.getByRole("cell").first()).toHaveText("3");
    await expect(row.getByRole("cell").last()).toContainText(miss.text);
  });
  for (const m of members) await m.close();
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A member takes a check through the API (its own spec drives the UI): every answer right, then finished. */
async function takeCheck(request: APIRequestContext, slot: "pre" | "post") {
  const { quiz } = await checkFor(request, slot);
  const attemptId = crypto.randomUUID();
  for (const q of quiz.questions) {
    const res = await request.post("/api/progress/answers", { data: { id: crypto.randomUUID(), attemptId, locale: "en", courseId: content.course.id, lessonId: `assessment-${slot}`, questionId: q.id, chosen: q.correct } });
    expect(res.status(), await res.text()).toBe(200);
  }
  const finished = await request.post("/api/progress/attempts/finish", { data: { attemptId, locale: "en" } });
  expect(finished.status(), await finished.text()).toBe(200);
}
