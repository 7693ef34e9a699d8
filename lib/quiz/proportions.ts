// Intervals for shares of learners (the bias-check report, issue #20): the Wilson score interval
// for one proportion and Newcombe's hybrid score interval for the difference of two independent
// proportions ("method 10" of Newcombe 1998, Statistics in Medicine 17:873-890). Both behave at
// small counts and at 0 % and 100 %, where the textbook (Wald) interval collapses or leaves
// [0, 1]. Pure: a function of the counts.

/** The standard normal quantile for a two-sided 95 % interval, z(0.975). */
export const Z95 = 1.959963984540054;

export interface Interval {
  lower: number;
  upper: number;
}

export interface Difference extends Interval {
  /** p1 - p2. */
  difference: number;
}

function checkCount(successes: number, n: number) {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || successes > n) {
    throw new RangeError(`expected whole counts with 0 <= successes <= n, got ${successes} of ${n}`);
  }
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Wilson's score interval for successes / n; null when n is 0 (nothing to estimate). */
export function wilson(successes: number, n: number, z = Z95): Interval | null {
  checkCount(successes, n);
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = 2 * n * p + z2;
  const half = z * Math.sqrt(z2 + 4 * n * p * (1 - p));
  const denominator = 2 * (n + z2);
  return { lower: clamp((centre - half) / denominator, 0, 1), upper: clamp((centre + half) / denominator, 0, 1) };
}

/**
 * Newcombe's hybrid score interval for p1 - p2 (independent samples): each side combines the two
 * Wilson intervals' distances from their estimates. Null when either sample is empty.
 */
export function newcombeDifference(x1: number, n1: number, x2: number, n2: number, z = Z95): Difference | null {
  const w1 = wilson(x1, n1, z);
  const w2 = wilson(x2, n2, z);
  if (!w1 || !w2) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const difference = p1 - p2;
  return {
    difference,
    lower: clamp(difference - Math.hypot(p1 - w1.lower, w2.upper - p2), -1, 1),
    upper: clamp(difference + Math.hypot(w1.upper - p1, p2 - w2.lower), -1, 1),
  };
}
