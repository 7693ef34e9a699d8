import path from "node:path";
import type { Page } from "@playwright/test";
import { loadContent } from "../lib/content/load";
import { helpGroups } from "../components/help/help-groups";
import { shownCount } from "../lib/quiz/experiments";
import { expect, expectAccessible, test } from "./fixtures";
import { SiteNav } from "./pages/site-nav";

// The reporting channels and the tracks as written, so the tests follow the content files.
const en = (() => {
  const { content: all, problems } = loadContent(path.join(__dirname, "..", "content"));
  if (problems.length) throw new Error(`content is invalid: ${JSON.stringify(problems[0])}`);
  return all.find((c) => c.locale === "en")!;
})();
const channels = en.channels!;
const countries = channels.countries;
const track = <K extends "workshop" | "self-paced" | "school">(kind: K) => {
  const found = en.tracks.find((t) => t.kind === kind);
  if (!found) throw new Error(`no ${kind} track in content/en/tracks`);
  return found as Extract<(typeof en.tracks)[number], { kind: K }>;
};

/**
 * A track's check slot: the slot's title links to its page, with its length (a learner takes
 * form A or B there; parallel forms show as many questions either way).
 */
const checkOf = (course: string, form: "pre" | "post") => {
  const quiz = en.forms.get(course)?.a;
  if (!quiz) throw new Error(`no check forms in course ${course}`);
  const title = form === "pre" ? "Before you start: what do you know?" : "After the course: what have you learned?";
  return { title, questions: shownCount(quiz), href: `/en/courses/${course}/assessment/${form}`, label: form === "pre" ? "Starting check" : "Final check" };
};

/** The check link opens the assessment page it names, then the test comes back to the track. */
async function expectCheckLinkWorks(page: Page, link: ReturnType<Page["getByRole"]>, check: ReturnType<typeof checkOf>) {
  expect((await page.request.get(check.href)).status(), `${check.href} opens`).toBe(200);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${check.href}$`));
  // The page's own heading, whichever form a counterbalanced group serves under this address.
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goBack();
}

/**
 * Every page carries the header link to the emergency numbers and reporting channels: the help
 * index, or the country page opened last (e2e/join-path.spec.ts follows that memory).
 */
async function expectEmergencyLink(page: Page) {
  const link = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "In an emergency" });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute("href", /^\/en\/help(\/[a-z]{2})?$/);
}

/** Pages in a PDF, counted the way PDF readers do: one /Type /Page object per page. */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

test("the help index puts the emergency first, lists every country and helps anyone not listed", async ({ publicPage: page }) => {
  await page.goto("/en/help");
  await expectEmergencyLink(page);
  const headings = page.getByRole("heading");
  await expect(headings.first()).toHaveText("In an emergency");
  await expect(page.getByText("call your local emergency number now")).toBeVisible();

  const find = page.getByRole("region", { name: "Find help where you are" });
  for (const c of countries) {
    await expect(find.getByRole("link", { name: c.name, exact: true })).toHaveAttribute("href", `/en/help/${c.code.toLowerCase()}`);
  }
  // The path for someone worried about themselves starts on the index too.
  const yourself = page.getByRole("region", { name: "Worried about yourself?" });
  for (const c of countries.filter((k) => helpGroups(k).some((g) => g.id === "yourself" && g.entries.length > 0))) {
    await expect(yourself.getByRole("link", { name: `${c.name}: if you are worried about yourself` })).toHaveAttribute("href", `/en/help/${c.code.toLowerCase()}#yourself`);
  }
  const notListed = page.getByRole("region", { name: "If your country is not listed" });
  await expect(notListed.getByText(channels.unknownCountry.emergencyNote)).toBeVisible();
  await expect(notListed.getByText(channels.unknownCountry.reportNote)).toBeVisible();
  await expect(page.getByText("This app never collects reports. Use these official channels.")).toBeVisible();
  await expectAccessible(page, "help index");

  // The header link is the way in from anywhere.
  await page.goto("/en");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "In an emergency" }).click();
  await expect(page).toHaveURL(/\/en\/help$/);
});

/** The region of each worry on a country page, by its heading. */
const GROUP_TITLES = {
  online: "You saw something online",
  someone: "You are worried about someone",
  yourself: "You are worried about yourself",
  hate: "Someone was targeted by hate",
  child: "A child or young person needs to talk",
} as const;
const GROUP_NONE = { online: "No national reporting line is listed here", someone: "No separate route is listed here", yourself: "No helpline is listed here yet" } as const;

test("each country page groups its routes by worry, each with who answers and where it was checked", async ({ publicPage: page }) => {
  test.slow(); // every country, each with axe
  for (const c of countries) {
    await page.goto(`/en/help/${c.code.toLowerCase()}`);
    await expectEmergencyLink(page);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(c.name);

    const danger = page.getByRole("region", { name: "Someone is in danger now" });
    for (const n of c.emergency) {
      await expect(danger.getByRole("link", { name: n, exact: true })).toHaveAttribute("href", `tel:${n.replace(/\D/g, "")}`);
    }

    for (const group of helpGroups(c)) {
      if (group.id === "danger") continue;
      const region = page.getByRole("region", { name: GROUP_TITLES[group.id], exact: true });
      await expect(region, `${c.code}: ${group.id}`).toBeVisible();
      if (group.advice) await expect(region.getByText(group.advice)).toBeVisible();
      if (group.entries.length === 0 && !group.advice) await expect(region.getByText(GROUP_NONE[group.id as keyof typeof GROUP_NONE])).toBeVisible();
      for (const r of group.entries) {
        const item = region.getByRole("listitem").filter({ has: page.getByText(r.name, { exact: true }) });
        await expect(item).toBeVisible();
        if (r.url) await expect(item.getByRole("link", { name: r.url, exact: true })).toHaveAttribute("href", `https://${r.url}`);
        if (r.phone) await expect(item.getByRole("link", { name: r.phone, exact: true })).toHaveAttribute("href", /^tel:\+?\d+$/);
        if (r.whoAnswers) await expect(item).toContainText(`Who answers: ${r.whoAnswers}`);
        if (r.whatHappens) await expect(item).toContainText(`What happens next: ${r.whatHappens}`);
        if (r.hours) await expect(item).toContainText(`Hours: ${r.hours}`);
        await expect(item).toContainText(`Checked on ${r.lastVerified} against`);
        await expect(item.getByRole("link", { name: r.source.title ?? new URL(r.source.url).hostname, exact: true })).toHaveAttribute("href", r.source.url);
        if (r.confidence === "medium") await expect(item).toContainText("Confidence: medium. Confirm this one locally.");
      }
    }

    const source = page.getByRole("region", { name: "Where these details come from" });
    await expect(source.getByText(c.source.title, { exact: true })).toBeVisible();
    await expect(source.getByText(`Last verified: ${c.lastVerified}`)).toBeVisible();
    await expect(source.getByText(c.confidence === "medium" ? "Confidence: medium — check this number locally" : "Confidence: high")).toBeVisible();
    await expect(page.getByRole("link", { name: "Print a reporting card" })).toHaveAttribute("href", `/en/help/${c.code.toLowerCase()}/card`);
    await expectAccessible(page, `help page for ${c.code}`);
  }
});

test("the UK page has a path for someone worried about themselves, with an exit programme", async ({ publicPage: page }) => {
  await page.goto("/en/help");
  await page.getByRole("region", { name: "Worried about yourself?" }).getByRole("link", { name: "United Kingdom: if you are worried about yourself" }).click();
  await expect(page).toHaveURL(/\/en\/help\/gb#yourself$/);
  const yourself = page.getByRole("region", { name: "You are worried about yourself", exact: true });
  await expect(yourself).toBeInViewport();
  const exit = yourself.getByRole("listitem").filter({ has: page.getByText("Exit Hate", { exact: true }) });
  await expect(exit.getByRole("link", { name: "exithate.com", exact: true })).toHaveAttribute("href", "https://exithate.com");
  await expect(exit).toContainText("Who answers:");
  await expect(yourself.getByRole("listitem").filter({ has: page.getByText("Samaritans", { exact: true }) }).getByRole("link", { name: "116 123", exact: true })).toHaveAttribute("href", "tel:116123");
});

test("an unknown country is a 404 page", async ({ publicPage: page }) => {
  const response = await page.goto("/en/help/zz");
  expect(response?.status()).toBe(404);
});

test("each reporting card prints on one page, in A4 and in US Letter", async ({ publicPage: page }) => {
  test.slow(); // every country, two PDFs and axe each
  for (const c of countries) {
    await page.goto(`/en/help/${c.code.toLowerCase()}/card`);
    await expectEmergencyLink(page);
    const card = page.getByRole("article", { name: `Reporting card: ${c.name}` });
    await expect(card).toBeVisible();
    await expect(card.getByText("Never confront or investigate anyone yourself.")).toBeVisible();
    await expect(card.getByText(`Last verified: ${c.lastVerified}`)).toBeVisible();
    await expect(card.getByRole("region", { name: "My local safeguarding contact" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Print this card" })).toBeVisible();
    for (const format of ["A4", "Letter"] as const) {
      expect(pdfPages(await page.pdf({ format })), `${c.code} card on ${format}`).toBe(1);
    }
    await expectAccessible(page, `reporting card for ${c.code}`);
  }
});

test("the tracks page lists the three tracks and each opens", async ({ publicPage: page }) => {
  await page.goto("/en");
  await (await new SiteNav(page).link("Ways to learn")).click();
  await expect(page).toHaveURL(/\/en\/tracks$/);
  await expectEmergencyLink(page);
  await expect(page.getByRole("heading", { level: 1, name: "Ways to learn" })).toBeVisible();
  for (const t of en.tracks) {
    await expect(page.getByRole("link", { name: t.title, exact: true })).toHaveAttribute("href", `/en/tracks/${t.id}`);
    await expect(page.getByText(t.summary)).toBeVisible();
  }
  await expectAccessible(page, "tracks");
});

test("the workshop track shows the agenda with timings, each part, disclosure and the reporting cards", async ({ publicPage: page }) => {
  const w = track("workshop");
  await page.goto(`/en/tracks/${w.id}`);
  await expectEmergencyLink(page);
  await expect(page.getByRole("heading", { level: 1, name: w.title })).toBeVisible();

  const agenda = page.getByRole("region", { name: "Agenda" }).getByRole("table");
  await expect(agenda.getByRole("row")).toHaveCount(w.parts.length + 2);
  let at = 0;
  const clock = (m: number) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}`;
  for (const p of w.parts) {
    const row = agenda.getByRole("row", { name: new RegExp(`^${clock(at)}–${clock(at + p.minutes)}`) });
    await expect(row).toContainText(p.title);
    await expect(row).toContainText(String(p.minutes));
    at += p.minutes;
  }
  await expect(agenda.getByRole("row", { name: /Total/ })).toContainText(String(w.minutes));

  for (const [i, p] of w.parts.entries()) {
    const part = page.getByRole("region", { name: p.title, exact: true });
    await expect(part.locator(".eyebrow > span").first()).toHaveText(`Part ${i + 1}`);
    await expect(part.getByRole("heading", { name: "Goals" })).toBeVisible();
    await expect(part.getByRole("heading", { name: "Facilitator notes" })).toBeVisible();
    // Clock times in the notes ("0:00 to 1:00") survive Markdown rendering.
    const time = /\d+:\d\d/.exec(p.facilitatorNotes)?.[0];
    if (time) await expect(part).toContainText(time);
    for (const l of p.lessons) {
      const title = en.lessons.find((x) => x.courseId === w.course && x.id === l)!.title;
      await expect(part.getByRole("link", { name: title, exact: true })).toHaveAttribute("href", `/en/courses/${w.course}/${l}`);
    }
    for (const d of p.discussion) await expect(part.getByText(d.question, { exact: true })).toBeVisible();
    if (p.assessment) {
      const check = checkOf(w.course, p.assessment);
      await expect(part).toContainText(`${check.label}:`);
      await expect(part.getByRole("link", { name: check.title, exact: true })).toHaveAttribute("href", check.href);
      await expect(part).toContainText(`${check.questions} questions, ${p.minutes} minutes in this plan`);
    }
  }
  // Both checks are in the plan, the starting one near the start and the final one near the end.
  const forms = w.parts.flatMap((p, i) => (p.assessment ? [{ form: p.assessment, i }] : []));
  expect(forms.map((f) => f.form)).toEqual(["pre", "post"]);
  expect(forms[0].i, "the starting check comes early").toBeLessThanOrEqual(1);
  expect(forms[1].i, "the final check comes late").toBeGreaterThanOrEqual(w.parts.length - 2);
  await expect(page.getByRole("heading", { name: "If someone tells you about a real person" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Find your country's reporting card" })).toHaveAttribute("href", "/en/help");
  await expectAccessible(page, "workshop track");

  for (const p of w.parts.filter((x) => x.assessment)) {
    const check = checkOf(w.course, p.assessment!);
    await expectCheckLinkWorks(page, page.getByRole("region", { name: p.title, exact: true }).getByRole("link", { name: check.title, exact: true }), check);
  }
});

test("the self-paced track lists its steps in order with links into the course", async ({ publicPage: page }) => {
  const s = track("self-paced");
  await page.goto(`/en/tracks/${s.id}`);
  await expectEmergencyLink(page);
  const steps = page.getByRole("region", { name: "Steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(s.steps.length);
  const base = `/en/courses/${s.course}`;
  for (const [i, step] of s.steps.entries()) {
    const href = step.type === "module" ? `${base}#${step.id}` : `${base}/${step.type}/${step.id}`;
    await expect(steps.nth(i).getByRole("link")).toHaveAttribute("href", href);
    if (step.note) await expect(steps.nth(i)).toContainText(step.note);
  }
  await expectAccessible(page, "self-paced track");
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("the school plan is an overview of six lessons, each linked to its own page and its student pack", async ({ publicPage: page }) => {
  const s = track("school");
  await page.goto(`/en/tracks/${s.id}`);
  await expectEmergencyLink(page);
  const contents = page.getByRole("region", { name: "Lessons in this series" });
  for (const [i, l] of s.lessons.entries()) {
    await expect(contents.getByRole("link", { name: `Lesson ${i + 1}: ${l.title}`, exact: true })).toHaveAttribute("href", `/en/tracks/${s.id}/${l.id}`);
    await expect(contents.getByRole("link", { name: `Lesson ${i + 1}: print the student pack`, exact: true })).toHaveAttribute("href", `/en/tracks/${s.id}/${l.id}/print`);
    for (const o of l.objectives) await expect(contents.getByText(o, { exact: true })).toBeVisible();
  }
  // The starting check opens the series and the final check ends it, said on the overview.
  await expect(contents.getByRole("listitem").filter({ hasText: `Lesson 1: ${s.lessons[0].title}` }).first()).toContainText("Opens with the starting check");
  await expect(contents.getByRole("listitem").filter({ hasText: `Lesson ${s.lessons.length}: ${s.lessons.at(-1)!.title}` }).first()).toContainText("Ends with the final check");
  // No lesson's full plan here: its text and notes are on its own page.
  await expect(page.getByRole("heading", { name: "For students to read" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "For the teacher" })).toHaveCount(0);
  await expectAccessible(page, "school plan overview");
});

test("each school lesson's page has its content warning before the student text, its activities, checks and notes", async ({ publicPage: page }) => {
  test.slow(); // six lesson pages, each with axe
  const s = track("school");
  for (const [i, l] of s.lessons.entries()) {
    await page.goto(`/en/tracks/${s.id}/${l.id}`);
    await expectEmergencyLink(page);
    const lesson = page.getByRole("article", { name: l.title });
    await expect(page.getByRole("heading", { level: 1, name: l.title })).toBeVisible();
    await expect(lesson).toContainText(`Lesson ${i + 1} of ${s.lessons.length}`);
    await expect(lesson).toContainText("50 minutes");
    await expect(lesson).toContainText(`Reading grade (Flesch-Kincaid): ${s.readingGrades![l.id].toFixed(1)}`);
    await expect(lesson).toContainText(l.trustedAdult);
    const warning = lesson.getByRole("note", { name: "Content warning" });
    await expect(warning).toContainText(l.contentWarning);
    const studentText = lesson.getByRole("heading", { name: "For students to read" });
    const [w, t] = [await warning.boundingBox(), await studentText.boundingBox()];
    expect(w!.y, "the content warning comes before the student text").toBeLessThan(t!.y);
    await expect(lesson.getByRole("heading", { name: "Activities" })).toBeVisible();
    for (const a of l.activities) await expect(lesson.getByRole("row", { name: new RegExp(`^${escape(a.title)}`) })).toContainText(String(a.minutes));
    await expect(lesson.getByRole("heading", { name: "If a student opts out" })).toBeVisible();
    await expect(lesson.getByRole("region", { name: "For the teacher" })).toBeVisible();
    await expect(lesson.getByRole("link", { name: "Print the student pack" })).toHaveAttribute("href", `/en/tracks/${s.id}/${l.id}/print`);
    for (const a of l.activities.filter((x) => x.assessment)) {
      const check = checkOf(s.course, a.assessment!);
      const row = lesson.getByRole("row", { name: new RegExp(`^${escape(a.title)}`) });
      await expect(row).toContainText(`${check.label}:`);
      await expect(row.getByRole("link", { name: check.title, exact: true })).toHaveAttribute("href", check.href);
      await expect(row).toContainText(`${check.questions} questions, ${a.minutes} minutes in this plan`);
      await expect(row).toContainText(`If a student is absent: ${a.absent}`);
    }
    // What to print first, each with the page that prints it.
    if (l.prepare.length > 0) {
      const prepare = lesson.getByRole("region", { name: "Print and prepare before the lesson" });
      for (const item of l.prepare) {
        const entry = prepare.getByRole("listitem").filter({ hasText: item.text });
        for (const id of item.print) await expect(entry.getByRole("link", { name: /^Print: / })).toHaveAttribute("href", `/en/tracks/${s.id}/materials/${id}`);
        if (item.page) await expect(entry.getByRole("link", { name: "Help page: reporting cards" })).toHaveAttribute("href", "/en/help");
      }
    }
    // From one lesson to the next, and back to the series.
    if (i + 1 < s.lessons.length) await expect(page.getByRole("navigation", { name: "Lessons in this series" }).getByRole("link", { name: `Lesson ${i + 2}: ${s.lessons[i + 1].title}` })).toHaveAttribute("href", `/en/tracks/${s.id}/${s.lessons[i + 1].id}`);
    await expectAccessible(page, `school lesson ${l.id}`);
  }
  // The starting check is in the first lesson and the final check in the last.
  expect(s.lessons[0].activities.map((a) => a.assessment)).toContain("pre");
  expect(s.lessons.at(-1)!.activities.map((a) => a.assessment)).toContain("post");
  for (const [l, form] of [[s.lessons[0], "pre"], [s.lessons.at(-1)!, "post"]] as const) {
    const check = checkOf(s.course, form);
    await page.goto(`/en/tracks/${s.id}/${l.id}`);
    await expectCheckLinkWorks(page, page.getByRole("article", { name: l.title }).getByRole("link", { name: check.title, exact: true }), check);
  }
});

test("the new pages pass axe in the dark theme too", async ({ publicPage: page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  const code = countries[0].code.toLowerCase();
  const school = track("school");
  const lessonPages = [`/en/tracks/${school.id}/${school.lessons[0].id}`, `/en/tracks/${school.id}/${school.lessons[0].id}/print`];
  for (const url of ["/en/help", `/en/help/${code}`, `/en/help/${code}/card`, "/en/tracks", ...en.tracks.map((t) => `/en/tracks/${t.id}`), ...lessonPages]) {
    await page.goto(url);
    await expectEmergencyLink(page);
    await expectAccessible(page, `${url} (dark)`);
  }
});
