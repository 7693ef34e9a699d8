// Joining and the first minute on a phone (issue #23): "Join a group" one tap from the home page
// and the header, the code alone first (a link with the code skips it), the group's "what now"
// screen with its one next thing above the fold, a one-line header, and "In an emergency" that
// remembers the country. A projector or laptop gets the same paths with the links in the line.
import type { Page } from "@playwright/test";
import { content, expect, expectAccessibleInBothThemes, facilitatorWithGroup, newLearner, signedInContext, test } from "./fixtures";
import { SiteNav } from "./pages/site-nav";

const PHONE = { width: 390, height: 844 };
const lesson = content.lessons[0];
const prePath = `/en/courses/${content.course.id}/assessment/pre`;

/** The group's screen, by its parts: the name, the one next thing and its button. */
async function expectWhatNow(page: Page, groupName: string) {
  await expect(page).toHaveURL(/\/en\/groups\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: groupName })).toBeVisible();
  const next = page.getByRole("region", { name: "Your next step" });
  // A workshop's plan opens with the starting check, and nothing of it is done yet.
  await expect(next.getByText("Starting check", { exact: true })).toBeVisible();
  const start = next.getByRole("link", { name: "Start: Starting check" });
  await expect(start).toHaveAttribute("href", prePath);
  return { next, start };
}

test.describe("on a phone", () => {
  test.skip(({ isMobile }) => !isMobile, "the phone's paths; the projector's are below");
  test.use({ viewport: PHONE });

  test("a learner with an account joins from the home page by code and lands on the group's next step", async ({ page, context, baseURL }) => {
    const group = await facilitatorWithGroup(baseURL!, "Pat Facilitator", "Hall");
    const due = await group.ctx.post(`/api/cohorts/${group.id}/assignments`, { data: { activityId: lesson.id, dueAt: "2030-03-14" } });
    expect(due.status(), await due.text()).toBe(200);
    await group.ctx.dispose();
    await signedInContext(context, baseURL!, newLearner("Kim"));

    await page.goto("/en");
    await page.getByRole("main").getByRole("link", { name: "Join a group" }).click();
    // The code alone, first.
    await expect(page.getByRole("heading", { level: 1, name: "Join a group" })).toBeVisible();
    await expect(page.getByRole("textbox")).toHaveCount(1);
    await page.getByLabel("Group code").fill(group.joinCode.toLowerCase());
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: `Join ${group.name}` }).click();

    const { start } = await expectWhatNow(page, group.name);
    // The one next thing and its button are on the first screen, before any scrolling.
    const box = (await start.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    // The rest: what the facilitator set, and the way to all progress.
    const rest = page.getByRole("region", { name: "Also set for this group" });
    await expect(rest.getByRole("link", { name: lesson.title })).toHaveAttribute("href", content.lessonPath(lesson.id));
    await expect(rest).toContainText("Due 14 March 2030");
    await expect(page.getByRole("link", { name: "See all your progress" })).toHaveAttribute("href", "/en/dashboard");
    await expectAccessibleInBothThemes(page, "what now, on a phone");

    await start.click();
    await expect(page).toHaveURL(new RegExp(`${prePath}$`));
    await expect(page.getByRole("heading", { level: 1, name: "Before you start: what do you know?" })).toBeVisible();
    // The long introduction is there before the first question.
    await expect(page.getByText(/There is no pass or fail, and you take it once\./)).toBeVisible();
  });

  test("a link that holds the code skips the code; a nickname learner sees the sign-in details first, then the group", async ({ page, baseURL }) => {
    const group = await facilitatorWithGroup(baseURL!, "Pat Facilitator", "Class");
    await group.ctx.dispose();
    await page.goto(`/en/join/${group.joinCode}`);
    await expect(page.getByRole("heading", { level: 1, name: `Join ${group.name}` })).toBeVisible();
    await expect(page.getByLabel("Group code")).toHaveCount(0);

    await page.getByLabel("Nickname", { exact: true }).fill("Robin");
    await page.getByRole("button", { name: "Join with this nickname" }).click();
    await expect(page.getByRole("heading", { name: "Your sign-in details" })).toBeFocused();
    await page.getByLabel("I have written them down").check();
    await page.getByRole("button", { name: "Continue to your group" }).click();

    await expectWhatNow(page, group.name);
    await expectAccessibleInBothThemes(page, "what now, nickname learner");
    // The dashboard's group links back to this screen.
    const here = new URL(page.url()).pathname;
    await page.getByRole("link", { name: "See all your progress" }).click();
    await expect(page.getByRole("region", { name: "Your groups" }).getByRole("link", { name: group.name })).toHaveAttribute("href", here);
  });

  test("the header is one line on every kind of page, with the rest behind a menu that works by keyboard", async ({ page, context, baseURL }) => {
    await signedInContext(context, baseURL!);
    for (const path of ["/en", content.lessonPath(lesson.id), `${content.lessonPath(lesson.id)}/quiz`, "/en/dashboard"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const header = (await page.locator(".site-header").boundingBox())!;
      expect(header.height, `header on ${path}`).toBeLessThanOrEqual(64);
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav.getByRole("link", { name: "In an emergency" })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Join a group" })).toBeVisible();
    }
    await expectAccessibleInBothThemes(page, "dashboard header on a phone");

    // The menu: a disclosure that opens with Enter and closes with Escape, focus back on it.
    const siteNav = new SiteNav(page);
    await expect(siteNav.nav.getByRole("link", { name: "My progress" })).toBeHidden();
    await siteNav.menuButton.focus();
    await page.keyboard.press("Enter");
    await expect(siteNav.nav.getByRole("link", { name: "My progress" })).toBeVisible();
    await expectAccessibleInBothThemes(page, "the open menu");
    await page.keyboard.press("Tab");
    await expect(siteNav.nav.getByRole("link", { name: "Courses" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(siteNav.nav.getByRole("link", { name: "My progress" })).toBeHidden();
    await expect(siteNav.menuButton).toBeFocused();

    // A link followed from the menu closes it on the next page.
    await (await siteNav.link("Courses")).click();
    await expect(page).toHaveURL(/\/en\/courses$/);
    await expect(siteNav.nav.getByRole("link", { name: "My progress" })).toBeHidden();
  });

  test.describe("with a British browser", () => {
    test.use({ locale: "en-GB" });

    test("the emergency link proposes the browser's country and remembers the one chosen", async ({ page }) => {
      await page.goto("/en");
      const emergency = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "In an emergency" });
      await expect(emergency).toHaveAttribute("href", "/en/help");
      await emergency.click();
      await expect(page).toHaveURL(/\/en\/help$/);
      // Proposed from the browser's language region (en-GB), before the list of countries.
      await expect(page.getByText("Your browser's language settings suggest:")).toBeVisible();
      await expectAccessibleInBothThemes(page, "help index with a proposed country");
      await page.getByRole("link", { name: "United Kingdom: where to get help" }).click();
      await expect(page).toHaveURL(/\/en\/help\/gb$/);

      // The second time, one tap: the header goes straight to the country's page.
      await page.goto("/en");
      await expect(emergency).toHaveAttribute("href", "/en/help/gb");
      await emergency.click();
      await expect(page).toHaveURL(/\/en\/help\/gb$/);
      await expect(page.getByRole("heading", { level: 1, name: "United Kingdom: where to get help" })).toBeVisible();

      // Another country chosen from the list replaces it; the index says which was chosen.
      await page.goto("/en/help");
      await expect(page.getByText("Last time you chose:")).toBeVisible();
      await page.getByRole("region", { name: "Find help where you are" }).getByRole("link", { name: "Canada", exact: true }).click();
      await expect(page).toHaveURL(/\/en\/help\/ca$/);
      await expect(emergency).toHaveAttribute("href", "/en/help/ca");
    });
  });
});

test.describe("on a projector or laptop", () => {
  test.skip(({ isMobile }) => Boolean(isMobile), "the projector's paths; the phone's are above");

  test("the header's links stand in the line, and the group's screen is reached from the dashboard", async ({ page, context, baseURL }) => {
    const group = await facilitatorWithGroup(baseURL!, "Pat Facilitator", "Library");
    await group.ctx.dispose();
    await signedInContext(context, baseURL!, newLearner("Ash"));
    expect((await context.request.post("/api/join", { data: { code: group.joinCode } })).status()).toBe(200);

    await page.goto("/en/dashboard");
    const siteNav = new SiteNav(page);
    await expect(siteNav.menuButton).toBeHidden();
    for (const name of ["Courses", "Ways to learn", "My progress", "Account", "Join a group", "In an emergency"]) {
      await expect(siteNav.nav.getByRole("link", { name, exact: true })).toBeVisible();
    }
    await page.getByRole("region", { name: "Your groups" }).getByRole("link", { name: group.name }).click();
    const { start } = await expectWhatNow(page, group.name);
    await expectAccessibleInBothThemes(page, "what now, on a projector");
    await start.click();
    await expect(page).toHaveURL(new RegExp(`${prePath}$`));
  });

  test("someone who is not in the group gets a page that does not name it", async ({ page, context, baseURL }) => {
    const group = await facilitatorWithGroup(baseURL!, "Pat Facilitator", "Private");
    await group.ctx.dispose();
    await signedInContext(context, baseURL!);
    const response = await page.goto(`/en/groups/${group.id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByText(group.name)).toHaveCount(0);
    await expect(page.getByRole("main").getByRole("link", { name: "Join a group" })).toHaveAttribute("href", "/en/join");
  });
});
