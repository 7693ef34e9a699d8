// Builds a SCORM package of a course in one locale: the course as one static page (every lesson,
// rendered by the app's own Markdown renderer), the lesson quizzes and a small script that runs
// them and reports to the LMS (runtime/), a stylesheet with the Arabic font inside, and the
// manifest. Only lesson practice quizzes go in: their keys are in the app's lesson pages already
// (docs/grading.md); the starting and final checks and boosters never leave the server.
// Used by `npm run export:scorm` (scripts/export-scorm.ts) and the tests; no network, no database.
import fs from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";
import { zipSync, strToU8 } from "fflate";
import { createTranslator } from "use-intl/core";
import { markdownToHtml } from "@/components/lesson/markdown-html";
import { loadContent, quizKey, type Lesson, type LocaleContent } from "@/lib/content/load";
import { locales } from "@/i18n/locales";
import { versionOf } from "@/lib/content/versions";
import { shownCount } from "@/lib/quiz/experiments";
import type { Quiz } from "@/lib/quiz/types";
import { buildManifest, escapeXml, type ScormVersion } from "./manifest";
import type { PackageData } from "./runtime/runner";

export interface PackageOptions {
  locale: string;
  courseId: string;
  version: ScormVersion;
  /** Only these lessons (ids), in course order; all when absent. */
  lessons?: readonly string[];
}

export interface BuiltPackage {
  fileName: string;
  /** Every file by its path in the zip, the manifest included. */
  files: Record<string, Uint8Array>;
}

/** The runner's words: the lesson quiz's own (messages "quiz"), plus the package's ("scorm"). */
const QUIZ_KEYS = [
  "questionOf", "chooseOne", "chooseAll", "true", "false", "fictional", "check", "next", "finish", "noChoice",
  "correct", "partial", "incorrect", "yourChoice", "rightAnswer", "why", "resultTitle", "score", "passed",
  "notPassed", "best", "review", "retry", "sortHint", "sortIncomplete", "discernHint", "discernIncomplete",
  "inventedPost", "genuine", "manipulative", "technique", "belongsIn", "discernResult",
] as const;
const SCORM_KEYS = ["connected", "notConnected", "courseScore"] as const;

const ROOT = process.cwd();
const ASSETS = path.join(ROOT, "lib", "scorm", "assets");
const FONTS = path.join(ROOT, "app", "fonts");
const RUNNER = path.join(ROOT, "lib", "scorm", "runtime", "runner.ts");

let runnerJs: string | undefined;
/** The runner bundled once per process (esbuild, about 50 ms): lib/quiz grading and shuffling included. */
function runnerScript(): string {
  runnerJs ??= buildSync({ entryPoints: [RUNNER], bundle: true, write: false, format: "iife", target: "es2019", minify: true, legalComments: "none" }).outputFiles[0].text;
  return runnerJs;
}

const contentCache = new Map<string, LocaleContent[]>();
export function loadAll(contentRoot = path.join(ROOT, "content")): LocaleContent[] {
  const cached = contentCache.get(contentRoot);
  if (cached) return cached;
  const { content, problems } = loadContent(contentRoot);
  if (problems.length) throw new Error(`content is invalid (run npm run content:check): ${problems[0].file}: ${problems[0].message}`);
  contentCache.set(contentRoot, content);
  return content;
}

/** The locales content/locales.json serves (one package each by default). */
export function servedLocales(): { code: string; dir: "ltr" | "rtl" }[] {
  return locales.languages.map((l) => ({ code: l.code, dir: l.dir }));
}

type Messages = Record<string, Record<string, unknown>>;
function messagesOf(locale: string): Messages {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "content", locale, "messages.json"), "utf8")) as Messages;
}

const esc = escapeXml;
/** Text inside a <script type="application/json">: "<" escaped, so no "</script>" can end it. */
const jsonInHtml = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");

/** External links open a new window: followed inside the LMS's frame they would replace the course. */
const externalInNewWindow = (html: string) => html.replace(/<a href="(https?:)/g, '<a target="_blank" href="$1');

export function buildPackage(options: PackageOptions): BuiltPackage {
  const all = loadAll();
  const content = all.find((c) => c.locale === options.locale);
  if (!content) throw new Error(`no content for locale "${options.locale}"`);
  const course = content.courses.find((c) => c.id === options.courseId);
  if (!course) throw new Error(`no course "${options.courseId}" in ${options.locale}`);
  const dir = servedLocales().find((l) => l.code === options.locale)?.dir ?? "ltr";
  const messages = messagesOf(options.locale);
  const t = (ns: string) => createTranslator({ locale: options.locale, messages: { [ns]: messages[ns] }, namespace: ns }) as unknown as (key: string, args?: Record<string, string | number>) => string;
  const [tl, tq, tc, ts] = [t("lesson"), t("quiz"), t("course"), t("scorm")];

  const order = course.modules.flatMap((m) => m.lessons.map((ref, i) => ({ module: m, number: i + 1, ref })));
  const wanted = options.lessons ? order.filter((e) => options.lessons!.includes(e.ref.id)) : order;
  if (options.lessons && wanted.length !== options.lessons.length) throw new Error(`unknown lesson in ${options.lessons.join(",")}`);
  const lessons = wanted.map((e) => ({ ...e, lesson: content.lessons.find((l) => l.courseId === course.id && l.id === e.ref.id)! }));
  const quizzes: Record<string, Quiz> = {};
  for (const { lesson } of lessons) {
    const quiz = lesson.quizId ? content.quizzes.get(quizKey(course.id, lesson.quizId)) : undefined;
    if (quiz && lesson.quizId) quizzes[lesson.quizId] = quiz;
  }
  const passMarks = Object.values(quizzes).map((q) => q.passMark);
  const passPercent = passMarks.length ? Math.round((100 * passMarks.reduce((a, b) => a + b, 0)) / passMarks.length) : 70;

  const raw = (ns: string, key: string) => String(messages[ns][key]);
  const data: PackageData = {
    version: options.version,
    passPercent,
    lessons: lessons.map(({ lesson }) => ({ id: lesson.id, quizId: lesson.quizId && quizzes[lesson.quizId] ? lesson.quizId : null })),
    quizzes,
    labels: Object.fromEntries([...QUIZ_KEYS.map((k) => [k, raw("quiz", k)]), ...SCORM_KEYS.map((k) => [k, raw("scorm", k)])]),
    techniqueNames: (messages.materials?.technique ?? {}) as Record<string, string>,
  };

  const labels = { fictional: tl("fictional"), table: tl("table") };
  const sectionOf = ({ lesson, module, number }: (typeof lessons)[number], i: number) => {
    const version = versionOf(content, lesson.path);
    const langAttr = version.locale !== options.locale ? ` lang="${esc(version.locale)}" dir="ltr"` : "";
    const prev = lessons[i - 1]?.lesson;
    const next = lessons[i + 1]?.lesson;
    const quiz = lesson.quizId ? quizzes[lesson.quizId] : undefined;
    return `<section class="lesson" id="l-${esc(lesson.id)}" aria-labelledby="t-${esc(lesson.id)}"${langAttr}>
<header class="lesson-header"><p class="meta">${esc(tc("module", { number: module.number }))}: ${esc(module.title)} \u00b7 ${esc(tl("position", { number, total: module.lessons.length }))}</p>
<h1 id="t-${esc(lesson.id)}" tabindex="-1">${esc(lesson.title)}</h1>
<p class="meta">${esc(tl("minutes", { minutes: lesson.minutes }))}</p></header>
${lesson.objectives.length ? `<section class="objectives" aria-labelledby="o-${esc(lesson.id)}"><h2 id="o-${esc(lesson.id)}">${esc(tl("objectives"))}</h2><ul>${lesson.objectives.map((o) => `<li>${esc(o)}</li>`).join("")}</ul></section>` : ""}
<div class="lesson-body">${externalInNewWindow(markdownToHtml(lesson.body, labels))}</div>
${quiz ? `<section class="quiz" aria-labelledby="q-${esc(lesson.id)}"><h2 id="q-${esc(lesson.id)}">${esc(tq("title", { lesson: lesson.title }))}</h2><p>${esc(tq("intro", { count: shownCount(quiz) }))}</p><div class="quiz-mount" data-quiz="${esc(quiz.id)}" data-position="${i}"><p class="meta no-js">${esc(ts("noScript"))}</p></div></section>` : ""}
${sourcesOf(lesson, tl("sources"))}
<nav class="pager" aria-label="${esc(tl("pager"))}">${prev ? `<a href="#l-${esc(prev.id)}">${esc(tl("previous", { title: prev.title }))}</a>` : ""}${next ? `<a href="#l-${esc(next.id)}">${esc(tl("next", { title: next.title }))}</a>` : ""}</nav>
</section>`;
  };

  const nav = course.modules
    .map((m) => {
      const items = lessons.filter((e) => e.module.id === m.id);
      if (!items.length) return "";
      return `<li><span class="module">${esc(tc("module", { number: m.number }))}: ${esc(m.title)}</span><ol>${items
        .map((e) => `<li><a href="#l-${esc(e.lesson.id)}" data-position="${lessons.indexOf(e)}">${esc(e.lesson.title)} <span class="done-mark" hidden>\u2713 ${esc(tc("done"))}</span></a></li>`)
        .join("")}</ol></li>`;
    })
    .join("");

  const html = `<!doctype html>
<html lang="${esc(options.locale)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self'; connect-src 'none'; form-action 'none'; base-uri 'none'">
<title>${esc(course.title)}</title>
<link rel="stylesheet" href="style.css">
</head>
<body>
<a class="skip-link" href="#main">${esc(ts("skip"))}</a>
<header class="site"><p class="course-title">${esc(course.title)}</p><p id="connection" class="meta" role="status"></p><p id="course-score" class="meta" aria-live="polite"></p></header>
<div class="layout">
<nav class="contents" aria-label="${esc(tl("pager"))}"><ol>${nav}</ol></nav>
<main id="main">
${lessons.map(sectionOf).join("\n")}
</main>
</div>
<script type="application/json" id="package-data">${jsonInHtml(data)}</script>
<script src="runner.js"></script>
</body>
</html>
`;

  const files: Record<string, Uint8Array> = {
    "index.html": strToU8(html),
    "style.css": fs.readFileSync(path.join(ASSETS, "package.css")),
    "runner.js": strToU8(runnerScript()),
    "fonts/noto-naskh-arabic-400.woff2": fs.readFileSync(path.join(FONTS, "noto-naskh-arabic-400.woff2")),
    "fonts/noto-naskh-arabic-700.woff2": fs.readFileSync(path.join(FONTS, "noto-naskh-arabic-700.woff2")),
    "fonts/OFL.txt": fs.readFileSync(path.join(FONTS, "OFL.txt")),
  };
  const identifier = `common-ground-${course.id}-${options.locale}-scorm${options.version.replace(".", "")}`;
  files["imsmanifest.xml"] = strToU8(buildManifest({ version: options.version, identifier, title: course.title, launch: "index.html", files: Object.keys(files), passPercent }));
  return { fileName: `${identifier}.zip`, files };
}

function sourcesOf(lesson: Lesson, heading: string): string {
  if (!lesson.sources.length) return "";
  const items = lesson.sources.map((s) => {
    const title = s.url ? `<a href="${esc(s.url)}" target="_blank" rel="noopener noreferrer">${esc(s.title)}</a>` : `<cite>${esc(s.title)}</cite>`;
    return `<li>${title}. ${esc(s.publisher)}, <time datetime="${esc(s.date)}">${esc(s.date)}</time>.${s.note ? ` ${esc(s.note)}` : ""}</li>`;
  });
  return `<section class="sources" aria-labelledby="s-${esc(lesson.id)}"><h2 id="s-${esc(lesson.id)}">${esc(heading)}</h2><ol>${items.join("")}</ol></section>`;
}

/** The package as one zip (deflated; fonts stored, they are compressed already). */
export function zipPackage(pkg: BuiltPackage): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(pkg.files).map(([name, data]) => [name, name.endsWith(".woff2") ? [data, { level: 0 }] : data])), { level: 6, mtime: new Date("2026-01-01T00:00:00Z") });
}

