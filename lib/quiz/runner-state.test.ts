// Every transition of the quiz runner's reducer, for both pacings and with feedback on and off:
// what each action does from each step, and what it refuses (an answer to a question that is not
// current, a learner's "next" in a facilitator-paced quiz, a second answer while one is on its way).
import { describe, expect, it } from "vitest";
import { initialRunnerState, resumeIndex, runnerReducer, shownGrade, type RunnerAction, type RunnerOptions, type RunnerState } from "./runner-state";

type G = { correct: boolean };
type R = { percent: number };
type S = RunnerState<G, R>;
type A = RunnerAction<G, R>;

const ids = ["q1", "q2", "q3"];
const ok: G = { correct: true };
const no: G = { correct: false };
const result: R = { percent: 67 };

function state(over: Partial<S> & Partial<RunnerOptions> = {}): S {
  return { ...initialRunnerState<G, R>({ questionIds: ids, pacing: "learner", feedback: true }), ...over };
}
const run = (s: S, ...actions: A[]) => actions.reduce(runnerReducer<G, R>, s);
const view = (s: S) => ({ step: s.step, index: s.index, answers: s.answers, result: s.result });

describe("runnerReducer, learner pacing with feedback (the lesson quiz, boosters)", () => {
  it.each<[string, S, A, Partial<S>]>([
    ["answer the current question: on its way", state(), { type: "answer", questionId: "q1" }, { step: "sending", index: 0 }],
    ["refuse an answer to a question that is not current", state(), { type: "answer", questionId: "q2" }, { step: "answering", index: 0 }],
    ["refuse an unknown question", state(), { type: "answer", questionId: "nope" }, { step: "answering" }],
    ["refuse a second answer while one is on its way", state({ step: "sending" }), { type: "answer", questionId: "q1" }, { step: "sending" }],
    ["refuse an answer once its feedback is shown", state({ step: "feedback", answers: { q1: ok } }), { type: "answer", questionId: "q1" }, { step: "feedback" }],
    ["the grade arrives: feedback", state({ step: "sending" }), { type: "reveal", questionId: "q1", grade: ok }, { step: "feedback", index: 0, answers: { q1: ok } }],
    ["a grade computed at once (local grading) needs no sending step", state(), { type: "reveal", questionId: "q1", grade: no }, { step: "feedback", answers: { q1: no } }],
    ["a late grade for another question is kept but moves nothing", state({ index: 1, step: "sending", answers: { q1: ok } }), { type: "reveal", questionId: "q1", grade: no }, { step: "sending", index: 1, answers: { q1: no } }],
    ["a grade for an unknown question is ignored", state({ step: "sending" }), { type: "reveal", questionId: "zz", grade: ok }, { step: "sending", answers: {} }],
    ["grading failed: asked again", state({ step: "sending" }), { type: "fail", questionId: "q1" }, { step: "answering", index: 0 }],
    ["a failure for another question changes nothing", state({ step: "sending" }), { type: "fail", questionId: "q2" }, { step: "sending" }],
    ["next after the feedback", state({ step: "feedback", answers: { q1: ok } }), { type: "next" }, { step: "answering", index: 1 }],
    ["no next before the feedback", state({ step: "sending" }), { type: "next" }, { step: "sending", index: 0 }],
    ["no next past the last question", state({ index: 2, step: "feedback", answers: { q3: ok } }), { type: "next" }, { step: "feedback", index: 2 }],
    ["finish after the last feedback", state({ index: 2, step: "feedback", answers: { q3: ok } }), { type: "finish", result }, { step: "done", result }],
    ["no finish before the last question", state({ index: 1, step: "feedback" }), { type: "finish", result }, { step: "feedback", result: null }],
    ["no finish while the last answer is on its way", state({ index: 2, step: "sending" }), { type: "finish", result }, { step: "sending" }],
    ["no facilitator's advance in a learner-paced quiz", state(), { type: "advance", index: 2 }, { index: 0, step: "answering" }],
    ["no facilitator's end in a learner-paced quiz", state(), { type: "end", result }, { step: "answering", result: null }],
    ["nothing moves once done", state({ step: "done", result, index: 2 }), { type: "reveal", questionId: "q3", grade: no }, { step: "done", answers: {} }],
    ["retry starts afresh", state({ step: "done", result, index: 2, answers: { q1: ok, q2: ok, q3: no } }), { type: "retry" }, { step: "answering", index: 0, answers: {}, result: null }],
  ])("%s", (_name, from, action, expected) => {
    expect(view(runnerReducer(from, action))).toMatchObject(expected);
  });

  it("runs a whole quiz and shows each grade in turn", () => {
    let s = state();
    s = run(s, { type: "answer", questionId: "q1" }, { type: "reveal", questionId: "q1", grade: ok });
    expect(shownGrade(s)).toBe(ok);
    s = run(s, { type: "next" });
    expect(shownGrade(s)).toBeUndefined();
    s = run(s, { type: "answer", questionId: "q2" }, { type: "reveal", questionId: "q2", grade: no }, { type: "next" }, { type: "answer", questionId: "q3" }, { type: "reveal", questionId: "q3", grade: ok }, { type: "finish", result });
    expect(view(s)).toEqual({ step: "done", index: 2, answers: { q1: ok, q2: no, q3: ok }, result });
  });

  it("is pure: the state it is given is never changed", () => {
    const from = Object.freeze(state({ step: "sending" }));
    const to = runnerReducer(from, { type: "reveal", questionId: "q1", grade: ok });
    expect(from.answers).toEqual({});
    expect(to).not.toBe(from);
    // A refused action gives back the very same state (React skips the render).
    expect(runnerReducer(from, { type: "answer", questionId: "q3" })).toBe(from);
  });
});

describe("runnerReducer, learner pacing without feedback (starting and final checks)", () => {
  const check = (over: Partial<S> = {}) => state({ feedback: false, ...over });
  it.each<[string, S, A, Partial<S>]>([
    ["a grade moves straight on to the next question", check({ step: "sending" }), { type: "reveal", questionId: "q1", grade: ok }, { step: "answering", index: 1, answers: { q1: ok } }],
    ["the last grade waits for finish", check({ index: 2, step: "sending" }), { type: "reveal", questionId: "q3", grade: no }, { step: "feedback", index: 2, answers: { q3: no } }],
    ["finish ends it", check({ index: 2, step: "feedback", answers: { q3: no } }), { type: "finish", result }, { step: "done", result }],
  ])("%s", (_name, from, action, expected) => {
    expect(view(runnerReducer(from, action))).toMatchObject(expected);
  });

  it("never shows a grade", () => {
    expect(shownGrade(check({ index: 2, step: "feedback", answers: { q3: ok } }))).toBeUndefined();
  });
});

describe("runnerReducer, facilitator pacing (the live phone view)", () => {
  const live = (over: Partial<S> = {}) => state({ pacing: "facilitator", ...over });
  it.each<[string, S, A, Partial<S>]>([
    ["answer the question the facilitator opened", live({ index: 1 }), { type: "answer", questionId: "q2" }, { step: "sending", index: 1 }],
    ["refuse an answer to another question", live({ index: 1 }), { type: "answer", questionId: "q1" }, { step: "answering", index: 1 }],
    ["the reveal shows the feedback", live({ step: "sending" }), { type: "reveal", questionId: "q1", grade: ok }, { step: "feedback", answers: { q1: ok } }],
    ["without feedback the reveal waits too (no moving on alone)", live({ feedback: false, step: "sending" }), { type: "reveal", questionId: "q1", grade: ok }, { step: "feedback", index: 0 }],
    ["the learner's next is refused", live({ step: "feedback", answers: { q1: ok } }), { type: "next" }, { step: "feedback", index: 0 }],
    ["the learner's finish is refused", live({ index: 2, step: "feedback", answers: { q3: ok } }), { type: "finish", result }, { step: "feedback", result: null }],
    ["the facilitator moves on, answered or not", live({ step: "answering" }), { type: "advance", index: 1 }, { step: "answering", index: 1 }],
    ["the facilitator moves on while an answer is on its way", live({ step: "sending" }), { type: "advance", index: 1 }, { step: "answering", index: 1 }],
    ["the facilitator goes back to an answered question: its feedback", live({ index: 2, answers: { q1: no } }), { type: "advance", index: 0 }, { step: "feedback", index: 0 }],
    ["an index outside the quiz is refused", live(), { type: "advance", index: 3 }, { index: 0 }],
    ["a negative index is refused", live(), { type: "advance", index: -1 }, { index: 0 }],
    ["the facilitator ends it", live({ index: 1 }), { type: "end", result }, { step: "done", result }],
    ["nothing moves once ended", live({ step: "done", result }), { type: "advance", index: 1 }, { step: "done", index: 0 }],
    ["a reveal after the facilitator moved on is kept, the current question stays", live({ index: 1, step: "answering" }), { type: "reveal", questionId: "q1", grade: ok }, { step: "answering", index: 1, answers: { q1: ok } }],
  ])("%s", (_name, from, action, expected) => {
    expect(view(runnerReducer(from, action))).toMatchObject(expected);
  });

  it("resumes where the facilitator is, not where the phone left off", () => {
    const s = runnerReducer(live(), { type: "resume", answers: { q1: ok }, index: 2 });
    expect(view(s)).toMatchObject({ step: "answering", index: 2, answers: { q1: ok } });
    expect(view(runnerReducer(live(), { type: "resume", answers: { q1: ok }, index: 0 }))).toMatchObject({ step: "feedback", index: 0 });
  });
});

describe("resume after a reload (the attempt's answers kept in this browser, components/progress/quiz-attempt.ts)", () => {
  it.each<[string, S, Record<string, G>, Partial<S>]>([
    ["nothing kept: the first question", state(), {}, { step: "answering", index: 0, answers: {} }],
    ["the first question not yet answered", state(), { q1: ok }, { step: "answering", index: 1, answers: { q1: ok } }],
    ["a gap: the first unanswered question, not the one after the last answer", state(), { q1: ok, q3: no }, { step: "answering", index: 1 }],
    ["all answered, not finished: the last question's feedback, one press from the end", state(), { q1: ok, q2: ok, q3: no }, { step: "feedback", index: 2 }],
    ["all answered in a check: the last question asked again (the server replays the grade)", state({ feedback: false }), { q1: ok, q2: ok, q3: no }, { step: "answering", index: 2 }],
    ["grades of questions the quiz no longer has are dropped", state(), { gone: ok, q1: ok }, { step: "answering", index: 1, answers: { q1: ok } }],
    ["a learner-paced quiz ignores an index", state(), { q1: ok }, { index: 1 }],
  ])("%s", (_name, from, answers, expected) => {
    expect(view(runnerReducer(from, { type: "resume", answers, index: 0 }))).toMatchObject(expected);
  });

  it("takes this attempt's question order when it is known only now", () => {
    const s = runnerReducer(state(), { type: "resume", answers: { q3: ok }, questionIds: ["q3", "q1", "q2"] });
    expect(s.questionIds).toEqual(["q3", "q1", "q2"]);
    expect(view(s)).toMatchObject({ step: "answering", index: 1 });
  });

  it("goes on, after resuming, as if never reloaded", () => {
    const s = run(state(), { type: "resume", answers: { q1: ok, q2: no } }, { type: "answer", questionId: "q3" }, { type: "reveal", questionId: "q3", grade: ok }, { type: "finish", result });
    expect(view(s)).toEqual({ step: "done", index: 2, answers: { q1: ok, q2: no, q3: ok }, result });
  });

  it("resumeIndex: first unanswered, else the last with allAnswered", () => {
    expect(resumeIndex([], {})).toEqual({ index: 0, allAnswered: false });
    expect(resumeIndex(ids, { q2: 1 })).toEqual({ index: 0, allAnswered: false });
    expect(resumeIndex(ids, { q1: 1, q2: 1, q3: 1 })).toEqual({ index: 2, allAnswered: true });
  });
});
