// The room view's progress is counts per lesson: no name, no id of a person, and no band while
// too few learners have a score on the lesson to hide who is who.
import { describe, expect, it } from "vitest";
import { ROOM_MIN_SCORES, summariseProgress } from "./room";
import { scoreBand } from "./score-bands";

const lesson = (id: string, number: string, completed: number) => ({ id, title: `Lesson ${number}`, module: Number(number[0]), number, completed });
const learner = (name: string, cells: Record<string, { done: boolean; bestPercent: number | null }>) => ({ id: `id-${name}`, name, nicknameOnly: false, done: 0, cells });

describe("the room view's progress", () => {
  it("counts best scores per band once enough learners have one, and hides them below", () => {
    const scores = [95, 80, 79, 50, 49, 0];
    const learners = scores.map((s, i) => learner(`Person ${i}`, { a: { done: true, bestPercent: s }, b: { done: i < 2, bestPercent: i < 2 ? 40 : null } }));
    const view = summariseProgress({ modules: [{ number: 1, title: "One" }], lessons: [lesson("a", "1.1", 6), lesson("b", "1.2", 2)], learners });
    expect(view.learners).toBe(6);
    expect(view.minScores).toBe(ROOM_MIN_SCORES);
    expect(view.lessons[0]).toMatchObject({ id: "a", number: "1.1", completed: 6, scored: 6, bands: { high: 2, mid: 2, low: 2 } });
    // Two scores only: "2 below 50%" would name them to a room that knows who took the quiz.
    expect(view.lessons[1]).toMatchObject({ id: "b", completed: 2, scored: 2, bands: null });
  });

  it("holds nothing about a person", () => {
    const learners = [learner("Robin Nickname", { a: { done: true, bestPercent: 30 } })];
    const json = JSON.stringify(summariseProgress({ modules: [], lessons: [{ ...lesson("a", "1.1", 1), extra: "x" } as ReturnType<typeof lesson>], learners }));
    expect(json).not.toContain("Robin");
    expect(json).not.toContain("id-Robin");
    expect(json).not.toContain("extra");
  });

  it("bands: 80 and up high, 50 to 79 mid, below 50 low", () => {
    expect([100, 80, 79, 50, 49, 0].map(scoreBand)).toEqual(["high", "high", "mid", "mid", "low", "low"]);
  });
});
