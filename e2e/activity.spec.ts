// The inoculation activity (issue #21, 5a): a learner builds a weakened, invented post with the
// keyboard only, sees it labelled as an invented example, does the spot-it round and gets a score.
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { content, expect, expectAccessible, test } from "./fixtures";
import { loadContent } from "../lib/content/load";

/** The real activities, with the lessons that link them, so the test follows the content as written. */
const linked = (() => {
  const en = loadContent(path.join(__dirname, "..", "content")).content.find((c) => c.locale === "en")!;
  return en.lessons.flatMap((l) => {
    const activity = l.activityId ? en.activities.get(`${l.courseId}/${l.activityId}`) : undefined;
    return activity && l.courseId === content.course.id ? [{ lessonId: l.id, activity }] : [];
  });
})();

/** Press Tab until `target` has focus (a bounded number of times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 60 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(target).toBeFocused();
}

test("a learner builds the invented post with the keyboard, then spots the technique and gets a score", async ({ page }) => {
  expect(linked.length, "a lesson that links an activity").toBeGreaterThan(0);
  const { lessonId, activity } = linked[0];
  await page.goto(content.lessonPath(lessonId));
  const link = page.getByRole("link", { name: "Try it: build a weakened example" });
  await tabTo(page, link);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${content.lessonPath(lessonId)}/activity$`));
  await expect(page.getByText(activity.frame)).toBeVisible();
  await expectAccessible(page, "activity start");

  // Each step: reach the radio group, choose the piece that uses the technique well, use it.
  for (const [i, step] of activity.steps.entries()) {
    const group = page.getByRole("group", { name: new RegExp(`Step ${i + 1} of ${activity.steps.length}`) });
    await expect(group).toBeVisible();
    const radios = group.getByRole("radio");
    await tabTo(page, radios.first());
    await page.keyboard.press("Space");
    const well = step.pieces.findIndex((p) => p.use === "well");
    for (let k = 0; k < well; k++) await page.keyboard.press("ArrowDown");
    await expect(group.getByRole("radio", { name: step.pieces[well].text })).toBeChecked();
    await tabTo(page, page.getByRole("button", { name: "Use this piece" }));
    await page.keyboard.press("Enter");
    // Focus moves to the feedback, which says how well the piece uses the technique.
    const feedback = page.getByText(step.pieces[well].feedback.trim()).locator("..");
    await expect(feedback).toBeFocused();
    await expect(page.getByText("Uses the technique well", { exact: true })).toBeVisible();
    if (i === 0) await expectAccessible(page, "activity step feedback");
    await tabTo(page, page.getByRole("button", { name: i === activity.steps.length - 1 ? "See your post" : "Next step" }));
    await page.keyboard.press("Enter");
  }

  // The assembled post, clearly labelled, with the full score and the technique explained.
  await expect(page.getByRole("heading", { name: "Your post" })).toBeFocused();
  const post = page.locator("figure").filter({ hasText: "Invented example, for learning" });
  await expect(post).toBeVisible();
  for (const step of activity.steps) await expect(post).toContainText(step.pieces.find((p) => p.use === "well")!.text);
  const max = activity.steps.length;
  await expect(page.getByText(`Your post uses the technique at 100% strength (${max} of ${max} points).`)).toBeVisible();
  await expectAccessible(page, "activity post");
  await tabTo(page, page.getByRole("button", { name: "Start the spot-it round" }));
  await page.keyboard.press("Enter");

  // The spot round: judge every post right except the first, by keyboard.
  await expect(page.getByRole("heading", { name: "Spot it" })).toBeFocused();
  const posts = activity.spot.posts;
  for (const [i, p] of posts.entries()) {
    const group = page.getByRole("group", { name: `Invented post ${i + 1}` });
    await tabTo(page, group.getByRole("radio").first());
    await page.keyboard.press("Space"); // "Uses the technique"
    const sayUses = i === 0 ? !p.uses : p.uses;
    if (!sayUses) await page.keyboard.press("ArrowDown");
    await expect(group.getByRole("radio", { name: sayUses ? "Uses the technique" : "Does not use it" })).toBeChecked();
  }
  await tabTo(page, page.getByRole("button", { name: "Check my answers" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Your result" })).toBeFocused();
  await expect(page.getByText(`You judged ${posts.length - 1} of ${posts.length} posts correctly.`)).toBeVisible();
  await expect(page.getByText(/^You caught \d+% of the posts that use the technique, and wrongly flagged \d+% of the posts that do not\.$/)).toBeVisible();
  await expect(page.getByText(posts[0].feedback.trim())).toBeVisible();
  await expectAccessible(page, "activity result");

  // Again: back to the first step, with nothing chosen.
  await page.getByRole("button", { name: "Build another post" }).click();
  await expect(page.getByRole("heading", { name: "Build the post" })).toBeFocused();
  await expect(page.getByRole("group", { name: new RegExp(`Step 1 of ${max}`) }).getByRole("radio", { checked: true })).toHaveCount(0);
});

test("using a piece before choosing one says what to do, and each activity's lesson links it", async ({ page }) => {
  for (const { lessonId, activity } of linked) {
    await page.goto(`${content.lessonPath(lessonId)}/activity`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(activity.title);
    await page.getByRole("button", { name: "Use this piece" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Choose a piece first." })).toBeVisible();
  }
});
