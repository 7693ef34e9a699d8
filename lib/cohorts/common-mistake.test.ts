import { describe, expect, it } from "vitest";
import type { Question } from "@/lib/quiz/types";
import { commonMistake } from "./common-mistake";

const sort: Question = {
  id: "s",
  type: "sort",
  skill: "responding",
  prompt: "Sort each",
  options: [
    { id: "dress", text: "Wears religious dress", feedback: "" },
    { id: "quiet", text: "Quieter than usual", feedback: "" },
    { id: "weapon", text: "Has a weapon and a plan", feedback: "" },
  ],
  categories: [
    { id: "none", label: "No concern" },
    { id: "watch", label: "Keep an eye" },
    { id: "urgent", label: "Emergency" },
  ],
  correct: ["dress:none", "quiet:watch", "weapon:urgent"],
  explanation: "",
};

const single: Question = {
  id: "q",
  type: "single",
  skill: "recognising",
  prompt: "Pick one",
  options: [
    { id: "a", text: "Right", feedback: "" },
    { id: "b", text: "Tempting", feedback: "" },
    { id: "c", text: "Other", feedback: "" },
  ],
  correct: ["a"],
  explanation: "",
};

const answers = (entries: [string[], number][]) => new Map(entries.map(([a, n]) => [JSON.stringify(a), n]));

describe("commonMistake", () => {
  it("names the misplacement most wrong sort answers share, not a whole arrangement", () => {
    // Three different arrangements; two of them (3 learners) put religious dress under "Keep an eye".
    const wrong = answers([
      [["dress:watch", "quiet:watch", "weapon:urgent"], 2],
      [["dress:watch", "quiet:none", "weapon:urgent"], 1],
      [["dress:none", "quiet:urgent", "weapon:urgent"], 2],
    ]);
    expect(commonMistake(sort, wrong)).toEqual({ text: "Wears religious dress → Keep an eye", count: 3 });
  });

  it("breaks a tie between sort misplacements by the items' order in the question", () => {
    const wrong = answers([
      [["dress:none", "quiet:urgent", "weapon:urgent"], 1],
      [["dress:urgent", "quiet:watch", "weapon:urgent"], 1],
    ]);
    expect(commonMistake(sort, wrong)).toEqual({ text: "Wears religious dress → Emergency", count: 1 });
  });

  it("gives the most chosen wrong option for other questions", () => {
    expect(commonMistake(single, answers([[["b"], 4], [["c"], 1]]))).toEqual({ text: "Tempting", count: 4 });
  });

  it("says when a discernment answer flagged nothing, and gives null with no wrong answers", () => {
    expect(commonMistake({ ...single, type: "discern", correct: ["a"] }, answers([[[], 2]]))).toEqual({ text: "(nothing flagged)", count: 2 });
    expect(commonMistake(single, new Map())).toBeNull();
  });
});
