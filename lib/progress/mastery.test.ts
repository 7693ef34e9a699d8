import { describe, expect, it } from "vitest";
import { computeMastery, masteryLevel, type ResponseForMastery } from "./mastery";

describe("masteryLevel", () => {
  it.each([
    { score: 0, questions: 0, level: "not-started" },
    { score: 1, questions: 0, level: "not-started" },
    { score: 0.2, questions: 10, level: "developing" },
    { score: 0.59, questions: 10, level: "developing" },
    { score: 0.6, questions: 1, level: "secure" },
    { score: 0.84, questions: 20, level: "secure" },
    { score: 1, questions: 4, level: "secure" },
    { score: 0.85, questions: 5, level: "mastered" },
    { score: 1, questions: 30, level: "mastered" },
  ] as const)("$score over $questions questions -> $level", ({ score, questions, level }) => {
    expect(masteryLevel(score, questions)).toBe(level);
  });
});

const r = (questionKey: string, skill: ResponseForMastery["skill"], points: number, answeredAt: string): ResponseForMastery => ({
  questionKey, skill, points, answeredAt,
});

describe("computeMastery", () => {
  it("reports every skill, not started when nothing was answered", () => {
    expect(computeMastery([])).toEqual([
      { skill: "recognising", score: 0, questions: 0, level: "not-started" },
      { skill: "responding", score: 0, questions: 0, level: "not-started" },
      { skill: "resilience", score: 0, questions: 0, level: "not-started" },
    ]);
  });

  it("counts only the latest answer to each question", () => {
    const result = computeMastery([
      r("c/q/1", "recognising", 0, "2026-01-01T10:00:00Z"),
      r("c/q/1", "recognising", 1, "2026-01-02T10:00:00Z"),
      r("c/q/2", "recognising", 0, "2026-01-01T10:00:00Z"),
    ]);
    expect(result[0]).toEqual({ skill: "recognising", score: 0.5, questions: 2, level: "developing" });
  });

  it("a later wrong answer lowers mastery again", () => {
    const result = computeMastery([
      r("c/q/1", "responding", 1, "2026-01-01T10:00:00Z"),
      r("c/q/1", "responding", 0, "2026-01-03T10:00:00Z"),
    ]);
    expect(result[1]).toMatchObject({ score: 0, questions: 1, level: "developing" });
  });

  it("keeps skills apart and averages partial credit", () => {
    const result = computeMastery([
      ...[1, 2, 3, 4, 5].map((n) => r(`c/q/${n}`, "resilience", 1, "2026-01-01T10:00:00Z")),
      r("c/q/6", "resilience", 0.5, "2026-01-01T10:00:00Z"),
      r("c/q/7", "responding", 0.5, "2026-01-01T10:00:00Z"),
    ]);
    expect(result[2]).toMatchObject({ questions: 6, level: "mastered" });
    expect(result[2].score).toBeCloseTo(5.5 / 6);
    expect(result[1]).toMatchObject({ score: 0.5, questions: 1, level: "developing" });
    expect(result[0].level).toBe("not-started");
  });
});
