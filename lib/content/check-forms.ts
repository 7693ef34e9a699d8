// The two parallel check forms of a course (assessments/form-a.yml and form-b.yml). Which form a
// learner takes as the starting check and which as the final one comes from their "forms" arm
// (lib/quiz/experiments.ts): half a group takes A then B, the other half B then A, so the gain
// report can cancel a difference in difficulty between the forms. That only works if the forms
// are built to match, which this file checks: the same number of questions shown to a learner,
// the same question types in the same order, the same skills.
import path from "node:path";
import { SKILLS, type Question, type Quiz } from "@/lib/quiz/types";
import type { FormId } from "@/lib/quiz/experiments";
import { type ContentProblem, exists, readText, rel, sortedDir } from "./files";
import { asShown } from "./pair-rules";

export interface CheckForms {
  a?: Quiz;
  b?: Quiz;
}

export const FORM_IDS = ["a", "b"] as const satisfies readonly FormId[];

export const ASSESSMENT_MIN_ITEMS = 12;

/** The form's file name and its quiz id ("form-a"), which attempts store as quiz_id. */
export const formFile = (form: FormId) => `form-${form}.yml`;
export const formQuizId = (form: FormId) => `form-${form}`;

/**
 * The form a stored attempt was taken on, from its quiz_id. Attempts made before the forms were
 * renamed stored "assessment-pre" and "assessment-post": those were the files now called
 * form-a.yml and form-b.yml (renamed, not rewritten), so they map to A and B.
 */
export function formOfQuizId(quizId: string): FormId | undefined {
  if (quizId === "form-a" || quizId === "assessment-pre") return "a";
  if (quizId === "form-b" || quizId === "assessment-post") return "b";
  return undefined;
}

/**
 * Whether form B is parallel to form A: the same number of questions shown, the same type at
 * each position, the same number of items per skill. Problems are reported on form B's file
 * (A is the reference), naming the position of the first difference.
 */
export function parallelFormProblems(a: Quiz, b: Quiz, fileA: string, fileB: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  // A learner sees one version of each bias-check pair: the forms are compared as shown.
  const shownA = asShown(a).questions;
  const shownB = asShown(b).questions;
  const nameA = path.basename(fileA);
  if (shownA.length !== shownB.length) {
    problems.push({
      file: fileB,
      field: "questions",
      message: `parallel forms show a learner the same number of questions (questions minus one version of each bias pair): ${nameA} shows ${shownA.length}, this form ${shownB.length}`,
    });
  }
  const at = shownA.findIndex((q, i) => i < shownB.length && shownB[i].type !== q.type);
  if (at >= 0) {
    const field = `questions[${b.questions.indexOf(shownB[at])}]`;
    problems.push({
      file: fileB,
      field,
      message: `parallel forms have the same question types in the same order: shown question ${at + 1} ("${shownB[at].id}") is ${shownB[at].type}, in ${nameA} ("${shownA[at].id}") it is ${shownA[at].type}`,
    });
  }
  const count = (qs: Question[], skill: string) => qs.filter((x) => x.skill === skill).length;
  for (const skill of SKILLS) {
    if (count(shownA, skill) !== count(shownB, skill)) {
      problems.push({
        file: fileB,
        field: "questions",
        message: `parallel forms need as many "${skill}" items as ${nameA} (${count(shownA, skill)}, here ${count(shownB, skill)})`,
      });
    }
  }
  return problems;
}

/** assessments/form-a.yml and form-b.yml: both or neither, at least 12 items each, all three skills, parallel. */
export function loadCheckForms(
  root: string,
  courseDir: string,
  problems: ContentProblem[],
  parseQuiz: (id: string, raw: string, file: string, problems: ContentProblem[]) => Quiz | undefined,
): CheckForms {
  const dir = path.join(courseDir, "assessments");
  if (!exists(dir)) return {};
  const result: CheckForms = {};
  const fileOf = (form: FormId) => rel(root, path.join(dir, formFile(form)));
  for (const form of FORM_IDS) {
    const full = path.join(dir, formFile(form));
    const file = fileOf(form);
    if (!exists(full)) {
      problems.push({ file, field: "", message: `missing check form ${form.toUpperCase()} (assessments/ needs both form-a.yml and form-b.yml)` });
      continue;
    }
    const quiz = parseQuiz(formQuizId(form), readText(full), file, problems);
    if (!quiz) continue;
    // A learner sees one version of each bias-check pair: the length counts the questions shown.
    const shown = asShown(quiz).questions.length;
    if (shown < ASSESSMENT_MIN_ITEMS) {
      problems.push({ file, field: "questions", message: `a check form needs at least ${ASSESSMENT_MIN_ITEMS} items (has ${shown}${shown < quiz.questions.length ? ` shown, one version of each bias-check pair` : ""})` });
    }
    for (const skill of SKILLS) {
      if (!quiz.questions.some((q) => q.skill === skill)) problems.push({ file, field: "questions", message: `no item for the skill "${skill}"` });
    }
    result[form] = quiz;
  }
  for (const entry of sortedDir(dir)) {
    if (!FORM_IDS.some((f) => formFile(f) === entry.name)) {
      problems.push({ file: rel(root, path.join(dir, entry.name)), field: "", message: "assessments/ holds only form-a.yml and form-b.yml (the two parallel check forms)" });
    }
  }
  if (result.a && result.b) problems.push(...parallelFormProblems(result.a, result.b, fileOf("a"), fileOf("b")));
  return result;
}
