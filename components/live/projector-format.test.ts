import { describe, expect, it } from "vitest";
import type { PublicStep, Reveal } from "@/lib/live/views";
import { choiceBars, codeGroups, momentOf, optionText, percent, questionBars, sortBars, stepOf } from "./projector-format";

const words = { true: "True", false: "False" };
type QuestionStep = Extract<PublicStep, { kind: "question" }>;
type QuestionReveal = Extract<Reveal, { kind: "question" }>;

const single: QuestionStep = {
  kind: "question",
  key: "question:q1",
  round: "question:q1",
  question: { id: "q1", type: "single", prompt: "Which?", options: [{ id: "a", text: "A" }, { id: "b", text: "B" }, { id: "c", text: "C" }] },
};
const singleReveal: QuestionReveal = { kind: "question", answered: 3, counts: { a: 1, b: 2 }, correct: ["b"], feedback: { a: "no", b: "yes", c: "no" }, explanation: "because" };

describe("the projector's helpers", () => {
  it.each([
    ["ABCD2345", ["ABCD", "2345"]],
    ["ABC", ["ABC"]],
    ["", []],
  ])("groups the code %s in fours", (code, groups) => {
    expect(codeGroups(code)).toEqual(groups);
  });

  it.each([
    [0, 0, 0],
    [1, 3, 33],
    [2, 3, 67],
    [5, 5, 100],
  ])("%i of %i is %i%%", (count, total, share) => {
    expect(percent(count, total)).toBe(share);
  });

  it("words true/false options and keeps other texts", () => {
    expect(optionText({ id: "true", text: "" }, words)).toBe("True");
    expect(optionText({ id: "false", text: "" }, words)).toBe("False");
    expect(optionText({ id: "x", text: "Text" }, words)).toBe("Text");
  });

  it("gives every option its votes, share of those who answered, key and feedback", () => {
    expect(questionBars(single, singleReveal, words)).toEqual([
      { id: "a", text: "A", count: 1, percent: 33, correct: false, feedback: "no" },
      { id: "b", text: "B", count: 2, percent: 67, correct: true, feedback: "yes" },
      { id: "c", text: "C", count: 0, percent: 0, correct: false, feedback: "no" },
    ]);
  });

  it("counts a sort question per item and pile, marking the right pile", () => {
    const sort: QuestionStep = {
      ...single,
      question: { id: "s", type: "sort", prompt: "Sort", options: [{ id: "i1", text: "Item" }], categories: [{ id: "x", label: "X" }, { id: "y", label: "Y" }] },
    };
    const reveal: QuestionReveal = { kind: "question", answered: 4, counts: { "i1:x": 3, "i1:y": 1 }, correct: ["i1:x"], feedback: { i1: "fb" }, explanation: "" };
    expect(sortBars(sort, reveal)).toEqual([
      {
        id: "i1",
        text: "Item",
        feedback: "fb",
        piles: [
          { id: "i1:x", text: "X", count: 3, percent: 75, correct: true },
          { id: "i1:y", text: "Y", count: 1, percent: 25, correct: false },
        ],
      },
    ]);
  });

  it("shows a decision's tally only with a reveal", () => {
    const choices = [{ id: "c1", text: "One" }, { id: "c2", text: "Two" }];
    expect(choiceBars(choices, undefined).map((b) => b.count)).toEqual([0, 0]);
    expect(choiceBars(choices, { kind: "scenario", answered: 4, counts: { c2: 3, c1: 1 } }).map((b) => [b.count, b.percent])).toEqual([
      [1, 25],
      [3, 75],
    ]);
  });

  it("names a moment by step, node or post and reveal, never by count", () => {
    const open = momentOf({ phase: "open", step: single });
    expect(open).toBe("question:q1|open");
    expect(momentOf({ phase: "revealed", step: single })).toBe("question:q1|revealed");
    expect(stepOf(momentOf({ phase: "revealed", step: single }))).toBe(stepOf(open));
    const post: PublicStep = { kind: "discernment", key: "d", round: "d#p1", prompt: "", post: { id: "p1", text: "" }, index: 0, total: 3 };
    expect(momentOf({ phase: "open", step: post })).not.toBe(momentOf({ phase: "open", step: { ...post, index: 1 } }));
    expect(momentOf({ phase: "lobby", step: { kind: "lobby" } })).toBe("lobby|open");
  });
});
