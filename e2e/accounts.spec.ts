import fs from "node:fs";
import { content, expect, expectAccessible, facilitatorWithGroup, newLearner, signedInContext, signInApi, signUpApi, test } from "./fixtures";
import { QuizPage } from "./pages/quiz-page";
import { SiteNav } from "./pages/site-nav";

const [first, second] = content.lessons;

test("a learner signs up, learns, sees it on the dashboard, and finds the same progress on a second browser", async ({ page, browser, baseURL }) => {
  // As a guest first: one lesson marked done in this browser.
  await page.goto(content.lessonPath(second.id));
  await page.getByRole("button", { name: "Mark this lesson as done" }).click();
  await expect(page.getByRole("status").filter({ hasText: /You have finished this lesson/ })).toHaveText(/You have finished this lesson/);

  // Sign up through the form.
  const learner = newLearner("Sam");
  await (await new SiteNav(page).link("Sign in")).click();
  await page.getByRole("link", { name: "Create one" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();
  await expectAccessible(page, "sign-up");
  await page.getByLabel("Name to show").fill(learner.name);
  await page.getByLabel("Email").fill(learner.email);
  await page.getByLabel("Password").fill("password123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("too common");
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page, "sign-up with an error");
  await page.getByLabel("Password").fill(learner.password);
  await page.getByRole("button", { name: "Create account" }).click();

  // The guest's lesson came along into the account. Signing up signs in, merges the guest's
  // progress and opens the dashboard: on a fresh server the first merge also loads the course's
  // content, which took 11 to 17 s on a loaded 2-core machine (5 s is the usual wait).
  await expect(page.getByRole("heading", { level: 1, name: "My progress" })).toBeVisible({ timeout: 30_000 });
  const row = (title: string) => page.getByRole("row", { name: new RegExp(title) });
  await expect(row(second.title)).toContainText("Done");
  await expectAccessible(page, "dashboard");

  // A lesson and its quiz, signed in.
  await page.goto(`${content.lessonPath(first.id)}/quiz`);
  const quiz = content.quizFor(first.id)!;
  await new QuizPage(page).answerAll(quiz, { wrong: [1] });
  const percent = Math.floor(((quiz.questions.length - 1) / quiz.questions.length) * 100);
  await expect(page.getByText(`(${percent}%)`)).toBeVisible();

  await (await new SiteNav(page).link("My progress")).click();
  await expect(row(first.title)).toContainText(`${percent}%`);
  await expect(row(first.title)).toContainText("Done");
  const answeredSkills = await page.locator("[data-skill]").filter({ hasText: "questions answered" }).count();
  expect(answeredSkills).toBeGreaterThan(0);

  // A second browser: sign in through the form, see the same progress.
  const other = await browser.newContext({ baseURL });
  const page2 = await other.newPage();
  await page2.goto("/en/sign-in");
  await expectAccessible(page2, "sign-in");
  await page2.getByLabel("Email").fill(learner.email);
  await page2.getByLabel("Password").fill(learner.password);
  await page2.getByRole("button", { name: "Sign in" }).click();
  await expect(page2.getByRole("heading", { level: 1, name: "My progress" })).toBeVisible();
  await expect(page2.getByRole("row", { name: new RegExp(first.title) })).toContainText(`${percent}%`);
  await expect(page2.getByRole("row", { name: new RegExp(second.title) })).toContainText("Done");
  // The catalogue on the second browser shows the account's progress too.
  await page2.goto("/en/courses");
  await expect(page2.getByRole("link", { name: new RegExp(first.title) })).toContainText(`Best score ${percent}%`);
  await other.close();
});

test("sign-in answers the same for an unknown email and a wrong password", async ({ page, request }) => {
  const learner = newLearner();
  await signUpApi(request, learner);
  await page.goto("/en/sign-in");
  const attempt = async (email: string, password: string) => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toBeVisible();
    return page.getByRole("alert", { name: "There is a problem" }).textContent();
  };
  const unknown = await attempt(`nobody-${learner.email}`, learner.password);
  const wrong = await attempt(learner.email, "not my password");
  expect(unknown).toContain("Email or password is incorrect.");
  expect(wrong).toBe(unknown);
  await expectAccessible(page, "sign-in with an error");
});

test("a learner downloads their data, signs out everywhere, and deletes the account", async ({ browser, baseURL }) => {
  const learner = newLearner("Robin");
  const phone = await browser.newContext({ baseURL });
  const laptop = await browser.newContext({ baseURL });
  await signUpApi(phone.request, learner);
  await signInApi(phone.request, learner);
  await signInApi(laptop.request, learner);
  await phone.addCookies([{ name: "cg_signed_in", value: "1", url: baseURL! }]);

  const page = await phone.newPage();
  await page.goto(content.lessonPath(first.id));
  await page.getByRole("button", { name: "Mark this lesson as done" }).click();
  await page.goto("/en/account");
  await expectAccessible(page, "account");
  await expect(page.getByText(`Signed in as ${learner.name}.`)).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data" }).click();
  const file = await (await download).path();
  const data = JSON.parse(fs.readFileSync(file, "utf8"));
  expect(data.account.email).toBe(learner.email);
  expect(data.lessonCompletions.map((c: { lesson_id: string }) => c.lesson_id)).toContain(first.id);
  expect(JSON.stringify(data)).not.toContain("argon2");

  // Sign out everywhere ends the laptop's session as well.
  expect((await laptop.request.get("/api/progress?locale=en")).status()).toBe(200);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/en$/);
  expect((await laptop.request.get("/api/progress?locale=en")).status()).toBe(401);
  // Nothing personal is left in this browser.
  expect(await page.evaluate(() => localStorage.getItem("common-ground:progress:v1"))).toBeNull();
  await expect(await new SiteNav(page).link("Sign in")).toBeVisible();

  // Sign in again and delete the account.
  await signInApi(phone.request, learner);
  await page.goto("/en/account");
  await page.getByLabel("Your password, to confirm").fill("wrong password");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("That password is not right.");
  // The error is beside its field too, and describes it.
  const confirm = page.getByLabel("Your password, to confirm");
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  await expect(confirm).toHaveAccessibleDescription("That password is not right.");
  await confirm.fill(learner.password);
  await page.getByRole("button", { name: "Delete my account" }).click();
  // Deleting ends on a page that says so, and holds nothing about the learner.
  await expect(page).toHaveURL(/\/en\/account-deleted$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your account has been deleted" })).toBeVisible();
  await expect(page.getByText(learner.name)).toHaveCount(0);
  await expectAccessible(page, "account deleted");
  const { csrfToken } = await (await laptop.request.get("/api/auth/csrf")).json();
  const again = await laptop.request.post("/api/auth/callback/credentials", { form: { csrfToken, email: learner.email, password: learner.password, json: "true" } });
  expect((await again.json()).url).toContain("error=Email%20or%20password%20is%20incorrect.");
  expect((await (await laptop.request.get("/api/auth/session")).json()).user).toBeUndefined();
  await phone.close();
  await laptop.close();
});

test("a learner changes their password: each error beside its field, still signed in here, signed out elsewhere", async ({ browser, baseURL }) => {
  const learner = newLearner("Kim");
  const phone = await browser.newContext({ baseURL });
  const laptop = await browser.newContext({ baseURL });
  await signedInContext(phone, baseURL!, learner);
  await signInApi(laptop.request, learner);
  const newPassword = "copper kettle morning 9";

  const page = await phone.newPage();
  await page.goto("/en/account");
  const current = page.getByLabel("Current password");
  const next = page.getByLabel("New password");
  const change = page.getByRole("button", { name: "Change password" });
  const problem = page.getByRole("alert", { name: "There is a problem" });

  // A wrong current password: the error is beside that field, and the summary takes focus.
  await current.fill("not my password");
  await next.fill(newPassword);
  await change.click();
  await expect(problem).toContainText("That is not your current password.");
  await expect(problem).toBeFocused();
  await expect(current).toHaveAttribute("aria-invalid", "true");
  await expect(current).toHaveAccessibleDescription("That is not your current password.");
  await expect(next).not.toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page, "account with a password error");

  // A weak new password: now the new password's field is the one in error.
  await current.fill(learner.password);
  await next.fill("password123");
  await change.click();
  await expect(problem).toContainText("too common");
  await expect(next).toHaveAttribute("aria-invalid", "true");
  await expect(current).not.toHaveAttribute("aria-invalid", "true");
  // The summary's link moves focus to the field in error.
  await problem.getByRole("link").click();
  await expect(next).toBeFocused();

  await current.fill(learner.password);
  await next.fill(newPassword);
  await change.click();
  await expect(page.getByRole("status").filter({ hasText: "Your password is changed. You are still signed in here" })).toBeVisible();
  await expect(problem).toHaveCount(0);
  await expect(current).toHaveValue("");

  // This browser is still signed in; the laptop's session has ended.
  expect((await phone.request.get("/api/progress?locale=en")).status()).toBe(200);
  expect((await laptop.request.get("/api/progress?locale=en")).status()).toBe(401);
  await page.reload();
  await expect(page.getByText(`Signed in as ${learner.name}.`)).toBeVisible();
  // The new password signs in; the old one no longer does.
  const other = await browser.newContext({ baseURL });
  await signInApi(other.request, { ...learner, password: newPassword });
  const { csrfToken } = await (await laptop.request.get("/api/auth/csrf")).json();
  const old = await laptop.request.post("/api/auth/callback/credentials", { form: { csrfToken, email: learner.email, password: learner.password, json: "true" } });
  expect((await old.json()).url).toContain("error=Email%20or%20password%20is%20incorrect.");
  await Promise.all([phone.close(), laptop.close(), other.close()]);
});

test("a nickname learner is told why there is no password to change", async ({ page, baseURL }) => {
  const lead = await facilitatorWithGroup(baseURL!, "Nia Lead", "Nickname account");
  const joined = await page.request.post("/api/join/nickname", { data: { code: lead.joinCode, nickname: "Wren" } });
  expect(joined.status(), await joined.text()).toBe(201);
  const { loginName, passphrase } = (await joined.json()) as { loginName: string; passphrase: string };
  await signInApi(page.request, { email: loginName, password: passphrase, name: "Wren" });
  await page.goto("/en/account");
  await expect(page.getByRole("heading", { level: 2, name: "Change your password" })).toBeVisible();
  await expect(page.getByText("You joined a group with a nickname, so you have a passphrase instead of a password.")).toBeVisible();
  await expect(page.getByLabel("Current password")).toHaveCount(0);
  await lead.ctx.dispose();
});

test("signed-out visitors are sent to sign in from personal pages", async ({ page }) => {
  await page.goto("/en/dashboard");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=\/en\/dashboard$/);
  await page.goto("/en/account");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=\/en\/account$/);
});

test("sign-in with a next that the browser would read as another site lands on the app's own page", async ({ page, request, baseURL }) => {
  const learner = newLearner("Nadia");
  await signUpApi(request, learner);
  // A tab, LF or CR as the second character: the browser drops it and reads "//evil.example".
  for (const next of ["/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/\\evil.example"]) {
    await page.goto(`/en/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Email").fill(learner.email);
    await page.getByLabel("Password").fill(learner.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "My progress" }), JSON.stringify(next)).toBeVisible();
    expect(new URL(page.url()).origin, JSON.stringify(next)).toBe(new URL(baseURL!).origin);
  }
});

test("signing out ends that session on the server: a copy of its cookie stops working", async ({ browser, baseURL }) => {
  const device = await browser.newContext({ baseURL });
  await signedInContext(device, baseURL!, newLearner("Copied"));
  // Someone copies the session cookie (a shared computer, a stolen backup) into another browser.
  const copy = await browser.newContext({ baseURL });
  await copy.addCookies((await device.cookies()).filter((c) => c.name.includes("session-token")));
  expect((await copy.request.get("/api/progress?locale=en")).status()).toBe(200);

  const page = await device.newPage();
  await page.goto("/en/account");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/en$/);

  expect((await copy.request.get("/api/progress?locale=en")).status()).toBe(401);
  expect((await (await copy.request.get("/api/auth/session")).json())?.user).toBeUndefined();
  const copied = await copy.newPage();
  await copied.goto("/en/dashboard");
  await expect(copied).toHaveURL(/\/en\/sign-in\?next=\/en\/dashboard$/);
  await device.close();
  await copy.close();
});

test("signing out with answers not yet sent says how many will be lost, and leaves none behind", async ({ context, page, baseURL }) => {
  test.skip(test.info().project.name !== "phone", "one screen and one outbox: the phone project covers it");
  const learner = await signedInContext(context, baseURL!);
  // The server cannot store answers for now (a fault on its side): they wait in the outbox.
  await page.route("**/api/progress/answers", (route) => route.fulfill({ status: 503, contentType: "application/json", body: "{}" }));
  await page.goto(`${content.lessonPath(first.id)}/quiz`);
  await new QuizPage(page).answerAll(content.quizFor(first.id)!, { stopBefore: 1 });

  await page.goto("/en/account");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  const warning = page.getByRole("alert", { name: "Some answers have not been sent yet" });
  await expect(warning).toContainText("Answers not yet sent from this browser: 1. If you sign out now, they will be lost.");
  await expect(warning).toBeFocused();
  await expect(page).toHaveURL(/\/en\/account$/);
  await expectAccessible(page, "sign-out warning");
  await page.getByRole("button", { name: "Sign out and lose them" }).click();
  await expect(page).toHaveURL(/\/en$/);

  // Nothing of them stays in this browser for the next person, and none reached the server.
  const waiting = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open("common-ground");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction("outbox").objectStore("outbox").count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
  );
  expect(waiting).toBe(0);
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem("common-ground:outbox:v1") ?? "[]"))).toEqual([]);
  await signInApi(context.request, learner);
  expect((await (await context.request.get("/api/account/export")).json()).quizResponses).toEqual([]);
});
