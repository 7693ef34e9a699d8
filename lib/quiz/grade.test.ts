import { describe, expect, it } from "vitest";
import { gradeAnswer, gradeQuiz, GradingError } from "./grade";
import type { Question, Quiz } from "./types";

const opt = (id: string) => ({ id, text: `Option ${id}`, feedback: `Because ${id}` });

const single: Question = {
  id: "s", type: "single", skill: "recognising", prompt: "Pick one", options: ["a", "b", "c"].map(opt), correct: ["b"], explanation: "B is right.",
};
const multiple: Question = {
  id: "m", type: "multiple", skill: "responding", prompt: "Pick all", options: ["a", "b", "c", "d"].map(opt), correct: ["a", "c"], explanation: "A and C.",
};
const trueFalse: Question = {
  id: "t", type: "true-false", skill: "resilience", prompt: "True?",
  options: [{ id: "true", text: "", feedback: "No" }, { id: "false", text: "", feedback: "Yes" }], correct: ["false"], explanation: "False.",
};
const scenario: Question = { ...single, id: "sc", type: "scenario", vignette: "A story", correct: ["c"] };

describe("gradeAnswer", () => {
  it.each([
    { q: single, chosen: ["b"], verdict: "correct", points: 1 },
    { q: single, chosen: ["a"], verdict: "incorrect", points: 0 },
    { q: trueFalse, chosen: ["false"], verdict: "correct", points: 1 },
    { q: trueFalse, chosen: ["true"], verdict: "incorrect", points: 0 },
    { q: scenario, chosen: ["c"], verdict: "correct", points: 1 },
    { q: scenario, chosen: ["b"], verdict: "incorrect", points: 0 },
    { q: multiple, chosen: ["a", "c"], verdict: "correct", points: 1 },
    { q: multiple, chosen: ["c", "a"], verdict: "correct", points: 1 },
    { q: multiple, chosen: ["a"], verdict: "partial", points: 0.5 },
    { q: multiple, chosen: ["a", "c", "d"], verdict: "partial", points: 0.5 },
    { q: multiple, chosen: ["a", "b"], verdict: "incorrect", points: 0 },
    { q: multiple, chosen: ["b", "d"], verdict: "incorrect", points: 0 },
    { q: multiple, chosen: ["a", "b", "c", "d"], verdict: "incorrect", points: 0 },
  ] as const)("$q.type $chosen -> $verdict ($points)", ({ q, chosen, verdict, points }) => {
    const r = gradeAnswer(q, chosen);
    expect(r.verdict).toBe(verdict);
    expect(r.points).toBeCloseTo(points);
    expect(r.explanation).toBe(q.explanation);
  });

  it("gives feedback for every chosen option and every correct option missed, in option order", () => {
    const r = gradeAnswer(multiple, ["d", "a"]);
    expect(r.feedback).toEqual([
      { optionId: "a", chosen: true, correct: true, feedback: "Because a" },
      { optionId: "c", chosen: false, correct: true, feedback: "Because c" },
      { optionId: "d", chosen: true, correct: false, feedback: "Because d" },
    ]);
  });

  it("shows the right answer's feedback after a wrong single choice", () => {
    const r = gradeAnswer(single, ["a"]);
    expect(r.feedback.map((f) => [f.optionId, f.chosen, f.correct])).toEqual([
      ["a", true, false],
      ["b", false, true],
    ]);
  });

  it.each([
    { q: single, chosen: [], message: /choose an answer/ },
    { q: single, chosen: ["z"], message: /no option "z"/ },
    { q: single, chosen: ["a", "b"], message: /choose one answer/ },
    { q: trueFalse, chosen: ["true", "false"], message: /choose one answer/ },
    { q: multiple, chosen: ["a", "a"], message: /chosen twice/ },
  ])("rejects $chosen for $q.type", ({ q, chosen, message }) => {
    expect(() => gradeAnswer(q, chosen)).toThrow(GradingError);
    expect(() => gradeAnswer(q, chosen)).toThrow(message);
  });
});

describe("gradeQuiz", () => {
  const quiz: Quiz = { id: "q", title: "Quiz", passMark: 0.7, questions: [single, multiple, trueFalse, scenario] };

  it.each<{ name: string; answers: Record<string, string[]>; percent: number; passed: boolean; correct: number }>([
    { name: "all right", answers: { s: ["b"], m: ["a", "c"], t: ["false"], sc: ["c"] }, percent: 100, passed: true, correct: 4 },
    { name: "three of four", answers: { s: ["b"], m: ["b"], t: ["false"], sc: ["c"] }, percent: 75, passed: true, correct: 3 },
    { name: "partial credit counts", answers: { s: ["b"], m: ["a"], t: ["false"], sc: ["a"] }, percent: 62, passed: false, correct: 2 },
    { name: "unanswered count as zero", answers: { s: ["b"] }, percent: 25, passed: false, correct: 1 },
    { name: "nothing answered", answers: {}, percent: 0, passed: false, correct: 0 },
  ])("$name", ({ answers, percent, passed, correct }) => {
    const r = gradeQuiz(quiz, answers);
    expect(r.percent).toBe(percent);
    expect(r.passed).toBe(passed);
    expect(r.correctCount).toBe(correct);
    expect(r.total).toBe(4);
  });

  it("passes exactly at the pass mark and not below it", () => {
    const five: Quiz = { id: "f", title: "F", passMark: 0.8, questions: [1, 2, 3, 4, 5].map((n) => ({ ...single, id: `q${n}` })) };
    const four = { q1: ["b"], q2: ["b"], q3: ["b"], q4: ["b"], q5: ["a"] };
    expect(gradeQuiz(five, four)).toMatchObject({ percent: 80, passed: true });
    expect(gradeQuiz(five, { ...four, q4: ["a"] })).toMatchObject({ percent: 60, passed: false });
  });
});
