// Local differential privacy for "Your views": generalised (k-ary) randomised response over the
// five ratings, epsilon = ln 3 per statement. The learner's device keeps the true rating with
// probability 3/7 and otherwise sends one of the four others (1/7 each); the server stores only
// what was sent, and the report debiases the group's totals into estimates with 95% intervals.
// The reasoning, the formulas and the limits are in docs/attitudes-privacy.md.
//
// Why here: this module is pure (no I/O, no "server-only", imports nothing, like lib/quiz, whose
// grading the quiz runner imports). The learner's form (a client island) randomises with it
// before sending, and the server names, checks and debiases with the SAME constants, so the two
// sides cannot drift apart. A test keeps it free of imports.

/** The name a submission must carry; the server refuses any other (an out-of-date page). */
export const MECHANISM = "krr-5-ln3" as const;
export type Mechanism = typeof MECHANISM;

/** The Likert scale: 1 = strongly disagree ... 5 = strongly agree. */
export const RATINGS = [1, 2, 3, 4, 5] as const;
const K = RATINGS.length;
/** e^epsilon: a whole number, so the draw below is one uniform choice among E + K - 1 slots. */
const E = 3;
export const EPSILON = Math.log(E);
/** Probability that the device sends the true rating: e^eps / (e^eps + k - 1) = 3/7. */
export const KEEP = E / (E + K - 1);
/** Probability of sending one particular other rating: 1 / (e^eps + k - 1) = 1/7. */
export const SWITCH = 1 / (E + K - 1);
/** "Agree" or "strongly agree": the share the report estimates. */
export const AGREE: readonly number[] = [4, 5];
/** The normal quantile of a two-sided 95% interval. */
export const Z95 = 1.959963984540054;
/** The half-width (in share points, 0..1) at which the report calls an estimate useful. */
export const USEFUL_HALF_WIDTH = 0.15;

/** Fills the array with uniformly random 32-bit words (crypto.getRandomValues by default). */
export type FillRandom = (into: Uint32Array) => unknown;
const cryptoFill: FillRandom = (into) => globalThis.crypto.getRandomValues(into);

/** A uniform integer in [0, n): rejection sampling, so no value is favoured by a modulo. */
export function randomBelow(n: number, fill: FillRandom = cryptoFill): number {
  if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError("n must be a whole number from 1 to 2^32");
  const limit = 2 ** 32 - (2 ** 32 % n);
  const word = new Uint32Array(1);
  for (;;) {
    fill(word);
    if (word[0] < limit) return word[0] % n;
  }
}

/** The rating the device sends for a true rating: itself in 3 of 7 slots, each other one in 1. */
export function randomise(rating: number, fill: FillRandom = cryptoFill): number {
  if (!RATINGS.includes(rating as (typeof RATINGS)[number])) throw new RangeError("rating must be 1 to 5");
  const slot = randomBelow(E + K - 1, fill);
  if (slot < E) return rating;
  return RATINGS.filter((r) => r !== rating)[slot - E];
}

/** Randomises every answer of a form independently (each statement spends its own epsilon). */
export function randomiseAnswers<A extends { value: number }>(answers: A[], fill: FillRandom = cryptoFill): A[] {
  return answers.map((a) => ({ ...a, value: randomise(a.value, fill) }));
}

/** P(the device sends `sent` | the true rating is `truth`): what anyone who sees `sent` can know. */
export function sendProbability(sent: number, truth: number): number {
  return sent === truth ? KEEP : SWITCH;
}

/** Counts of sent ratings 1..5 for one statement and check. */
export type Counts = readonly [number, number, number, number, number];

export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

const clip = (x: number, low: number, high: number) => Math.min(high, Math.max(low, x));
const total = (counts: Counts) => counts.reduce((a, b) => a + b, 0);

/**
 * The unbiased estimate of the true share whose rating is in `set`, from the observed share of
 * sent ratings in it: E[observed] = m*SWITCH + (KEEP - SWITCH)*true, with m = |set|.
 */
export function debiasShare(observed: number, set: readonly number[] = AGREE): number {
  return (observed - set.length * SWITCH) / (KEEP - SWITCH);
}

/** Wilson's score interval for a binomial proportion (good coverage at small n, unlike Wald's). */
function wilson(successes: number, n: number): { low: number; high: number } {
  const p = successes / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * The estimated true share of the group whose rating is in `set` (agreeing, by default), with a
 * 95% interval: Wilson's interval of the observed share, mapped through the same straight line as
 * the estimate and clipped to 0..1 (the truth lies there, so clipping loses no coverage).
 */
export function estimateShare(counts: Counts, set: readonly number[] = AGREE): Interval {
  const n = total(counts);
  if (n === 0) throw new RangeError("no answers");
  const inSet = set.reduce((sum, r) => sum + counts[r - 1], 0);
  const { low, high } = wilson(inSet, n);
  return { estimate: clip(debiasShare(inSet / n, set), 0, 1), low: clip(debiasShare(low, set), 0, 1), high: clip(debiasShare(high, set), 0, 1) };
}

/** The unbiased estimate of the true mean rating from the mean of the sent ones. */
export function debiasMean(observedMean: number): number {
  const sum = RATINGS.reduce((a, b) => a + b, 0);
  // E[sent | truth v] = KEEP*v + SWITCH*(sum - v) = (KEEP - SWITCH)*v + SWITCH*sum
  return (observedMean - SWITCH * sum) / (KEEP - SWITCH);
}

/**
 * The largest variance a sent rating can have, whatever the group thinks (half the group at 1,
 * half at 5: 18/7). The mean's interval uses it instead of the sample's own variance, which at
 * five or ten answers is itself too noisy to trust: the interval is a little wide, never narrow.
 */
export const MAX_SENT_VARIANCE = 18 / 7;

/** The estimated true mean rating (1..5) with a 95% interval. */
export function estimateMean(counts: Counts): Interval {
  const n = total(counts);
  if (n === 0) throw new RangeError("no answers");
  const observed = counts.reduce((sum, c, i) => sum + c * RATINGS[i], 0) / n;
  const estimate = debiasMean(observed);
  const half = (Z95 * Math.sqrt(MAX_SENT_VARIANCE / n)) / (KEEP - SWITCH);
  return { estimate: clip(estimate, 1, 5), low: clip(estimate - half, 1, 5), high: clip(estimate + half, 1, 5) };
}

export type ChangeVerdict = "higher" | "lower" | "unclear";

/**
 * The change in the estimated share (post minus pre) with a 95% interval: Newcombe's hybrid score
 * interval of the difference of the observed shares (from Wilson's), divided by KEEP - SWITCH.
 * Only an interval that excludes 0 is called a change. It treats the two checks as independent
 * samples; the same people answering both makes the true spread smaller, so it errs wide.
 */
export function estimateShareChange(pre: Counts, post: Counts, set: readonly number[] = AGREE): Interval & { verdict: ChangeVerdict } {
  const n1 = total(pre);
  const n2 = total(post);
  if (n1 === 0 || n2 === 0) throw new RangeError("no answers");
  const s1 = set.reduce((sum, r) => sum + pre[r - 1], 0);
  const s2 = set.reduce((sum, r) => sum + post[r - 1], 0);
  const p1 = s1 / n1;
  const p2 = s2 / n2;
  const w1 = wilson(s1, n1);
  const w2 = wilson(s2, n2);
  const d = p2 - p1;
  const lowObserved = d - Math.sqrt((p2 - w2.low) ** 2 + (w1.high - p1) ** 2);
  const highObserved = d + Math.sqrt((w2.high - p2) ** 2 + (p1 - w1.low) ** 2);
  const scale = KEEP - SWITCH;
  const low = clip(lowObserved / scale, -1, 1);
  const high = clip(highObserved / scale, -1, 1);
  const verdict: ChangeVerdict = low > 0 ? "higher" : high < 0 ? "lower" : "unclear";
  return { estimate: clip(d / scale, -1, 1), low, high, verdict };
}

/**
 * How many answers the share's 95% interval needs to be at most +/- halfWidth, whatever the
 * group thinks (the widest case, an observed share of one half): n = z^2 / (4 h^2 (KEEP-SWITCH)^2).
 */
export function answersNeeded(halfWidth: number = USEFUL_HALF_WIDTH): number {
  return Math.ceil((Z95 * Z95) / (4 * halfWidth * halfWidth * (KEEP - SWITCH) ** 2));
}

/** How many answers the mean's 95% interval needs to be at most +/- halfWidth (on the 1..5 scale). */
export function answersNeededForMean(halfWidth: number): number {
  return Math.ceil((Z95 * Z95 * MAX_SENT_VARIANCE) / (halfWidth * halfWidth * (KEEP - SWITCH) ** 2));
}
