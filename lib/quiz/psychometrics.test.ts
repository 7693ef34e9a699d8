// Item analysis on small tables whose figures are worked out by hand in the comments.
import { describe, expect, it } from "vitest";
import {
  difficulty,
  difficultyBand,
  discrimination,
  discriminationBand,
  reliability,
  reliabilityBand,
  sumsFromMatrix,
} from "./psychometrics";

// Five attempts, three 0/1 items.      totals T
//   A: 1 1 1                             3
//   B: 1 1 0                             2
//   C: 1 0 0                             1
//   D: 0 1 0                             1
//   E: 0 0 0                             0
// p = 3/5, 3/5, 1/5. Mean T = 7/5 = 1.4, ΣT² = 15, var T = 15/5 − 1.4² = 3 − 1.96 = 1.04.
const dichotomous = sumsFromMatrix([
  [1, 1, 1],
  [1, 1, 0],
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 0],
]);

describe("difficulty", () => {
  it.each([
    // points, answers, min, share
    [3, 5, 1, 0.6], // item 1 above: 3 of 5 right
    [2, 4, 1, 0.5], // partial credit: 1 + 0.5 + 0.5 + 0 points over 4 answers
    [0, 1, 5, null], // one answer at 0 %: too few to say
    [4, 5, 5, 0.8],
  ])("%s points over %s answers (min %s) is %s", (points, answers, min, share) => {
    expect(difficulty(points, answers, min)).toBe(share);
  });
});

describe("discrimination (item against the rest of the form)", () => {
  it("item 1: rest scores 2,1,0,1,0 against 1,1,1,0,0 give 0.327", () => {
    // mean x = .6, mean y = 4/5 = .8, Σxy = 2+1+0 = 3 → E[xy] = .6, cov = .6 − .48 = .12;
    // var x = .6 − .36 = .24; Σy² = 4+1+0+1+0 = 6 → var y = 1.2 − .64 = .56;
    // r = .12 / √(.24 · .56) = .12 / .36661 = 0.32733.
    expect(discrimination(dichotomous.items[0], dichotomous.form, 1)).toBeCloseTo(0.32733, 4);
  });

  it("item 3: only the top scorer got it, rest scores 2,2,1,1,0: 0.535", () => {
    // mean x = .2, y = 2,2,1,1,0 mean 1.2, Σxy = 2 → .4, cov = .4 − .24 = .16; var x = .16;
    // Σy² = 10 → var y = 2 − 1.44 = .56; r = .16 / √(.16 · .56) = .16 / .29933 = 0.53452.
    expect(discrimination(dichotomous.items[2], dichotomous.form, 1)).toBeCloseTo(0.53452, 4);
  });

  it("is −1 for an item that exactly the weaker learners got right", () => {
    // x3 = 0,0,1,1 against rest = 2,2,0,0: mean x .5, mean y 1, Σxy = 0 → cov = −.5;
    // var x = .25, var y = 8/4 − 1 = 1; r = −.5 / √.25 = −1.
    const { form, items } = sumsFromMatrix([
      [1, 1, 0],
      [1, 1, 0],
      [0, 0, 1],
      [0, 0, 1],
    ]);
    expect(discrimination(items[2], form, 1)).toBeCloseTo(-1, 9);
    expect(discriminationBand(-1)).toBe("negative");
  });

  it("says nothing below the minimum number of attempts or when nobody differs", () => {
    expect(discrimination(dichotomous.items[0], dichotomous.form)).toBeNull(); // 5 < 20 attempts
    const allRight = sumsFromMatrix([
      [1, 1],
      [1, 0],
      [1, 1],
    ]);
    expect(discrimination(allRight.items[0], allRight.form, 1)).toBeNull(); // x never varies
  });

  it("removes the item from the total: an item correlated with itself alone scores nothing", () => {
    // Uncorrected, item 1 of a two-item form with an unrelated item 2 would correlate with T
    // (which contains it). Corrected: x = 1,1,0,0 against rest = 1,0,1,0: cov = .25 − .25 = 0.
    const { form, items } = sumsFromMatrix([
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    expect(discrimination(items[0], form, 1)).toBeCloseTo(0, 12);
  });
});

describe("reliability", () => {
  it("KR-20 of the five attempts: 3/2 · (1 − .64/1.04) = 0.577", () => {
    // Σpq = .6·.4 + .6·.4 + .2·.8 = .24 + .24 + .16 = .64; KR-20 = 1.5 · (.4/1.04) = 0.57692.
    const r = reliability(dichotomous.items, dichotomous.form, 1);
    expect(r?.method).toBe("kr20");
    expect(r?.value).toBeCloseTo(0.57692, 4);
  });

  it("with partial credit uses each item's variance of points (alpha): 0.8", () => {
    //   A: 1  1   T 2
    //   B: 1  .5  T 1.5
    //   C: 0  .5  T .5
    //   D: 0  0   T 0
    // var1 = .5 − .25 = .25; var2 = (1 + .25 + .25)/4 − .25 = .125; mean T = 1,
    // ΣT² = 4 + 2.25 + .25 = 6.5 → var T = 1.625 − 1 = .625; α = 2 · (1 − .375/.625) = 0.8.
    const { form, items } = sumsFromMatrix([
      [1, 1],
      [1, 0.5],
      [0, 0.5],
      [0, 0],
    ]);
    expect(reliability(items, form, 1)).toEqual({ value: expect.closeTo(0.8, 9), method: "alpha" });
    expect(difficulty(items[1].sumX, form.attempts, 1)).toBe(0.5);
  });

  it("counts an unanswered question as 0, as the attempt's score does", () => {
    const withGap = sumsFromMatrix([
      [1, null],
      [1, 1],
      [0, 0],
    ]);
    const withZero = sumsFromMatrix([
      [1, 0],
      [1, 1],
      [0, 0],
    ]);
    expect(withGap).toEqual(withZero);
  });

  it("is null below the minimum, with one question, or when every total is the same", () => {
    expect(reliability(dichotomous.items, dichotomous.form)).toBeNull();
    const one = sumsFromMatrix([[1], [0], [1]]);
    expect(reliability(one.items, one.form, 1)).toBeNull();
    const flat = sumsFromMatrix([
      [1, 0],
      [0, 1],
    ]);
    expect(reliability(flat.items, flat.form, 1)).toBeNull();
  });
});

describe("plain-word bands", () => {
  it.each([
    [0.95, "most-right"],
    [0.8, "most-right"],
    [0.6, "more-than-half"],
    [0.3, "fewer-than-half"],
    [0.1, "most-missed"],
  ] as const)("share %s → %s", (p, band) => expect(difficultyBand(p)).toBe(band));

  it.each([
    [-0.05, "negative"],
    [0.1, "weak"],
    [0.35, "good"],
  ] as const)("discrimination %s → %s", (r, band) => expect(discriminationBand(r)).toBe(band));

  it.each([
    [0.85, "high"],
    [0.72, "acceptable"],
    [0.577, "rough"],
    [0.3, "poor"],
  ] as const)("reliability %s → %s", (v, band) => expect(reliabilityBand(v)).toBe(band));
});
