// Discernment sensitivity (signal detection): how well someone tells manipulative posts (the
// signal) from genuine ones (the noise), apart from how readily they flag posts at all. Pure
// functions, no dependency.
//
// d′ = z(H) − z(F), z the standard normal quantile. A rate of 0 or 1 has an infinite z, and with
// 6 posts of each kind a perfect score is common, so the rates use the log-linear correction
// (Hautus 1995): H = (hits + 0.5) / (signal + 1), F = (false alarms + 0.5) / (noise + 1), applied
// to every score alike so that scores stay comparable. 0 means guessing; the corrected d′ of a
// perfect score on 6 + 6 posts is 2.93. The criterion c = −(z(H) + z(F)) / 2 says how readily
// posts are flagged: below 0 flags more, above 0 flags less, 0 neither.
import type { Discernment } from "./grade";

// Wichura's coefficients, lowest power first (AS241 "PPND16"), for the three ranges of p.
const CENTRAL_NUM = [3.387132872796366608, 1.3314166789178437745e2, 1.9715909503065514427e3, 1.3731693765509461125e4, 4.5921953931549871457e4, 6.7265770927008700853e4, 3.3430575583588128105e4, 2.5090809287301226727e3];
const CENTRAL_DEN = [1, 4.2313330701600911252e1, 6.871870074920579083e2, 5.3941960214247511077e3, 2.1213794301586595867e4, 3.930789580009271061e4, 2.8729085735721942674e4, 5.226495278852854561e3];
const NEAR_NUM = [1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258, 2.4178072517745061177e-1, 2.27238449892691845833e-2, 7.7454501427834140764e-4];
const NEAR_DEN = [1, 2.05319162663775882187, 1.6763848301838038494, 6.8976733498510000455e-1, 1.4810397642748007459e-1, 1.51986665636164571966e-2, 5.475938084995344946e-4, 1.05075007164441684324e-9];
const FAR_NUM = [6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 2.9656057182850489123e-1, 2.6532189526576123093e-2, 1.2426609473880784386e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7];
const FAR_DEN = [1, 5.9983220655588793769e-1, 1.3692988092273580531e-1, 1.48753612908506148525e-2, 7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15];

/** c[0] + c[1]·x + c[2]·x² + … by Horner's rule. */
const poly = (c: readonly number[], x: number) => c.reduceRight((acc, k) => acc * x + k, 0);

/**
 * The standard normal quantile (inverse CDF), Wichura's algorithm AS241 (Applied Statistics 37,
 * 1988, 477–484): rational approximations in three ranges, accurate to about 1e-16 relative.
 * −Infinity at 0, Infinity at 1, NaN outside [0, 1].
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(CENTRAL_NUM, r)) / poly(CENTRAL_DEN, r);
  }
  // The tails: r = sqrt(−log(min(p, 1 − p))), one approximation up to 5 (p > 1.4e-11), another beyond.
  const r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const x = r <= 5 ? poly(NEAR_NUM, r - 1.6) / poly(NEAR_DEN, r - 1.6) : poly(FAR_NUM, r - 5) / poly(FAR_DEN, r - 5);
  return q < 0 ? -x : x;
}

export interface Sensitivity {
  /** d′ = z(H) − z(F) on the corrected rates. */
  dPrime: number;
  /** c = −(z(H) + z(F)) / 2: below 0 flags readily, above 0 rarely. */
  criterion: number;
}

/** d′ and c from counts; null without a manipulative or without a genuine post (nothing to compare). */
export function sensitivity(d: Discernment): Sensitivity | null {
  const signal = d.hits + d.misses;
  const noise = d.falseAlarms + d.correctRejections;
  if (signal === 0 || noise === 0) return null;
  const zH = normalQuantile((d.hits + 0.5) / (signal + 1));
  const zF = normalQuantile((d.falseAlarms + 0.5) / (noise + 1));
  // + 0 turns −0 (equal z's of opposite sign) into 0, so nobody reads "−0.0".
  return { dPrime: zH - zF + 0, criterion: -(zH + zF) / 2 + 0 };
}

/** Adds up the signal-detection counts of any number of discernment answers. */
export function discernmentTotals(results: readonly { discernment?: Discernment }[]): Discernment {
  const t: Discernment = { hits: 0, misses: 0, falseAlarms: 0, correctRejections: 0 };
  for (const r of results) {
    if (!r.discernment) continue;
    t.hits += r.discernment.hits;
    t.misses += r.discernment.misses;
    t.falseAlarms += r.discernment.falseAlarms;
    t.correctRejections += r.discernment.correctRejections;
  }
  return t;
}

/** d′ as shown: one decimal, never "-0.0" (a d′ just below zero is guessing too). */
export const dPrimeText = (x: number) => (Math.round(x * 10) / 10 + 0).toFixed(1);

export interface GroupSensitivity {
  /** The mean of the learners' own d′ (each from their own counts), 2 decimals. */
  meanDPrime: number;
  /** Learners with a d′ (at least one manipulative and one genuine post judged). */
  learners: number;
}

/**
 * The group's sensitivity: the mean of each learner's d′, so that one learner who judged many
 * posts weighs no more than another, and the mean says what a typical learner does. Null below
 * `minLearners` learners: a small group's mean would tell about individuals.
 */
export function groupSensitivity(perLearner: readonly Discernment[], minLearners: number): GroupSensitivity | null {
  const scores = perLearner.flatMap((d) => sensitivity(d) ?? []);
  if (scores.length === 0 || scores.length < minLearners) return null;
  const mean = scores.reduce((s, x) => s + x.dPrime, 0) / scores.length;
  return { meanDPrime: Math.round(mean * 100) / 100 + 0, learners: scores.length };
}
