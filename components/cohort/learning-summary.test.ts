// The learning section as a facilitator reads it, with the real English words: both orders with
// their counts, the counterbalanced change with its range and the forms' difference, a caveat
// while the forms are unbalanced, and no figure while a half is below the minimum.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import messages from "@/content/en/messages.json";
import type { LearningView } from "@/lib/cohorts/reports";
import type { LearningLabels } from "./labels";
import { LearningSummary } from "./learning-summary";

const labels = messages.facilitate.learning as LearningLabels;
const text = (gain: LearningView) => renderToStaticMarkup(createElement(LearningSummary, { gain, labels })).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const discernment = { hitRate: null, falseAlarmRate: null, items: 0, sensitivity: null, minLearners: 5 };
const base: LearningView = {
  n: 12, balanced: true, hidden: false, minLearners: 5, discernment,
  orders: [{ order: "ab", n: 6, meanPre: 50, meanPost: 70 }, { order: "ba", n: 6, meanPre: 60, meanPost: 90 }],
  meanPre: 55, meanPost: 80, gain: 25, interval: [17, 33], formDifference: -5, normalisedGain: 0.56,
};

describe("the learning summary", () => {
  it("shows both orders and the counterbalanced change, its range and the forms' difference", () => {
    const out = text(base);
    expect(out).toContain("Form A first, then form B 6 50% 70%");
    expect(out).toContain("Form B first, then form A 6 60% 90%");
    expect(out).toContain("Change +25 points");
    expect(out).toContain("each half counted equally");
    expect(out).toContain("Likely range of the change +17 to +33 points");
    expect(out).toContain("normal approximation");
    expect(out).toContain("Form B compared with form A −5 points");
    expect(out).toContain("0.56");
  });

  it("says the forms are not balanced yet and shows the plain change", () => {
    const out = text({ ...base, balanced: false, orders: [{ order: "ab", n: 6, meanPre: 50, meanPost: 70 }, { order: "ba", n: 0, meanPre: null, meanPost: null }], meanPre: 50, meanPost: 70, gain: 20, interval: null, formDifference: null });
    expect(out).toContain("everyone took the forms in the same order");
    expect(out).toContain("Change (forms not balanced yet) +20 points");
    expect(out).not.toContain("Likely range");
    expect(out).not.toContain("Form B compared with form A");
  });

  it("shows only the counts below the minimum per half", () => {
    const out = text({ ...base, n: 5, hidden: true, orders: [{ order: "ab", n: 3, meanPre: null, meanPost: null }, { order: "ba", n: 2, meanPre: null, meanPost: null }], meanPre: null, meanPost: null, gain: null, interval: null, formDifference: null, normalisedGain: null });
    expect(out).toContain("Form A first, then form B 3 – –");
    expect(out).toContain("at least 5 learners");
    expect(out).not.toContain("Change");
  });

  it("says each figure in plain words first, with the research term behind 'What is this?'", () => {
    const html = renderToStaticMarkup(createElement(LearningSummary, { gain: { ...base, discernment: { hitRate: 0.75, falseAlarmRate: 0.2, items: 40, sensitivity: { meanDPrime: 1.24, learners: 6 }, minLearners: 5 } }, labels }));
    const out = html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(out).toContain("How much the group improved 56%");
    expect(out).toContain("Spotted the manipulative posts 75%");
    expect(out).toContain("Flagged genuine posts as manipulative 20%");
    expect(out).toContain("How well learners tell them apart 1.2 (mean of 6 learners)");
    // The terms come after the plain words, inside a disclosure named after its figure.
    expect(out.indexOf("How much the group improved")).toBeLessThan(out.indexOf("normalised gain"));
    expect(out).toContain("What is this? (How much the group improved) Research term: normalised gain");
    expect(out).toContain("g), here 0.56.");
    expect(out).toContain("Research term: hit rate.");
    expect(out).toContain("Research term: false-alarm rate.");
    expect(out).toContain("Research term: sensitivity, d′");
    expect(html.match(/<details>/g)).toHaveLength(4);
  });
});
