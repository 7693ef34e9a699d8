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
    expect(commonMistake(sort, wrong)).toEqual({ text: "Wears religious dress → Keep an eye", count: 3, kind: "chosen" });
  });

  it("breaks a tie between sort misplacements by the items' order in the question", () => {
    const wrong = answers([
      [["dress:none", "quiet:urgent", "weapon:urgent"], 1],
      [["dress:urgent", "quiet:watch", "weapon:urgent"], 1],
    ]);
    expect(commonMistake(sort, wrong)).toEqual({ text: "Wears religious dress → Emergency", count: 1, kind: "chosen" });
  });

  it("gives the most chosen wrong option for other questions", () => {
    expect(commonMistake(single, answers([[["b"], 4], [["c"], 1]]))).toEqual({ text: "Tempting", count: 4, kind: "chosen" });
  });

  it("never names a right option for multiple choice: the most often wrongly picked or left-out option", () => {
    // Right: a and b. "a, c" (3 learners) and "a" (2) are wrong. Before, the top whole answer
    // "Right; Other" was shown, naming the right option a. Per option: c wrongly picked 3 times,
    // b wrongly left out 3 + 2 = 5 times: the mistake to discuss is leaving b out.
    const multiple: Question = { ...single, type: "multiple", correct: ["a", "b"] };
    expect(commonMistake(multiple, answers([[["a", "c"], 3], [["a"], 2]]))).toEqual({ text: "Tempting", count: 5, kind: "left-out" });
    // c picked 4 times against b left out 4 times: a tie goes to the option first in the
    // question (b before c), and "a" is never the answer.
    expect(commonMistake(multiple, answers([[["a", "b", "c"], 4], [["a"], 4]]))).toEqual({ text: "Tempting", count: 4, kind: "left-out" });
    expect(commonMistake(multiple, answers([[["a", "b", "c"], 4]]))).toEqual({ text: "Other", count: 4, kind: "chosen" });
  });

  it("for discernment names the genuine post flagged or the manipulative one missed most", () => {
    // Manipulative: a. Two learners flagged nothing (missed a), three flagged b and a (false alarm on b).
    const discern: Question = { ...single, type: "discern", correct: ["a"] };
    expect(commonMistake(discern, answers([[[], 2], [["a", "b"], 3]]))).toEqual({ text: "Tempting", count: 3, kind: "chosen" });
    expect(commonMistake(discern, answers([[[], 4], [["a", "b"], 3]]))).toEqual({ text: "Right", count: 4, kind: "left-out" });
  });

  it("for one-answer questions never reports the right option as left out", () => {
    expect(commonMistake(single, answers([[["c"], 1]]))).toEqual({ text: "Other", count: 1, kind: "chosen" });
  });

  it("gives null with no wrong answers", () => {
    expect(commonMistake(single, new Map())).toBeNull();
  });
});
