import { describe, expect, it } from "vitest";
import { biasExperiment, chooseArm, experimentsOf, FORMS_EXPERIMENT, formFor, hiddenByArms } from "./experiments";
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
