// The knowledge-free rules, on hand-made quizzes whose best scores are worked out below.
import { describe, expect, it } from "vitest";
import { bestTestWiseScore, hasSurfaceCue, keyBalance } from "./test-wise";
import type { Question, Quiz } from "./types";

const single = (id: string, texts: string[], key: number): Question => ({
  id,
  type: "single",
  skill: "recognising",
  prompt: id,
  options: texts.map((text, i) => ({ id: `o${i}`, text, feedback: "" })),
  correct: [`o${key}`],
  explanation: "",
});
const tf = (id: string, answer: boolean): Question => ({
  id,
  type: "true-false",
  skill: "recognising",
  prompt: id,
  options: [
    { id: "true", text: "", feedback: "" },
    { id: "false", text: "", feedback: "" },
  ],
  correct: [String(answer)],
  explanation: "",
});
const quiz = (questions: Question[]): Quiz => ({ id: "q", title: "Q", passMark: 0.7, questions });

describe("bestTestWiseScore", () => {
  it("finds 'pick the longest, answer false' on a quiz written the old way", () => {
    // Every key is the longest option; both true/false keys are false: 4 of 4 without knowledge.
    const t = bestTestWiseScore(quiz([single("a", ["no", "the long right answer", "nope"], 1), single("b", ["the long right answer", "x", "y"], 0), tf("c", false), tf("d", false)]));
    expect(t.score).toBe(1);
    expect(t.passes).toBe(true);
    expect(t.rules).toEqual({ single: "longest", "true-false": "always-false" });
  });

  it("scores a balanced quiz at what one fixed rule per family can reach", () => {
    // Keys at positions 1, 2, 3, none the longest or the shortest: any one rule gets 1 of the 3
    // singles at most; true/false one of each: any constant gets 1 of 2. (1 + 1) / 5.
    const t = bestTestWiseScore(
      quiz([
        single("a", ["key option", "a much longer wrong answer", "wrong"], 0),
        single("b", ["a longer wrong answer", "key option", "no"], 1),
        single("c", ["a long wrong answer", "no", "key option", "the longest wrong answer of all"], 2),
        tf("d", true),
        tf("e", false),
      ]),
    );
    expect(t.score).toBeCloseTo(2 / 5, 10);
    expect(t.passes).toBe(false);
  });

  it("gives multiple choice and discernment their partial credit", () => {
    const multiple: Question = { ...single("m", ["aa", "bbbbbb", "cccccc", "d"], 0), type: "multiple", correct: ["o1", "o2"] };
    // "longer-half" picks o1 and o2, both right: 1 point; the discernment post with a cue is
    // flagged by "flag-cues", and it is the manipulative one: 1 point.
    const discern: Question = {
      ...single("p", ["SHARE this now", "The council meets on Tuesday."], 0),
      type: "discern",
      correct: ["o0"],
    };
    const t = bestTestWiseScore(quiz([multiple, discern]));
    expect(t.score).toBe(1);
    expect(t.rules).toEqual({ multiple: "longer-half", discern: "flag-cues" });
  });
});

describe("keyBalance", () => {
  it("counts key positions, single-longest keys (not ties) and true keys", () => {
    const b = keyBalance([single("a", ["key that is longest", "no"], 0), single("b", ["same", "same"], 1), single("c", ["x", "y", "key"], 2), tf("d", true), tf("e", false), tf("f", false)]);
    expect(b.singles).toBe(3);
    expect(b.keyPositionShares).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(b.longestKeyShare).toBeCloseTo(2 / 3, 10); // "b" ties, so it does not count
    expect(b.trueShare).toBeCloseTo(1 / 3, 10);
  });
});

describe("hasSurfaceCue", () => {
  it.each([
    ["SHARE before they delete this", true],
    ["They don't want you to know!", true],
    ["Share if you agree", true],
    ["(no source, no details)", true],
    ["The council confirmed the road closure this morning.", false],
    ["Police ask anyone with footage to send it to them, not to post it.", false],
  ])("%s -> %s", (text, cue) => expect(hasSurfaceCue(text)).toBe(cue));
});
