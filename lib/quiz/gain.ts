// A group's learning gain when its starting and final checks are two parallel forms taken in a
// counterbalanced order (lib/quiz/experiments.ts): half the learners take form A first and B
// last ("ab"), the other half B first and A last ("ba"). If form B is harder by d points, the
// "ab" learners' change is the true gain minus d and the "ba" learners' the true gain plus d, so
// the mean over the two orders, each order weighted equally, cancels d. Pure: scores in, figures
// out; docs/measurement.md says the same in words.
import type { FormOrder } from "./experiments";

/** Figures about fewer learners than this (per order, or in all when unbalanced) are not shown. */
export const GAIN_MIN_LEARNERS = 5;

/** 97.5th percentile of the standard normal: a 95 % interval is the estimate ± 1.96 standard errors. */
const Z95 = 1.959964;

/** One learner who took both checks: their order and their two scores, in percent. */
export interface LearnerChange {
  order: FormOrder;
  pre: number;
  post: number;
}

export interface OrderFigures {
  order: FormOrder;
  n: number;
  /** Null when the order has fewer than the minimum of learners. */
  meanPre: number | null;
  meanPost: number | null;
}

export interface GainFigures {
  /** Learners with both checks. */
  n: number;
  orders: OrderFigures[];
  /** Both orders have learners: the counterbalanced figures below; otherwise plain ones. */
  balanced: boolean;
  /** Too few learners to show any figure (see GAIN_MIN_LEARNERS). */
  hidden: boolean;
  /** Mean starting and final scores: the mean of the two orders' means when balanced, else over everyone. */
  meanPre: number | null;
  meanPost: number | null;
  /** Final minus starting, in points: counterbalanced when balanced, else plain. */
  gain: number | null;
  /** 95 % interval of the counterbalanced gain (normal approximation); null when unbalanced or an order has one learner. */
  interval: [number, number] | null;
  /** How many points form B scores above form A, averaged over the two slots; null when unbalanced. */
  formDifference: number | null;
  /** (meanPost - meanPre) / (100 - meanPre) from the means above (Hake's class-average gain). */
  normalisedGain: number | null;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Sample variance (n - 1); null below two values. */
function variance(xs: readonly number[]): number | null {
  const m = mean(xs);
  if (m === null || xs.length < 2) return null;
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
}

const normalised = (pre: number | null, post: number | null) => (pre !== null && post !== null && pre < 100 ? (post - pre) / (100 - pre) : null);

/**
 * The gain figures of a group. Balanced (learners in both orders):
 * - gain = ((post_ab - pre_ab) + (post_ba - pre_ba)) / 2, each order weighted equally;
 * - form difference (B - A) = ((pre_ba - pre_ab) + (post_ab - post_ba)) / 2: at the start B is
 *   taken by "ba", at the end by "ab";
 * - interval: gain ± 1.96 √((s_ab²/n_ab + s_ba²/n_ba) / 4), s = the standard deviation of the
 *   learners' own changes (post - pre) within the order; a normal approximation, rough for small
 *   orders.
 * Unbalanced: plain means over everyone, no interval, no form difference: a form effect cannot be
 * told from learning until both orders have learners.
 */
export function counterbalancedGain(learners: readonly LearnerChange[], minLearners = GAIN_MIN_LEARNERS): GainFigures {
  const byOrder = (order: FormOrder) => learners.filter((l) => l.order === order);
  const groups = (["ab", "ba"] as const).map((order) => ({ order, list: byOrder(order) }));
  const balanced = groups.every((g) => g.list.length > 0);
  const hidden = balanced ? groups.some((g) => g.list.length < minLearners) : learners.length < minLearners;
  const orders: OrderFigures[] = groups.map(({ order, list }) => {
    const shown = list.length >= minLearners;
    return { order, n: list.length, meanPre: shown ? mean(list.map((l) => l.pre)) : null, meanPost: shown ? mean(list.map((l) => l.post)) : null };
  });
  const none = { meanPre: null, meanPost: null, gain: null, interval: null, formDifference: null, normalisedGain: null };
  if (hidden || learners.length === 0) return { n: learners.length, orders, balanced, hidden, ...none };

  if (!balanced) {
    const meanPre = mean(learners.map((l) => l.pre))!;
    const meanPost = mean(learners.map((l) => l.post))!;
    return { n: learners.length, orders, balanced, hidden, ...none, meanPre, meanPost, gain: meanPost - meanPre, normalisedGain: normalised(meanPre, meanPost) };
  }

  const [ab, ba] = groups.map((g) => ({
    n: g.list.length,
    pre: mean(g.list.map((l) => l.pre))!,
    post: mean(g.list.map((l) => l.post))!,
    varChange: variance(g.list.map((l) => l.post - l.pre)),
  }));
  const gain = (ab.post - ab.pre + (ba.post - ba.pre)) / 2;
  const meanPre = (ab.pre + ba.pre) / 2;
  const meanPost = (ab.post + ba.post) / 2;
  const se = ab.varChange === null || ba.varChange === null ? null : Math.sqrt((ab.varChange / ab.n + ba.varChange / ba.n) / 4);
  return {
    n: learners.length,
    orders,
    balanced,
    hidden,
    meanPre,
    meanPost,
    gain,
    interval: se === null ? null : [gain - Z95 * se, gain + Z95 * se],
    formDifference: (ba.pre - ab.pre + (ab.post - ba.post)) / 2,
    normalisedGain: normalised(meanPre, meanPost),
  };
}

/** The order a learner took the checks in, from the forms their attempts were taken on; undefined if they do not make one. */
export function orderOf(preForm: "a" | "b" | undefined, postForm: "a" | "b" | undefined): FormOrder | undefined {
  if (preForm === "a" && postForm === "b") return "ab";
  if (preForm === "b" && postForm === "a") return "ba";
  return undefined;
}
