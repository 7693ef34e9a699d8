// A live session on a phone (issue #24): a facilitator creates an ad hoc session and paces it
// through the API; a phone joins by code with a nickname through the UI and follows every step
// without navigating: the lobby, a question (answer, "sent", its own feedback after the reveal), a
// scenario vote, a discernment mark; it drops off the network while the facilitator moves, and on
// its return shows the step on screen with its nickname and its earlier answer kept.
import type { APIRequestContext, Page } from "@playwright/test";
import { content, expect, expectAccessibleInBothThemes, newLearner, signInApi, signUpApi, signUpHeaders, test } from "./fixtures";

const PHONE = { width: 390, height: 844 };

/** The lesson questions a room may be shown: not a version of a bias-check pair (those go one per learner). */
function roomQuestions(lessonId: string) {
  const quiz = content.quizFor(lessonId);
  const paired = new Set((quiz?.biasPairs ?? []).flatMap((p) => p.versions));
  return (quiz?.questions ?? []).filter((q) => !paired.has(q.id));
}

const choiceLesson = content.lessons.find((l) => roomQuestions(l.id).filter((q) => q.type === "single").length >= 2)!;
const [first, second] = roomQuestions(choiceLesson.id).filter((q) => q.type === "single");
const scenarioLesson = content.lessons.find((l) => content.lessonScenario(l.id)?.steps[content.lessonScenario(l.id)!.start]?.choices?.length)!;
const scenario = content.lessonScenario(scenarioLesson.id)!;
const discernLesson = content.lessons.find((l) => roomQuestions(l.id).some((q) => q.type === "discern"))!;
const discern = roomQuestions(discernLesson.id).find((q) => q.type === "discern")!;

async function facilitatorApi(request: APIRequestContext) {
  const person = newLearner("Fay Live");
  const res = await request.post("/api/account", { headers: signUpHeaders(), data: { email: person.email, password: person.password, displayName: person.name, role: "facilitator" } });
  expect(res.status(), await res.text()).toBe(201);
  await signInApi(request, person);
}

async function control(request: APIRequestContext, sessionId: string, action: Record<string, unknown>): Promise<number> {
  const res = await request.post(`/api/live/${sessionId}/control`, { data: action });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { seq: number }).seq;
}

const optionLabel = (phone: Page, text: string) => phone.getByRole("radio", { name: text, exact: true });

test("a phone joins a live session with a nickname and follows the facilitator, offline and back", async ({ page, browser, baseURL }) => {
  await facilitatorApi(page.request);
  const created = await page.request.post("/api/live", { data: { locale: "en", courseId: content.course.id } });
  expect(created.status(), await created.text()).toBe(200);
  const { id: sessionId, code } = (await created.json()) as { id: string; code: string };

  const context = await browser.newContext({ baseURL, viewport: PHONE, isMobile: true, hasTouch: true });
  const phone = await context.newPage();

  await test.step("a wrong code says so and keeps what was typed", async () => {
    await phone.goto("/en/join/ZZZZ2222");
    await expect(phone.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(phone.getByLabel(/code/i)).toHaveValue("ZZZZ 2222");
  });

  await test.step("join by code with a nickname: the lobby", async () => {
    await phone.goto(`/en/join/${code}`);
    await expect(phone.getByRole("heading", { name: "Join the live session" })).toBeVisible();
    await phone.getByRole("button", { name: "Join" }).click();
    await expect(phone.getByText("Choose a nickname to join.").first()).toBeVisible();
    await phone.getByLabel("Your nickname").fill("Sam");
    await phone.getByRole("button", { name: "Join" }).click();
    await phone.waitForURL(`**/en/live/${sessionId}`);
    await expect(phone.getByRole("heading", { name: "You're in" })).toBeVisible();
    await expect(phone.getByText("You are Sam")).toBeVisible();
    await expect(phone.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
    await expectAccessibleInBothThemes(phone, "live phone lobby");
  });

  await test.step("a question appears without navigating; the answer is sent, then its own feedback after the reveal", async () => {
    await control(page.request, sessionId, { type: "add", step: { kind: "question", lesson: choiceLesson.id, question: first.id } });
    await expect(phone.getByRole("heading", { name: "Question" })).toBeVisible();
    await expect(phone.getByRole("heading", { name: "Question" })).toBeFocused();
    await expect(phone.getByText(first.prompt)).toBeVisible();
    await expectAccessibleInBothThemes(phone, "live phone question");
    const right = first.options.find((o) => first.correct.includes(o.id))!;
    await optionLabel(phone, right.text).check();
    await phone.getByRole("button", { name: "Send answer" }).click();
    await expect(phone.getByText(/^Answer sent\./)).toBeVisible();
    await expect(optionLabel(phone, right.text)).toBeDisabled();
    await control(page.request, sessionId, { type: "reveal" });
    await expect(phone.getByRole("heading", { name: "How you did: Correct" })).toBeVisible();
    await expect(phone.getByText(right.feedback)).toBeVisible();
    await expectAccessibleInBothThemes(phone, "live phone result");
  });

  await test.step("a scenario's decision: the phone votes", async () => {
    await control(page.request, sessionId, { type: "add", step: { kind: "scenario", lesson: scenarioLesson.id, scenario: scenario.id } });
    const node = scenario.steps[scenario.start];
    await expect(phone.getByRole("heading", { name: scenario.title })).toBeVisible();
    await expect(phone.getByText(node.text)).toBeVisible();
    await optionLabel(phone, node.choices![0].text).check();
    await phone.getByRole("button", { name: "Vote" }).click();
    await expect(phone.getByText(/^Answer sent\./)).toBeVisible();
    await expectAccessibleInBothThemes(phone, "live phone scenario");
  });

  await test.step("a discernment post: the phone marks it, and sees its own verdict after the reveal", async () => {
    await control(page.request, sessionId, { type: "add", step: { kind: "discernment", lesson: discernLesson.id, question: discern.id } });
    await expect(phone.getByRole("heading", { name: `Invented post 1 of ${discern.options.length}` })).toBeVisible();
    const post = discern.options[0];
    await expect(phone.getByText(post.text)).toBeVisible();
    const manipulative = discern.correct.includes(post.id);
    await optionLabel(phone, manipulative ? "Uses manipulation" : "Genuine").check();
    await phone.getByRole("button", { name: "Send answer" }).click();
    await expect(phone.getByText(/^Answer sent\./)).toBeVisible();
    await expectAccessibleInBothThemes(phone, "live phone discernment");
    await control(page.request, sessionId, { type: "reveal" });
    await expect(phone.getByRole("heading", { name: "How you did: Correct" })).toBeVisible();
    await expect(phone.getByText(post.feedback)).toBeVisible();
  });

  await test.step("offline while the facilitator moves on: back online, the step on screen, the nickname, the earlier answer kept", async () => {
    await context.setOffline(true);
    await expect(phone.getByRole("status").filter({ hasText: "Reconnecting…" })).toBeVisible();
    // The facilitator goes to a new question, then back to the first one, which this phone answered.
    await control(page.request, sessionId, { type: "add", step: { kind: "question", lesson: choiceLesson.id, question: second.id } });
    const order = ((await (await page.request.get(`/api/live/${sessionId}/state?view=facilitator`)).json()) as { order: { key: string; kind: string; label: string }[] }).order;
    const back = order.find((s) => s.kind === "question" && s.label === first.prompt)!.key;
    await control(page.request, sessionId, { type: "goto", key: back });
    await context.setOffline(false);
    await expect(phone.getByText(first.prompt)).toBeVisible({ timeout: 3000 });
    await expect(phone.getByText("You are Sam")).toBeVisible({ timeout: 3000 });
    const right = first.options.find((o) => first.correct.includes(o.id))!;
    await expect(optionLabel(phone, right.text)).toBeChecked({ timeout: 3000 });
    await expect(phone.getByText(/^Answer sent\./)).toBeVisible({ timeout: 3000 });
    await expect(phone.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  });

  await test.step("the end: thanks and a way on to the course", async () => {
    await control(page.request, sessionId, { type: "end" });
    await expect(phone.getByRole("heading", { name: "Thank you for taking part" })).toBeVisible();
    await expect(phone.getByRole("link", { name: "Go to the course" })).toHaveAttribute("href", `/en/courses/${content.course.id}`);
  });

  await test.step("someone who has not joined gets the not-found page", async () => {
    const stranger = await browser.newContext({ baseURL });
    const res = await (await stranger.newPage()).goto(`/en/live/${sessionId}`);
    expect(res?.status()).toBe(404);
    await stranger.close();
  });
  await context.close();
});

test("a group's member joins its live session with their account, signing in first", async ({ page, browser, baseURL }) => {
  await facilitatorApi(page.request);
  const cohort = await page.request.post("/api/cohorts", { data: { name: "Live hall", kind: "workshop", locale: "en", trackId: "workshop" } });
  expect(cohort.ok(), await cohort.text()).toBe(true);
  const { id: cohortId, joinCode } = (await cohort.json()) as { id: string; joinCode: string };
  const created = await page.request.post("/api/live", { data: { cohortId } });
  expect(created.status(), await created.text()).toBe(200);
  const { id: sessionId, code } = (await created.json()) as { id: string; code: string };

  const context = await browser.newContext({ baseURL, viewport: PHONE, isMobile: true, hasTouch: true });
  const learner = newLearner("Ari Member");
  await signUpApi(context.request, learner);
  await signInApi(context.request, learner);
  expect((await context.request.post("/api/join", { data: { code: joinCode } })).ok()).toBe(true);
  const phone = await context.newPage();

  await test.step("signed out: sign in first, then back to the join page", async () => {
    const anonymous = await browser.newContext({ baseURL, viewport: PHONE });
    const visitor = await anonymous.newPage();
    await visitor.goto(`/en/join/${code}`);
    await expect(visitor.getByRole("heading", { name: "Join the live session" })).toBeVisible();
    await expect(visitor.getByRole("link", { name: "Sign in to join" })).toHaveAttribute("href", `/en/sign-in?next=${encodeURIComponent(`/en/join/${code}`)}`);
    await expect(visitor.getByLabel("Your nickname")).toHaveCount(0);
    await expectAccessibleInBothThemes(visitor, "live join, group session, signed out");
    await anonymous.close();
  });

  await test.step("signed in: one button, then the phone view", async () => {
    await phone.goto(`/en/join/${code}`);
    await expect(phone.getByText(/You are\s+Ari Member/)).toBeVisible();
    await expectAccessibleInBothThemes(phone, "live join, group session, signed in");
    await phone.getByRole("button", { name: "Join" }).click();
    await phone.waitForURL(`**/en/live/${sessionId}`);
    await expect(phone.getByRole("heading", { name: "You're in" })).toBeVisible();
  });

  await test.step("the facilitator ends it: an ended code says so, the code kept in the field", async () => {
    await control(page.request, sessionId, { type: "end" });
    await expect(phone.getByRole("heading", { name: "Thank you for taking part" })).toBeVisible();
    await phone.goto(`/en/join/${code}`);
    await expect(phone.getByRole("heading", { name: "This live session has ended" })).toBeVisible();
    await expect(phone.locator("main").getByRole("textbox")).toHaveValue(`${code.slice(0, 4)} ${code.slice(4)}`);
  });
  await context.close();
});
