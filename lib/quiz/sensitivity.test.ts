// Sensitivity (d′) on counts whose figures are worked out in the comments. Quantiles from
// standard normal tables (Φ(1.96) = 0.975, Φ(3.0902) = 0.999) and, to more digits, from the
// closed forms where one exists (p = 0.5 gives 0, and z(1 − p) = −z(p)).
import { describe, expect, it } from "vitest";
import type { Discernment } from "./grade";
import { discernmentTotals, groupSensitivity, normalQuantile, sensitivity } from "./sensitivity";

const counts = (hits: number, signal: number, falseAlarms: number, noise: number): Discernment => ({
  hits,
  misses: signal - hits,
  falseAlarms,
  correctRejections: noise - falseAlarms,
});

describe("normalQuantile", () => {
  it.each([
    // p, z(p): published values to 9 decimals or more
    [0.975, 1.959963985],
    [0.025, -1.959963985],
    [0.5, 0],
    [0.001, -3.090232306],
    [0.9, 1.281551566],
    [0.3, -0.524400513],
    [0.84134474606854293, 1], // Φ(1)
    [1e-10, -6.361340902], // the near tail (r ≤ 5)
    [1e-20, -9.262340090], // the far tail (r > 5)
  ])("z(%s) = %s", (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 9);
  });

  it("is odd around one half: z(1 − p) = −z(p)", () => {
    for (const p of [0.001, 0.01, 0.1, 0.2, 0.3, 0.4, 0.45, 0.07142857142857142, 0.21428571428571427]) {
      expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 12);
    }
  });

  it("increases strictly across (0, 1), through all three ranges", () => {
    let last = -Infinity;
    for (let e = 30; e >= 1; e--) {
      const z = normalQuantile(10 ** -e);
      expect(z).toBeGreaterThan(last);
      last = z;
    }
    for (let i = 1; i < 1000; i++) {
      const z = normalQuantile(0.1 + (0.8 * i) / 1000);
      expect(z).toBeGreaterThan(last);
      last = z;
    }
  });

  it("is infinite at 0 and 1 and undefined outside", () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.1)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });
});

describe("sensitivity (d′ with the log-linear correction)", () => {
  it.each([
    // hits/signal, false alarms/noise, d′, c
    // 5 of 6 and 1 of 6: H = 5.5/7 = 0.785714, F = 1.5/7 = 0.214286 = 1 − H. z(0.785714) = 0.791639
    // (tables: Φ(0.79) = 0.78524, Φ(0.80) = 0.78814), so d′ = 2 × 0.791639 = 1.583277, c = 0.
    [5, 6, 1, 6, 1.583277, 0],
    // Perfect: H = 6.5/7 = 0.928571, F = 0.5/7 = 0.071429. z(0.928571) = 1.465234 (Φ(1.46) = 0.92785,
    // Φ(1.47) = 0.92922): d′ = 2.930468, the ceiling on 6 + 6 posts. Uncorrected it would be infinite.
    [6, 6, 0, 6, 2.930468, 0],
    // Everything flagged: H = 6.5/7, F = 6.5/7: d′ = 0, c = −1.465234 (flags everything).
    [6, 6, 6, 6, 0, -1.465234],
    // Nothing flagged: d′ = 0, c = +1.465234.
    [0, 6, 0, 6, 0, 1.465234],
    // 4 of 6 and none of 6: H = 4.5/7 = 0.642857, z = 0.366106; F = 0.5/7, z = −1.465234.
    // d′ = 1.831340, c = −(0.366106 − 1.465234)/2 = 0.549564.
    [4, 6, 0, 6, 1.83134, 0.549564],
    // Unequal forms, 9 of 12 and 2 of 12: H = 9.5/13 = 0.730769, z = 0.615141; F = 2.5/13 = 0.192308,
    // z = −0.869424. d′ = 1.484565, c = −(0.615141 − 0.869424)/2 = 0.127141.
    [9, 12, 2, 12, 1.484565, 0.127141],
  ])("%s of %s hits, %s of %s false alarms: d′ %s, c %s", (h, s, f, n, dPrime, criterion) => {
    const r = sensitivity(counts(h, s, f, n));
    expect(r?.dPrime).toBeCloseTo(dPrime, 5);
    expect(r?.criterion).toBeCloseTo(criterion, 5);
  });

  it("is null when there is no manipulative or no genuine post to compare", () => {
    expect(sensitivity(counts(0, 0, 1, 6))).toBeNull();
    expect(sensitivity(counts(3, 6, 0, 0))).toBeNull();
    expect(sensitivity(counts(0, 0, 0, 0))).toBeNull();
  });

  it("is zero whenever the hit rate equals the false-alarm rate", () => {
    for (const k of [0, 1, 2, 3, 4, 5, 6]) expect(sensitivity(counts(k, 6, k, 6))?.dPrime).toBe(0);
    expect(sensitivity(counts(3, 6, 6, 12))?.dPrime).toBeCloseTo(0, 12); // 3.5/7 = 6.5/13 = 0.5
  });

  it("is antisymmetric: swapping hits and false alarms turns d′ round", () => {
    for (const [h, f] of [[5, 1], [6, 0], [4, 2], [2, 5]]) {
      const a = sensitivity(counts(h, 6, f, 6))!;
      const b = sensitivity(counts(f, 6, h, 6))!;
      expect(b.dPrime).toBeCloseTo(-a.dPrime, 12);
      expect(b.criterion).toBeCloseTo(a.criterion, 12);
    }
  });

  it("rises with every extra hit and falls with every extra false alarm", () => {
    for (let f = 0; f <= 6; f++) {
      for (let h = 1; h <= 6; h++) {
        expect(sensitivity(counts(h, 6, f, 6))!.dPrime).toBeGreaterThan(sensitivity(counts(h - 1, 6, f, 6))!.dPrime);
      }
    }
    for (let h = 0; h <= 6; h++) {
      for (let f = 1; f <= 6; f++) {
        expect(sensitivity(counts(h, 6, f, 6))!.dPrime).toBeLessThan(sensitivity(counts(h, 6, f - 1, 6))!.dPrime);
      }
    }
  });

  it("does not count how many posts are flagged: flagging more without telling them apart stays at 0", () => {
    const cautious = sensitivity(counts(1, 6, 1, 6))!;
    const eager = sensitivity(counts(5, 6, 5, 6))!;
    expect(cautious.dPrime).toBe(0);
    expect(eager.dPrime).toBe(0);
    expect(eager.criterion).toBeLessThan(cautious.criterion);
  });
});

describe("discernmentTotals", () => {
  it("adds the counts of discernment answers and ignores the others", () => {
    expect(discernmentTotals([{ discernment: counts(2, 3, 1, 3) }, {}, { discernment: counts(3, 3, 0, 3) }])).toEqual({
      hits: 5,
      misses: 1,
      falseAlarms: 1,
      correctRejections: 5,
    });
    expect(discernmentTotals([])).toEqual({ hits: 0, misses: 0, falseAlarms: 0, correctRejections: 0 });
  });
});

describe("groupSensitivity", () => {
  const perfect = counts(6, 6, 0, 6); // d′ 2.930468
  const chance = counts(3, 6, 3, 6); // d′ 0
  const good = counts(5, 6, 1, 6); // d′ 1.583277

  it("is the mean of each learner's own d′, rounded to 2 decimals", () => {
    // (2.930468 + 0 + 1.583277 + 1.583277 + 0) / 5 = 6.097022 / 5 = 1.219404
    expect(groupSensitivity([perfect, chance, good, good, chance], 5)).toEqual({ meanDPrime: 1.22, learners: 5 });
  });

  it("weighs each learner once, however many posts they judged", () => {
    // A learner with 12 + 12 posts at 10/12, 2/12 (d′ 1.738848) counts as much as one with 6 + 6.
    const many = counts(10, 12, 2, 12);
    const r = groupSensitivity([many, chance, chance, chance, chance], 5)!;
    expect(r.learners).toBe(5);
    expect(r.meanDPrime).toBeCloseTo(sensitivity(many)!.dPrime / 5, 2);
  });

  it("leaves out learners with nothing to compare and hides groups below the minimum", () => {
    const noGenuine = counts(3, 6, 0, 0);
    expect(groupSensitivity([perfect, good, good, chance, noGenuine], 5)).toBeNull();
    expect(groupSensitivity([perfect, good, good, chance, noGenuine], 4)).toEqual({ meanDPrime: 1.52, learners: 4 });
    expect(groupSensitivity([], 1)).toBeNull();
  });
});
