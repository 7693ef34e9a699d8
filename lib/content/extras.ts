// Content beyond lessons and quizzes: branching scenarios, boosters (per course),
// tracks and reporting channels (per locale). Each is validated with its file and field named.
import path from "node:path";
import type { Quiz } from "@/lib/quiz/types";
import { checkScenarioGraph, type Scenario } from "@/lib/scenario/graph";
import { boosterFile, channelsFile, scenarioFile, trackFile, type TrackFile } from "./schema";
import { normaliseChannels, type Channels } from "./channels";
import type { z } from "zod";
import { check, type ContentProblem, exists, fieldPath, parseYaml, readText, rel, sortedDir } from "./files";
import { fleschKincaid } from "./readability";
import { SOURCE_LOCALE } from "./translation";
import { MATERIALS_DIR } from "./materials";
import { formatActivityId } from "./activity-id";
import { checkPlanPrints } from "./plan";

const YAML_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.ya?ml$/;

/**
 * The most scenarios a workshop plays. Each takes four or five minutes with votes and a debrief;
 * a 90-minute session with two checks has room for three at most.
 */
export const WORKSHOP_MAX_SCENARIOS = 3;

/** The highest Flesch-Kincaid grade a school lesson's student text may have. */
export const SCHOOL_MAX_GRADE = 9;

function yamlFiles(root: string, dir: string, problems: ContentProblem[], subfolder?: string): { id: string; file: string; data: unknown }[] {
  if (!exists(dir)) return [];
  const out = [];
  for (const entry of sortedDir(dir)) {
    // A folder with its own loader (tracks/materials/, lib/content/materials.ts).
    if (subfolder && entry.isDirectory() && entry.name === subfolder) continue;
    const file = rel(root, path.join(dir, entry.name));
    const m = entry.isFile() ? YAML_FILE.exec(entry.name) : null;
    if (!m) {
      problems.push({ file, field: "", message: "name the file <slug>.yml" });
      continue;
    }
    const data = parseYaml(readText(path.join(dir, entry.name)), file, problems);
    if (data !== undefined) out.push({ id: m[1], file, data });
  }
  return out;
}

export function loadScenarios(root: string, courseDir: string, problems: ContentProblem[]): Map<string, Scenario> {
  const out = new Map<string, Scenario>();
  for (const { id, file, data } of yamlFiles(root, path.join(courseDir, "scenarios"), problems)) {
    const s = check(scenarioFile, data, file, problems);
    if (!s) continue;
    const graph = checkScenarioGraph(s);
    for (const [step, message] of graph) problems.push({ file, field: step === "start" ? "start" : `steps.${step}`, message });
    if (graph.length === 0) out.set(id, { id, ...s });
  }
  return out;
}

export interface Booster extends Quiz {
  summary: string;
  offerAfterDays: number;
}

export function loadBoosters(
  root: string,
  courseDir: string,
  problems: ContentProblem[],
  parseQuiz: (id: string, raw: string, file: string, problems: ContentProblem[]) => Quiz | undefined,
): Map<string, Booster> {
  const out = new Map<string, Booster>();
  for (const { id, file, data } of yamlFiles(root, path.join(courseDir, "boosters"), problems)) {
    const b = check(boosterFile, data, file, problems);
    if (!b) continue;
    // The question checks are the same as any quiz's. Its quiz id is its activity id ("booster-<id>"):
    // attempts store it as quiz_id, as a lesson's attempts store its quiz file's id.
    const { offerAfterDays, summary, ...quizPart } = b;
    const quizId = formatActivityId({ kind: "booster", course: path.basename(courseDir), booster: id });
    const quiz = parseQuiz(quizId, JSON.stringify(quizPart), file, problems);
    if (quiz) out.set(id, { ...quiz, summary, offerAfterDays });
  }
  return out;
}

export type Track = TrackFile & { id: string; readingGrades?: Record<string, number> };

export interface TrackRefs {
  courses: Map<string, { modules: Set<string>; lessons: Set<string>; scenarios: Set<string>; boosters: Set<string>; hasAssessments: boolean }>;
}

type Form = "pre" | "post";

/**
 * A track's check slots: each names a form the course has, each form at most once, and the
 * starting check before the final one; otherwise the change the track promises cannot be shown.
 */
function checkSlots(slots: { form: Form; field: string }[], courseId: string, hasAssessments: boolean, file: string, problems: ContentProblem[]) {
  const seen = new Map<Form, number>();
  slots.forEach(({ form, field }, i) => {
    if (!hasAssessments) problems.push({ file, field, message: `course "${courseId}" has no check forms for the ${form} slot (assessments/form-a.yml and form-b.yml)` });
    if (seen.has(form)) problems.push({ file, field, message: `the ${form}-assessment is already a slot (${slots[seen.get(form)!].field}); take each check once` });
    else seen.set(form, i);
  });
  const pre = seen.get("pre");
  const post = seen.get("post");
  if (pre !== undefined && post !== undefined && post < pre) {
    problems.push({ file, field: slots[post].field, message: "the final check (post) comes before the starting check (pre)" });
  }
}

/**
 * tracks/*.yml: references must exist; a workshop's parts add up and play at most three
 * scenarios; school texts read at grade 9 or below; checks are real forms.
 */
export function loadTracks(root: string, locale: string, refs: TrackRefs, problems: ContentProblem[]): Track[] {
  const out: Track[] = [];
  for (const { id, file, data } of yamlFiles(root, path.join(root, locale, "tracks"), problems, MATERIALS_DIR)) {
    const t = check(trackFile, data, file, problems);
    if (!t) continue;
    const course = refs.courses.get(t.course);
    if (!course) {
      problems.push({ file, field: "course", message: `no course "${t.course}"` });
      continue;
    }
    const track: Track = { ...t, id };
    if (t.kind === "workshop") {
      const total = t.parts.reduce((n, p) => n + p.minutes, 0);
      if (total !== t.minutes) problems.push({ file, field: "parts", message: `the parts add up to ${total} minutes, not ${t.minutes}` });
      const scenarios = t.parts.filter((p) => p.scenario).length;
      if (scenarios > WORKSHOP_MAX_SCENARIOS) {
        problems.push({ file, field: "parts", message: `the parts play ${scenarios} scenarios; a workshop has room for ${WORKSHOP_MAX_SCENARIOS} at most (say in the notes which one was cut)` });
      }
      t.parts.forEach((p, i) => {
        if (p.module && !course.modules.has(p.module)) problems.push({ file, field: `parts[${i}].module`, message: `no module "${p.module}"` });
        p.lessons.forEach((l, j) => {
          if (!course.lessons.has(l)) problems.push({ file, field: `parts[${i}].lessons[${j}]`, message: `no lesson "${l}"` });
        });
        if (p.scenario && !course.scenarios.has(p.scenario)) problems.push({ file, field: `parts[${i}].scenario`, message: `no scenario "${p.scenario}"` });
      });
      const slots = t.parts.flatMap((p, i) => (p.assessment ? [{ form: p.assessment, field: `parts[${i}].assessment` }] : []));
      checkSlots(slots, t.course, course.hasAssessments, file, problems);
      // Without a starting check the group's change cannot be shown; cutting for time must keep it.
      if (course.hasAssessments && !slots.some((s) => s.form === "pre")) problems.push({ file, field: "parts", message: "keep the starting check: a part with `assessment: pre`" });
    } else if (t.kind === "self-paced") {
      t.steps.forEach((s, i) => {
        const ok =
          s.type === "module" ? course.modules.has(s.id) : s.type === "booster" ? course.boosters.has(s.id) : course.hasAssessments && ["pre", "post"].includes(s.id);
        if (!ok) problems.push({ file, field: `steps[${i}].id`, message: `no ${s.type} "${s.id}"` });
      });
    } else {
      const slots = t.lessons.flatMap((l, i) => l.activities.flatMap((a, j) => (a.assessment ? [{ form: a.assessment, field: `lessons[${i}].activities[${j}].assessment` }] : [])));
      checkSlots(slots, t.course, course.hasAssessments, file, problems);
      track.readingGrades = {};
      t.lessons.forEach((l, i) => {
        const total = l.activities.reduce((n, a) => n + a.minutes, 0);
        if (total !== l.minutes) problems.push({ file, field: `lessons[${i}].activities`, message: `the activities add up to ${total} minutes, not ${l.minutes}` });
        l.activities.forEach((a, j) => {
          if (a.assessment && !a.absent) problems.push({ file, field: `lessons[${i}].activities[${j}].absent`, message: "say what to do for students who miss the check" });
        });
        l.uses.forEach((u, j) => {
          if (!course.lessons.has(u)) problems.push({ file, field: `lessons[${i}].uses[${j}]`, message: `no lesson "${u}"` });
        });
        // Flesch-Kincaid counts English syllables: a translation's reading level is the reviewer's to judge.
        if (locale !== SOURCE_LOCALE) return;
        const grade = fleschKincaid(`${l.learnerText}\n\n${l.contentWarning}\n\n${l.optOut}`).grade;
        track.readingGrades![l.id] = grade;
        if (grade > SCHOOL_MAX_GRADE) {
          problems.push({ file, field: `lessons[${i}].learnerText`, message: `reading grade ${grade} is above ${SCHOOL_MAX_GRADE}: use shorter sentences and plainer words` });
        }
      });
    }
    // Every printed thing the plan asks for has a page (lib/content/plan.ts).
    problems.push(...checkPlanPrints(track, file));
    out.push(track);
  }
  return out;
}

export type { Channels } from "./channels";

export function loadChannels(root: string, locale: string, problems: ContentProblem[]): Channels | undefined {
  const full = path.join(root, locale, "resources", "channels.yml");
  if (!exists(full)) return undefined;
  const file = rel(root, full);
  const data = parseYaml(readText(full), file, problems);
  if (data === undefined) return undefined;
  const parsed = channelsFile.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(...routeIssue(issue, data, file));
    return undefined;
  }
  return normaliseChannels(parsed.data, file, problems);
}

/**
 * A route is either an entry or a `{ see: id }` reference; zod reports a broken one as "Invalid
 * input" with both branches' issues. Name the branch the author meant (a `see` key or not), so
 * the problem says which field is wrong.
 */
function routeIssue(issue: z.core.$ZodIssue, data: unknown, file: string): ContentProblem[] {
  if (issue.code !== "invalid_union" || issue.errors.length !== 2) return [{ file, field: fieldPath(issue.path), message: issue.message }];
  const item = issue.path.reduce<unknown>((at, key) => (at as Record<PropertyKey, unknown> | undefined)?.[key], data);
  const meant = item && typeof item === "object" && "see" in item ? issue.errors[0] : issue.errors[1];
  return meant.map((inner) => ({ file, field: fieldPath([...issue.path, ...inner.path]), message: inner.message }));
}
