import { describe, expect, it } from "vitest";
import { compareLocales, LOCALE_GAP, LOCALE_MIN_ANSWERS, localeGap } from "./locale-outliers";

const side = (answers: number, share: number) => ({ answers, points: answers * share });

describe("localeGap: one locale against the others pooled", () => {
  it.each([
    // [this locale, the rest, expected]
    [side(40, 0.3), side(120, 0.75), "harder"], // a clear gap with plenty of answers
    [side(40, 0.95), side(120, 0.5), "easier"], // the translation gives the answer away
    [side(40, 0.6), side(120, 0.7), null], // 10 points: within LOCALE_GAP
    [side(2000, 0.55), side(2000, 0.6), null], // "significant" but small: not worth a flag
    [side(LOCALE_MIN_ANSWERS - 1, 0), side(200, 0.9), null], // too few answers in the locale
    [side(200, 0), side(LOCALE_MIN_ANSWERS - 1, 0.9), null], // too few answers in the rest
    [side(10, 0.5), side(10, 0.8), null], // 30 points on 10 a side: z = 1.41, could be chance
    [side(10, 0.1), side(10, 0.9), "harder"], // 80 points on 10 a side: z = 3.58
    [side(50, 1), side(50, 1), null], // everyone right everywhere: no spread, no flag
  ] as const)("%o against %o gives %s", (one, rest, expected) => {
    expect(localeGap(one, rest)).toBe(expected);
  });

  it("counts a gap of exactly LOCALE_GAP when the answers make it sure", () => {
    expect(localeGap(side(400, 0.5), side(400, 0.5 + LOCALE_GAP))).toBe("harder");
  });

  it("reads partial credit as a share of points", () => {
    // 30 answers at half a point each (a sort question half right) against full marks elsewhere.
    expect(localeGap({ answers: 30, points: 15 }, { answers: 60, points: 57 })).toBe("harder");
  });
});

describe("compareLocales", () => {
  it("gives each locale its share and flags only the odd one out", () => {
    const out = compareLocales(
      [
        { locale: "en", answers: 60, points: 45 },
        { locale: "fr", answers: 30, points: 23 },
        { locale: "ar", answers: 30, points: 6 },
      ],
      5,
    );
    expect(out).toEqual([
      { locale: "en", answers: 60, percentCorrect: 75, outlier: null },
      { locale: "fr", answers: 30, percentCorrect: 77, outlier: null },
      { locale: "ar", answers: 30, percentCorrect: 20, outlier: "harder" },
    ]);
  });

  it("flags both of two locales that differ: the figures cannot say which one reads wrongly", () => {
    const out = compareLocales([{ locale: "en", answers: 40, points: 32 }, { locale: "ar", answers: 40, points: 8 }], 5);
    expect(out.map((c) => c.outlier)).toEqual(["easier", "harder"]);
  });

  it("does not flag a locale that is far from the pooled rest only because of another's gap", () => {
    // Against fr + ar pooled (48 %) English's 75 % is 27 points away, but it agrees with French.
    const out = compareLocales([{ locale: "en", answers: 60, points: 45 }, { locale: "fr", answers: 30, points: 23 }, { locale: "ar", answers: 30, points: 6 }], 5);
    expect(out.filter((c) => c.outlier).map((c) => c.locale)).toEqual(["ar"]);
  });

  it("hides a share below the table's threshold and flags nothing with one locale", () => {
    expect(compareLocales([{ locale: "en", answers: 4, points: 4 }], 5)).toEqual([{ locale: "en", answers: 4, percentCorrect: null, outlier: null }]);
    expect(compareLocales([{ locale: "en", answers: 100, points: 10 }], 5)[0].outlier).toBeNull();
  });
});
