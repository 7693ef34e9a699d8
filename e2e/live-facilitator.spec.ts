// The facilitator's side of a live session (issue #24): start an ad hoc session from /facilitate,
// build and pace its running order with buttons and with the keyboard alone, run a group's plan
// live from the group's page, move to another device mid-session (a stale control is refused and
// the screen says so), and nobody else reaches the controls. Phones and the projector have their
// own specs.
import crypto from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { content, expect, expectAccessibleInBothThemes, newLearner, signInApi, signUpHeaders, test, type Learner } from "./fixtures";

const SIZES = [
  { width: 390, height: 844 },
  { width: 1920, height: 1080 },
];

/** Two plain questions of the first lesson (no versions of a bias-check pair, no discern rounds). */
const firstLesson = content.lessons[0];
const firstQuiz = content.quizFor(firstLesson.id)!;
const paired = new Set((firstQuiz.biasPairs ?? []).flatMap((p) => p.versions));
const [q1, q2] = firstQuiz.questions.filter((q) => q.type !== "discern" && !paired.has(q.id));
const storyLesson = content.lessons.find((l) => content.lessonScenario(l.id))!;
const story = content.lessonScenario(storyLesson.id)!;

const questionLabel = (prompt: string) => `Question: ${prompt}`;
const storyLabel = `Scenario: ${story.title}`;

async function facilitator(request: APIRequestContext, name: string): Promise<Learner> {
  const person = newLearner(name);
  const res = await request.post("/api/account", { headers: signUpHeaders(), data: { email: person.email, password: person.password, displayName: name, role: "facilitator" } });
  expect(res.status(), await res.text()).toBe(201);
  await signInApi(request, person);
  return person;
}

/** The current step's card. */
const current = (page: Page) => page.getByRole("region", { name: "On screen now" });
const order = (page: Page) => page.getByRole("region", { name: "Running order" });

async function expectPhase(page: Page, phase: string) {
  await expect(current(page).locator(".live-ctl-phase")).toHaveText(phase);
}

/** The last control's answer is in: the buttons are no longer marked busy (a key pressed while busy is ignored). */
async function settled(page: Page) {
  await expect(page.locator(".live-ctl-control")).not.toHaveAttribute("aria-busy", "true");
}

async function addFromCourse(page: Page, label: string) {
  await settled(page);
  await page.getByLabel("Content to add").selectOption({ label });
  await page.getByRole("button", { name: "Add and show" }).click();
  await expect(order(page).locator('[aria-current="step"]')).toContainText(label.replace(/^[^:]+: /, ""));
}

async function axeAtBothSizes(page: Page, what: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await expectAccessibleInBothThemes(page, `${what} at ${size.width}x${size.height}`);
  }
}

test("a facilitator runs an ad hoc session from /facilitate with buttons and the keyboard alone", async ({ page }) => {
  test.setTimeout(180_000);
  await facilitator(page.request, "Ada Adhoc");

  await test.step("start an ad hoc session from /facilitate, without a plan", async () => {
    await page.goto("/en/facilitate");
    const adHoc = page.getByRole("region", { name: "Run an ad hoc session" });
    await expect(adHoc.getByLabel("Course")).toHaveValue(content.course.id);
    await adHoc.getByLabel("Workshop plan").selectOption({ label: "No plan" });
    await adHoc.getByRole("button", { name: "Start the session" }).click();
    await page.waitForURL(/\/en\/facilitate\/live\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: "Live session controls" })).toBeVisible();
  });

  const sessionId = page.url().split("/").pop()!;
  await test.step("the lobby: join code, projector link, nobody yet, nothing to start", async () => {
    await expect(page.locator(".live-ctl-code-value")).toHaveText(/^[A-Z0-9]{8}$/);
    const projector = page.getByRole("link", { name: "Open the projector" });
    await expect(projector).toHaveAttribute("href", `/en/facilitate/live/${sessionId}/projector`);
    await expect(projector).toHaveAttribute("target", "_blank");
    await expect(page.getByText("People joined: 0")).toBeVisible();
    await expectPhase(page, "Lobby");
    await expect(page.getByText("The running order has only the lobby.")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Start/ })).toHaveCount(0);
    await axeAtBothSizes(page, "live controls, lobby");
  });

  await test.step("names on the projector: on with a click, off again with the keyboard", async () => {
    const names = page.getByRole("button", { name: "Show names on the projector" });
    await expect(names).toHaveAttribute("aria-pressed", "false");
    await names.click();
    await expect(names).toHaveAttribute("aria-pressed", "true");
    await settled(page);
    await names.focus();
    await page.keyboard.press("Enter");
    await expect(names).toHaveAttribute("aria-pressed", "false");
  });

  await test.step("add two questions and a scenario from the course", async () => {
    await addFromCourse(page, questionLabel(q1.prompt));
    await expectPhase(page, "Answers open");
    await expect(current(page).getByText(q1.prompt)).toBeVisible();
    // The key is on the facilitator's screen before the reveal (never on the projector's).
    await expect(current(page).getByText("Correct", { exact: true }).first()).toBeVisible();
    await addFromCourse(page, questionLabel(q2.prompt));
    await addFromCourse(page, storyLabel);
    await expect(order(page).getByRole("listitem")).toHaveCount(4);
  });

  await test.step("back to the lobby, move the scenario up, skip the first question", async () => {
    await settled(page);
    await page.getByRole("button", { name: "Go to: Lobby" }).click();
    await expectPhase(page, "Lobby");
    const moveUp = page.getByRole("button", { name: `Move up: ${storyLabel}` });
    await settled(page);
    await moveUp.click();
    await expect(order(page).getByRole("listitem").nth(2)).toContainText(story.title);
    // Focus follows the moved step, so the keyboard can keep moving it.
    await expect(moveUp).toBeFocused();
    await settled(page);
    await page.getByRole("button", { name: `Skip: ${questionLabel(q1.prompt)}` }).click();
    await expect(order(page).getByRole("listitem").nth(1)).toContainText("Skipped");
    await expect(page.getByRole("button", { name: `Unskip: ${questionLabel(q1.prompt)}` })).toBeVisible();
  });

  await test.step("start with a button: the skipped question is passed over", async () => {
    await settled(page);
    await page.getByRole("button", { name: /^Start/ }).click();
    await expectPhase(page, "Answers open");
    await expect(current(page).getByText(story.title)).toBeVisible();
  });

  await test.step("keyboard only: shortcuts do nothing in a field, R reveals, Enter on a focused button follows", async () => {
    await page.getByLabel("Content to add").focus();
    await page.keyboard.press("n");
    await page.keyboard.press("Tab");
    await settled(page);
    await page.keyboard.press("r");
    await expectPhase(page, "Revealed");
    // Still the scenario: the N typed in the select never reached the controls.
    await expect(current(page).getByText(story.title)).toBeVisible();
    await settled(page);
    await page.getByRole("button", { name: /^Follow the majority/ }).focus();
    await page.keyboard.press("Enter");
    await expect(current(page).getByText("The room's path so far")).toBeVisible();
    await settled(page);
    await page.keyboard.press("n");
    await expect(current(page).getByText(q2.prompt)).toBeVisible();
    await expectPhase(page, "Answers open");
    await settled(page);
    await page.keyboard.press("r");
    await expectPhase(page, "Revealed");
    await expect(page.getByText("This is the last step.")).toBeVisible();
    await axeAtBothSizes(page, "live controls, a revealed question");
  });

  await test.step("end the session, after confirming", async () => {
    await settled(page);
    await page.getByRole("button", { name: "End session" }).click();
    await expect(page.getByText("End the session for everyone?")).toBeVisible();
    await page.getByRole("button", { name: "Keep going" }).click();
    await page.getByRole("button", { name: "End session" }).click();
    await page.getByRole("button", { name: "Yes, end the session" }).click();
    await expect(page.getByText("This session has ended.")).toBeVisible();
    await expectPhase(page, "Ended");
    await page.goto("/en/facilitate");
    await expect(page.getByRole("heading", { name: "Your running live sessions" })).toHaveCount(0);
  });
});

test("a group's plan runs live from the group's page, moves to another device, and no one else gets in", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const fay = await facilitator(page.request, "Fay Group");
  const groupName = `Live hall ${crypto.randomUUID().slice(0, 6)}`;
  const created = await page.request.post("/api/cohorts", { data: { name: groupName, kind: "workshop", locale: "en", trackId: "workshop" } });
  expect(created.status(), await created.text()).toBe(200);
  const { id: cohortId } = (await created.json()) as { id: string };

  await test.step("run the plan live from the group's page", async () => {
    await page.goto(`/en/facilitate/${cohortId}`);
    await page.getByRole("button", { name: "Run the plan live" }).click();
    await page.waitForURL(/\/en\/facilitate\/live\/[0-9a-f-]{36}$/);
    // The plan's steps are the running order, each with its part's minutes.
    expect(await order(page).getByRole("listitem").count()).toBeGreaterThan(3);
    await expect(order(page).getByText(/\d+ minutes/).first()).toBeVisible();
    await page.getByRole("button", { name: /^Start/ }).click();
    await expect(current(page).getByRole("heading", { name: /^From the plan: / })).toBeVisible();
    await expect(current(page).getByRole("heading", { name: "What to say and do" })).toBeVisible();
  });
  const controls = page.url();

  // The same account on a second device (a phone), with the session listed on /facilitate.
  const other = await browser.newContext({ baseURL });
  const phone = await other.newPage();
  await signInApi(phone.request, fay);
  await test.step("the second device finds the session on /facilitate and controls it", async () => {
    await phone.goto("/en/facilitate");
    const running = phone.getByRole("region", { name: "Your running live sessions" });
    await running.getByRole("link", { name: new RegExp(groupName) }).click();
    await phone.waitForURL(controls);
    await expect(phone.locator(".live-ctl-code-value")).toHaveText((await page.locator(".live-ctl-code-value").textContent())!);
    const before = (await current(page).locator(".live-ctl-current-body").textContent())!;
    await phone.getByRole("button", { name: /^Next step/ }).click();
    await expect(current(phone).locator(".live-ctl-current-body")).not.toHaveText(before);
    // The first device follows without a reload.
    await expect(current(page).locator(".live-ctl-current-body")).not.toHaveText(before);
    await expect(current(page).locator(".live-ctl-current-body")).toHaveText((await current(phone).locator(".live-ctl-current-body").textContent())!);
  });

  await test.step("a control pressed on a stale view is refused, and the screen reloads and says so", async () => {
    // The laptop stops hearing the session (its stream is cut), then the phone moves on.
    await page.route(/\/events\?/, (route) => route.abort());
    await page.reload();
    const onLaptop = (await current(page).locator(".live-ctl-current-body").textContent())!;
    await phone.getByRole("button", { name: /^Next step/ }).click();
    const onPhone = current(phone).locator(".live-ctl-current-body");
    await expect(onPhone).not.toHaveText(onLaptop);
    await page.getByRole("button", { name: "Show names on the projector" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("The session changed on another screen");
    await expect(current(page).locator(".live-ctl-current-body")).toHaveText((await onPhone.textContent())!);
    await expect(page.getByRole("button", { name: "Show names on the projector" })).toHaveAttribute("aria-pressed", "false");
    await page.unroute(/\/events\?/);
  });

  await test.step("a stranger, another facilitator or a learner, gets the 404 page", async () => {
    for (const role of ["facilitator", "learner"] as const) {
      const ctx = await browser.newContext({ baseURL });
      const stranger = newLearner(`Stranger ${role}`);
      const res = await ctx.request.post("/api/account", {
        headers: signUpHeaders(),
        data: { email: stranger.email, password: stranger.password, displayName: stranger.name, ...(role === "facilitator" ? { role } : {}) },
      });
      expect(res.status(), await res.text()).toBe(201);
      await signInApi(ctx.request, stranger);
      const strangerPage = await ctx.newPage();
      const response = await strangerPage.goto(controls);
      expect(response?.status()).toBe(404);
      await expect(strangerPage.getByText("This live session does not exist, or you do not run it.")).toBeVisible();
      await expect(strangerPage.getByText(groupName)).toHaveCount(0);
      await ctx.close();
    }
  });
  await other.close();
});
