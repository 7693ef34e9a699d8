// The public view of a server-graded quiz holds nothing of the key, and the browser rebuilds the
// feedback and the score from the server's grades exactly as browser grading would show them.
import { describe, expect, it } from "vitest";
import { gradeAnswer, gradeQuiz } from "./grade";
import { questionView, resultFromGrades, revealFor, toPublicQuiz } from "./public";
import type { Question, Quiz } from "./types";

const opt = (id: string) => ({ id, text: `Option ${id}`, feedback: `Because ${id}` });
const single: Question = { id: "s", type: "single", skill: "recognising", prompt: "Pick one", vignette: "A story", options: ["a", "b", "c"].map(opt), correct: ["b"], explanation: "B is right." };
const multiple: Question = { id: "m", type: "multiple", skill: "responding", prompt: "Pick all", options: ["a", "b", "c", "d"].map(opt), correct: ["a", "c"], explanation: "A and C." };
const sort: Question = {
  id: "so", type: "sort", skill: "responding", prompt: "Sort", options: ["x", "y"].map(opt), categories: [{ id: "p", label: "Pile P" }, { id: "q", label: "Pile Q" }], correct: ["x:p", "y:q"], explanation: "X in P.",
};
const discern: Question = {
  id: "d", type: "discern", skill: "resilience", prompt: "Judge",
  options: [{ ...opt("g1") }, { ...opt("m1"), technique: "scapegoating" }], correct: ["m1"], explanation: "M1 blames a group.",
};
const quiz: Quiz = { id: "qz", title: "Check", passMark: 0.7, questions: [single, multiple, sort, discern], biasPairs: [{ id: "s-or-m", feature: "religion", versions: ["s", "m"] }] };

describe("toPublicQuiz", () => {
  const pub = toPublicQuiz(quiz);
  const text = JSON.stringify(pub);

  it.each([
    ["a key", '"correct"'],
    ["an explanation", "explanation"],
    ["option feedback", "Because"],
    ["a technique", "scapegoating"],
    ["the skill", "skill"],
  ])("holds no %s", (_what, needle) => expect(text).not.toContain(needle));

  it("keeps the bias pairs' ids and versions (which question to leave out), nothing more", () => {
    // The booster and check runners show one version of each pair (lib/quiz/experiments.ts).
    expect(pub.biasPairs).toEqual([{ id: "s-or-m", feature: "religion", versions: ["s", "m"] }]);
    expect(toPublicQuiz({ ...quiz, biasPairs: [{ id: "s-or-m", feature: "religion", versions: ["s", "m"], extra: "key" } as never] }).biasPairs).toEqual(pub.biasPairs);
  });

  it("keeps what a learner needs to answer, in authored order", () => {
    expect(pub.questions.map((q) => q.id)).toEqual(["s", "m", "so", "d"]);
    expect(pub.questions[0]).toEqual({ id: "s", type: "single", prompt: "Pick one", vignette: "A story", options: single.options.map(({ id, text }) => ({ id, text })) });
    expect(pub.questions[2].categories).toEqual(sort.categories);
    expect(pub.passMark).toBe(0.7);
  });
});

describe("questionView", () => {
  it("before an answer: an empty key and blank feedback", () => {
    const q = questionView(toPublicQuiz(quiz).questions[3]);
    expect(q.correct).toEqual([]);
    expect(q.explanation).toBe("");
    expect(q.options.map((o) => [o.feedback, o.technique])).toEqual([["", undefined], ["", undefined]]);
  });

  it.each([
    { q: single, chosen: ["a"] },
    { q: multiple, chosen: ["a", "d"] },
    { q: sort, chosen: ["x:q", "y:q"] },
    { q: discern, chosen: ["g1"] },
  ])("after an answer to $q.type: the key, the technique and the graded feedback", ({ q, chosen }) => {
    const answer = revealFor(q, gradeAnswer(q, chosen));
    const view = questionView(toPublicQuiz({ ...quiz, questions: [q] }).questions[0], answer);
    expect(view.correct).toEqual(q.correct);
    expect(view.explanation).toBe(q.explanation);
    for (const f of answer.feedback) expect(view.options.find((o) => o.id === f.optionId)?.feedback).toBe(f.feedback);
    expect(view.options.map((o) => o.technique)).toEqual(q.options.map((o) => o.technique));
  });
});

describe("revealFor", () => {
  it("adds the key, and techniques only where there are some", () => {
    expect(revealFor(single, gradeAnswer(single, ["b"])).reveal).toEqual({ correct: ["b"] });
    expect(revealFor(discern, gradeAnswer(discern, [])).reveal).toEqual({ correct: ["m1"], techniques: { m1: "scapegoating" } });
  });
});

describe("resultFromGrades", () => {
  it.each<{ name: string; answers: Record<string, string[]> }>([
    { name: "all right", answers: { s: ["b"], m: ["a", "c"], so: ["x:p", "y:q"], d: ["m1"] } },
    { name: "mixed", answers: { s: ["a"], m: ["a"], so: ["x:p", "y:p"], d: [] } },
    { name: "some unanswered", answers: { m: ["c"], d: ["g1", "m1"] } },
    { name: "none", answers: {} },
  ])("scores as gradeQuiz does: $name", ({ answers }) => {
    const grades = Object.entries(answers).map(([id, chosen]) => gradeAnswer(quiz.questions.find((q) => q.id === id)!, chosen));
    // The server's grades may arrive in any order, and a stray grade from elsewhere is ignored.
    const stray = gradeAnswer({ ...single, id: "elsewhere" }, ["b"]);
    expect(resultFromGrades(toPublicQuiz(quiz), [...grades.reverse(), stray])).toEqual(gradeQuiz(quiz, answers));
  });
});
