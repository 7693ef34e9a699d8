// A question that reads differently in one language: its share correct in that locale, set against
// every other locale's answers pooled, when both sides have enough answers. A mistranslated item
// (a negation lost, a distractor that now reads as right, the key given away) shows up as a gap the
// rest of the group does not have. Pure: figures in, flags out (docs/measurement.md, "Items per
// language").
//
// The rule: a locale is flagged when
//   - it has at least LOCALE_MIN_ANSWERS answers to the item, and the other locales together too;
//   - its share of points differs from the others' by at least LOCALE_GAP (20 percentage points);
//   - that gap is unlikely to be chance: a two-proportion z of at least LOCALE_MIN_Z (2, about
//     p < 0.05 two-sided) with the pooled share's standard error;
//   - and it is the odd one out: against each other locale with enough answers on its own, its
//     share lies LOCALE_GAP or more the same way. (The others pooled hold the odd one's answers
//     too, so a sound locale can look far from "the rest" when one translation is off.)
// With only two locales both are flagged when they differ: the figures cannot say which one reads
// wrongly; the facilitator compares the two texts.
// Both the size and the z are asked for: with a few hundred answers a 5-point gap is "significant"
// but not worth a facilitator's time; with ten answers a side a 30-point gap can still be noise.
// Points may be partial credit (sort questions); the share of points is read as a proportion.

/** Fewer answers than this in a locale (or in the rest pooled): no comparison, no flag. */
export const LOCALE_MIN_ANSWERS = 10;
/** The smallest gap in share correct worth a flag (0..1). */
export const LOCALE_GAP = 0.2;
/** The smallest two-proportion z worth a flag. */
export const LOCALE_MIN_Z = 2;

export interface LocaleFigures {
  locale: string;
  answers: number;
  /** Points earned over those answers (each answer 0..1). */
  points: number;
}

export type LocaleOutlier = "harder" | "easier";

export interface LocaleComparison {
  locale: string;
  answers: number;
  /** Share of points in this locale, whole percent; null below `minAnswers` (as the item's own). */
  percentCorrect: number | null;
  /** Set when this locale's share differs from the others' by the rule above. */
  outlier: LocaleOutlier | null;
}

/** Whether `one` differs from `rest` by the rule; null when it does not or cannot be told. */
export function localeGap(one: Omit<LocaleFigures, "locale">, rest: Omit<LocaleFigures, "locale">): LocaleOutlier | null {
  if (one.answers < LOCALE_MIN_ANSWERS || rest.answers < LOCALE_MIN_ANSWERS) return null;
  const p1 = one.points / one.answers;
  const p2 = rest.points / rest.answers;
  const gap = p1 - p2;
  // A tiny tolerance so 0.7 - 0.5 counts as the 0.2 it is.
  if (Math.abs(gap) + 1e-9 < LOCALE_GAP) return null;
  const pooled = (one.points + rest.points) / (one.answers + rest.answers);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / one.answers + 1 / rest.answers));
  if (se === 0 || Math.abs(gap) / se < LOCALE_MIN_Z) return null;
  return gap < 0 ? "harder" : "easier";
}

/**
 * Each locale's figures for one item, in the order given, with its flag against the others pooled.
 * `minAnswers` is the item table's own threshold for showing a share at all.
 */
export function compareLocales(figures: readonly LocaleFigures[], minAnswers: number): LocaleComparison[] {
  const total = figures.reduce((t, f) => ({ answers: t.answers + f.answers, points: t.points + f.points }), { answers: 0, points: 0 });
  const share = (f: LocaleFigures) => f.points / f.answers;
  const oddOneOut = (f: LocaleFigures, way: LocaleOutlier) =>
    figures.every((g) => {
      if (g === f || g.answers < LOCALE_MIN_ANSWERS) return true;
      const gap = share(f) - share(g);
      return (way === "harder" ? -gap : gap) + 1e-9 >= LOCALE_GAP;
    });
  return figures.map((f) => {
    const way = figures.length < 2 ? null : localeGap(f, { answers: total.answers - f.answers, points: total.points - f.points });
    return {
      locale: f.locale,
      answers: f.answers,
      percentCorrect: f.answers >= minAnswers && f.answers > 0 ? Math.round(share(f) * 100) : null,
      outlier: way && oddOneOut(f, way) ? way : null,
    };
  });
}
