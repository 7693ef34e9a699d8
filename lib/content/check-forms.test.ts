// The parallel-forms check: form B must show a learner as many questions as form A, of the same
// types in the same order, with as many items per skill; each problem names form B's file and the
// position of the first difference. Plus the mapping from a stored quiz_id to its form.
import { describe, expect, it } from "vitest";
import type { BiasPair, Question, QuestionType, Quiz, Skill } from "@/lib/quiz/types";
import { formOfQuizId, parallelFormProblems } from "./check-forms";

const A = "en/courses/c/assessments/form-a.yml";
const B = "en/courses/c/assessments/form-b.yml";
const q = (id: string, type: QuestionType = "single", skill: Skill = "recognising"): Question => ({
  id, type, skill, prompt: "P", options: [{ id: "x", text: "X", feedback: "F" }, { id: "y", text: "Y", feedback: "F" }], correct: ["x"], explanation: "E",
});
const quiz = (id: string, questions: Question[], biasPairs: BiasPair[] = []): Quiz => ({ id, title: id, passMark: 0.7, questions, biasPairs });
const pair = (id: string, a: string, b: string): BiasPair => ({ id, feature: "religion", versions: [a, b] });
const formA = quiz("form-a", [q("a1"), q("a2", "multiple", "responding"), q("a3", "true-false", "resilience")]);

describe("parallelFormProblems", () => {
  it.each<{ name: string; b: Quiz; expected: { field: string; message: string }[] }>([
    { name: "a matching form", b: quiz("form-b", [q("b1"), q("b2", "multiple", "responding"), q("b3", "true-false", "resilience")]), expected: [] },
    {
      name: "a bias pair counts once: both versions sit in the form, a learner sees one",
      b: quiz("form-b", [q("b1"), q("b1-alt"), q("b2", "multiple", "responding"), q("b3", "true-false", "resilience")], [pair("p", "b1", "b1-alt")]),
      expected: [],
    },
    {
      name: "one question more",
      b: quiz("form-b", [q("b1"), q("b2", "multiple", "responding"), q("b3", "true-false", "resilience"), q("b4", "true-false", "resilience")]),
      expected: [
        { field: "questions", message: "parallel forms show a learner the same number of questions (questions minus one version of each bias pair): form-a.yml shows 3, this form 4" },
        { field: "questions", message: 'parallel forms need as many "resilience" items as form-a.yml (1, here 2)' },
      ],
    },
    {
      name: "two types swapped: the first difference is named by its place",
      b: quiz("form-b", [q("b1"), q("b3", "true-false", "responding"), q("b2", "multiple", "resilience")]),
      expected: [{ field: "questions[1]", message: 'parallel forms have the same question types in the same order: shown question 2 ("b3") is true-false, in form-a.yml ("a2") it is multiple' }],
    },
    {
      name: "a type difference after a bias pair: the shown place and the file's place differ",
      b: quiz("form-b", [q("b1"), q("b1-alt"), q("b2", "multiple", "responding"), q("b3", "single", "resilience")], [pair("p", "b1", "b1-alt")]),
      expected: [{ field: "questions[3]", message: 'parallel forms have the same question types in the same order: shown question 3 ("b3") is single, in form-a.yml ("a3") it is true-false' }],
    },
    {
      name: "the same types, other skills",
      b: quiz("form-b", [q("b1", "single", "responding"), q("b2", "multiple", "responding"), q("b3", "true-false", "resilience")]),
      expected: [
        { field: "questions", message: 'parallel forms need as many "recognising" items as form-a.yml (1, here 0)' },
        { field: "questions", message: 'parallel forms need as many "responding" items as form-a.yml (1, here 2)' },
      ],
    },
  ])("$name", ({ b, expected }) => {
    expect(parallelFormProblems(formA, b, A, B)).toEqual(expected.map((e) => ({ file: B, ...e })));
  });
});

describe("formOfQuizId", () => {
  it.each([
    ["form-a", "a"],
    ["form-b", "b"],
    // Attempts from before the rename: pre.yml became form-a.yml, post.yml form-b.yml.
    ["assessment-pre", "a"],
    ["assessment-post", "b"],
    ["form-unknown", undefined],
    ["booster-week-1", undefined],
  ])("%s -> %s", (id, form) => expect(formOfQuizId(id)).toBe(form));
});
