// The bias-check report as a facilitator reads it, rendered with the real English words: the
// feature, both stories, a table per version with the proportionate response marked, the
// difference in plain words with its range, and the "not enough answers" line below the threshold.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import messages from "@/content/en/messages.json";
import type { BiasPairView, BiasReportView, BiasVersionView } from "@/lib/cohorts/bias-report";
import { BiasReport } from "./bias-report";

const t = createTranslator({ locale: "en", messages, namespace: "facilitate" });
const tq = createTranslator({ locale: "en", messages, namespace: "quiz" });
const html = (report: BiasReportView) => renderToStaticMarkup(createElement(BiasReport, { report, locale: "en", t: t as never, tq: tq as never }));
const text = (report: BiasReportView) => html(report).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

const version = (v: "a" | "b", over: Partial<BiasVersionView> = {}): BiasVersionView => ({
  version: v,
  questionId: `q-${v}`,
  type: "scenario",
  vignette: v === "a" ? "Samir has started going to the mosque." : "Samir has started going to the chess club.",
  prompt: "What do you do?",
  learners: 12,
  keyPercent: v === "a" ? 75 : 50,
  keyRange: v === "a" ? [47, 91] : [25, 75],
  options: [
    { id: "talk", text: "Talk with him", percent: v === "a" ? 75 : 50, key: true },
    { id: "report", text: "Report him", percent: v === "a" ? 25 : 50, key: false },
  ],
  ...over,
});
const pair = (over: Partial<BiasPairView> = {}): BiasPairView => ({
  id: "p1",
  feature: "religion",
  quizTitle: "Behaviour, not identity",
  versions: [version("a"), version("b")],
  difference: { points: 25, lower: -12.4, upper: 55.1 },
  ...over,
});

describe("the bias-check report", () => {
  it("names the feature and the quiz, and shows both stories", () => {
    const out = text({ pairs: [pair()], minPerVersion: 10 });
    expect(out).toContain("Religion");
    expect(out).toContain("In: Behaviour, not identity");
    expect(out).toContain("Samir has started going to the mosque.");
    expect(out).toContain("Samir has started going to the chess club.");
    expect(out).toContain("at least 10 learners");
  });

  it("gives each version a captioned table with scoped headers and the key marked", () => {
    const out = html({ pairs: [pair()], minPerVersion: 10 });
    expect(out).toContain("<caption>Version A: what 12 learners chose</caption>");
    expect(out).toContain('<th scope="col">Response</th>');
    expect(out).toMatch(/<tr class="is-key"><th scope="row">Talk with him<span class="bias-key"> \(the proportionate response\)<\/span><\/th><td class="num">75%<\/td><\/tr>/);
    expect(text({ pairs: [pair()], minPerVersion: 10 })).toContain("75% of 12 learners chose the proportionate response (95 % range 47% to 91%).");
  });

  it.each([
    { points: 25, lower: -12.4, upper: 55.1, says: "25 points more often than learners who read version B (95 % range -12.4 to 55.1 points)", verdict: "no clear difference" },
    { points: -30.5, lower: -52, upper: -4.2, says: "30.5 points less often than learners who read version B (95 % range -52 to -4.2 points)", verdict: "a clear difference" },
    { points: 0, lower: -20, upper: 20, says: "chose the proportionate response equally often (95 % range -20 to 20 points)", verdict: "no clear difference" },
  ])("words a difference of $points points and says whether it is clear", ({ points, lower, upper, says, verdict }) => {
    const out = text({ pairs: [pair({ difference: { points, lower, upper } })], minPerVersion: 10 });
    expect(out).toContain(says);
    expect(out).toContain(verdict);
  });

  it("below the threshold: no figures, the counts and what is needed", () => {
    const hidden = { keyPercent: null, keyRange: null, options: null };
    const out = text({ pairs: [pair({ versions: [version("a"), version("b", { learners: 7, ...hidden })], difference: null })], minPerVersion: 10 });
    expect(out).toContain("Not enough answers yet: 12 learners answered version A and 7 version B; each version needs 10.");
    expect(out).not.toContain("Version B: what");
    expect(out).not.toContain("Difference");
  });

  it("uses the quiz's words for true and false, and says when there are no pairs", () => {
    const tf = version("a", { type: "true-false", options: [{ id: "true", text: "", percent: 10, key: false }, { id: "false", text: "", percent: 90, key: true }] });
    const out = text({ pairs: [pair({ versions: [tf, version("b")] })], minPerVersion: 10 });
    expect(out).toContain("True 10%");
    expect(out).toContain("False (the proportionate response) 90%");
    expect(text({ pairs: [], minPerVersion: 10 })).toContain("This course has no bias checks yet.");
  });
});
