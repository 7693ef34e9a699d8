// The self-paced learner's next step (issue #23): the dashboard says what to do next with one
// button, skill cards link to practice, refreshers show their dates and go to a calendar file;
// a guest gets the same on the course page from this browser's progress. On a phone (390x844)
// and a laptop, axe-clean in both themes.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { loadContent } from "../lib/content/load";
import { parseCalendar, textOf } from "../lib/calendar/parse";
import { practiceFor, skillCounts } from "../lib/progress/practice";
import type { Quiz, Skill } from "../lib/quiz/types";
import { STORAGE_KEY, type GuestProgress } from "../components/progress/guest-progress";
import { formatDay } from "../components/ui/dates";
import { checkFor, content, expect, expectAccessibleInBothThemes, signedInContext, test } from "./fixtures";

const courseId = content.course.id;
const base = `/en/courses/${courseId}`;
const DAY = 86_400_000;

const en = (() => {
  const { content: all } = loadContent(path.join(__dirname, "..", "content"));
  return all.find((c) => c.locale === "en")!;
})();
const boosters = [...en.boosters.entries()].filter(([k]) => k.startsWith(`${courseId}/`)).map(([k, b]) => ({ id: k.slice(courseId.length + 1), title: b.title, days: b.offerAfterDays }));

/** The lessons that finish the course: the modules the self-paced track puts before its final check. */
const coreLessons = (() => {
  const track = en.tracks.find((t) => t.kind === "self-paced" && t.course === courseId);
  if (!track || track.kind !== "self-paced") throw new Error("no self-paced track");
  const post = track.steps.findIndex((s) => s.type === "assessment" && s.id === "post");
  const modules = new Set(track.steps.slice(0, post).filter((s) => s.type === "module").map((s) => s.id));
  return content.course.modules.filter((m) => modules.has(m.id)).flatMap((m) => m.lessons);
})();

/** Where a learner who has answered no lesson quiz practises a skill (lib/progress/practice.ts). */
function practiceTarget(skill: Skill) {
  const candidates = coreLessons.flatMap((l) => {
    const quiz = content.quizFor(l.id);
    return quiz ? [{ lessonId: l.id, title: l.title, counts: skillCounts(quiz), scores: {} }] : [];
  });
  return practiceFor(skill, candidates)!;
}

// A phone as the brief names it, and a laptop; the projects give the browser (touch or not).
test.beforeEach(async ({ page }, info) => {
  await page.setViewportSize(info.project.name === "phone" ? { width: 390, height: 844 } : { width: 1366, height: 768 });
});

/** Takes the final check through the API: every "recognising" question wrong, every other right. */
async function takeFinalCheck(request: APIRequestContext, quiz: Quiz) {
  const attemptId = crypto.randomUUID();
  for (const q of quiz.questions) {
    let chosen = q.correct;
    if (q.skill === "recognising") {
      if (q.type === "discern") chosen = q.options.filter((o) => !q.correct.includes(o.id)).map((o) => o.id);
      else if (q.type === "sort") chosen = q.correct.map((c) => `${c.split(":")[0]}:${q.categories!.find((p) => p.id !== c.split(":")[1])!.id}`);
      else chosen = [q.options.find((o) => !q.correct.includes(o.id))!.id];
    }
    const res = await request.post("/api/progress/answers", { data: { id: crypto.randomUUID(), attemptId, locale: "en", courseId, lessonId: "assessment-post", questionId: q.id, chosen } });
    expect(res.status(), await res.text()).toBe(200);
  }
  expect((await request.post("/api/progress/attempts/finish", { data: { attemptId, locale: "en" } })).status()).toBe(200);
}

/** Saves the calendar file through the page's button, and reads it as a validator would. */
async function downloadCalendar(page: Page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Add the refresher dates to your calendar" }).click()]);
  expect(download.suggestedFilename()).toBe("common-ground-refreshers.ics");
  const text = fs.readFileSync((await download.path())!, "utf8");
  const calendar = parseCalendar(text);
  return calendar.children.filter((c) => c.name === "VEVENT");
}

const day = (iso: string) => iso.slice(0, 10).replace(/-/g, "");

test("a new learner's dashboard: the next step is the starting check, and each skill card links to practice", async ({ page, context, baseURL }) => {
  await signedInContext(context, baseURL!);
  await page.goto("/en/dashboard");
  const next = page.getByRole("region", { name: "Your next step" });
  const start = next.getByRole("link", { name: "Take the starting check", exact: true });
  await expect(start).toHaveAttribute("href", `${base}/assessment/pre`);
  // One button: the next step is a single action.
  await expect(next.getByRole("link")).toHaveCount(1);

  // How the labels are worked out: a sentence, and the thresholds on demand, at the quizzes' pass mark.
  const skills = page.getByRole("region", { name: "Skills" });
  await expect(skills.getByText(/^Each label comes from your latest answer/)).toBeVisible();
  await skills.getByText("How the labels are worked out").click();
  await expect(skills.getByText("Secure: 70% correct or more, the pass mark of the quizzes.")).toBeVisible();
  await expect(skills.getByText("Developing: under 70% correct.")).toBeVisible();
  await expectAccessibleInBothThemes(page, "dashboard with the next step, new learner");

  for (const skill of ["recognising", "responding", "resilience"] as const) {
    const target = practiceTarget(skill);
    await expect(page.locator(`[data-skill="${skill}"]`).getByRole("link", { name: `Practise this skill: ${target.title}` })).toHaveAttribute("href", `${base}/${target.lessonId}/quiz`);
  }
  const recognising = practiceTarget("recognising");
  await page.locator('[data-skill="recognising"]').getByRole("link", { name: /^Practise this skill:/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Quiz: ${recognising.title}` })).toBeVisible();

  await page.goBack();
  await page.getByRole("region", { name: "Your next step" }).getByRole("link", { name: "Take the starting check", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/assessment/pre$`));
  await expect(page.getByRole("heading", { level: 1, name: "Before you start: what do you know?" })).toBeVisible();
});

test("after the lessons and the final check: practise the weakest skill, refreshers with dates, and their calendar file", async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  await signedInContext(context, baseURL!);
  const request = context.request;
  for (const l of coreLessons) {
    const res = await request.post("/api/progress/lessons", { data: { locale: "en", courseId, lessonId: l.id } });
    expect(res.status(), await res.text()).toBe(200);
  }
  await takeFinalCheck(request, (await checkFor(request, "post")).quiz);
  const view = (await (await request.get("/api/progress?locale=en")).json()) as { courses: { id: string; assessments: { post: { at: string } } }[] };
  const finished = Date.parse(view.courses.find((c) => c.id === courseId)!.assessments.post.at);

  await page.goto("/en/dashboard");
  // Recognising is the weakest skill (every such question wrong at the final check), below the pass mark.
  const target = practiceTarget("recognising");
  const next = page.getByRole("region", { name: "Your next step" });
  await expect(next).toContainText(/Recognising concerning behaviour is your weakest skill: \d+% correct, and a quiz passes at 70%\./);
  await expect(page.locator('[data-skill="recognising"]')).toContainText("Developing");
  await expect(page.locator('[data-skill="responding"]')).not.toContainText("Developing");

  // Each refresher is a link with the day it opens.
  const card = page.getByRole("region", { name: "Before and after" });
  for (const b of boosters) {
    const item = card.getByRole("listitem").filter({ has: page.getByRole("link", { name: b.title, exact: true }) });
    await expect(item.getByRole("link", { name: b.title, exact: true })).toHaveAttribute("href", `${base}/booster/${b.id}`);
    await expect(item).toContainText(`Opens on ${formatDay(new Date(finished + b.days * DAY).toISOString(), "en")}`);
  }
  await expectAccessibleInBothThemes(page, "dashboard with practice and refreshers");

  const events = await downloadCalendar(page);
  expect(events).toHaveLength(boosters.length);
  for (const [i, b] of boosters.entries()) {
    const opens = new Date(finished + b.days * DAY).toISOString();
    expect(events[i].props.find((p) => p.name === "DTSTART")).toEqual({ name: "DTSTART", params: { VALUE: "DATE" }, value: day(opens) });
    expect(textOf(events[i], "SUMMARY")).toBe(`Common Ground refresher: ${b.title}`);
    expect(events[i].props.find((p) => p.name === "URL")!.value).toBe(`${baseURL}${base}/booster/${b.id}`);
    expect(textOf(events[i], "UID")).toMatch(new RegExp(`^refresher-en-${courseId}-${b.id}-${day(opens)}@`));
  }

  await next.getByRole("link", { name: `Practise: ${target.title}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/${target.lessonId}/quiz$`));
  await expect(page.getByRole("heading", { level: 1, name: `Quiz: ${target.title}` })).toBeVisible();
});

/** Puts a guest's progress in this browser before any page loads. */
async function seedGuest(page: Page, lessons: GuestProgress["lessons"]) {
  const value = JSON.stringify({ version: 1, lessons } satisfies GuestProgress);
  await page.addInitScript(([key, v]) => window.localStorage.setItem(key, v), [STORAGE_KEY, value] as const);
}

const key = (id: string) => `en/${courseId}/${id}`;

test("a guest part-way through: the course page continues with the next lesson", async ({ page }) => {
  const firstModule = content.course.modules[0].lessons;
  const at = new Date().toISOString();
  await seedGuest(page, { [key("assessment-pre")]: { doneAt: at, attempts: 1, lastPercent: 50, bestPercent: 50 }, ...Object.fromEntries(firstModule.map((l) => [key(l.id), { doneAt: at, attempts: 0 }])) });
  await page.goto(base);
  const next = page.getByRole("region", { name: "Your next step" });
  const lesson = coreLessons[firstModule.length];
  await expect(next).toContainText(`${firstModule.length} of ${coreLessons.length} lessons done.`);
  await expectAccessibleInBothThemes(page, "course page with the next lesson");
  await next.getByRole("link", { name: `Continue: ${lesson.title}`, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: lesson.title })).toBeVisible();
});

test("a guest ten days after the final check: the week-1 refresher is the next step, and the later one goes to a calendar", async ({ page, baseURL }) => {
  const now = Date.now();
  const post = new Date(now - 10 * DAY).toISOString();
  const done = { doneAt: new Date(now - 11 * DAY).toISOString(), attempts: 0 };
  await seedGuest(page, {
    ...Object.fromEntries(coreLessons.map((l) => [key(l.id), done])),
    [key("assessment-pre")]: { doneAt: new Date(now - 20 * DAY).toISOString(), attempts: 1, lastPercent: 50, bestPercent: 50 },
    [key("assessment-post")]: { doneAt: post, attempts: 1, lastPercent: 80, bestPercent: 80 },
  });
  const [due, later] = [...boosters].sort((a, b) => a.days - b.days);
  const opens = (b: typeof due) => new Date(Date.parse(post) + b.days * DAY).toISOString();
  await page.goto(base);

  const next = page.getByRole("region", { name: "Your next step" });
  await expect(next).toContainText(`It has been ready since ${formatDay(opens(due), "en")}.`);
  const refreshers = page.getByRole("region", { name: "Refreshers" });
  await expect(refreshers).toContainText("Your progress: from 50% to 80% (+30 points)");
  await expect(refreshers.getByRole("listitem").filter({ hasText: due.title })).toContainText(`Ready since ${formatDay(opens(due), "en")}`);
  await expect(refreshers.getByRole("listitem").filter({ hasText: later.title })).toContainText(`Opens on ${formatDay(opens(later), "en")}`);
  await expectAccessibleInBothThemes(page, "course page with a refresher due");

  // Only the refresher still to come goes to the calendar: the one that is open is the next step.
  const events = await downloadCalendar(page);
  expect(events).toHaveLength(1);
  expect(events[0].props.find((p) => p.name === "DTSTART")!.value).toBe(day(opens(later)));
  expect(events[0].props.find((p) => p.name === "URL")!.value).toBe(`${baseURL}${base}/booster/${later.id}`);

  await next.getByRole("link", { name: `Take the refresher: ${due.title}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/booster/${due.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: due.title })).toBeVisible();
});
