// Reports a volunteer can read, on the screens a facilitator uses them on (a laptop at 1366x768
// and a projector at 1920x1080): a workshop group's grid has the workshop's lessons as named
// columns and not the facilitators' own module 6; a low score stands out by fill, stripes and
// "!" and in words; the learning figures say what they mean before the research term; the CSV
// has each learner's checks; the room view shows no name anywhere in the page, in large type,
// and refreshes on its own.
import crypto from "node:crypto";
import fs from "node:fs";
import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { checkFor, content, expect, expectAccessibleInBothThemes, newLearner, signInApi, test, signUpHeaders } from "./fixtures";

const LAPTOP = { width: 1366, height: 768 };
const PROJECTOR = { width: 1920, height: 1080 };
const lesson = content.lessons[0];
const moduleSix = content.course.modules.find((m) => m.id === "leading-a-session")!.lessons[0];

/** A learner who joined with a nickname only, signed in through the API in a context of their own. */
async function nicknameLearner(baseURL: string, code: string, nickname: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const joined = await ctx.post("/api/join/nickname", { data: { code, nickname } });
  expect(joined.status(), await joined.text()).toBe(201);
  const { loginName, passphrase } = (await joined.json()) as { loginName: string; passphrase: string };
  await signInApi(ctx, { email: loginName, password: passphrase, name: nickname });
  return ctx;
}

/** Takes a lesson's quiz through the progress API, every answer right or every answer wrong. */
async function takeQuiz(request: APIRequestContext, lessonId: string, right: boolean) {
  const quiz = content.quizFor(lessonId)!;
  const attemptId = crypto.randomUUID();
  for (const q of quiz.questions) {
    const wrong = q.type === "sort" || q.type === "discern" ? q.correct : [q.options.find((o) => !q.correct.includes(o.id))!.id];
    const res = await request.post("/api/progress/answers", {
      data: { id: crypto.randomUUID(), attemptId, locale: "en", courseId: content.course.id, lessonId, questionId: q.id, chosen: right ? q.correct : wrong },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
  expect((await request.post("/api/progress/attempts/finish", { data: { attemptId, locale: "en" } })).status()).toBe(200);
}

/** Takes the starting check on the learner's own form, every answer right. */
async function takeStartingCheck(request: APIRequestContext) {
  const { quiz } = await checkFor(request, "pre");
  const attemptId = crypto.randomUUID();
  for (const q of quiz.questions) {
    const res = await request.post("/api/progress/answers", {
      data: { id: crypto.randomUUID(), attemptId, locale: "en", courseId: content.course.id, lessonId: "assessment-pre", questionId: q.id, chosen: q.correct },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
  expect((await request.post("/api/progress/attempts/finish", { data: { attemptId, locale: "en" } })).status()).toBe(200);
}

/** The page does not scroll sideways: only a table's own region may. */
async function expectNoSidewaysScroll(page: Page, what: string) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `${what}: page width ${scroll} in a ${width} px window`).toBeLessThanOrEqual(width);
}

/** Splits one CSV line into its cells (quoted cells may hold commas and doubled quotes). */
function csvCells(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1].replace(/^"|"$/g, "").replace(/""/g, '"'));
}

test("a workshop group's reports: the plan's lessons, low scores marked, plain words, and a room view with no names", async ({ page, baseURL }) => {
  test.skip(test.info().project.name === "phone", "this test sets the laptop and projector viewports itself; facilitator.spec covers the group page on a phone");
  // Four browsers' worth of API calls, two viewports and axe four times: room for a loaded machine.
  test.setTimeout(240_000);
  await page.setViewportSize(LAPTOP);
  const lead = newLearner("Rhea Reports");
  const made = await page.request.post("/api/account", { headers: signUpHeaders(), data: { email: lead.email, password: lead.password, displayName: lead.name, role: "facilitator" } });
  expect(made.status(), await made.text()).toBe(201);
  await signInApi(page.request, lead);
  const groupName = `Library hall ${crypto.randomUUID().slice(0, 6)}`;
  const created = await page.request.post("/api/cohorts", { data: { name: groupName, kind: "workshop", locale: "en", trackId: "workshop" } });
  expect(created.status(), await created.text()).toBe(200);
  const { id: cohortId, joinCode } = (await created.json()) as { id: string; joinCode: string };

  // Heron misses every question of lesson 1.1; Marten gets them all and takes the starting check;
  // Osprey takes a module 6 lesson only, which is not part of a workshop group's plan.
  const heron = await nicknameLearner(baseURL!, joinCode, "Heron");
  const marten = await nicknameLearner(baseURL!, joinCode, "Marten");
  const osprey = await nicknameLearner(baseURL!, joinCode, "Osprey");
  await takeQuiz(heron, lesson.id, false);
  await takeQuiz(marten, lesson.id, true);
  await takeStartingCheck(marten);
  await takeQuiz(osprey, moduleSix.id, true);

  await test.step("the grid has the workshop's lessons as named columns, and marks the low score", async () => {
    await page.goto(`/en/facilitate/${cohortId}`);
    await expect(page.getByRole("heading", { level: 1, name: groupName })).toBeVisible();
    const grid = page.getByRole("region", { name: "Progress grid (scrolls sideways)" });
    await expect(grid.getByRole("columnheader", { name: `Lesson 1.1: ${lesson.title}` })).toBeVisible();
    await expect(grid.getByRole("columnheader", { name: "Module 5" })).toHaveCount(1);
    await expect(grid.getByRole("columnheader", { name: "Module 6" })).toHaveCount(0);
    await expect(grid.getByRole("columnheader", { name: new RegExp(moduleSix.title) })).toHaveCount(0);

    const low = grid.getByRole("row", { name: /Heron/ }).getByRole("cell", { name: /^Done, best score \d+%, below 50%$/ });
    await expect(low).toHaveClass(/heat-low/);
    await expect(low).toContainText("!");
    const high = grid.getByRole("row", { name: /Marten/ }).getByRole("cell", { name: "Done, best score 100%" });
    await expect(high).toHaveClass(/heat-high/);
    await expect(high).not.toContainText("!");
    // Each row's count of scores below 50% (after "Lessons done"), so who may need help stands out.
    await expect(grid.getByRole("columnheader", { name: "Scores below 50%" })).toBeVisible();
    await expect(grid.getByRole("row", { name: /Heron/ }).getByRole("cell").nth(1)).toHaveText("!1");
    await expect(grid.getByRole("row", { name: /Marten/ }).getByRole("cell").nth(1)).toHaveText("0");
    // Osprey's module 6 lesson is in no column and not counted as done.
    await expect(grid.getByRole("row", { name: /Osprey/ }).getByRole("cell").first()).toHaveText("0");
    await expect(page.getByText("A score below 50% is also striped and marked !")).toBeVisible();
    await expectNoSidewaysScroll(page, "the group page on a laptop");
  });

  await test.step("the learning figures say what they mean, with the research term on demand", async () => {
    const learning = page.locator("#learning");
    await expect(learning.getByText("Spotted the manipulative posts", { exact: true })).toBeVisible();
    await expect(learning.getByText("Flagged genuine posts as manipulative", { exact: true })).toBeVisible();
    const term = learning.getByText("Research term: hit rate.", { exact: false });
    await expect(term).toBeHidden();
    await learning.getByText("What is this? (Spotted the manipulative posts)").click();
    await expect(term).toBeVisible();
    // The attitudes refresh with the rest: nothing asks for a reload.
    await expect(page.locator("#attitudes")).toBeVisible();
    await expect(page.locator("#attitudes")).not.toContainText("Reload the page");
    await expectAccessibleInBothThemes(page, "the group page on a laptop");
  });

  await test.step("the reports can be read in one language, and back in all", async () => {
    const language = page.getByLabel("Answers given in");
    await expect(language).toHaveValue("");
    // Every language content/locales.json enables, named in the page's language.
    await expect(language.getByRole("option")).toHaveText(["All languages", "English", "French", "Spanish", "Arabic"]);
    await language.selectOption({ label: "English" });
    // Everything here was answered in English: the same figures, now read with ?locale=en.
    await expect(page.getByRole("status").filter({ hasText: "Showing only what was done in English" })).toBeVisible();
    const grid = page.getByRole("region", { name: "Progress grid (scrolls sideways)" });
    await expect(grid.getByRole("row", { name: /Heron/ }).getByRole("cell", { name: /^Done, best score \d+%, below 50%$/ })).toBeVisible();
    await expect(page.locator("#questions")).not.toContainText("By language");
    await expectAccessibleInBothThemes(page, "the group page read in one language");
    await language.selectOption({ label: "All languages" });
    await expect(page.getByRole("status").filter({ hasText: "Showing only what was done in" })).toHaveCount(0);
  });

  await test.step("the CSV has the plan's lessons and each learner's starting and final check", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    const rows = fs.readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/).map(csvCells);
    const header = rows[0];
    expect(header).toContain(`1.1 ${lesson.title} (best %)`);
    expect(header.join()).not.toContain(moduleSix.title);
    expect(header.slice(-5)).toEqual(["Starting check (%)", "Starting check finished (UTC)", "Final check (%)", "Final check finished (UTC)", "Languages (locale codes)"]);
    const marten = rows.find((r) => r[0] === "Marten")!;
    expect(marten.slice(-5)).toEqual(["100", expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/), "", "", "en"]);
    expect(rows.find((r) => r[0] === "Heron")!.slice(-5)).toEqual(["", "", "", "", "en"]);
  });

  await test.step("the room view shows the group's figures and no learner's name, large enough for a projector", async () => {
    await page.getByRole("link", { name: "Room view (no names, to project)" }).click();
    await page.waitForURL(`**/en/facilitate/${cohortId}/room`);
    await expect(page.getByRole("heading", { level: 1, name: `Room view: ${groupName}` })).toBeVisible();
    const table = page.getByRole("table", { name: /^Each lesson of the plan/ });
    const first = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: `1.1 ${lesson.title}`, exact: true }) });
    await expect(first.getByRole("cell").first()).toHaveText("2 of 3");
    // Two scores in a room of three would point at people: the bands wait for five.
    await expect(first.getByRole("cell").nth(1)).toHaveText("Shown once 5 learners have a score (2 so far)");
    await expect(table.getByRole("row", { name: new RegExp(moduleSix.title) })).toHaveCount(0);
    // No name on the screen, nor anywhere in the page's HTML and data.
    const html = await page.content();
    for (const name of ["Heron", "Marten", "Osprey"]) {
      await expect(page.getByText(name)).toHaveCount(0);
      expect(html, `${name} in the room view's HTML`).not.toContain(name);
    }
    const fontSize = await page.locator(".room-view").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(22);
    for (const viewport of [LAPTOP, PROJECTOR]) {
      await page.setViewportSize(viewport);
      await expectNoSidewaysScroll(page, `the room view at ${viewport.width}x${viewport.height}`);
      await expectAccessibleInBothThemes(page, `the room view at ${viewport.width}x${viewport.height}`);
    }

    // It refreshes on its own: Osprey finishes lesson 1.1 and the row follows, with no reload.
    await takeQuiz(osprey, lesson.id, true);
    await expect(first.getByRole("cell").first()).toHaveText("3 of 3", { timeout: 25_000 });
    await expect(page.getByText("Osprey")).toHaveCount(0);
  });

  for (const ctx of [heron, marten, osprey]) await ctx.dispose();
});
