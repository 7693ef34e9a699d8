import { describe, expect, it } from "vitest";
import type { Question } from "@/lib/quiz/types";
import { quizVersion } from "./version";

const q: Question = {
  id: "q1",
  type: "single",
  skill: "recognising",
  prompt: "Which step comes first?",
  options: [
    { id: "a", text: "Listen", feedback: "Yes." },
    { id: "b", text: "Report at once", feedback: "Not yet." },
  ],
  correct: ["a"],
  explanation: "Listening first.",
};

describe("quizVersion", () => {
  const base = quizVersion([q]);

  it("is a stable 16-hex hash", () => {
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    expect(quizVersion([{ ...q }])).toBe(base);
  });

  it.each<[string, Question]>([
    ["the key", { ...q, correct: ["b"] }],
    ["an option's words", { ...q, options: [q.options[0], { ...q.options[1], text: "Report it today" }] }],
    ["the option order", { ...q, options: [q.options[1], q.options[0]] }],
    ["the prompt", { ...q, prompt: "Which step comes last?" }],
    ["the type", { ...q, type: "scenario" }],
  ])("changes with %s", (_what, changed) => {
    expect(quizVersion([changed])).not.toBe(base);
  });

  it.each<[string, Question]>([
    ["feedback", { ...q, options: [{ ...q.options[0], feedback: "Right." }, q.options[1]] }],
    ["the explanation", { ...q, explanation: "Because." }],
    ["re-wrapped whitespace", { ...q, prompt: "Which step\n  comes first? " }],
  ])("does not change with %s", (_what, same) => {
    expect(quizVersion([same])).toBe(base);
  });
});

describe("quizVersion with bias-check pairs", () => {
  const other: Question = { ...q, id: "q2", prompt: "Which step comes second?" };
  const pair = { id: "steps", feature: "religion" as const, versions: ["q1", "q2"] as [string, string] };
  const unpaired = quizVersion([q, other]);

  it("is unchanged for a quiz with no pairs", () => {
    expect(quizVersion([q, other], [])).toBe(unpaired);
  });

  it("changes when two questions are paired, and with the pair's id", () => {
    const paired = quizVersion([q, other], [pair]);
    expect(paired).not.toBe(unpaired);
    expect(quizVersion([q, other], [{ ...pair, id: "other-steps" }])).not.toBe(paired);
  });

  it("does not change with the feature label", () => {
    expect(quizVersion([q, other], [{ ...pair, feature: "name" }])).toBe(quizVersion([q, other], [pair]));
  });
});
