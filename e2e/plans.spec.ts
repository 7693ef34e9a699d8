// The plan and the group are one thing (issue #23): a group's page shows its plan's steps with a
// working link for each; a class on the school plan is set the school lessons and shows who has
// done each; the plan's page lists the facilitator's groups on it; each school lesson has its own
// page and a student pack that prints sheet by sheet, and the plan's overview prints on a few.
import crypto from "node:crypto";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { loadContent } from "../lib/content/load";
import { planAssignments } from "../lib/content/plan";
import { expect, expectAccessibleInBothThemes, newLearner, signInApi, signUpApi, test, type Learner, signUpHeaders } from "./fixtures";

const en = (() => {
  const { content: all, problems } = loadContent(path.join(__dirname, "..", "content"));
  if (problems.length) throw new Error(`content is invalid: ${JSON.stringify(problems[0])}`);
  return all.find((c) => c.locale === "en")!;
})();
const workshop = en.tracks.find((t) => t.kind === "workshop")!;
const school = en.tracks.find((t) => t.kind === "school")!;
if (workshop.kind !== "workshop" || school.kind !== "school") throw new Error("content/en/tracks needs a workshop and a school plan");
const course = en.courses.find((c) => c.id === school.course)!;
const lessonTitle = (id: string) => course.modules.flatMap((m) => m.lessons).find((l) => l.id === id)?.title;

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const PROJECTOR = { width: 1920, height: 1080 };

async function facilitator(request: APIRequestContext, name: string): Promise<Learner> {
  const person = newLearner(name);
  const res = await request.post("/api/account", { headers: signUpHeaders(), data: { email: person.email, password: person.password, displayName: name, role: "facilitator" } });
  expect(res.status(), await res.text()).toBe(201);
  await signInApi(request, person);
  return person;
}

async function createGroup(request: APIRequestContext, name: string, kind: "workshop" | "class", trackId: string) {
  const res = await request.post("/api/cohorts", { data: { name, kind, locale: "en", trackId } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as { id: string; joinCode: string };
}

/** The page is no wider than the window: nothing to scroll sideways. */
async function expectNoSidewaysScroll(page: Page, what: string) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), what).toBeLessThanOrEqual(1);
}

test("a workshop group's page shows its plan's steps, each with a link that opens its page", async ({ page }) => {
  test.setTimeout(120_000);
  await facilitator(page.request, "Pat Planner");
  const name = `Hall plan ${crypto.randomUUID().slice(0, 6)}`;
  const { id } = await createGroup(page.request, name, "workshop", workshop.id);
  await page.setViewportSize(LAPTOP);
  await page.goto(`/en/facilitate/${id}`);
  await page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Plan", exact: true }).click();
  const plan = page.getByRole("region", { name: `The plan: ${workshop.title}` });
  await expect(plan).toBeInViewport();

  // The steps in order: the group (done), what to print, then every part with its running time.
  const steps = plan.getByRole("heading", { level: 3 });
  await expect(steps).toHaveText(["Create the group Done", "Before the session: print", ...workshop.parts.map((p) => p.title)]);
  let at = 0;
  const clock = (m: number) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}`;
  for (const p of workshop.parts) {
    await expect(plan.getByRole("listitem").filter({ has: page.getByRole("heading", { name: p.title, exact: true }) })).toContainText(`${clock(at)} to ${clock(at + p.minutes)}, ${p.minutes} min`);
    at += p.minutes;
  }
  await expect(plan.getByRole("link", { name: "Join sheet: this group's code and QR code" })).toHaveAttribute("href", `/en/facilitate/${id}/join-sheet`);
  await expect(plan.getByRole("link", { name: "Open the starting check" })).toHaveAttribute("href", `/en/courses/${workshop.course}/assessment/pre`);
  await expect(plan.getByRole("link", { name: "Open the final check" })).toHaveAttribute("href", `/en/courses/${workshop.course}/assessment/post`);
  await expect(plan.getByRole("link", { name: "Print: Printed quizzes for the workshop" }).first()).toHaveAttribute("href", `/en/tracks/${workshop.id}/materials/workshop-quizzes`);
  await expect(plan.getByRole("link", { name: "Reporting cards: the help page" })).toHaveAttribute("href", "/en/help");
  await expect(plan.getByRole("link", { name: "Open the whole plan" })).toHaveAttribute("href", `/en/tracks/${workshop.id}`);

  // Every link opens: the group's own join sheet, lessons, checks, print pages, the plan's notes.
  const hrefs = [...new Set(await plan.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!)))];
  expect(hrefs.length).toBeGreaterThan(workshop.parts.length);
  for (const href of hrefs) expect((await page.request.get(href.split("#")[0])).status(), href).toBe(200);
  // A part's notes link lands on that part of the plan.
  const notes = plan.getByRole("listitem").filter({ has: page.getByRole("heading", { name: workshop.parts[2].title, exact: true }) }).getByRole("link", { name: "Facilitator notes" });
  await expect(notes).toHaveAttribute("href", `/en/tracks/${workshop.id}#part-${workshop.parts[2].id}`);

  for (const viewport of [LAPTOP, PROJECTOR, PHONE]) {
    await page.setViewportSize(viewport);
    await expect(plan).toBeVisible();
    // The panel fits the window: nothing of it to scroll sideways on a phone or a projector.
    const box = (await plan.boundingBox())!;
    expect(box.x + box.width, `the plan at ${viewport.width}px`).toBeLessThanOrEqual(viewport.width);
    expect(await plan.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
    if (viewport !== PROJECTOR) await expectAccessibleInBothThemes(page, `the group's plan at ${viewport.width}px`);
  }

  await notes.click();
  await expect(page).toHaveURL(new RegExp(`/en/tracks/${workshop.id}#part-${workshop.parts[2].id}$`));
  await expect(page.getByRole("region", { name: workshop.parts[2].title, exact: true })).toBeInViewport();
});

test("a class created with the school plan is set the school lessons, and shows who has done each", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  await facilitator(page.request, "Tam Teacher");
  const name = `Year 10 ${crypto.randomUUID().slice(0, 6)}`;
  const planned = planAssignments(school);

  await test.step("create the class from the form, with the plan that follows the kind", async () => {
    await page.goto("/en/facilitate");
    await page.getByLabel("Group name").fill(name);
    await page.getByRole("radio", { name: /^Class/ }).check();
    await expect(page.getByLabel("Plan to follow")).toHaveValue(school.id);
    await page.getByRole("button", { name: "Create the group" }).click();
    await page.waitForURL(/\/en\/facilitate\/[0-9a-f-]{36}$/);
  });
  const id = new URL(page.url()).pathname.split("/").pop()!;

  const progress = page.getByRole("region", { name: "Who has done what" });
  await test.step("the assignments are the six school lessons' checks and course lessons, not the course's list", async () => {
    for (const [i, l] of school.lessons.entries()) await expect(progress.getByRole("heading", { level: 4, name: `Lesson ${i + 1}: ${l.title}` })).toBeVisible();
    // Exactly the plan's: its checks and the course lessons each school lesson draws on, in order
    // (so not the facilitators' own module 6, nor any lesson the plan does not use).
    const titles = planned.map((p) => (p.activityId === "assessment-pre" ? "Starting check" : p.activityId === "assessment-post" ? "Final check" : lessonTitle(p.activityId)!));
    await expect(progress.locator(".assignment-progress-title")).toHaveText(titles);
    expect(titles).not.toContain(course.modules.at(-1)!.lessons[0].title);
    await expect(progress.getByText("No due date yet").first()).toBeVisible();
    await expect(progress.getByText("No one has joined yet").first()).toBeVisible();
    // The plan's steps are the lessons too, each with its teacher's plan and student pack.
    const plan = page.getByRole("region", { name: `The plan: ${school.title}` });
    await expect(plan.getByRole("link", { name: "The teacher's plan for this lesson" })).toHaveCount(school.lessons.length);
    await expect(plan.getByRole("link", { name: "Print the student pack" }).first()).toHaveAttribute("href", `/en/tracks/${school.id}/${school.lessons[0].id}/print`);
  });

  // Two students join; one reads the first course lesson the plan sets.
  const first = planned.find((p) => !p.activityId.startsWith("assessment-"))!.activityId;
  const phone = await browser.newContext({ viewport: PHONE, baseURL });
  const students = [newLearner("Bo"), newLearner("Ash")];
  const joinCode = ((await (await page.request.get("/api/cohorts")).json()) as { id: string; joinCode: string }[]).find((g) => g.id === id)!.joinCode;
  const contexts = [phone, await browser.newContext({ baseURL })];
  for (const [i, s] of students.entries()) {
    await signUpApi(contexts[i].request, s);
    await signInApi(contexts[i].request, s);
    expect((await contexts[i].request.post("/api/join", { data: { code: joinCode } })).status()).toBe(200);
  }
  expect((await phone.request.post("/api/progress/lessons", { data: { locale: "en", courseId: school.course, lessonId: first } })).status()).toBe(200);
  // A date for one lesson, set by the teacher (the rest keep none).
  const dated = planned.filter((p) => !p.activityId.startsWith("assessment-"))[1].activityId;
  expect((await page.request.post(`/api/cohorts/${id}/assignments`, { data: { activityId: dated, dueAt: "2031-03-14" } })).status()).toBe(200);

  await test.step("each assignment says n of m done, and names who has not done it for the teacher only", async () => {
    await page.reload();
    const row = (title: string) => progress.locator(".assignment-progress-group > ul > li").filter({ has: page.getByText(title, { exact: true }) });
    await expect(row(lessonTitle(first)!)).toContainText("1 of 2 done");
    await row(lessonTitle(first)!).getByText("Not done yet (1)").click();
    await expect(row(lessonTitle(first)!).getByRole("listitem")).toHaveText(["Ash"]);
    await expect(row("Starting check")).toContainText("0 of 2 done");
    await expect(row(lessonTitle(dated)!)).toContainText("Due by 14 March 2031");
    await expectAccessibleInBothThemes(page, "a class's assignments with who has done what");
  });

  await test.step("a student sees the class's work on a phone: no due date, or the date", async () => {
    const student = await phone.newPage();
    await phone.addCookies([{ name: "cg_signed_in", value: "1", url: baseURL! }]);
    await student.goto("/en/dashboard");
    const groups = student.getByRole("region", { name: "Your groups" });
    await expect(groups.getByRole("heading", { name })).toBeVisible();
    const item = (title: string) => groups.getByRole("listitem").filter({ hasText: title, hasNot: student.getByRole("heading") });
    // Dated work first; the rest in the plan's order, each saying it has no due date.
    await expect(item(lessonTitle(dated)!)).toContainText("Due 14 March 2031");
    await expect(item(lessonTitle(first)!)).toContainText("No due date");
    await expect(item(lessonTitle(first)!)).toContainText("Done");
    await expect(groups.getByText("Overdue:")).toHaveCount(0);
    // Never anyone else's name.
    await expect(student.getByText("Ash", { exact: true })).toHaveCount(0);
    await expectNoSidewaysScroll(student, "dashboard on a phone");
    await expectAccessibleInBothThemes(student, "dashboard with a class on the school plan");
  });
  for (const c of contexts) await c.close();
});

test("the plan's page lists the facilitator's own groups on it, and only those", async ({ page, baseURL }) => {
  await facilitator(page.request, "Gil Groups");
  const tag = crypto.randomUUID().slice(0, 6);
  const onSchool = await createGroup(page.request, `Class ${tag}`, "class", school.id);
  await createGroup(page.request, `Hall ${tag}`, "workshop", workshop.id);
  // The header's hint that a facilitator is signed in (set by the sign-in form; here by hand).
  await page.context().addCookies([{ name: "cg_signed_in", value: "facilitator", url: baseURL! }]);

  await page.goto(`/en/tracks/${school.id}`);
  const mine = page.getByRole("region", { name: "Your groups on this plan" });
  await expect(mine.getByRole("link", { name: `Class ${tag}` })).toHaveAttribute("href", `/en/facilitate/${onSchool.id}#plan`);
  await expect(mine.getByRole("link", { name: `Hall ${tag}` })).toHaveCount(0);
  await expect(mine.getByRole("link", { name: "Create or open a group on My groups" })).toHaveAttribute("href", "/en/facilitate");
  await expectAccessibleInBothThemes(page, "school plan with the facilitator's groups");
  await mine.getByRole("link", { name: `Class ${tag}` }).click();
  await expect(page.getByRole("region", { name: `The plan: ${school.title}` })).toBeInViewport();

  // Signed out, the page is the same static page with only the way to My groups.
  await page.context().clearCookies();
  await page.goto(`/en/tracks/${workshop.id}`);
  await expect(page.getByRole("region", { name: "Your groups on this plan" }).getByRole("link")).toHaveText(["Create or open a group on My groups"]);
});

/** Pages in a PDF, counted the way PDF readers do (as in e2e/materials.spec.ts). */
const pdfPages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;

test("a school lesson's student pack prints its text, the other task and each worksheet on sheets of their own", async ({ publicPage: page }) => {
  test.slow(); // print layouts and PDFs
  const lesson = school.lessons.find((l) => l.activities.some((a) => a.handouts.length > 0))!;
  const number = school.lessons.indexOf(lesson) + 1;
  const worksheets = [...new Set(lesson.activities.flatMap((a) => a.handouts))].map((id) => en.materials.find((m) => m.id === id)!);

  await page.goto(`/en/tracks/${school.id}/${lesson.id}`);
  await page.getByRole("link", { name: "Print the student pack" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/en/tracks/${school.id}/${lesson.id}/print$`));
  await expect(page.getByRole("heading", { level: 1, name: `Student pack: lesson ${number}, ${lesson.title}` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the lesson plan" })).toHaveAttribute("href", `/en/tracks/${school.id}/${lesson.id}`);
  const text = page.getByRole("region", { name: new RegExp(`^Lesson ${number}: `) }).first();
  await expect(text.getByRole("note", { name: "Content warning" })).toContainText(lesson.contentWarning);
  await expect(text).toContainText(lesson.trustedAdult);
  await expect(page.getByRole("region", { name: /^The other task/ })).toContainText(lesson.optOut);
  for (const m of worksheets) await expect(page.getByRole("heading", { level: 2, name: m.title }).first()).toBeVisible();
  await expectAccessibleInBothThemes(page, "student pack");

  await page.emulateMedia({ media: "print" });
  const layout = await page.evaluate(() => ({
    sections: [...document.querySelectorAll<HTMLElement>(".material-section")].map((s) => getComputedStyle(s).breakBefore),
    chrome: [".site-header", ".site-footer", ".breadcrumbs", ".actions", ".material-intro"].flatMap((sel) => [...document.querySelectorAll<HTMLElement>(sel)].map((e) => getComputedStyle(e).display)),
  }));
  // The text, the other task, and each worksheet's sheets and key: every one after the first starts a page.
  expect(layout.sections.length).toBeGreaterThanOrEqual(2 + worksheets.length);
  expect(layout.sections.slice(1)).toEqual(layout.sections.slice(1).map(() => "page"));
  expect(layout.chrome.every((d) => d === "none"), "nothing of the site prints").toBe(true);
  for (const format of ["A4", "Letter"] as const) expect(pdfPages(await page.pdf({ format })), `student pack on ${format}`).toBeGreaterThanOrEqual(layout.sections.length);
  await page.emulateMedia({ media: "screen" });
});

test("the school plan's overview prints on a few sheets, and each lesson page reads on a phone", async ({ publicPage: page }) => {
  await page.goto(`/en/tracks/${school.id}`);
  for (const format of ["A4", "Letter"] as const) expect(pdfPages(await page.pdf({ format })), `school plan overview on ${format}`).toBeLessThanOrEqual(6);
  await page.setViewportSize(PHONE);
  for (const l of school.lessons) {
    await page.goto(`/en/tracks/${school.id}/${l.id}`);
    await expect(page.getByRole("heading", { level: 1, name: l.title })).toBeVisible();
    await expectNoSidewaysScroll(page, `${l.id} on a phone`);
  }
  await expectAccessibleInBothThemes(page, "a school lesson on a phone");
});
