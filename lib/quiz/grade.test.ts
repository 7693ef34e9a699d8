import { describe, expect, it } from "vitest";
import { discernmentRates, gradeAnswer, gradeQuiz, GradingError } from "./grade";
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

describe("sort and discern questions", () => {
  const sort: Question = {
    id: "so", type: "sort", skill: "recognising", prompt: "Sort", explanation: "Why.",
    categories: [{ id: "none", label: "No concern" }, { id: "advice", label: "Seek advice" }, { id: "emergency", label: "Emergency" }],
    options: ["faith", "praise", "plan"].map(opt),
    correct: ["faith:none", "praise:advice", "plan:emergency"],
  };
  const discern: Question = {
    id: "di", type: "discern", skill: "resilience", prompt: "Which posts manipulate?", explanation: "Why.",
    options: ["m1", "m2", "g1", "g2"].map(opt),
    correct: ["m1", "m2"],
  };

  it.each([
    { chosen: ["faith:none", "praise:advice", "plan:emergency"], verdict: "correct", points: 1 },
    { chosen: ["plan:emergency", "faith:none", "praise:advice"], verdict: "correct", points: 1 },
    { chosen: ["faith:advice", "praise:advice", "plan:emergency"], verdict: "partial", points: 2 / 3 },
    { chosen: ["faith:emergency", "praise:none", "plan:advice"], verdict: "incorrect", points: 0 },
  ] as const)("sort $chosen -> $verdict", ({ chosen, verdict, points }) => {
    const r = gradeAnswer(sort, chosen);
    expect(r.verdict).toBe(verdict);
    expect(r.points).toBeCloseTo(points);
    expect(r.feedback).toHaveLength(3);
  });

  it.each([
    { chosen: ["faith:none", "praise:advice"], message: /sort every item \(missing: plan\)/ },
    { chosen: ["faith:none", "faith:advice", "plan:emergency"], message: /placed twice/ },
    { chosen: ["faith:none", "praise:nowhere", "plan:emergency"], message: /no pile "nowhere"/ },
    { chosen: ["ghost:none", "praise:advice", "plan:emergency"], message: /no item "ghost"/ },
  ])("sort rejects $chosen", ({ chosen, message }) => {
    expect(() => gradeAnswer(sort, chosen)).toThrow(message);
  });

  it.each([
    { chosen: ["m1", "m2"], d: { hits: 2, misses: 0, falseAlarms: 0, correctRejections: 2 }, points: 1, verdict: "correct" },
    { chosen: ["m1", "m2", "g1", "g2"], d: { hits: 2, misses: 0, falseAlarms: 2, correctRejections: 0 }, points: 0.5, verdict: "partial" },
    { chosen: [], d: { hits: 0, misses: 2, falseAlarms: 0, correctRejections: 2 }, points: 0.5, verdict: "partial" },
    { chosen: ["g1", "g2"], d: { hits: 0, misses: 2, falseAlarms: 2, correctRejections: 0 }, points: 0, verdict: "incorrect" },
  ] as const)("discern $chosen -> hits/false alarms $d", ({ chosen, d, points, verdict }) => {
    const r = gradeAnswer(discern, chosen);
    expect(r.discernment).toEqual(d);
    expect(r.points).toBeCloseTo(points);
    expect(r.verdict).toBe(verdict);
  });

  it("flagging everything is not discernment: the false-alarm rate shows it", () => {
    const all = gradeAnswer(discern, ["m1", "m2", "g1", "g2"]);
    const none = gradeAnswer(discern, []);
    expect(discernmentRates([all])).toEqual({ hitRate: 1, falseAlarmRate: 1, items: 4 });
    expect(discernmentRates([none])).toEqual({ hitRate: 0, falseAlarmRate: 0, items: 4 });
    expect(discernmentRates([all, none])).toEqual({ hitRate: 0.5, falseAlarmRate: 0.5, items: 8 });
    expect(discernmentRates([])).toEqual({ hitRate: null, falseAlarmRate: null, items: 0 });
  });

  it("an empty discernment answer counts in a quiz; an empty choice elsewhere does not", () => {
    const quiz: Quiz = { id: "q", title: "Q", passMark: 0.5, questions: [discern, single] };
    const r = gradeQuiz(quiz, { di: [], s: [] });
    expect(r.answered).toBe(1);
    expect(r.percent).toBe(25);
  });
});
