// Joining a group (with an account, or with a nickname only), what is due on the dashboard,
// sign-in with a login name, facilitator sign-up, and the admin page.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { content, expect, expectAccessibleInBothThemes, newLearner, PASSWORD, signedInContext, signInApi, test, signUpHeaders } from "./fixtures";
import { SiteNav } from "./pages/site-nav";

const lesson = content.lessons[0];

interface Person {
  email: string;
  password: string;
  name: string;
}

/** An account of the given role, signed in on its own API context. */
async function account(baseURL: string, role: "learner" | "facilitator", name = `Test ${role}`): Promise<{ ctx: APIRequestContext; person: Person }> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const person = newLearner(name);
  const res = await ctx.post("/api/account", { headers: signUpHeaders(), data: { email: person.email, password: person.password, displayName: person.name, role } });
  expect(res.status(), await res.text()).toBe(201);
  await signInApi(ctx, person);
  return { ctx, person };
}

/** A facilitator's group with one lesson due; returns its name and join code. */
async function groupWithAssignment(baseURL: string, name: string) {
  const { ctx } = await account(baseURL, "facilitator");
  const created = await ctx.post("/api/cohorts", { data: { name, kind: "workshop", locale: "en", trackId: "workshop" } });
  expect(created.status(), await created.text()).toBe(200);
  const { id, joinCode } = (await created.json()) as { id: string; joinCode: string };
  const due = await ctx.post(`/api/cohorts/${id}/assignments`, { data: { activityId: lesson.id, dueAt: "2030-03-14" } });
  expect(due.status(), await due.text()).toBe(200);
  await ctx.dispose();
  return { id, name, joinCode };
}

/** The code as someone might type it: small letters, a dash in the middle. */
const typed = (code: string) => `${code.slice(0, 4).toLowerCase()}-${code.slice(4).toLowerCase()}`;

test("a learner with an account joins a group by its code and sees what is due", async ({ page, context, baseURL }) => {
  const group = await groupWithAssignment(baseURL!, `Thursday hall ${Date.now()}`);
  await signedInContext(context, baseURL!, newLearner("Kim"));

  await page.goto("/en");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Join a group" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Join a group" })).toBeVisible();
  await expectAccessibleInBothThemes(page, "join a group");

  await page.getByLabel("Group code").fill(typed(group.joinCode));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/join/${group.joinCode}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Join ${group.name}` })).toBeVisible();
  await expectAccessibleInBothThemes(page, "join page, signed in");

  await page.getByRole("button", { name: `Join ${group.name}` }).click();
  // Joining ends on the group's own screen (e2e/join-path.spec.ts); its link leads on to all progress.
  await expect(page.getByRole("heading", { level: 1, name: group.name })).toBeVisible();
  await page.getByRole("link", { name: "See all your progress" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My progress" })).toBeVisible();
  const groups = page.getByRole("region", { name: "Your groups" });
  await expect(groups.getByRole("heading", { name: group.name })).toBeVisible();
  // The group's card is a list item too; the assignment is the one without a heading.
  const item = groups.getByRole("listitem").filter({ hasText: lesson.title, hasNot: page.getByRole("heading") });
  await expect(item.getByRole("link", { name: lesson.title })).toHaveAttribute("href", content.lessonPath(lesson.id));
  await expect(item).toContainText("Due 14 March 2030"); // day first in English (components/ui/dates.ts)
  await expect(item).toContainText("Not yet");
  await expectAccessibleInBothThemes(page, "dashboard with a group");

  // Done on the lesson page shows as done here.
  await page.goto(content.lessonPath(lesson.id));
  await page.getByRole("button", { name: "Mark this lesson as done" }).click();
  await expect(page.getByRole("status").filter({ hasText: /You have finished this lesson/ })).toHaveText(/You have finished this lesson/);
  await page.goto("/en/dashboard");
  await expect(page.getByRole("region", { name: "Your groups" }).getByRole("listitem").filter({ hasText: lesson.title, hasNot: page.getByRole("heading") })).toContainText("Done");
});

test("someone without an account joins with a nickname only, then signs in elsewhere with the login name", async ({ page, browser, baseURL }) => {
  const group = await groupWithAssignment(baseURL!, `Class 9B ${Date.now()}`);
  await page.goto(`/en/join/${group.joinCode}`);
  await expect(page.getByRole("heading", { level: 1, name: `Join ${group.name}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in to join with your account" })).toHaveAttribute("href", `/en/sign-in?next=${encodeURIComponent(`/en/join/${group.joinCode}`)}`);
  await expect(page.getByRole("link", { name: "Create an account" })).toHaveAttribute("href", `/en/sign-up?next=${encodeURIComponent(`/en/join/${group.joinCode}`)}`);
  await expect(page.getByText("No email, no birth date.")).toBeVisible();
  await expectAccessibleInBothThemes(page, "join page, signed out");

  // A nickname the server refuses is marked on the field.
  await page.getByLabel("Nickname", { exact: true }).fill("Ro<b>");
  await page.getByRole("button", { name: "Join with this nickname" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Use letters, numbers");
  await expect(page.getByLabel("Nickname", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Nickname", { exact: true }).fill("Robin");
  await page.getByRole("button", { name: "Join with this nickname" }).click();
  const details = page.getByRole("region", { name: "Your sign-in details" });
  await expect(details).toBeVisible();
  await expect(details).toContainText("Write these down: you need them to sign in on another device. Nobody can recover them except your facilitator");
  await expect(page.getByRole("heading", { name: "Your sign-in details" })).toBeFocused();
  const loginName = (await details.locator('dt:has-text("Login name") + dd').innerText()).trim();
  const passphrase = (await details.locator('dt:has-text("Passphrase") + dd').innerText()).trim();
  expect(loginName).toMatch(/^robin-\d{4}$/);
  expect(passphrase.length).toBeGreaterThan(10);
  await expectAccessibleInBothThemes(page, "nickname sign-in details");

  const go = page.getByRole("button", { name: "Continue" });
  await expect(go).toBeDisabled();
  await page.getByLabel("I have written them down").check();
  await go.click();
  await expect(page.getByRole("heading", { level: 1, name: group.name })).toBeVisible();
  await page.getByRole("link", { name: "See all your progress" }).click();
  await expect(page.getByRole("region", { name: "Your groups" }).getByRole("heading", { name: group.name })).toBeVisible();
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { name?: string; role?: string } };
  expect(session.user).toMatchObject({ name: "Robin", role: "learner" });

  // Another device: the sign-in form takes the login name and passphrase.
  const other = await browser.newContext({ baseURL });
  const page2 = await other.newPage();
  await page2.goto("/en/sign-in");
  await page2.getByLabel("Email or login name").fill(loginName);
  await page2.getByLabel("Password").fill(passphrase);
  await page2.getByRole("button", { name: "Sign in" }).click();
  await expect(page2.getByRole("heading", { level: 1, name: "My progress" })).toBeVisible();
  await expect(page2.getByRole("region", { name: "Your groups" }).getByRole("heading", { name: group.name })).toBeVisible();
  await other.close();
});

test("a wrong code says plainly that no open group has it", async ({ page }) => {
  await page.goto("/en/join");
  await page.getByLabel("Group code").fill("abc");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("A group code has 8 letters and numbers");
  await expect(page.getByLabel("Group code")).toHaveAttribute("aria-invalid", "true");
  await expectAccessibleInBothThemes(page, "join a group with an error");

  await page.getByLabel("Group code").fill("ZZZZ 9999");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "No open group has that code" })).toBeVisible();
  await expect(page.getByLabel("Group code")).toHaveValue("ZZZZ 9999");
  await expectAccessibleInBothThemes(page, "no group has that code");

  const direct = await page.goto("/en/join/ZZZZ9999");
  expect(direct?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "No open group has that code" })).toBeVisible();
});

// The join page answers whether a code opens a group, so it counts codes that open nothing
// against the same limit as the join routes (lib/ratelimit/limits.ts, 200 per address in ten
// minutes): past it, even the right code waits. Each run claims an address of its own (next
// start keys by the rightmost X-Forwarded-For entry when no proxy is configured), so the rest
// of the suite, all from 127.0.0.1, is not held up.
test("the join page stops answering after too many codes that open nothing from one address", async ({ baseURL }) => {
  const group = await groupWithAssignment(baseURL!, "Guessing target");
  const address = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
  const guesser = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": address } });
  const neighbour = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": "10.255.255.1" } });
  for (let i = 0; i < 200; i++) {
    const miss = await guesser.get(`/en/join/ZZZZ${String(1000 + i).replace(/[01]/g, "9")}`);
    expect(miss.status()).toBe(404);
  }
  const held = await guesser.get(`/en/join/${group.joinCode}`);
  const heldText = await held.text();
  expect(heldText).toContain("Too many codes tried");
  expect(heldText).not.toContain("Guessing target");
  const other = await neighbour.get(`/en/join/${group.joinCode}`);
  expect(await other.text()).toContain("Guessing target");
  await guesser.dispose();
  await neighbour.dispose();
});

test("signing up as a facilitator through the form makes a facilitator account", async ({ page }) => {
  const person = newLearner("Morgan");
  await page.goto("/en/sign-up");
  await page.getByLabel("Name to show").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByLabel("I run workshops or classes (facilitator account)").check();
  await expectAccessibleInBothThemes(page, "sign-up with the facilitator choice");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/en\/facilitate$/);
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { role?: string } };
  expect(session.user?.role).toBe("facilitator");
  await page.goto("/en");
  await expect(await new SiteNav(page).link("My groups")).toHaveAttribute("href", "/en/facilitate");
});

test("the admin page and the suspend route are closed to everyone but admins", async ({ page, context, baseURL }) => {
  const anon = await page.goto("/en/admin");
  expect(anon?.status()).toBe(200);
  await expect(page).toHaveURL(/\/en\/sign-in\?next=\/en\/admin$/);

  const { ctx: facilitator } = await account(baseURL!, "facilitator");
  const session = (await (await facilitator.get("/api/auth/session")).json()) as { user: { id: string } };
  const learner = await signedInContext(context, baseURL!);
  expect(learner.email).toBeTruthy();
  const res = await page.goto("/en/admin");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Administration" })).toHaveCount(0);

  const url = `/api/admin/facilitators/${session.user.id}/suspend`;
  expect((await facilitator.post(url, { data: { suspended: true } })).status()).toBe(403);
  expect((await context.request.post(url, { data: { suspended: true } })).status()).toBe(403);
  const nobody = await playwrightRequest.newContext({ baseURL });
  expect((await nobody.post(url, { data: { suspended: true } })).status()).toBe(401);
  // Nothing changed: the facilitator still runs groups.
  expect((await facilitator.post("/api/cohorts", { data: { name: "Still here", kind: "class", locale: "en", trackId: "school" } })).status()).toBe(200);
  await facilitator.dispose();
  await nobody.dispose();
});

/**
 * The first admin is made the way an operator makes one: `npm run admin:create` against the
 * e2e server's database (it promotes an existing account).
 */
function promoteToAdmin(email: string) {
  const root = path.join(__dirname, "..");
  const database = process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : { DATA_DIR: path.join(root, ".e2e-data") };
  const env: NodeJS.ProcessEnv = { ...process.env, ...database, ADMIN_PASSWORD: PASSWORD, LOG_SILENT: "1" };
  delete env.ADMIN_EMAIL;
  execFileSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "scripts/admin-create.ts", "--email", email], { cwd: root, env, stdio: "pipe" });
}

test("an admin suspends and restores a facilitator and reads every group", async ({ page, context, baseURL }) => {
  const { ctx: facilitator, person: fac } = await account(baseURL!, "facilitator", `Facilitator ${Date.now()}`);
  const created = await facilitator.post("/api/cohorts", { data: { name: `Evening class ${Date.now()}`, kind: "class", locale: "en", trackId: "school" } });
  const cohort = (await created.json()) as { id: string };
  const groupName = ((await (await facilitator.get("/api/cohorts")).json()) as { id: string; name: string }[]).find((c) => c.id === cohort.id)!.name;

  const admin = await signedInContext(context, baseURL!, newLearner("Alex Admin"));
  promoteToAdmin(admin.email);
  expect(((await (await context.request.get("/api/auth/session")).json()) as { user: { role: string } }).user.role).toBe("admin");

  await page.goto("/en/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
  await expect(page.getByText("A suspended facilitator's groups stay readable by admins")).toBeVisible();
  await expectAccessibleInBothThemes(page, "admin");

  const row = page.getByRole("region", { name: "Facilitators" }).getByRole("row", { name: new RegExp(fac.name) });
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: `Suspend ${fac.name}` }).click();
  await expect(row.getByRole("status")).toHaveText(`${fac.name} is suspended.`);
  await expect(row).toContainText("Suspended");
  // Suspending ended their session; signed in again, they can no longer run groups.
  expect((await facilitator.get("/api/cohorts")).status()).toBe(401);
  await signInApi(facilitator, fac);
  expect((await facilitator.post("/api/cohorts", { data: { name: "Blocked", kind: "class", locale: "en", trackId: "school" } })).status()).toBe(403);
  await expectAccessibleInBothThemes(page, "admin after suspending");

  // The suspended facilitator's group is still listed, and opens read-only for the admin.
  const groupLink = page.getByRole("link", { name: groupName });
  await expect(groupLink).toHaveAttribute("href", `/en/facilitate/${cohort.id}`);
  expect((await context.request.get(`/api/cohorts/${cohort.id}/roster`)).status()).toBe(200);

  await row.getByRole("button", { name: `Restore ${fac.name}` }).click();
  await expect(row.getByRole("status")).toHaveText(`${fac.name} is active again.`);
  await expect(row).toContainText("Active");
  await facilitator.dispose();
});
