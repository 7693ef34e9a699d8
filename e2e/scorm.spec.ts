import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import fs from "node:fs";
import { unzipSync } from "fflate";
import type { Page } from "@playwright/test";
import { buildPackage, loadAll, zipPackage } from "../lib/scorm/build";
import { decodeState } from "../lib/scorm/state";
import type { Lesson } from "../lib/content/load";
import type { Question, Quiz } from "../lib/quiz/types";
import { expect, expectAccessible, expectAccessibleInBothThemes, test } from "./fixtures";

// The SCORM package in a real browser, inside a stand-in LMS: a host page that installs
// scorm-again's runtime (Scorm12API as window.API, Scorm2004API as window.API_1484_11) and loads
// the package's launch page in a frame, as Moodle or Canvas do. The package is built from the
// content (one lesson, to stay quick), zipped and unzipped again, and served by a tiny static
// server on a free port; the app's own servers play no part.

const SIMPLE = new Set(["single", "multiple", "true-false", "scenario"]);
let lesson: Lesson;
let quiz: Quiz;

// One worker builds the packages once (loading the content takes a few seconds).
test.describe.configure({ mode: "serial" });

let server: http.Server;
let origin = "";
const packages: Record<string, Record<string, Uint8Array>> = {};

/** The LMS's page; `resume` is what it kept from an earlier session (suspend data and location), loaded before the SCO starts. */
const host = (version: "1.2" | "2004", resume?: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS stand-in</title>
<script src="/scorm-again.js"></script>
<script>
  window.commits = [];
  ${version === "1.2"
    ? `window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
       ${resume ? `window.API.loadFromJSON(${resume});` : ""}
       window.API.on("LMSCommit", () => window.commits.push(window.API.cmi.core.lesson_status));`
    : `window.API_1484_11 = new Scorm2004API({ autocommit: false, logLevel: 5 });
       window.API_1484_11.on("Commit", () => window.commits.push(window.API_1484_11.cmi.completion_status));`}
</script></head><body><iframe src="/${version}/index.html" title="Course" style="width:100%;height:90vh"></iframe></body></html>`;

test.beforeAll(() => {
  const en = loadAll().find((c) => c.locale === "en")!;
  // The first lesson whose quiz has only choice questions and no bias pair (every learner sees the same questions).
  lesson = en.lessons.find((l) => {
    const q = l.quizId ? en.quizzes.get(`${l.courseId}/${l.quizId}`) : undefined;
    return q && !q.biasPairs?.length && q.questions.every((x) => SIMPLE.has(x.type));
  })!;
  quiz = en.quizzes.get(`${lesson.courseId}/${lesson.quizId}`)!;
  for (const version of ["1.2", "2004"] as const) {
    const zip = zipPackage(buildPackage({ locale: "en", courseId: lesson.courseId, version, lessons: [lesson.id] }));
    packages[version] = unzipSync(zip);
  }
  packages.ar = unzipSync(zipPackage(buildPackage({ locale: "ar", courseId: lesson.courseId, version: "1.2", lessons: [lesson.id] })));
  const runtime = (v: string) => fs.readFileSync(path.join(__dirname, "..", "node_modules", "scorm-again", "dist", v === "1.2" ? "scorm12.js" : "scorm2004.js"));
  const types: Record<string, string> = { html: "text/html", css: "text/css", js: "text/javascript", woff2: "font/woff2", xml: "application/xml", txt: "text/plain" };
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const [, first, ...rest] = url.pathname.split("/");
    const version = url.searchParams.get("v") ?? "1.2";
    let body: Uint8Array | string | undefined;
    if (first === "host.html") body = host(version === "2004" ? "2004" : "1.2", url.searchParams.get("resume") ?? undefined);
    else if (first === "scorm-again.js") body = runtime(req.headers.referer?.includes("v=2004") ? "2004" : "1.2");
    else body = packages[first]?.[rest.join("/")];
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[url.pathname.split(".").pop() ?? ""] ?? "text/html" }).end(body);
  });
  return new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => {
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    resolve();
  }));
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Answers every question rightly, as a learner would: by the options' labels. */
async function answerAll(page: Page) {
  const frame = page.frameLocator("iframe[title=Course]");
  for (let n = 0; n < quiz.questions.length; n++) {
    const legend = frame.locator("legend").first();
    await expect(legend).toBeVisible();
    const prompt = (await legend.textContent())!.trim();
    const q: Question = quiz.questions.find((x) => x.prompt.trim() === prompt)!;
    for (const id of q.correct) {
      const o = q.options.find((x) => x.id === id)!;
      await frame.getByLabel(o.text || (id === "true" ? "True" : "False"), { exact: true }).check();
    }
    await frame.getByRole("button", { name: "Check answer" }).click();
    await expect(frame.getByRole("heading", { name: "Correct", exact: true })).toBeVisible();
    await frame.getByRole("button", { name: n + 1 < quiz.questions.length ? "Next question" : "See your score" }).click();
  }
  await expect(frame.getByRole("heading", { name: "Your result" })).toBeFocused();
  await expect(frame.getByText(`${quiz.questions.length} of ${quiz.questions.length} correct (100%)`)).toBeVisible();
}

test("a SCORM 1.2 package reports status, score and progress to the LMS", async ({ page }) => {
  await page.goto(`${origin}/host.html?v=1.2`);
  const frame = page.frameLocator("iframe[title=Course]");
  await expect(frame.getByRole("heading", { level: 1, name: lesson.title })).toBeVisible();
  await expect(frame.getByRole("status")).toHaveText("Your progress and quiz scores are saved in your learning platform.");
  // Opening the lesson was saved (incomplete: its quiz is not taken yet).
  expect(await page.evaluate(() => (window as unknown as { API: { cmi: { core: { lesson_status: string } } } }).API.cmi.core.lesson_status)).toBe("incomplete");
  await answerAll(page);
  const cmi = await page.evaluate(() => {
    const api = (window as unknown as { API: { cmi: { core: { lesson_status: string; score: { raw: string; min: string; max: string }; lesson_location: string }; suspend_data: string } } }).API;
    return { status: api.cmi.core.lesson_status, raw: api.cmi.core.score.raw, min: api.cmi.core.score.min, max: api.cmi.core.score.max, location: api.cmi.core.lesson_location, suspend: api.cmi.suspend_data };
  });
  expect(cmi).toMatchObject({ status: "passed", raw: "100", min: "0", max: "100", location: lesson.id });
  expect(decodeState(cmi.suspend).best).toEqual({ 0: 100 });
  const commits = await page.evaluate(() => (window as unknown as { commits: unknown[] }).commits.length);
  expect(commits).toBeGreaterThanOrEqual(2);
  // The next session resumes: the LMS hands back the suspend data and location it kept.
  const resume = JSON.stringify({ suspend_data: cmi.suspend, core: { lesson_location: cmi.location, entry: "resume" } });
  const again = await page.context().newPage();
  await again.goto(`${origin}/host.html?v=1.2&resume=${encodeURIComponent(resume)}`);
  const resumed = again.frameLocator("iframe[title=Course]");
  await expect(resumed.getByRole("link", { name: `${lesson.title} \u2713 Done` })).toBeVisible();
  await expect(resumed.getByText("Course score: 100% (1 of 1 quizzes taken)")).toBeVisible();
  await again.close();
  // Leaving the course ends the session: LMSFinish after a last commit.
  const finished = page.evaluate(() => new Promise<boolean>((resolve) => (window as unknown as { API: { on(e: string, f: () => void): void } }).API.on("LMSFinish", () => resolve(true))));
  await page.locator("iframe[title=Course]").evaluate((f: HTMLIFrameElement) => (f.src = "about:blank"));
  expect(await finished).toBe(true);
});

test("a SCORM 2004 package reports completion, success and a scaled score", async ({ page }) => {
  await page.goto(`${origin}/host.html?v=2004`);
  await answerAll(page);
  const cmi = await page.evaluate(() => {
    const api = (window as unknown as { API_1484_11: { cmi: { completion_status: string; success_status: string; score: { scaled: string; raw: string } } } }).API_1484_11;
    return { completion: api.cmi.completion_status, success: api.cmi.success_status, scaled: api.cmi.score.scaled, raw: api.cmi.score.raw };
  });
  expect(cmi).toEqual({ completion: "completed", success: "passed", scaled: "1.00", raw: "100" });
});

test("the package's page is accessible in both themes, and in Arabic right to left", async ({ page }) => {
  await page.goto(`${origin}/1.2/index.html`);
  await expect(page.getByRole("status")).toHaveText("No learning platform found: your progress is not saved when you close this page.");
  await expectAccessibleInBothThemes(page, "SCORM package");
  await page.goto(`${origin}/ar/index.html`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  expect(await page.evaluate(async () => (await document.fonts.ready, document.fonts.check('16px "Noto Naskh Arabic"', "\u0627")))).toBe(true);
  await expectAccessibleInBothThemes(page, "SCORM package in Arabic");
  // On a phone the page fits the screen's width (the lesson list goes above the lesson).
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page, "SCORM package in Arabic on a phone");
});
