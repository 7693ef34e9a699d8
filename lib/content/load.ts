// Reads content/<locale>/ from disk, validates every file and the links between files, and
// returns the normalised courses and quizzes with a list of problems naming file and field.
// Used by `npm run content:check`, by the tests and (through lib/content/index.ts) by the app.
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import type { BiasPair, Question, Quiz } from "@/lib/quiz/types";
import { courseFile, lessonFrontMatter, quizFile, type QuestionFile, type Source } from "./schema";
import { checkLessonBody } from "./markdown-check";
import { checkLessonFacts } from "./fact-sources";
import { findForbidden } from "./forbidden";
import { localeOfFile } from "./locale-terms";
import { check, type ContentProblem, dupes, exists, parseYaml, readText, rel, sortedDir, withFallback, withoutRecord } from "./files";
import { readLocales } from "./locales";
import { fileKey, loadTranslationRecords, SOURCE_LOCALE, type TranslationRecord } from "./translation";
import { loadBoosters, loadChannels, loadScenarios, loadTracks, type Booster, type Channels, type Track } from "./extras";
import { FORM_IDS, formFile, loadCheckForms, type CheckForms } from "./check-forms";
import type { Scenario } from "@/lib/scenario/graph";
import { loadAttitudes, type Attitudes } from "./attitudes";
import { quizVersion } from "./version";
import { checkPairVersions } from "./pair-rules";
import { checkMaterialRefs, loadMaterials, type Material } from "./materials";
import { printRefs } from "./plan";
import { checkIdeologyMix, courseStories, lessonStoryTags } from "./ideology";
import { loadActivities } from "./activities";
import { isReservedLessonSlug } from "./activity-id";
import type { Activity } from "@/lib/activity/types";

export type { Booster, Channels, Track } from "./extras";
export type { CheckForms } from "./check-forms";
export type { AttitudeItem, Attitudes } from "./attitudes";
export type { Material } from "./materials";
export type { Scenario } from "@/lib/scenario/graph";
export type { Activity } from "@/lib/activity/types";

export type { ContentProblem } from "./files";

export interface LessonRef {
  id: string;
  title: string;
  minutes: number;
  quizId?: string;
}

export interface Module {
  id: string;
  /** 1-based position in the course. */
  number: number;
  title: string;
  summary: string;
  lessons: LessonRef[];
}

export interface Course {
  id: string;
  locale: string;
  title: string;
  summary: string;
  audience: string;
  modules: Module[];
}

export interface Lesson {
  id: string;
  courseId: string;
  locale: string;
  moduleId: string;
  title: string;
  summary: string;
  minutes: number;
  objectives: string[];
  quizId?: string;
  scenarioId?: string;
  activityId?: string;
  sources: Source[];
  /** Markdown with the `:::scenario` directive for fictional stories. */
  body: string;
  /** The file inside the locale folder, e.g. "courses/x/lessons/01-y.md" (which version is shown: versions.ts). */
  path: string;
}

export interface LocaleContent {
  locale: string;
  courses: Course[];
  lessons: Lesson[];
  /** Quizzes by "<course>/<quiz id>". */
  quizzes: Map<string, Quiz>;
  /** Branching scenarios by "<course>/<scenario id>". */
  scenarios: Map<string, Scenario>;
  /** Inoculation activities by "<course>/<activity id>". */
  activities: Map<string, Activity>;
  /** The two parallel check forms (A and B) by course id; which one is a learner's starting check comes from their arm. */
  forms: Map<string, CheckForms>;
  /** Boosters by "<course>/<booster id>". */
  boosters: Map<string, Booster>;
  /** "Your views" statements (anonymous, optional) by course id. */
  attitudes: Map<string, Attitudes>;
  tracks: Track[];
  /** Printable materials for the tracks' activities (tracks/materials/). */
  materials: Material[];
  channels?: Channels;
  /** The translation records of the locale's own files, by fileKey (translation.ts); empty for the source locale. */
  translations: Map<string, TranslationRecord>;
  /** Files (by fileKey) the locale does not have yet, read from the source locale instead. */
  fallbacks: Set<string>;
}

export interface LoadResult {
  content: LocaleContent[];
  problems: ContentProblem[];
}

const LOCALE_DIR = /^[a-z]{2}(?:-[A-Z]{2})?$/;
/** Lesson files may carry an order prefix for authors ("01-"), which is not part of the slug. */
const LESSON_FILE = /^(?:\d+-)?([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx?$/;
const QUIZ_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.ya?ml$/;


export function quizKey(courseId: string, quizId: string): string {
  return `${courseId}/${quizId}`;
}

/** Load every locale under `root` (the content/ folder). */
export function loadContent(root: string): LoadResult {
  const problems: ContentProblem[] = [];
  const content: LocaleContent[] = [];
  if (!exists(root)) {
    return { content, problems: [{ file: ".", field: "", message: `content folder not found: ${root}` }] };
  }
  for (const entry of sortedDir(root)) {
    if (!entry.isDirectory()) continue;
    if (!LOCALE_DIR.test(entry.name)) {
      problems.push({ file: entry.name, field: "", message: "a top-level folder must be a locale such as 'en' or 'pt-BR'" });
      continue;
    }
    content.push(loadTranslatedLocale(root, entry.name, problems));
    checkForbiddenTerms(root, path.join(root, entry.name), problems);
  }
  // A locale listed in locales.json before any of it is translated is served in English throughout.
  const listed = readLocales(root);
  for (const { code } of "error" in listed ? [] : listed.locales) {
    if (!content.some((c) => c.locale === code) && fs.existsSync(path.join(root, SOURCE_LOCALE))) content.push(loadTranslatedLocale(root, code, problems));
  }
  if (content.length === 0) problems.push({ file: ".", field: "", message: "no locale folder (such as content/en) found" });
  return { content, problems };
}

/** Every text file of a locale against the content guide's forbidden terms. */
function checkForbiddenTerms(root: string, dir: string, problems: ContentProblem[]) {
  for (const entry of sortedDir(dir)) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) checkForbiddenTerms(root, full, problems);
    else if (/\.(md|mdx|ya?ml|json)$/.test(entry.name)) {
      for (const hit of findForbidden(readText(full), localeOfFile(rel(root, full)))) {
        problems.push({ file: rel(root, full), field: `line ${hit.line}`, message: `"${hit.term}": ${hit.why}` });
      }
    }
  }
}

/**
 * A translated locale loads over the source locale: a file it does not have yet is read from
 * content/en, so a partly translated locale is whole (and its pages are never missing). Problems
 * in those English files are the English files' own, reported once under en/.
 */
function loadTranslatedLocale(root: string, locale: string, problems: ContentProblem[]): LocaleContent {
  const translations = loadTranslationRecords(root, locale, problems);
  if (locale === SOURCE_LOCALE || !fs.existsSync(path.join(root, SOURCE_LOCALE))) return { ...loadLocale(root, locale, problems), translations };
  const own: ContentProblem[] = [];
  const { value, fellBack } = withFallback(root, locale, SOURCE_LOCALE, () => loadLocale(root, locale, own));
  problems.push(...own.filter((p) => !fellBack.has(p.file)));
  const prefix = `${locale}/`;
  const fallbacks = new Set([...fellBack].map((f) => fileKey(f.slice(prefix.length))));
  return { ...value, translations, fallbacks };
}

function loadLocale(root: string, locale: string, problems: ContentProblem[]): LocaleContent {
  const result: LocaleContent = { locale, courses: [], lessons: [], quizzes: new Map(), scenarios: new Map(), activities: new Map(), forms: new Map(), boosters: new Map(), attitudes: new Map(), tracks: [], materials: [], translations: new Map(), fallbacks: new Set() };
  const coursesDir = path.join(root, locale, "courses");
  if (!exists(coursesDir)) {
    problems.push({ file: rel(root, coursesDir), field: "", message: "missing courses folder" });
    return result;
  }
  for (const entry of sortedDir(coursesDir)) {
    if (!entry.isDirectory()) continue;
    loadCourse(root, locale, entry.name, result, problems);
  }
  const refs = new Map(
    result.courses.map((c) => [
      c.id,
      {
        modules: new Set(c.modules.map((m) => m.id)),
        lessons: new Set(c.modules.flatMap((m) => m.lessons.map((l) => l.id))),
        scenarios: new Set([...result.scenarios.keys()].filter((k) => k.startsWith(`${c.id}/`)).map((k) => k.slice(c.id.length + 1))),
        boosters: new Set([...result.boosters.keys()].filter((k) => k.startsWith(`${c.id}/`)).map((k) => k.slice(c.id.length + 1))),
        hasAssessments: Boolean(result.forms.get(c.id)?.a && result.forms.get(c.id)?.b),
      },
    ]),
  );
  // No ideology above 40 % of a course's concerning stories (content guide, rule 9).
  for (const c of result.courses) problems.push(...checkIdeologyMix(courseStories(result, c.id), `${locale}/courses/${c.id}/course.yml`));
  result.tracks = loadTracks(root, locale, { courses: refs }, problems);
  result.materials = loadMaterials(root, locale, problems);
  problems.push(
    ...checkMaterialRefs(result.materials, {
      tracks: new Set(result.tracks.map((t) => t.id)),
      lessonQuizzes: new Set(result.lessons.filter((l) => l.quizId).map((l) => l.id)),
      handouts: result.tracks.flatMap((t) => {
        const file = `${locale}/tracks/${t.id}.yml`;
        // What the bring and prepare lists say to print resolves like any handout (lib/content/plan.ts).
        const prints = printRefs(t).map((r) => ({ track: t.id, file, ...r }));
        if (t.kind === "workshop") return [...t.parts.flatMap((p, i) => p.handouts.map((id, j) => ({ track: t.id, file, field: `parts[${i}].handouts[${j}]`, id }))), ...prints];
        if (t.kind === "school") {
          return [...t.lessons.flatMap((l, i) => l.activities.flatMap((a, j) => a.handouts.map((id, k) => ({ track: t.id, file, field: `lessons[${i}].activities[${j}].handouts[${k}]`, id })))), ...prints];
        }
        return prints;
      }),
    }),
  );
  result.channels = loadChannels(root, locale, problems);
  return result;
}

function loadCourse(root: string, locale: string, courseId: string, out: LocaleContent, problems: ContentProblem[]) {
  const dir = path.join(root, locale, "courses", courseId);
  const courseFilePath = path.join(dir, "course.yml");
  const courseRel = rel(root, courseFilePath);
  if (!LESSON_FILE.test(`${courseId}.md`)) {
    problems.push({ file: rel(root, dir), field: "", message: "a course folder name must be a slug (lower-case letters, digits, hyphens)" });
    return;
  }

  // Quizzes first, so lessons can be checked against them.
  const quizzes = new Map<string, Quiz>();
  const quizFiles = new Map<string, string>();
  const quizDir = path.join(dir, "quizzes");
  for (const entry of exists(quizDir) ? sortedDir(quizDir) : []) {
    const file = path.join(quizDir, entry.name);
    const m = entry.isFile() ? QUIZ_FILE.exec(entry.name) : null;
    if (!m) {
      problems.push({ file: rel(root, file), field: "", message: "a quiz file must be named <slug>.yml" });
      continue;
    }
    const quiz = parseQuiz(m[1], readText(file), rel(root, file), problems);
    if (quiz) {
      quizzes.set(quiz.id, quiz);
      quizFiles.set(quiz.id, rel(root, file));
    }
  }

  const scenarios = loadScenarios(root, dir, problems);
  for (const [id, sc] of scenarios) out.scenarios.set(quizKey(courseId, id), sc);
  const activities = loadActivities(root, dir, problems);
  for (const [id, a] of activities) out.activities.set(quizKey(courseId, id), a);
  const forms = loadCheckForms(root, dir, problems, parseQuiz);
  out.forms.set(courseId, forms);
  const attitudes = loadAttitudes(root, dir, Boolean(forms.a && forms.b), problems);
  if (attitudes) out.attitudes.set(courseId, attitudes);
  const boosters = loadBoosters(root, dir, problems, parseQuiz);
  for (const [id, b] of boosters) out.boosters.set(quizKey(courseId, id), b);
  problems.push(
    ...checkPairIds([
      ...[...quizzes.values()].map((quiz) => ({ file: quizFiles.get(quiz.id)!, quiz })),
      ...FORM_IDS.flatMap((form) => (forms[form] ? [{ file: rel(root, path.join(dir, "assessments", formFile(form))), quiz: forms[form] }] : [])),
      ...[...boosters].map(([id, quiz]) => ({ file: rel(root, path.join(dir, "boosters", `${id}.yml`)), quiz })),
    ]),
  );

  // Lessons.
  const lessons = new Map<string, Lesson & { file: string }>();
  const lessonDir = path.join(dir, "lessons");
  for (const entry of exists(lessonDir) ? sortedDir(lessonDir) : []) {
    const file = path.join(lessonDir, entry.name);
    const fileRel = rel(root, file);
    const m = entry.isFile() ? LESSON_FILE.exec(entry.name) : null;
    if (!m) {
      problems.push({ file: fileRel, field: "", message: "a lesson file must be named <slug>.md or NN-<slug>.md" });
      continue;
    }
    // Progress stores a lesson under its bare slug beside "assessment-pre" and "booster-<id>" (activity-id.ts).
    if (isReservedLessonSlug(m[1])) {
      problems.push({ file: fileRel, field: "", message: `a lesson's slug may not start with "assessment-" or "booster-" (those name the checks and boosters): rename "${m[1]}"` });
      continue;
    }
    if (lessons.has(m[1])) {
      problems.push({ file: fileRel, field: "", message: `another lesson already has the slug "${m[1]}"` });
      continue;
    }
    const lesson = parseLesson(readText(file), fileRel, problems);
    if (!lesson) continue;
    if (lesson.quiz && !quizzes.has(lesson.quiz)) {
      problems.push({ file: fileRel, field: "quiz", message: `no quiz "${lesson.quiz}" in ${rel(root, quizDir)}/` });
    }
    if (lesson.scenarioId && !scenarios.has(lesson.scenarioId)) {
      problems.push({ file: fileRel, field: "scenario", message: `no scenario "${lesson.scenarioId}" in ${rel(root, path.join(dir, "scenarios"))}/` });
    }
    if (lesson.activityId && !activities.has(lesson.activityId)) {
      problems.push({ file: fileRel, field: "activity", message: `no activity "${lesson.activityId}" in ${rel(root, path.join(dir, "activities"))}/` });
    }
    lessons.set(m[1], { ...lesson, id: m[1], courseId, locale, moduleId: "", file: fileRel, path: rel(path.join(root, locale), file) });
  }

  // The course outline, and the links from it to the lessons.
  if (!exists(courseFilePath)) {
    problems.push({ file: courseRel, field: "", message: "missing course.yml" });
    return;
  }
  const parsed = parseYaml(readText(courseFilePath), courseRel, problems);
  if (parsed === undefined) return;
  const course = check(courseFile, parsed, courseRel, problems);
  if (!course) return;

  const listed = new Set<string>();
  const moduleIds = new Set<string>();
  const modules: Module[] = course.modules.map((mod, mi) => {
    if (moduleIds.has(mod.id)) problems.push({ file: courseRel, field: `modules[${mi}].id`, message: `module id "${mod.id}" is used twice` });
    moduleIds.add(mod.id);
    const refs: LessonRef[] = [];
    mod.lessons.forEach((lessonId, li) => {
      const field = `modules[${mi}].lessons[${li}]`;
      if (listed.has(lessonId)) {
        problems.push({ file: courseRel, field, message: `lesson "${lessonId}" is listed twice` });
        return;
      }
      listed.add(lessonId);
      const lesson = lessons.get(lessonId);
      if (!lesson) {
        problems.push({ file: courseRel, field, message: `no lesson file for "${lessonId}" in ${rel(root, lessonDir)}/` });
        return;
      }
      lesson.moduleId = mod.id;
      refs.push({ id: lesson.id, title: lesson.title, minutes: lesson.minutes, quizId: lesson.quizId });
    });
    return { id: mod.id, number: mi + 1, title: mod.title, summary: mod.summary, lessons: refs };
  });
  for (const lesson of lessons.values()) {
    if (!listed.has(lesson.id)) {
      problems.push({ file: lesson.file, field: "", message: `lesson "${lesson.id}" is not listed in any module of ${courseRel}` });
    }
  }
  const usedQuizzes = new Set([...lessons.values()].map((l) => l.quizId));
  for (const id of quizzes.keys()) {
    if (!usedQuizzes.has(id)) {
      problems.push({ file: rel(root, path.join(quizDir, `${id}.yml`)), field: "", message: `quiz "${id}" is not used by any lesson` });
    }
  }

  // An activity is reached only through a lesson's link: one no lesson names is never played.
  const usedActivities = new Set([...lessons.values()].map((l) => l.activityId));
  for (const id of activities.keys()) {
    if (!usedActivities.has(id)) problems.push({ file: rel(root, path.join(dir, "activities", `${id}.yml`)), field: "", message: `activity "${id}" is not linked from any lesson (add activity: ${id} to a lesson's front matter)` });
  }

  out.courses.push({ id: courseId, locale, title: course.title, summary: course.summary, audience: course.audience, modules });
  for (const lesson of lessons.values()) {
    if (!lesson.moduleId) continue;
    const { file: _file, ...plain } = lesson;
    out.lessons.push(plain);
  }
  for (const quiz of quizzes.values()) out.quizzes.set(quizKey(courseId, quiz.id), quiz);
}

/** Parse and validate one lesson file's text. Exported for tests. */
export function parseLesson(
  raw: string,
  fileRel: string,
  problems: ContentProblem[],
): (Omit<Lesson, "id" | "courseId" | "locale" | "moduleId" | "path"> & { quiz?: string; scenario?: string; activity?: string }) | undefined {
  let fm: matter.GrayMatterFile<string>;
  try {
    fm = matter(raw);
  } catch (e) {
    problems.push({ file: fileRel, field: "front matter", message: `not valid YAML: ${(e as Error).message.split("\n")[0]}` });
    return undefined;
  }
  const data = check(lessonFrontMatter, withoutRecord(fm.data), fileRel, problems);
  const body = fm.content.trim();
  if (!body) problems.push({ file: fileRel, field: "body", message: "the lesson has no text" });
  for (const message of checkLessonBody(body)) problems.push({ file: fileRel, field: "body", message });
  for (const message of lessonStoryTags(body).problems) problems.push({ file: fileRel, field: "body", message });
  if (!data || !body) return undefined;
  // A figure or year needs a source in its own section (lib/content/fact-sources.ts); lines are the file's.
  const offset = raw.slice(0, raw.indexOf(body)).split("\n").length - 1;
  for (const f of checkLessonFacts(body, data.sources).findings) {
    problems.push({ file: fileRel, field: `line ${f.line + offset}`, message: `"${f.fact}" in section "${f.section}" has no source in that section: cite it there, e.g. "(Publisher, 2024)" or a link, or date it against a listed source (rule in lib/content/fact-sources.ts)` });
  }
  const { quiz, scenario, activity, ...rest } = data;
  return { ...rest, quiz, quizId: quiz, scenarioId: scenario, activityId: activity, body };
}

/** Parse and validate one quiz file's text. Exported for tests. */
export function parseQuiz(id: string, raw: string, fileRel: string, problems: ContentProblem[]): Quiz | undefined {
  const parsed = parseYaml(raw, fileRel, problems);
  if (parsed === undefined) return undefined;
  const data = check(quizFile, parsed, fileRel, problems);
  if (!data) return undefined;

  const before = problems.length;
  const seen = new Set<string>();
  const questions = data.questions.map((q, qi) => {
    const at = `questions[${qi}]`;
    if (seen.has(q.id)) problems.push({ file: fileRel, field: `${at}.id`, message: `question id "${q.id}" is used twice` });
    seen.add(q.id);
    return normaliseQuestion(q, at, fileRel, problems);
  });
  checkBiasPairs(data.biasPairs, questions, fileRel, problems);
  if (problems.length > before) return undefined;
  return { id, title: data.title, passMark: data.passMark, questions, biasPairs: data.biasPairs, version: quizVersion(questions, data.biasPairs) };
}

/** Each pair's versions exist, make a fair pair (pair-rules.ts), and no question is in two pairs. */
function checkBiasPairs(pairs: readonly BiasPair[], questions: readonly Question[], fileRel: string, problems: ContentProblem[]) {
  const pairOf = new Map<string, string>();
  pairs.forEach((pair, pi) => {
    const field = `biasPairs[${pi}]`;
    const [a, b] = pair.versions;
    const found = pair.versions.map((v) => questions.find((q) => q.id === v));
    const missing = pair.versions.filter((_, i) => !found[i]);
    if (missing.length > 0) {
      for (const v of missing) problems.push({ file: fileRel, field: `${field}.versions`, message: `pair "${pair.id}" ("${a}", "${b}"): no question "${v}" in this quiz` });
      return;
    }
    for (const message of checkPairVersions(found[0]!, found[1]!, localeOfFile(fileRel))) problems.push({ file: fileRel, field, message: `pair "${pair.id}": ${message}` });
    for (const v of new Set(pair.versions)) {
      const other = pairOf.get(v);
      if (other) problems.push({ file: fileRel, field: `${field}.versions`, message: `pair "${pair.id}" ("${a}", "${b}"): question "${v}" is already a version in pair "${other}"; a question belongs to at most one pair` });
      else pairOf.set(v, pair.id);
    }
  });
}

/** A pair's id names it in the reports of a whole course: it is used once across lessons, checks and refreshers. */
export function checkPairIds(sets: readonly { file: string; quiz: Quiz }[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const seen = new Map<string, string>();
  for (const { file, quiz } of sets) {
    (quiz.biasPairs ?? []).forEach((pair, pi) => {
      const first = seen.get(pair.id);
      if (first) problems.push({ file, field: `biasPairs[${pi}].id`, message: `pair id "${pair.id}" ("${pair.versions[0]}", "${pair.versions[1]}") is already used in ${first}; pair ids are unique across the course` });
      else seen.set(pair.id, file);
    });
  }
  return problems;
}

function normaliseQuestion(q: QuestionFile, at: string, file: string, problems: ContentProblem[]): Question {
  const common = { id: q.id, type: q.type, skill: q.skill, prompt: q.prompt, explanation: q.explanation };
  if (q.type === "true-false") {
    return {
      ...common,
      options: [
        { id: "true", text: "", feedback: q.feedback.true },
        { id: "false", text: "", feedback: q.feedback.false },
      ],
      correct: [String(q.answer)],
    };
  }
  if (q.type === "sort") {
    const piles = q.categories.map((c) => c.id);
    dupes(piles, (i) => problems.push({ file, field: `${at}.categories[${i}].id`, message: `pile id "${piles[i]}" is used twice` }));
    const itemIds = q.items.map((it) => it.id);
    dupes(itemIds, (i) => problems.push({ file, field: `${at}.items[${i}].id`, message: `item id "${itemIds[i]}" is used twice` }));
    q.items.forEach((it, i) => {
      if (!piles.includes(it.answer)) problems.push({ file, field: `${at}.items[${i}].answer`, message: `the pile "${it.answer}" is not among the categories (${piles.join(", ")})` });
    });
    return {
      ...common,
      options: q.items.map((it) => ({ id: it.id, text: it.text, feedback: it.feedback })),
      categories: q.categories,
      correct: q.items.map((it) => `${it.id}:${it.answer}`),
    };
  }
  if (q.type === "discern") {
    const itemIds = q.items.map((it) => it.id);
    dupes(itemIds, (i) => problems.push({ file, field: `${at}.items[${i}].id`, message: `post id "${itemIds[i]}" is used twice` }));
    const manipulative = q.items.filter((it) => it.manipulative);
    if (manipulative.length === 0 || manipulative.length === q.items.length) {
      problems.push({ file, field: `${at}.items`, message: "mix genuine and manipulative posts: discernment needs both" });
    }
    q.items.forEach((it, i) => {
      if (it.manipulative && !it.technique) problems.push({ file, field: `${at}.items[${i}].technique`, message: "name the technique a manipulative post uses" });
      if (!it.manipulative && it.technique) problems.push({ file, field: `${at}.items[${i}].technique`, message: "a genuine post has no technique" });
    });
    return {
      ...common,
      options: q.items.map((it) => ({ id: it.id, text: it.text, feedback: it.feedback, ...(it.technique ? { technique: it.technique } : {}) })),
      correct: manipulative.map((it) => it.id),
    };
  }
  const ids = q.options.map((o) => o.id);
  ids.forEach((id, oi) => {
    if (ids.indexOf(id) !== oi) problems.push({ file, field: `${at}.options[${oi}].id`, message: `option id "${id}" is used twice` });
  });
  // Pinned options are shown last whatever the shuffle does; authored order (print, review) agrees.
  const firstPinned = q.options.findIndex((o) => o.pinLast);
  q.options.forEach((o, oi) => {
    if (firstPinned >= 0 && oi > firstPinned && !o.pinLast) problems.push({ file, field: `${at}.options[${oi}]`, message: "write pinned options (pinLast) after every other option" });
  });
  const answers = Array.isArray(q.answer) ? q.answer : [q.answer];
  answers.forEach((a, ai) => {
    const field = Array.isArray(q.answer) ? `${at}.answer[${ai}]` : `${at}.answer`;
    if (!ids.includes(a)) problems.push({ file, field, message: `the answer "${a}" is not among the options (${ids.join(", ")})` });
    else if (answers.indexOf(a) !== ai) problems.push({ file, field, message: `the answer "${a}" is listed twice` });
  });
  if (q.type === "multiple" && answers.length === ids.length) {
    problems.push({ file, field: `${at}.answer`, message: "every option is correct: leave at least one wrong option to choose" });
  }
  if (q.type === "scenario") return { ...common, vignette: q.vignette, ideology: q.ideology, options: q.options, correct: answers };
  return { ...common, vignette: undefined, options: q.options, correct: answers };
}





