// The counterbalanced gain against values worked out by hand (in the comments).
import { describe, expect, it } from "vitest";
import { counterbalancedGain, GAIN_MIN_LEARNERS, orderOf, type LearnerChange } from "./gain";

const ab = (pre: number, post: number): LearnerChange => ({ order: "ab", pre, post });
const ba = (pre: number, post: number): LearnerChange => ({ order: "ba", pre, post });

// "ab": changes 20, 30, 10 (mean 20, variance (0 + 100 + 100) / 2 = 100); means 50 -> 70.
const abThree = [ab(40, 60), ab(50, 80), ab(60, 70)];
// "ba": changes 30, 40, 20 (mean 30, variance 100); means 60 -> 90.
const baThree = [ba(50, 80), ba(60, 100), ba(70, 90)];

describe("counterbalancedGain", () => {
  it.each<{ name: string; learners: LearnerChange[]; min: number; expected: Record<string, unknown> }>([
    {
      // gain (20 + 30) / 2 = 25; B - A = ((60 - 50) + (70 - 90)) / 2 = -5 (B is 5 points harder);
      // se = √((100/3 + 100/3) / 4) = 4.0825, ± 1.96 se = ± 8.0015; normalised (80 - 55) / 45.
      name: "balanced, three and three",
      learners: [...abThree, ...baThree],
      min: 3,
      expected: { n: 6, balanced: true, hidden: false, meanPre: 55, meanPost: 80, gain: 25, formDifference: -5, interval: [16.9985, 33.0015], normalisedGain: 0.5556 },
    },
    {
      // "ba" (50, 80), (70, 100): changes 30, 30 (variance 0); means 60 -> 90. Each order counts
      // half: gain (20 + 30) / 2 = 25, where the plain mean over five learners says 78 - 54 = 24.
      // se = √((100/3 + 0/2) / 4) = 2.8868, ± 5.6579.
      name: "balanced, three and two: each order weighs the same",
      learners: [...abThree, ba(50, 80), ba(70, 100)],
      min: 2,
      expected: { n: 5, balanced: true, meanPre: 55, meanPost: 80, gain: 25, formDifference: -5, interval: [19.3421, 30.6579] },
    },
    {
      name: "one learner in an order: no interval (no spread to measure)",
      learners: [ab(40, 60), ba(50, 80)],
      min: 1,
      expected: { balanced: true, gain: 25, formDifference: ((50 - 40) + (60 - 80)) / 2, interval: null },
    },
    {
      name: "only one order: plain figures, no form difference, no interval",
      learners: abThree,
      min: 3,
      expected: { n: 3, balanced: false, hidden: false, meanPre: 50, meanPost: 70, gain: 20, formDifference: null, interval: null, normalisedGain: 0.4 },
    },
    {
      name: "an order below the minimum hides every figure, not the counts",
      learners: [...abThree, ...baThree],
      min: 4,
      expected: { n: 6, balanced: true, hidden: true, meanPre: null, meanPost: null, gain: null, interval: null, formDifference: null, normalisedGain: null },
    },
    {
      name: "nobody",
      learners: [],
      min: 1,
      expected: { n: 0, balanced: false, hidden: true, gain: null },
    },
  ])("$name", ({ learners, min, expected }) => {
    const got = counterbalancedGain(learners, min) as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(expected)) {
      if (typeof v === "number") expect(got[k], k).toBeCloseTo(v, 3);
      else if (Array.isArray(v)) v.forEach((x, i) => expect((got[k] as number[])[i], `${k}[${i}]`).toBeCloseTo(x as number, 3));
      else expect(got[k], k).toEqual(v);
    }
  });

  it("gives each order's count and means, the means only from the minimum up", () => {
    expect(counterbalancedGain([...abThree, ba(50, 80)], 3).orders).toEqual([
      { order: "ab", n: 3, meanPre: 50, meanPost: 70 },
      { order: "ba", n: 1, meanPre: null, meanPost: null },
    ]);
  });

  it("removes a form effect that the plain gain carries", () => {
    // True gain 15 for everyone; form B scores 10 below form A for the same learner.
    const learners = [...[40, 50, 60].map((s) => ab(s, s + 15 - 10)), ...[40, 50].map((s) => ba(s - 10, s + 15))];
    const plain = learners.reduce((n, l) => n + l.post - l.pre, 0) / learners.length;
    expect(plain).toBeCloseTo(13, 6); // (5 + 5 + 5 + 25 + 25) / 5
    const cb = counterbalancedGain(learners, 2);
    expect(cb.gain).toBeCloseTo(15, 6);
    expect(cb.formDifference).toBeCloseTo(-10, 6);
  });

  it("hides figures by default below five learners per order", () => {
    expect(GAIN_MIN_LEARNERS).toBe(5);
    expect(counterbalancedGain([...abThree, ...baThree]).hidden).toBe(true);
  });
});

describe("orderOf", () => {
  it.each([
    ["a", "b", "ab"],
    ["b", "a", "ba"],
    ["a", "a", undefined],
    [undefined, "b", undefined],
  ] as const)("starting on %s, final on %s: %s", (pre, post, order) => expect(orderOf(pre, post)).toBe(order));
});
