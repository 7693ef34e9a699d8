// A facilitator runs a group from the UI: creates it, two learners join on their phones (one with
// an account, one with a nickname only), answers arrive in the live grid and the item analysis,
// the CSV is safe to open in a spreadsheet, and nobody else can reach the group.
import crypto from "node:crypto";
import fs from "node:fs";
import { devices, type APIRequestContext } from "@playwright/test";
import { content, expect, expectAccessible, expectAccessibleInBothThemes, newLearner, signInApi, signUpApi, test, type Learner, signUpHeaders } from "./fixtures";

const lesson = content.lessons[0];
const quiz = content.quizFor(lesson.id)!;
/** A question whose wrong answer is one option, so the misconception shown is predictable. */
const wrongIndex = quiz.questions.findIndex((q) => q.type === "single" || q.type === "scenario" || q.type === "true-false");
const wrongQuestion = quiz.questions[wrongIndex];
const wrongOption = wrongQuestion.options.find((o) => !wrongQuestion.correct.includes(o.id))!;
const wrongText = wrongOption.text || (wrongOption.id === "true" ? "True" : "False");

async function facilitator(request: APIRequestContext, name: string): Promise<Learner> {
  const person = newLearner(name);
  const res = await request.post("/api/account", { headers: signUpHeaders(), data: { email: person.email, password: person.password, displayName: name, role: "facilitator" } });
  expect(res.status(), await res.text()).toBe(201);
  await signInApi(request, person);
  return person;
}

/** Answers the first lesson's quiz through the progress API (the quiz UI has its own specs). */
async function takeQuiz(request: APIRequestContext, wrong?: number) {
  const attemptId = crypto.randomUUID();
  for (const [i, q] of quiz.questions.entries()) {
    const chosen = i === wrong ? [q.options.find((o) => !q.correct.includes(o.id))!.id] : q.correct;
    const res = await request.post("/api/progress/answers", {
      data: { id: crypto.randomUUID(), attemptId, locale: "en", courseId: content.course.id, lessonId: lesson.id, questionId: q.id, chosen },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
  expect((await request.post("/api/progress/attempts/finish", { data: { attemptId, locale: "en" } })).status()).toBe(200);
}

/** Splits one CSV line into its cells (quoted cells may hold commas and doubled quotes). */
function csvCells(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1].replace(/^"|"$/g, "").replace(/""/g, '"'));
}

test("a facilitator creates a group, sees two phone learners' answers arrive, exports safely, and no one else gets in", async ({ page, browser, baseURL }) => {
  // Three browsers, a dozen steps and axe in two themes: it ran past 120 s in a CI run where the
  // whole e2e suite took 21 minutes instead of 10. Speed is judged in bench/, not here; each step
  // keeps its own wait.
  test.setTimeout(240_000);
  await facilitator(page.request, "Fran Facilitator");
  const groupName = `Hall workshop ${crypto.randomUUID().slice(0, 6)}`;

  await test.step("create the group through the form", async () => {
    await page.goto("/en/facilitate");
    await expect(page.getByRole("heading", { level: 1, name: "My groups" })).toBeVisible();
    await expect(page.getByText("You have no groups yet.")).toBeVisible();
    await expectAccessibleInBothThemes(page, "my groups");
    // The plan follows the kind of group until the facilitator picks one.
    await page.getByRole("radio", { name: /^Class/ }).check();
    await expect(page.getByLabel("Plan to follow")).toHaveValue("school");
    await page.getByRole("radio", { name: /^Workshop/ }).check();
    await expect(page.getByLabel("Plan to follow")).toHaveValue("workshop");
    // An empty name is refused with the error summary focused and the field marked.
    await page.getByRole("button", { name: "Create the group" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toBeFocused();
    await expect(page.getByLabel("Group name")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Group name").fill(groupName);
    await page.getByRole("button", { name: "Create the group" }).click();
    await page.waitForURL(/\/en\/facilitate\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: groupName })).toBeVisible();
    await expect(page.getByText("No one has joined yet.")).toBeVisible();
    await expect(page.getByText("This page shows no risk label about anyone.")).toBeVisible();
  });

  const cohortUrl = new URL(page.url()).pathname;
  const cohortId = cohortUrl.split("/").pop()!;
  const joinHref = (await page.getByRole("link", { name: /\/en\/join\/[A-Z0-9]{8}$/ }).getAttribute("href"))!;
  const code = joinHref.split("/").pop()!;
  await expect(page.getByRole("img", { name: `QR code that opens ${joinHref}` })).toBeVisible();

  // Learner 1 has an account (with a name a spreadsheet would run as a formula) and joins on a phone.
  const phoneA = await browser.newContext({ ...devices["Pixel 7"], baseURL });
  const formula = newLearner("=SUM(1)");
  await signUpApi(phoneA.request, formula);
  await signInApi(phoneA.request, formula);
  await phoneA.addCookies([{ name: "cg_signed_in", value: "1", url: baseURL! }]);
  const learnerPage = await phoneA.newPage();
  await learnerPage.goto(`/en/join/${code}`);
  await learnerPage.getByRole("button", { name: `Join ${groupName}` }).click();
  await learnerPage.waitForURL(/\/en\/groups\//);
  await takeQuiz(phoneA.request);

  // Learner 2 joins with a nickname only, then signs in with the login name and passphrase.
  const phoneB = await browser.newContext({ ...devices["Pixel 7"], baseURL });
  const joined = await phoneB.request.post("/api/join/nickname", { data: { code, nickname: "Robin" } });
  expect(joined.status(), await joined.text()).toBe(201);
  const robin = (await joined.json()) as { loginName: string; passphrase: string };
  await signInApi(phoneB.request, { email: robin.loginName, password: robin.passphrase, name: "Robin" });
  await takeQuiz(phoneB.request, wrongIndex);

  await test.step("answers arrive in the live grid and the item analysis", async () => {
    const grid = page.getByRole("region", { name: "Progress grid (scrolls sideways)" });
    // No reload: the page refreshes itself every 10 seconds.
    await expect(grid.getByRole("rowheader", { name: "=SUM(1)" })).toBeVisible({ timeout: 25_000 });
    await expect(grid.getByRole("rowheader", { name: "Robin" })).toBeVisible({ timeout: 25_000 });
    // A refresh can land between Robin's joining and Robin's last answer: wait for the next one.
    await expect(grid.getByRole("row", { name: /Robin/ }).getByRole("cell", { name: /^Done, best score \d+%$/ })).toHaveCount(1, { timeout: 25_000 });
    await expect(grid.getByRole("row", { name: /^Completed by/ }).getByRole("cell", { name: "2 of 2" })).toHaveCount(1, { timeout: 25_000 });

    const questions = page.locator("#questions");
    await expect(questions.getByText(wrongQuestion.prompt).filter({ visible: true })).toBeVisible({ timeout: 25_000 });
    await expect(questions.getByText(wrongText).filter({ visible: true }).first()).toBeVisible();
    // Two answers are too few for a share correct (lib/quiz/psychometrics.ts MIN_ANSWERS = 5).
    await expect(questions.getByText("Too few answers (fewer than 5)").filter({ visible: true }).first()).toBeVisible();
    await expect(page.getByText("Learners need to take both the starting check and the final check")).toBeVisible();
    await expectAccessibleInBothThemes(page, "the group's page");
  });

  await test.step("set and remove an assignment", async () => {
    await page.getByLabel("Lesson or check").selectOption(lesson.id);
    // A date that has passed is refused, beside the date field.
    const due = page.getByLabel("Due by");
    await due.fill("2020-01-15");
    await page.getByRole("button", { name: "Set the assignment" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("That date has passed.");
    await expect(due).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page, "the assignments form with an error");
    // The picked day is written out in the interface's order beside the browser's own date field.
    await due.fill("2030-06-30");
    await expect(due).toHaveAccessibleDescription(/Sun, 30 June 2030/);
    await page.getByRole("button", { name: "Set the assignment" }).click();
    await expect(page.getByText("Assignment set.")).toBeVisible();
    const item = page.locator(".assignment-list li", { hasText: lesson.title });
    await expect(item).toContainText(/June 30, 2030|30 June 2030/);
    await item.getByRole("button", { name: `Remove ${lesson.title}` }).click();
    await expect(page.getByText("Assignment removed.")).toBeVisible();
    await expect(page.getByText("Nothing set yet.")).toBeVisible();

    // "No due date" is a choice of its own: no date field, and the list says so.
    await page.getByLabel("Lesson or check").selectOption(lesson.id);
    await page.getByRole("radio", { name: /^No due date/ }).check();
    await expect(page.getByLabel("Due by")).toHaveCount(0);
    await page.getByRole("button", { name: "Set the assignment" }).click();
    await expect(page.getByText("Assignment set.")).toBeVisible();
    const undated = page.locator(".assignment-list li", { hasText: lesson.title });
    await expect(undated).toContainText("no due date");
    await undated.getByRole("button", { name: `Remove ${lesson.title}` }).click();
    await expect(page.getByText("Nothing set yet.")).toBeVisible();
  });

  await test.step("the member count says how many joined without an account", async () => {
    await page.reload();
    const facts = page.locator(".cohort-facts");
    await expect(facts).toContainText("2 learners");
    await expect(facts).toContainText("1 without an account (nickname only)");
  });

  await test.step("reset a nickname learner's passphrase, shown once", async () => {
    await page.getByRole("button", { name: "Reset passphrase for Robin" }).click();
    await page.getByRole("button", { name: "Yes, reset it" }).click();
    const box = page.locator(".passphrase-box");
    await expect(box.getByRole("heading", { name: "New sign-in for Robin" })).toBeVisible();
    await expect(box).toBeFocused();
    await expect(box).toContainText(robin.loginName);
    const passphrase = (await box.locator(".secret").nth(1).textContent())!;
    expect(passphrase).not.toBe(robin.passphrase);
    await box.getByRole("button", { name: "I've copied it down" }).click();
    await expect(box).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Reset passphrase for Robin" })).toBeFocused();
    const fresh = await browser.newContext({ baseURL });
    await signInApi(fresh.request, { email: robin.loginName, password: passphrase, name: "Robin" });
    await fresh.close();
  });

  await test.step("the join sheet", async () => {
    await page.getByRole("link", { name: "Print the join sheet" }).click();
    await page.waitForURL(`**${cohortUrl}/join-sheet`);
    await expect(page.getByRole("heading", { level: 1, name: `Join ${groupName}` })).toBeVisible();
    await expect(page.getByText("Join with a nickname: no email needed.")).toBeVisible();
    await expect(page.getByRole("img", { name: `QR code that opens ${joinHref}` })).toBeVisible();
    await expect(page.getByText(joinHref)).toBeVisible();
    await expectAccessibleInBothThemes(page, "the join sheet");
    await page.getByRole("link", { name: `Back to ${groupName}` }).click();
    await page.waitForURL(`**${cohortUrl}`);
  });

  await test.step("archiving closes the group to new joiners until it is reopened", async () => {
    await page.getByRole("button", { name: "Archive this group" }).click();
    await expect(page.getByText("The group is archived.")).toBeVisible();
    await expect(page.getByText(/This group is archived: its code lets no one join/)).toBeVisible();
    const late = await browser.newContext({ baseURL });
    expect((await late.request.post("/api/join/nickname", { data: { code, nickname: "Late" } })).status()).toBe(404);
    await page.getByRole("button", { name: "Reopen this group" }).click();
    await expect(page.getByText("The group is open again.")).toBeVisible();
    await expect(page.getByText(/This group is archived/)).toHaveCount(0);
    expect((await late.request.post("/api/join/nickname", { data: { code, nickname: "Late" } })).status()).toBe(201);
    await late.close();
  });

  await test.step("the CSV export has every learner and no cell a spreadsheet would run", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    const csv = fs.readFileSync(await download.path(), "utf8");
    const rows = csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/).map(csvCells);
    const names = rows.slice(1).map((r) => r[0]);
    expect(names.sort()).toEqual(["'=SUM(1)", "Late", "Robin"]);
    for (const cell of rows.flat()) expect(cell, `cell ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@\t\r]/);
  });

  await test.step("another facilitator gets the not-found page", async () => {
    const stranger = await browser.newContext({ baseURL });
    await facilitator(stranger.request, "Other Facilitator");
    const strangerPage = await stranger.newPage();
    for (const path of [cohortUrl, `${cohortUrl}/join-sheet`]) {
      const res = await strangerPage.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(strangerPage.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
      await expect(strangerPage.getByText(groupName)).toHaveCount(0);
    }
    expect((await stranger.request.get(`/api/cohorts/${cohortId}/roster`)).status()).toBe(404);
    await stranger.close();
  });

  await test.step("my groups lists it; deleting needs the exact name", async () => {
    await page.goto("/en/facilitate");
    const card = page.locator(".cohort-card", { hasText: groupName });
    await expect(card).toContainText("3 learners");
    await card.getByRole("link", { name: groupName }).click();
    await page.waitForURL(`**${cohortUrl}`);
    const confirm = page.getByLabel(`Type the group's name, “${groupName}”, to confirm`);
    await confirm.fill("not the name");
    await page.getByRole("button", { name: "Delete the group for good" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("The name does not match.");
    await expect(confirm).toHaveAttribute("aria-invalid", "true");
    await confirm.fill(groupName);
    await page.getByRole("button", { name: "Delete the group for good" }).click();
    await page.waitForURL(/\/en\/facilitate$/);
    await expect(page.getByText(groupName)).toHaveCount(0);
    // Robin's nickname account went with the group; the account learner keeps theirs.
    expect((await phoneB.request.get("/api/progress?locale=en")).status()).toBe(401);
    expect((await phoneA.request.get("/api/progress?locale=en")).status()).toBe(200);
  });

  await phoneA.close();
  await phoneB.close();
});

test("a co-facilitator is invited, not added: they accept on My groups and only then reach the group", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  await facilitator(page.request, "Olu Owner");
  const tag = crypto.randomUUID().slice(0, 8);
  const co = { ...newLearner("Cole Co"), email: `cole-${tag}@example.org` };
  const learner = { ...newLearner("Lena Learner"), email: `lena-${tag}@example.org` };
  const coContext = await browser.newContext({ baseURL });
  const learnerContext = await browser.newContext({ baseURL });
  expect((await coContext.request.post("/api/account", { headers: signUpHeaders(), data: { email: co.email, password: co.password, displayName: co.name, role: "facilitator" } })).status()).toBe(201);
  await signInApi(coContext.request, co);
  await signUpApi(learnerContext.request, learner);
  await signInApi(learnerContext.request, learner);
  const groupName = `Shared hall ${tag}`;
  const pending = page.locator("#co-facilitators li");

  await test.step("a facilitator's, a learner's and an unknown email all become invitations", async () => {
    await page.goto("/en/facilitate");
    await page.getByLabel("Group name").fill(groupName);
    await page.getByLabel("Co-facilitators' emails (optional)").fill(`${co.email}, ${learner.email}, nobody-${tag}@example.org`);
    await page.getByRole("button", { name: "Create the group" }).click();
    await page.waitForURL(/\/en\/facilitate\/[0-9a-f-]{36}$/);
    const block = page.locator("#co-facilitators");
    await expect(block.getByRole("heading", { name: "Co-facilitators" })).toBeVisible();
    await expect(block.getByText("No email is sent: tell them yourself.")).toBeVisible();
    // Masked: the owner sees enough to tell them apart, and the page never says who has an account.
    await expect(pending).toHaveCount(3);
    for (const hint of ["c…@example.org", "l…@example.org", "n…@example.org"]) await expect(pending.filter({ hasText: hint })).toHaveCount(1);
    await expect(page.getByText(co.email)).toHaveCount(0);
    await expectAccessible(page, "the group's page with invitations");
  });
  const cohortUrl = new URL(page.url()).pathname;
  const cohortId = cohortUrl.split("/").pop()!;

  await test.step("the owner invites one more and cancels one", async () => {
    await page.getByLabel("Their email").fill(`zed-${tag}@example.org`);
    await page.getByRole("button", { name: "Invite", exact: true }).click();
    await expect(page.getByText("Invitation added.")).toBeVisible();
    await expect(pending).toHaveCount(4);
    await page.getByRole("button", { name: "Cancel the invitation to n…@example.org" }).click();
    await expect(page.getByText("Invitation cancelled.")).toBeVisible();
    await expect(pending).toHaveCount(3);
  });

  await test.step("the invited facilitator has no access until they accept on My groups", async () => {
    expect((await coContext.request.get(`/api/cohorts/${cohortId}/roster`)).status()).toBe(404);
    const coPage = await coContext.newPage();
    expect((await coPage.goto(cohortUrl))?.status()).toBe(404);
    await coPage.goto("/en/facilitate");
    const invitations = coPage.getByRole("region", { name: "Invitations to co-facilitate" });
    await expect(invitations.getByRole("listitem").filter({ hasText: groupName })).toContainText("Invited by Olu Owner");
    await expectAccessible(coPage, "my groups with an invitation");
    await invitations.getByRole("button", { name: `Accept ${groupName}` }).click();
    await expect(coPage.getByText("Invitation accepted")).toBeVisible();
    const card = coPage.locator(".cohort-card", { hasText: groupName });
    await expect(card).toContainText("Co-facilitator");
    await card.getByRole("link", { name: groupName }).click();
    await coPage.waitForURL(`**${cohortUrl}`);
    await expect(coPage.getByRole("heading", { level: 1, name: groupName })).toBeVisible();
    // Inviting stays with the owner.
    await expect(coPage.locator("#co-facilitators")).toHaveCount(0);
    await page.reload();
    await expect(pending).toHaveCount(2);
  });

  await test.step("a learner's account is told it needs a facilitator account, and may decline", async () => {
    const learnerPage = await learnerContext.newPage();
    await learnerPage.goto("/en/facilitate");
    const invitations = learnerPage.getByRole("region", { name: "Invitations to co-facilitate" });
    await expect(invitations.getByRole("listitem").filter({ hasText: groupName })).toBeVisible();
    await expect(invitations.getByText(/Running a group needs a facilitator account/)).toBeVisible();
    await expect(invitations.getByRole("button", { name: /^Accept/ })).toHaveCount(0);
    const invitationId = ((await (await learnerContext.request.get("/api/invitations")).json()) as { id: string }[])[0].id;
    const refused = await learnerContext.request.post(`/api/invitations/${invitationId}/accept`, { data: {} });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/needs a facilitator account/);
    await invitations.getByRole("button", { name: `Decline ${groupName}` }).click();
    await expect(learnerPage.getByText("Invitation declined.")).toBeVisible();
    await expect(learnerPage.getByText(groupName)).toHaveCount(0);
    expect((await learnerContext.request.get(`/api/cohorts/${cohortId}/roster`)).status()).toBe(404);
  });

  await coContext.close();
  await learnerContext.close();
});

test("learners are told how to run a group, and anonymous visitors are sent to sign in", async ({ page, baseURL }) => {
  const learner = newLearner("Lee Learner");
  await signUpApi(page.request, learner);
  await signInApi(page.request, learner);
  await page.goto("/en/facilitate");
  await expect(page.getByText("This is a learner's account.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Create a facilitator account" })).toHaveAttribute("href", "/en/sign-up");
  await expect(page.getByRole("button", { name: "Create the group" })).toHaveCount(0);
  await expectAccessible(page, "my groups for a learner");

  const anonymous = await page.context().browser()!.newContext({ baseURL });
  const anonPage = await anonymous.newPage();
  await anonPage.goto(`/en/facilitate/${crypto.randomUUID()}`);
  await expect(anonPage).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Ffacilitate%2F|\/en\/sign-in\?next=\/en\/facilitate\//);
  await anonymous.close();
});
