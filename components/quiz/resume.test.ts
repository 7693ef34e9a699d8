// Where a reloaded quiz goes on, and which stored answers it takes back.
import { describe, expect, it } from "vitest";
import type { RevealedAnswer } from "@/lib/quiz/public";
import type { Question } from "@/lib/quiz/types";
import { restoreChoices, restoreGrades, resumePoint } from "./resume";

const ids = ["q1", "q2", "q3", "q4"];

describe("resumePoint", () => {
  it.each([
    { name: "nothing answered: the first question", answered: {}, expected: { index: 0, allAnswered: false } },
    { name: "two answered: the third", answered: { q1: 1, q2: 1 }, expected: { index: 2, allAnswered: false } },
    { name: "a gap: the first unanswered", answered: { q1: 1, q3: 1 }, expected: { index: 1, allAnswered: false } },
    { name: "answers to other questions only: the first", answered: { old: 1 }, expected: { index: 0, allAnswered: false } },
    { name: "all answered, not finished: the last", answered: { q1: 1, q2: 1, q3: 1, q4: 1 }, expected: { index: 3, allAnswered: true } },
  ])("$name", ({ answered, expected }) => {
    expect(resumePoint(ids, answered)).toEqual(expected);
  });

  it("does not take an inherited name for an answer", () => {
    expect(resumePoint(["constructor", "toString"], {})).toEqual({ index: 0, allAnswered: false });
  });

  it("copes with a quiz with no questions", () => {
    expect(resumePoint([], {})).toEqual({ index: 0, allAnswered: false });
  });
});

const single: Question = {
  id: "q1",
  type: "single",
  skill: "recognising",
  prompt: "Which?",
  options: [
    { id: "a", text: "A", feedback: "No." },
    { id: "b", text: "B", feedback: "Yes." },
  ],
  correct: ["b"],
  explanation: "Because.",
};
const multiple: Question = { ...single, id: "q2", type: "multiple", correct: ["a", "b"] };

describe("restoreChoices (lesson quizzes: graded again in the browser)", () => {
  it("keeps the choices that still grade, and drops one that no longer fits the question", () => {
    const stored = { q1: { chosen: ["b"] }, q2: { chosen: ["a", "z"] }, gone: { chosen: ["a"] } };
    expect(restoreChoices([single, multiple], stored)).toEqual({ q1: ["b"] });
  });

  it("drops a single-answer choice with two options", () => {
    expect(restoreChoices([single], { q1: { chosen: ["a", "b"] } })).toEqual({});
  });
});

describe("restoreGrades (server-graded quizzes)", () => {
  const grade: RevealedAnswer = { questionId: "q1", verdict: "correct", points: 1, feedback: [], explanation: "Because.", reveal: { correct: ["b"] } };
  it("keeps the stored grades of the quiz's questions only", () => {
    const stored = { q1: { chosen: ["b"], graded: grade }, q2: { chosen: ["a"] }, gone: { chosen: ["a"], graded: { ...grade, questionId: "gone" } } };
    expect(restoreGrades([{ id: "q1" }, { id: "q2" }], stored)).toEqual({ q1: grade });
  });
});
