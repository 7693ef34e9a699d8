import { describe, expect, it } from "vitest";
import { decodeState, duration2004, encodeState, reportOf, SUSPEND_LIMIT_12, timespan12, withBest, withSeen, type LearnerState, type PackageLesson } from "./state";

const lessons: PackageLesson[] = [
  { id: "one", quizId: "q1" },
  { id: "two", quizId: null },
  { id: "three", quizId: "q3" },
];
const state = (seen: number[], best: Record<number, number>): LearnerState => ({ seen, best, arms: {} });

describe("what the package reports", () => {
  it.each([
    ["nothing done", state([], {}), { raw: 0, completion: "incomplete", success: "unknown", lessonStatus: "incomplete" }],
    ["one quiz taken", state([0], { 0: 100 }), { raw: 50, completion: "incomplete", success: "unknown", lessonStatus: "incomplete" }],
    ["every quiz taken but a lesson unopened", state([0, 2], { 0: 100, 2: 90 }), { raw: 95, completion: "incomplete", lessonStatus: "incomplete" }],
    ["everything, above the pass mark", state([0, 1, 2], { 0: 100, 2: 40 }), { raw: 70, completion: "completed", success: "passed", lessonStatus: "passed" }],
    ["everything, below it", state([0, 1, 2], { 0: 100, 2: 39 }), { raw: 69, completion: "completed", success: "failed", lessonStatus: "failed" }],
  ])("%s", (_, s, expected) => {
    expect(reportOf(lessons, s, 70)).toMatchObject(expected);
  });

  it("is completed, never passed or failed, for a course without quizzes", () => {
    expect(reportOf([{ id: "a", quizId: null }], state([0], {}), 70)).toMatchObject({ completion: "completed", success: "unknown", lessonStatus: "completed", raw: 0 });
  });

  it("keeps the best attempt, so a weaker retry never lowers the score", () => {
    const s = withBest(withBest(state([], {}), 0, 90), 0, 40);
    expect(s.best[0]).toBe(90);
    expect(withBest(s, 0, 100).best[0]).toBe(100);
  });

  it("counts a lesson opened twice once", () => {
    expect(withSeen(withSeen(state([], {}), 1), 1).seen).toEqual([1]);
  });
});

describe("suspend data", () => {
  it("round-trips", () => {
    const s: LearnerState = { seen: [2, 0, 1], best: { 0: 80, 2: 100 }, arms: { "bias:friday-evenings": "b" } };
    expect(decodeState(encodeState(s))).toEqual({ seen: [0, 1, 2], best: { 0: 80, 2: 100 }, arms: { "bias:friday-evenings": "b" } });
  });

  it("fits SCORM 1.2's 4,096 characters for a long course", () => {
    const many: LearnerState = { seen: Array.from({ length: 60 }, (_, i) => i), best: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [i, 100])), arms: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`bias:pair-number-${i}`, "a"])) };
    expect(encodeState(many).length).toBeLessThan(SUSPEND_LIMIT_12);
  });

  it.each(["", "not json", "[]", '{"v":2}', '{"v":1,"s":[-1,"x",3],"b":{"0":101,"1":50,"x":3},"a":{"k":"c","j":"a"}}'])("reads %j without failing, keeping only what is valid", (text) => {
    const s = decodeState(text);
    expect(s.seen.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
    expect(Object.values(s.best).every((n) => n >= 0 && n <= 100)).toBe(true);
    expect(Object.values(s.arms).every((v) => v === "a" || v === "b")).toBe(true);
  });
});

describe("session time", () => {
  it("is a CMITimespan for 1.2 and an ISO duration for 2004", () => {
    expect(timespan12(3_723_450)).toBe("0001:02:03.45");
    expect(duration2004(3_723_450)).toBe("PT1H2M3.45S");
    expect(timespan12(0)).toBe("0000:00:00.00");
  });
});
