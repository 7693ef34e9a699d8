import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ATTEMPT_MAX_AGE_MS, ATTEMPTS_KEY, attemptAnswers, clearAttempts, endAttempt, parseAttempts, resumeAttempt, saveAnswer, startAttempt } from "./quiz-attempt";

const NOW = Date.UTC(2026, 11, 7, 3, 0, 0);
const ID = "3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c";
/** A server grade as /api/progress/answers returns it (lib/quiz/public.ts RevealedAnswer). */
const GRADE = {
  questionId: "q2",
  verdict: "partial",
  points: 0.5,
  feedback: [{ optionId: "a", chosen: true, correct: true, feedback: "Yes." }],
  explanation: "Because.",
  discernment: { hits: 1, misses: 1, falseAlarms: 0, correctRejections: 2 },
  reveal: { correct: ["a", "c"], techniques: { c: "scapegoating" } },
};
const withAnswers = (answers: unknown) => JSON.stringify({ "en/c/l": { id: ID, startedAt: NOW, answers } });

describe("parseAttempts", () => {
  it.each([
    { name: "nothing stored", raw: null },
    { name: "not JSON", raw: "{oops" },
    { name: "a JSON array", raw: "[]" },
    { name: "an id that is not a UUID", raw: JSON.stringify({ "en/c/l": { id: "1 or 1=1", startedAt: NOW } }) },
    { name: "no start time", raw: JSON.stringify({ "en/c/l": { id: ID } }) },
    { name: "an attempt left for over a day", raw: JSON.stringify({ "en/c/l": { id: ID, startedAt: NOW - ATTEMPT_MAX_AGE_MS - 1 } }) },
    { name: "an attempt started in the future", raw: JSON.stringify({ "en/c/l": { id: ID, startedAt: NOW + 60_000 } }) },
  ])("keeps nothing from $name", ({ raw }) => {
    expect(parseAttempts(raw, NOW)).toEqual({});
  });

  it("keeps a well-formed attempt under a day old", () => {
    const raw = JSON.stringify({ "en/c/l": { id: ID, startedAt: NOW - ATTEMPT_MAX_AGE_MS, extra: 1 }, "en/c/m": null });
    expect(parseAttempts(raw, NOW)).toEqual({ "en/c/l": { id: ID, startedAt: NOW - ATTEMPT_MAX_AGE_MS, answers: {} } });
  });

  it("keeps well-formed answers: chosen ids, and a server grade copied field by field", () => {
    const raw = withAnswers({ q1: { chosen: ["b"] }, q2: { chosen: ["a"], graded: { ...GRADE, extra: "x", reveal: { ...GRADE.reveal, extra: 1 } } } });
    expect(parseAttempts(raw, NOW)["en/c/l"].answers).toEqual({ q1: { chosen: ["b"] }, q2: { chosen: ["a"], graded: GRADE } });
  });

  it.each([
    { name: "answers that are not an object", answers: ["q1"] },
    { name: "no chosen list", answers: { q1: { graded: GRADE } } },
    { name: "a chosen list of numbers", answers: { q1: { chosen: [1] } } },
    { name: "a key that is not a question id", answers: { "Q 1": { chosen: ["a"] } } },
    { name: "a grade for another question", answers: { q1: { chosen: ["a"], graded: GRADE } } },
    { name: "a grade with an unknown verdict", answers: { q2: { chosen: ["a"], graded: { ...GRADE, verdict: "great" } } } },
    { name: "a grade worth more than the question", answers: { q2: { chosen: ["a"], graded: { ...GRADE, points: 2 } } } },
    { name: "a grade with no key", answers: { q2: { chosen: ["a"], graded: { ...GRADE, reveal: {} } } } },
    { name: "a grade with damaged feedback", answers: { q2: { chosen: ["a"], graded: { ...GRADE, feedback: [{ optionId: "a" }] } } } },
    { name: "a grade with damaged discernment counts", answers: { q2: { chosen: ["a"], graded: { ...GRADE, discernment: { hits: -1 } } } } },
  ])("drops $name, and keeps the attempt", ({ answers }) => {
    expect(parseAttempts(withAnswers(answers), NOW)).toEqual({ "en/c/l": { id: ID, startedAt: NOW, answers: {} } });
  });

  it('never takes a stored "__proto__" for a question', () => {
    const raw = `{"en/c/l":{"id":"${ID}","startedAt":${NOW},"answers":{"__proto__":{"chosen":["a"]}}}}`;
    const answers = parseAttempts(raw, NOW)["en/c/l"].answers;
    expect(Object.getPrototypeOf(answers)).toBe(Object.prototype);
    expect(Object.keys(answers)).toEqual([]);
  });

  it("drops only the damaged answer of an attempt", () => {
    const raw = withAnswers({ q1: { chosen: ["b"] }, q2: { chosen: ["a"], graded: { ...GRADE, points: "1" } } });
    expect(parseAttempts(raw, NOW)["en/c/l"].answers).toEqual({ q1: { chosen: ["b"] } });
  });
});

describe("the attempt under way", () => {
  const store = new Map<string, string>();
  const g = globalThis as unknown as { window?: unknown };
  beforeEach(() => {
    store.clear();
    g.window = {
      localStorage: {
        getItem: (k: string) => store.get(k) ?? null,
        setItem: (k: string, v: string) => void store.set(k, v),
        removeItem: (k: string) => void store.delete(k),
      },
    };
  });
  afterEach(() => {
    delete g.window;
  });

  it("is the same across reloads until it ends, then a new one starts", () => {
    const first = resumeAttempt("en/c/l");
    expect(resumeAttempt("en/c/l")).toBe(first);
    expect(JSON.parse(store.get(ATTEMPTS_KEY)!)["en/c/l"].id).toBe(first);
    endAttempt("en/c/l");
    const second = resumeAttempt("en/c/l");
    expect(second).not.toBe(first);
  });

  it("is new on a retry, and kept apart for each activity", () => {
    const lesson = resumeAttempt("en/c/l");
    const pre = resumeAttempt("en/c/assessment-pre");
    expect(pre).not.toBe(lesson);
    const retry = startAttempt("en/c/l");
    expect(retry).not.toBe(lesson);
    expect(resumeAttempt("en/c/l")).toBe(retry);
    expect(resumeAttempt("en/c/assessment-pre")).toBe(pre);
  });

  it("keeps each answer with its attempt, to continue after a reload, until it ends", () => {
    const id = resumeAttempt("en/c/l");
    saveAnswer("en/c/l", id, "q1", { chosen: ["b"] });
    saveAnswer("en/c/l", id, "q2", { chosen: ["a"], graded: GRADE as never });
    // What a reload reads: the stored text, parsed again.
    expect(attemptAnswers("en/c/l", resumeAttempt("en/c/l"))).toEqual({ q1: { chosen: ["b"] }, q2: { chosen: ["a"], graded: GRADE } });
    expect(attemptAnswers("en/c/assessment-pre", resumeAttempt("en/c/assessment-pre"))).toEqual({});
    endAttempt("en/c/l");
    expect(attemptAnswers("en/c/l", id)).toEqual({});
    expect(attemptAnswers("en/c/l", resumeAttempt("en/c/l"))).toEqual({});
  });

  it("starts a retry with no answers, and keeps none for an attempt no longer under way", () => {
    const first = resumeAttempt("en/c/l");
    saveAnswer("en/c/l", first, "q1", { chosen: ["b"] });
    const retry = startAttempt("en/c/l");
    expect(attemptAnswers("en/c/l", retry)).toEqual({});
    // A late answer of the first attempt (another tab) neither lands in the retry nor revives it.
    saveAnswer("en/c/l", first, "q2", { chosen: ["a"] });
    expect(attemptAnswers("en/c/l", retry)).toEqual({});
    expect(attemptAnswers("en/c/l", first)).toEqual({});
    endAttempt("en/c/l");
    saveAnswer("en/c/l", retry, "q1", { chosen: ["a"] });
    expect(store.get(ATTEMPTS_KEY)).toBe("{}");
  });

  it("is forgotten at sign-out, answers and all", () => {
    const before = resumeAttempt("en/c/l");
    saveAnswer("en/c/l", before, "q1", { chosen: ["b"] });
    clearAttempts();
    expect(attemptAnswers("en/c/l", before)).toEqual({});
    expect(store.has(ATTEMPTS_KEY)).toBe(false);
    expect(resumeAttempt("en/c/l")).not.toBe(before);
  });

  it("stays stable for the page when storage is blocked", () => {
    g.window = {
      localStorage: {
        getItem: () => {
          throw new Error("blocked");
        },
        setItem: () => {
          throw new Error("blocked");
        },
        removeItem: () => {
          throw new Error("blocked");
        },
      },
    };
    const id = resumeAttempt("en/c/l");
    expect(resumeAttempt("en/c/l")).toBe(id);
    saveAnswer("en/c/l", id, "q1", { chosen: ["b"] });
    expect(attemptAnswers("en/c/l", id)).toEqual({ q1: { chosen: ["b"] } });
  });
});
