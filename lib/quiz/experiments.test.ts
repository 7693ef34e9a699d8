import { describe, expect, it } from "vitest";
import { biasExperiment, chooseArm, experimentsOf, FORMS_EXPERIMENT, formFor, hiddenByArms, oneVersionEach, shownCount } from "./experiments";
import type { BiasPair } from "./types";

const pair = (id: string, a: string, b: string): BiasPair => ({ id, feature: "religion", versions: [a, b] });

describe("formFor", () => {
  it.each([
    ["pre", "ab", "a"],
    ["post", "ab", "b"],
    ["pre", "ba", "b"],
    ["post", "ba", "a"],
  ] as const)("%s with order %s takes form %s", (slot, order, form) => expect(formFor(slot, order)).toBe(form));
});

describe("experimentsOf", () => {
  it("lists the form order once, then each pair once, in content order", () => {
    const quizzes = [{ biasPairs: [pair("p1", "x", "y")] }, { biasPairs: [pair("p2", "u", "v"), pair("p1", "x", "y")] }, {}];
    expect(experimentsOf(quizzes, true).map((e) => e.id)).toEqual([FORMS_EXPERIMENT, "bias:p1", "bias:p2"]);
    expect(experimentsOf(quizzes, false).map((e) => e.id)).toEqual(["bias:p1", "bias:p2"]);
  });
});

describe("hiddenByArms", () => {
  const pairs = [pair("p1", "x-a", "x-b"), pair("p2", "y-a", "y-b")];
  it("hides the other version of each assigned pair", () => {
    expect([...hiddenByArms(pairs, { [biasExperiment("p1")]: "a", [biasExperiment("p2")]: "b" })].sort()).toEqual(["x-b", "y-a"]);
  });
  it("hides both versions of a pair whose arm is unknown, so nobody sees both", () => {
    expect([...hiddenByArms(pairs, { [biasExperiment("p1")]: "b" })].sort()).toEqual(["x-a", "y-a", "y-b"]);
    expect([...hiddenByArms(pairs, { [biasExperiment("p1")]: "c" })]).toContain("x-a");
  });
});

describe("oneVersionEach", () => {
  const quiz = { id: "q", questions: ["x-a", "z", "x-b"].map((id) => ({ id })), biasPairs: [pair("p1", "x-a", "x-b")] };
  it.each([
    { arm: "a", shown: ["x-a", "z"] },
    { arm: "b", shown: ["z", "x-b"] },
    { arm: undefined, shown: ["z"] },
  ])("with arm $arm shows $shown, in authored order", ({ arm, shown }) => {
    const arms: Record<string, string> = arm ? { [biasExperiment("p1")]: arm } : {};
    expect(oneVersionEach(quiz, arms).questions.map((q) => q.id)).toEqual(shown);
    expect(oneVersionEach(quiz, arms).id).toBe("q");
  });
  it("returns a quiz without pairs as it is", () => {
    const plain = { questions: [{ id: "z" }] };
    expect(oneVersionEach(plain, {})).toBe(plain);
  });
});

describe("shownCount", () => {
  const questions = ["x-a", "x-b", "y-a", "y-b", "z"].map((id) => ({ id }));
  it.each([
    { pairs: undefined, shown: 5 },
    { pairs: [], shown: 5 },
    { pairs: [pair("p1", "x-a", "x-b")], shown: 4 },
    { pairs: [pair("p1", "x-a", "x-b"), pair("p2", "y-a", "y-b")], shown: 3 },
  ])("counts one version of each of $pairs.length pairs: $shown", ({ pairs, shown }) => {
    const quiz = { questions: questions as never, biasPairs: pairs };
    expect(shownCount(quiz)).toBe(shown);
    // The same as counting what is left once an arm hides the other version of each pair.
    const arms = Object.fromEntries((pairs ?? []).map((p) => [biasExperiment(p.id), "a"]));
    expect(questions.filter((q) => !hiddenByArms(pairs, arms).has(q.id))).toHaveLength(shown);
  });
});

describe("chooseArm", () => {
  const arms = ["ab", "ba"];
  it("gives the arm with fewer learners", () => {
    expect(chooseArm(arms, new Map([["ab", 3], ["ba", 2]]), () => 0)).toBe("ba");
    expect(chooseArm(arms, new Map([["ab", 2]]), () => 0)).toBe("ba");
  });
  it("draws among tied arms with the random index", () => {
    expect(chooseArm(arms, new Map(), () => 0)).toBe("ab");
    expect(chooseArm(arms, new Map(), () => 1)).toBe("ba");
    expect(chooseArm(["a", "b", "c"], new Map([["a", 1]]), (n) => n - 1)).toBe("c");
  });
  it("keeps a group within one of half and half, whatever the draws", () => {
    const counts = new Map<string, number>();
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let i = 0; i < 101; i++) {
      const arm = chooseArm(arms, counts, rnd);
      counts.set(arm, (counts.get(arm) ?? 0) + 1);
      expect(Math.abs((counts.get("ab") ?? 0) - (counts.get("ba") ?? 0))).toBeLessThanOrEqual(1);
    }
  });
});
