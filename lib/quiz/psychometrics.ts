// Classical item analysis for a facilitator: how hard each item is, whether it separates people
// who know the topic from people who do not, and how consistent a whole form is. Pure functions.
//
// The inputs are sums, not a table of every answer, so the report can add them up in SQL (one
// query, no per-answer rows sent to the app): for each item over the finished attempts of one
// form, Σx, Σx² and Σx·T (x = the item's points 0..1, T = the attempt's total points); for the
// form, the number of attempts N, ΣT and ΣT². A question left unanswered counts 0, as it does in
// the attempt's score. `sumsFromMatrix` builds the same sums from a table (tests, small data).

/** Below this many answers an item's share correct is shown as "too few answers". */
export const MIN_ANSWERS = 5;
/**
 * Below this many finished attempts on a form, discrimination and reliability are shown as "too
 * few answers". Correlations from a class-sized group are rough (at 20 attempts a point-biserial
 * of 0.3 has a standard error near 0.2); 20 keeps a typical class above the line and a small
 * workshop's accidental extremes below it.
 */
export const MIN_ATTEMPTS = 20;

export interface ItemSums {
  /** Σx: the item's points summed over the form's finished attempts. */
  sumX: number;
  /** Σx². Equal to Σx exactly when every answer scored 0 or 1. */
  sumX2: number;
  /** Σx·T, T the attempt's total points. */
  sumXT: number;
}

export interface FormSums {
  /** N: finished attempts on this form (this content version). */
  attempts: number;
  /** k: questions on the form. */
  items: number;
  /** ΣT and ΣT² over the attempts. */
  sumT: number;
  sumT2: number;
}

const EPS = 1e-12;

/** Item difficulty: the share of the available points that answers earned (partial credit as points). */
export function difficulty(points: number, answers: number, min = MIN_ANSWERS): number | null {
  return answers >= min && answers > 0 ? points / answers : null;
}

/**
 * Corrected discrimination: the Pearson correlation of the item's points with the rest of the
 * form (the total without this item), so an item is not credited for correlating with itself.
 * For items scored 0/1 this is the point-biserial. Null below `min` attempts or when either side
 * does not vary (everyone right, or everyone with the same rest score): then it says nothing.
 */
export function discrimination(item: ItemSums, form: FormSums, min = MIN_ATTEMPTS): number | null {
  const n = form.attempts;
  if (n < min || n < 2) return null;
  // y = T − x, so Σy, Σy², Σxy follow from the sums without the raw table.
  const sumY = form.sumT - item.sumX;
  const sumY2 = form.sumT2 - 2 * item.sumXT + item.sumX2;
  const sumXY = item.sumXT - item.sumX2;
  const varX = item.sumX2 / n - (item.sumX / n) ** 2;
  const varY = sumY2 / n - (sumY / n) ** 2;
  if (varX < EPS || varY < EPS) return null;
  const cov = sumXY / n - (item.sumX / n) * (sumY / n);
  return cov / Math.sqrt(varX * varY);
}

export interface Reliability {
  value: number;
  /**
   * "kr20" when every answer on the form scored 0 or 1 (KR-20 proper, item variance p·q); "alpha"
   * when some item gave partial credit: the same formula with each item's variance of points in
   * place of p·q (Cronbach's alpha, of which KR-20 is the 0/1 case), so partial credit is neither
   * rounded away nor counted as wrong.
   */
  method: "kr20" | "alpha";
}

/**
 * Reliability of a form: k/(k−1) · (1 − Σ item variance / variance of totals). `items` holds the
 * sums of the items that were answered; an item nobody answered has variance 0 and adds nothing.
 * Null below `min` attempts, with fewer than 2 questions, or when totals do not vary.
 */
export function reliability(items: readonly ItemSums[], form: FormSums, min = MIN_ATTEMPTS): Reliability | null {
  const n = form.attempts;
  const k = form.items;
  if (n < min || n < 2 || k < 2) return null;
  const varT = form.sumT2 / n - (form.sumT / n) ** 2;
  if (varT < EPS) return null;
  const itemVariance = items.reduce((s, i) => s + Math.max(0, i.sumX2 / n - (i.sumX / n) ** 2), 0);
  const dichotomous = items.every((i) => Math.abs(i.sumX2 - i.sumX) < 1e-9);
  return { value: (k / (k - 1)) * (1 - itemVariance / varT), method: dichotomous ? "kr20" : "alpha" };
}

/** Sums from a table: one row per finished attempt, one column per item, null for unanswered. */
export function sumsFromMatrix(rows: readonly (readonly (number | null)[])[]): { form: FormSums; items: ItemSums[] } {
  const k = rows[0]?.length ?? 0;
  const items: ItemSums[] = Array.from({ length: k }, () => ({ sumX: 0, sumX2: 0, sumXT: 0 }));
  const form: FormSums = { attempts: rows.length, items: k, sumT: 0, sumT2: 0 };
  for (const row of rows) {
    const t = row.reduce<number>((s, x) => s + (x ?? 0), 0);
    form.sumT += t;
    form.sumT2 += t * t;
    row.forEach((x, i) => {
      const v = x ?? 0;
      items[i].sumX += v;
      items[i].sumX2 += v * v;
      items[i].sumXT += v * t;
    });
  }
  return { form, items };
}

export type DifficultyBand = "most-right" | "more-than-half" | "fewer-than-half" | "most-missed";
export type DiscriminationBand = "negative" | "weak" | "good";
export type ReliabilityBand = "high" | "acceptable" | "rough" | "poor";

/** Plain-word bands, so the screen can say what a number means. */
export function difficultyBand(p: number): DifficultyBand {
  return p >= 0.8 ? "most-right" : p >= 0.5 ? "more-than-half" : p >= 0.2 ? "fewer-than-half" : "most-missed";
}

/** Below 0: stronger learners missed it more often (flag: check the key or the wording). Below 0.2: says little. */
export function discriminationBand(r: number): DiscriminationBand {
  return r < 0 ? "negative" : r < 0.2 ? "weak" : "good";
}

/** 0.8+ consistent enough to compare people; 0.7+ fine for a group; 0.5+ rough; below, mostly noise. */
export function reliabilityBand(value: number): ReliabilityBand {
  return value >= 0.8 ? "high" : value >= 0.7 ? "acceptable" : value >= 0.5 ? "rough" : "poor";
}
