// The "Your views" mechanism, pure: its exact probabilities, its random draw, the privacy
// property against a facilitator who controls every other answer (20,000 seeded runs per group
// size, with randomisation switched off as the control that shows the test can fail), and the
// estimates' bias and interval coverage on simulated groups.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  AGREE,
  EPSILON,
  KEEP,
  MECHANISM,
  RATINGS,
  SWITCH,
  USEFUL_HALF_WIDTH,
  Z95,
  answersNeeded,
  answersNeededForMean,
  debiasMean,
  debiasShare,
  estimateMean,
  estimateShare,
  estimateShareChange,
  randomBelow,
  randomise,
  randomiseAnswers,
  sendProbability,
  type Counts,
  type FillRandom,
} from "./randomised-response";
import { seededFill } from "./seeded-fill";

/** A fill that hands out the given words in order. */
const scripted = (...words: number[]): FillRandom => {
  let i = 0;
  return (into) => {
    for (let j = 0; j < into.length; j++) into[j] = words[i++];
    return into;
  };
};

const countsOf = (sent: number[]): Counts => {
  const c = [0, 0, 0, 0, 0];
  for (const r of sent) c[r - 1]++;
  return c as unknown as Counts;
};

describe("the mechanism's parameters", () => {
  it("is k-ary randomised response over 5 ratings with epsilon = ln 3: keep 3/7, each other 1/7", () => {
    expect(MECHANISM).toBe("krr-5-ln3");
    expect(EPSILON).toBeCloseTo(Math.log(3), 15);
    expect(KEEP).toBeCloseTo(3 / 7, 15);
    expect(SWITCH).toBeCloseTo(1 / 7, 15);
    expect(KEEP).toBeCloseTo(Math.exp(EPSILON) / (Math.exp(EPSILON) + 4), 12);
    expect(KEEP + 4 * SWITCH).toBeCloseTo(1, 15);
  });

  it("no two true ratings make any sent rating more than e^eps = 3 times likelier (the LDP bound, exactly)", () => {
    for (const sent of RATINGS)
      for (const a of RATINGS)
        for (const b of RATINGS) expect(sendProbability(sent, a) / sendProbability(sent, b)).toBeLessThanOrEqual(Math.exp(EPSILON) + 1e-12);
  });

  it("is pure: the module imports nothing, so the client form and the server share it safely", () => {
    const source = fs.readFileSync(path.join(__dirname, "randomised-response.ts"), "utf8");
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).not.toMatch(/require\(|process\.|fetch\(/);
  });
});

describe("the random draw", () => {
  it("rejects the words a modulo would favour: 2^32 mod 7 = 4, so the top 4 words are drawn again", () => {
    const top = 2 ** 32 - 1;
    expect(randomBelow(7, scripted(top, top - 3, 10))).toBe(3);
    expect(randomBelow(7, scripted(top - 4))).toBe((top - 4) % 7);
    expect(randomBelow(1, scripted(top))).toBe(0);
    expect(() => randomBelow(0)).toThrow(RangeError);
  });

  it.each(RATINGS)("over the 7 equally likely slots, true rating %i is sent 3 times and each other once", (truth) => {
    const sent = [0, 1, 2, 3, 4, 5, 6].map((slot) => randomise(truth, scripted(slot)));
    expect(sent.filter((s) => s === truth)).toHaveLength(3);
    for (const other of RATINGS.filter((r) => r !== truth)) expect(sent.filter((s) => s === other)).toHaveLength(1);
  });

  it("uses crypto.getRandomValues by default and refuses a rating outside 1..5", () => {
    for (let i = 0; i < 50; i++) expect(RATINGS).toContain(randomise(3));
    expect(() => randomise(0)).toThrow(RangeError);
    expect(() => randomise(2.5)).toThrow(RangeError);
    const answers = randomiseAnswers([{ itemId: "a", value: 4 }], scripted(0));
    expect(answers).toEqual([{ itemId: "a", value: 4 }]);
  });

  it("sends each rating with the stated probabilities (seeded, 70,000 draws)", () => {
    const fill = seededFill(7);
    const sent = Array.from({ length: 70_000 }, () => randomise(2, fill));
    const share = countsOf(sent).map((c) => c / sent.length);
    // Standard error of a share of 70,000 is at most 0.0019; allow four of them.
    share.forEach((s, i) => expect(Math.abs(s - (i === 1 ? KEEP : SWITCH))).toBeLessThan(0.0076));
  });
});

/**
 * One learner answers truly (a uniform prior: the attacker knows nothing beforehand); the
 * attacker controls `controlled` other members, sends their answers raw and knows them. The
 * attacker sees every sent rating (more than the report shows: a database reader's view), takes
 * away their own, and is left with what the learner's device sent; the best guess is that value.
 */
function attack(controlled: number, runs: number, send: (truth: number, fill: FillRandom) => number, seed: number) {
  const fill = seededFill(seed);
  const seen = RATINGS.map(() => [0, 0, 0, 0, 0]); // seen[truth-1][residual-1]
  let right = 0;
  for (let run = 0; run < runs; run++) {
    const own = Array.from({ length: controlled }, () => 1 + randomBelow(5, fill));
    const truth = 1 + randomBelow(5, fill);
    const totals = countsOf([...own, send(truth, fill)]);
    const ownCounts = countsOf(own);
    const residual = RATINGS.find((r) => totals[r - 1] - ownCounts[r - 1] === 1)!;
    seen[truth - 1][residual - 1]++;
    // Bayes with a uniform prior: the guess maximising P(residual | truth), i.e. the residual.
    const guess = RATINGS.reduce((best, v) => (sendProbability(residual, v) > sendProbability(residual, best) ? v : best), RATINGS[0] as number);
    if (guess === truth) right++;
  }
  // The largest ratio, over what was seen and any two true ratings, of how often it was seen.
  let ratio = 0;
  for (let r = 0; r < 5; r++)
    for (const a of seen)
      for (const b of seen) if (a[r] > 0) ratio = Math.max(ratio, a[r] / b[r]);
  return { success: right / runs, ratio };
}

describe("a facilitator who controls every other answer", () => {
  const RUNS = 20_000;
  // Success is a share of 20,000 runs: standard error sqrt(3/7 * 4/7 / 20,000) = 0.0035; allow 4.
  const SUCCESS_TOLERANCE = 4 * Math.sqrt((KEEP * (1 - KEEP)) / RUNS);
  // Each seen frequency rests on about 20,000 / 25 = 800 runs (relative error about 3.5%, less for
  // the kept value): the ratio of two, at four standard errors, stays within 25% of its value.
  const RATIO_TOLERANCE = 1.25;

  it.each([4, 9, 49])("with %i members of their own guesses the learner's answer at most 3/7 of the time", (controlled) => {
    const { success, ratio } = attack(controlled, RUNS, randomise, 1000 + controlled);
    expect(success).toBeLessThanOrEqual(KEEP + SUCCESS_TOLERANCE);
    // And the bound is tight: the best guess does reach 3/7 (the attacker above is optimal).
    expect(success).toBeGreaterThanOrEqual(KEEP - SUCCESS_TOLERANCE);
    expect(ratio).toBeLessThanOrEqual(Math.exp(EPSILON) * RATIO_TOLERANCE);
    expect(ratio).toBeGreaterThan(Math.exp(EPSILON) / RATIO_TOLERANCE);
  });

  it.each([4, 9, 49])("control: with randomisation off, %i members recover the answer every time", (controlled) => {
    const { success, ratio } = attack(controlled, RUNS, (truth) => truth, 2000 + controlled);
    expect(success).toBe(1);
    expect(ratio).toBe(Infinity);
  });
});

/** A group of people with these true ratings; each simulated run randomises them afresh. */
function group(shares: number[], n: number): number[] {
  const people: number[] = [];
  shares.forEach((s, i) => {
    for (let j = 0; j < Math.round(s * n); j++) people.push(i + 1);
  });
  while (people.length < n) people.push(3);
  return people.slice(0, n);
}

const POPULATIONS: Record<string, number[]> = {
  "mostly agree": [0.05, 0.05, 0.1, 0.4, 0.4],
  "even spread": [0.2, 0.2, 0.2, 0.2, 0.2],
  split: [0.5, 0, 0, 0, 0.5],
  "all disagree": [1, 0, 0, 0, 0],
  "all strongly agree": [0, 0, 0, 0, 1],
};

describe("the estimates on simulated groups (seeded, 2,000 runs each)", () => {
  const RUNS = 2000;
  const cases = Object.entries(POPULATIONS).flatMap(([name, shares]) => [20, 100, 500].map((n) => ({ name, shares, n })));

  it.each(cases)("$name, $n people: unbiased, and the 95% intervals cover the truth about 95% of the time", ({ shares, n }) => {
    const people = group(shares, n);
    const trueShare = people.filter((r) => AGREE.includes(r)).length / n;
    const trueMean = people.reduce((a, b) => a + b, 0) / n;
    const fill = seededFill(n * 31 + Math.round(shares[0] * 100) + Math.round(shares[4] * 1000));
    let shareSum = 0;
    let meanSum = 0;
    let shareCovered = 0;
    let meanCovered = 0;
    for (let run = 0; run < RUNS; run++) {
      const counts = countsOf(people.map((r) => randomise(r, fill)));
      const observed = (counts[3] + counts[4]) / n;
      shareSum += debiasShare(observed);
      meanSum += debiasMean(counts.reduce((s, c, i) => s + c * (i + 1), 0) / n);
      const share = estimateShare(counts);
      const mean = estimateMean(counts);
      if (share.low <= trueShare && trueShare <= share.high) shareCovered++;
      if (mean.low <= trueMean && trueMean <= mean.high) meanCovered++;
      expect(share.low).toBeLessThanOrEqual(share.estimate);
      expect(share.estimate).toBeLessThanOrEqual(share.high);
    }
    // Unbiased: the average raw estimate is within four standard errors of the truth.
    const shareSe = Math.sqrt(0.25 / n) / (KEEP - SWITCH) / Math.sqrt(RUNS);
    const meanSe = Math.sqrt(18 / 7 / n) / (KEEP - SWITCH) / Math.sqrt(RUNS);
    expect(Math.abs(shareSum / RUNS - trueShare)).toBeLessThan(4 * shareSe);
    expect(Math.abs(meanSum / RUNS - trueMean)).toBeLessThan(4 * meanSe);
    // Coverage: at least 93% (95% less simulation error); the mean's bound errs wide on purpose.
    expect(shareCovered / RUNS).toBeGreaterThanOrEqual(0.93);
    expect(shareCovered / RUNS).toBeLessThanOrEqual(0.995);
    expect(meanCovered / RUNS).toBeGreaterThanOrEqual(0.93);
  });

  it("pre and post alike: a change is claimed in at most about 5% of runs; a real one of 40 points in 500 is found", () => {
    const fill = seededFill(99);
    const same = group(POPULATIONS["even spread"], 100);
    let claimed = 0;
    for (let run = 0; run < RUNS; run++) {
      const c = estimateShareChange(countsOf(same.map((r) => randomise(r, fill))), countsOf(same.map((r) => randomise(r, fill))));
      if (c.verdict !== "unclear") claimed++;
      expect(c.low).toBeLessThanOrEqual(c.high);
    }
    expect(claimed / RUNS).toBeLessThanOrEqual(0.06);

    const before = group([0.2, 0.2, 0.3, 0.2, 0.1], 500); // 30% agree
    const after = group([0.05, 0.05, 0.2, 0.4, 0.3], 500); // 70% agree
    let found = 0;
    for (let run = 0; run < 200; run++) {
      const c = estimateShareChange(countsOf(before.map((r) => randomise(r, fill))), countsOf(after.map((r) => randomise(r, fill))));
      if (c.verdict === "higher") found++;
      expect(c.verdict).not.toBe("lower");
    }
    expect(found / 200).toBeGreaterThan(0.9);
  });

  it("an interval that includes 0 is not called a change", () => {
    const c = estimateShareChange([1, 1, 1, 1, 1], [1, 1, 1, 1, 2]);
    expect(c.low).toBeLessThan(0);
    expect(c.high).toBeGreaterThan(0);
    expect(c.verdict).toBe("unclear");
  });
});

describe("how many answers a useful estimate needs", () => {
  it.each([
    [0.1, 1177],
    [0.15, 523],
    [0.2, 295],
    [0.25, 189],
    [0.3, 131],
  ])("the agreeing share to within +/- %f: %i answers", (h, n) => {
    expect(answersNeeded(h)).toBe(n);
  });

  it("the default is +/- 15 points, and at that many answers the widest interval is no wider", () => {
    const n = answersNeeded();
    expect(USEFUL_HALF_WIDTH).toBe(0.15);
    expect(n).toBe(523);
    // The widest case, an observed share of one half: half the group (by sent ratings) agreeing.
    const half = Math.round(n / 2);
    const widest = estimateShare([n - half, 0, 0, half, 0]);
    expect((widest.high - widest.low) / 2).toBeLessThanOrEqual(USEFUL_HALF_WIDTH);
    // One answer fewer and a Wald interval at one half would be wider than +/- 15 points.
    expect((Z95 * Math.sqrt(0.25 / (n - 1))) / (KEEP - SWITCH)).toBeGreaterThan(USEFUL_HALF_WIDTH);
  });

  it("the mean to within +/- 0.5 on the 1..5 scale: 485 answers", () => {
    expect(answersNeededForMean(0.5)).toBe(485);
  });
});
