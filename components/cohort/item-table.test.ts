// The item analysis as a facilitator reads it, rendered with the real English words: plain words
// for difficulty, discrimination and reliability, a flag on negative discrimination, "too few
// answers" below the stated numbers, a mistake left out worded as such, older attempts counted.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import messages from "@/content/en/messages.json";
import type { ItemAnalysisRow, ItemAnalysisView } from "@/lib/cohorts/reports";
import { ItemTable } from "./item-table";
import type { ItemLabels } from "./labels";

const labels = messages.facilitate.items as ItemLabels;
const text = (view: ItemAnalysisView, languages?: Record<string, string>) =>
  renderToStaticMarkup(createElement(ItemTable, { view, lessons: [{ id: "l1", title: "Listening", module: 1, completed: 0 }], labels, languages }))
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

const row = (over: Partial<ItemAnalysisRow>): ItemAnalysisRow => ({
  activityId: "l1",
  activityKind: "lesson",
  questionId: "q",
  prompt: "Which step first?",
  answers: 24,
  percentCorrect: 85,
  difficulty: "most-right",
  discrimination: 0.41,
  discriminationBand: "good",
  commonWrong: { text: "Report at once", count: 3, kind: "chosen" },
  ...over,
});
const frame = { minAnswers: 5, minAttempts: 20, olderAttempts: 0, locales: ["en"] };

describe("the item table", () => {
  it("says what each figure means and flags an item that strong learners missed", () => {
    const out = text({
      ...frame,
      items: [row({}), row({ questionId: "neg", prompt: "Odd one", percentCorrect: 40, difficulty: "fewer-than-half", discrimination: -0.22, discriminationBand: "negative", commonWrong: { text: "Tell a friend", count: 5, kind: "left-out" } })],
      forms: [{ activityId: "l1", activityKind: "lesson", attempts: 24, questions: 5, reliability: 0.74, method: "kr20", band: "acceptable" }],
    });
    expect(out).toContain("Most people got this right.");
    expect(out).toContain("People who did well overall tended to get this right. (0.41)");
    expect(out).toContain("Check this question. People who did well overall tended to miss this one");
    expect(out).toContain("Left out: Tell a friend (in 5 answers)");
    expect(out).toContain("0.74 Good enough to compare groups.");
    expect(out).toContain("Show questions from All activities Lesson quizzes Starting check Final check Refresher");
  });

  it("shows too few answers instead of figures below the stated numbers, and counts older attempts", () => {
    const out = text({
      ...frame,
      olderAttempts: 3,
      items: [row({ answers: 1, percentCorrect: null, difficulty: null, discrimination: null, discriminationBand: null })],
      forms: [{ activityId: "l1", activityKind: "lesson", attempts: 1, questions: 5, reliability: null, method: null, band: null }],
    });
    expect(out).toContain("Too few answers (fewer than 5)");
    expect(out).toContain("Too few answers (fewer than 20 finished attempts)");
    expect(out).not.toMatch(/\b0%/);
    expect(out).toContain("3 attempts on an earlier version of these questions are not counted.");
  });

  it("names a check's items and reliability by slot and form", () => {
    const out = text({
      ...frame,
      items: [row({ activityId: "assessment-pre", activityKind: "pre", form: "b", questionId: "b1" }), row({ activityId: "assessment-post", activityKind: "post", form: "a", questionId: "a1" })],
      forms: [{ activityId: "assessment-pre", activityKind: "pre", form: "b", attempts: 24, questions: 15, reliability: 0.7, method: "kr20", band: "acceptable" }],
    });
    expect(out).toContain("Starting check, form B");
    expect(out).toContain("Final check, form A");
    expect(out).toMatch(/Starting check, form B 24 0\.70/);
  });

  it("shows each question per language when more than one answered, and lists first the ones where a language stands apart", () => {
    const view = {
      ...frame,
      locales: ["ar", "en"],
      items: [
        row({ questionId: "ok", prompt: "Fine everywhere", byLocale: [{ locale: "ar", answers: 12, percentCorrect: 75, outlier: null }, { locale: "en", answers: 30, percentCorrect: 80, outlier: null }] }),
        row({ questionId: "odd", prompt: "Reads wrongly", byLocale: [{ locale: "ar", answers: 12, percentCorrect: 17, outlier: "harder" }, { locale: "en", answers: 3, percentCorrect: null, outlier: null }] }),
      ],
      forms: [],
    };
    const out = text(view, { ar: "Arabic", en: "English" });
    expect(out).toContain("Answers came in 2 languages");
    expect(out).toContain("Questions that read differently in one language Lesson 1.1: Listening: Reads wrongly");
    expect(out).toContain("Arabic: 75% correct (12 answers)");
    expect(out).toContain("English: too few answers (3)");
    // Said in full in the box above the table, briefly in the table and on each card.
    expect(out).toContain("Reads wrongly Arabic: 17% correct (12 answers) Check the translation: in Arabic far fewer got this right than in the other languages.");
    expect(out.match(/Arabic: 17% correct \(12 answers\) Check the translation\. /g)).toHaveLength(2);
    // One language only: no per-language column, no flags.
    const one = text({ ...frame, items: [row({})], forms: [] });
    expect(one).not.toContain("By language");
    expect(one).not.toContain("Answers came in");
  });
});
