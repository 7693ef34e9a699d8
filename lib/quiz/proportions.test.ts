// The intervals against the published worked examples (values to 4 decimals, as printed).
import { describe, expect, it } from "vitest";
import { newcombeDifference, wilson, Z95 } from "./proportions";

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

describe("wilson", () => {
  // Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of
  // seven methods", Statistics in Medicine 17:857-872, Table I, method 3 (score, no correction).
  it.each([
    { x: 81, n: 263, lower: 0.2553, upper: 0.3662 },
    { x: 15, n: 148, lower: 0.0624, upper: 0.1605 },
    { x: 0, n: 20, lower: 0, upper: 0.1611 },
    { x: 1, n: 29, lower: 0.0061, upper: 0.1718 },
  ])("$x of $n: $lower to $upper", ({ x, n, lower, upper }) => {
    const w = wilson(x, n)!;
    expect([round4(w.lower), round4(w.upper)]).toEqual([lower, upper]);
  });

  it("is symmetric: the interval for failures mirrors the one for successes", () => {
    for (const [x, n] of [[3, 10], [0, 7], [12, 12], [40, 97]]) {
      const a = wilson(x, n)!;
      const b = wilson(n - x, n)!;
      expect(a.lower).toBeCloseTo(1 - b.upper, 12);
      expect(a.upper).toBeCloseTo(1 - b.lower, 12);
    }
  });

  it("holds the estimate, stays in [0, 1] and narrows as n grows", () => {
    let width = Infinity;
    for (const n of [10, 40, 160, 640]) {
      const w = wilson(n / 2, n)!;
      expect(w.lower).toBeLessThanOrEqual(0.5);
      expect(w.upper).toBeGreaterThanOrEqual(0.5);
      expect(w.upper - w.lower).toBeLessThan(width);
      width = w.upper - w.lower;
    }
    expect(wilson(5, 5)).toEqual({ lower: expect.any(Number), upper: 1 });
  });

  it("gives nothing for an empty sample and refuses impossible counts", () => {
    expect(wilson(0, 0)).toBeNull();
    expect(() => wilson(3, 2)).toThrow(RangeError);
    expect(() => wilson(-1, 2)).toThrow(RangeError);
    expect(() => wilson(1.5, 2)).toThrow(RangeError);
  });

  it("uses z(0.975)", () => expect(Z95).toBeCloseTo(1.959963985, 9));
});

describe("newcombeDifference", () => {
  // Newcombe RG (1998), "Interval estimation for the difference between independent proportions:
  // comparison of eleven methods", Statistics in Medicine 17:873-890, Table II, method 10 (score
  // interval for each proportion, no continuity correction), examples (a) to (h).
  it.each([
    { x1: 56, n1: 70, x2: 48, n2: 80, difference: 0.2, lower: 0.0524, upper: 0.3339 },
    { x1: 9, n1: 10, x2: 3, n2: 10, difference: 0.6, lower: 0.1705, upper: 0.809 },
    { x1: 6, n1: 7, x2: 2, n2: 7, difference: 0.5714, lower: 0.0582, upper: 0.8062 },
    { x1: 5, n1: 56, x2: 0, n2: 29, difference: 0.0893, lower: -0.0381, upper: 0.1926 },
    { x1: 0, n1: 10, x2: 0, n2: 20, difference: 0, lower: -0.1611, upper: 0.2775 },
    { x1: 0, n1: 10, x2: 0, n2: 10, difference: 0, lower: -0.2775, upper: 0.2775 },
    { x1: 10, n1: 10, x2: 0, n2: 20, difference: 1, lower: 0.6791, upper: 1 },
    { x1: 10, n1: 10, x2: 0, n2: 10, difference: 1, lower: 0.6075, upper: 1 },
  ])("$x1/$n1 - $x2/$n2 = $difference: $lower to $upper", ({ x1, n1, x2, n2, difference, lower, upper }) => {
    const d = newcombeDifference(x1, n1, x2, n2)!;
    expect([round4(d.difference), round4(d.lower), round4(d.upper)]).toEqual([difference, lower, upper]);
  });

  it("swapping the samples negates the difference and mirrors the interval", () => {
    const ab = newcombeDifference(7, 12, 3, 11)!;
    const ba = newcombeDifference(3, 11, 7, 12)!;
    expect(ba.difference).toBeCloseTo(-ab.difference, 12);
    expect(ba.lower).toBeCloseTo(-ab.upper, 12);
    expect(ba.upper).toBeCloseTo(-ab.lower, 12);
  });

  it("gives nothing when a sample is empty", () => {
    expect(newcombeDifference(0, 0, 3, 10)).toBeNull();
    expect(newcombeDifference(3, 10, 0, 0)).toBeNull();
  });
});
