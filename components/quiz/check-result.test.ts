// The end of a starting or final check, rendered as the learner gets it: measurements, so never a
// pass mark or a retry; the starting check shows no score, the final one "x of y" and the review.
import { createElement, createRef } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { resultFromGrades, type RevealedAnswer } from "@/lib/quiz/public";
import { CheckResultView, CheckTakenView, type CheckLabels } from "./check-result";
import { QUIZ_LABEL_KEYS, type QuizLabels, type QuizStrings } from "./labels";

const labels: QuizLabels = Object.fromEntries(QUIZ_LABEL_KEYS.map((k) => [k, `[${k}]`])) as QuizStrings;
const checkLabels: CheckLabels = {
  finish: "[finish]",
  alreadyTaken: "[alreadyTaken]",
  preDoneTitle: "[preDoneTitle]",
  preDone: "[preDone]",
  postScore: "[postScore {correct}/{total}]",
  takenPre: "[takenPre {date}]",
  takenPost: "[takenPost {date}]",
  takenPostScore: "[takenPostScore {percent}]",
};
const grade = (questionId: string, verdict: "correct" | "incorrect"): RevealedAnswer => ({ questionId, verdict, points: verdict === "correct" ? 1 : 0, feedback: [], explanation: "x", reveal: { correct: ["a"] } });
const quiz = { passMark: 0.7, questions: ["q1", "q2", "q3"].map((id) => ({ id, type: "single" as const, prompt: id, options: [] })) };
// 1 of 3: below the pass mark, which must not show.
const result = resultFromGrades(quiz, [grade("q1", "correct"), grade("q2", "incorrect"), grade("q3", "incorrect")]);
const review = [{ id: "q1", prompt: "First prompt", feedback: createElement("p", null, "[feedback of q1]") }];
const common = { result, labels, checkLabels, backHref: "/en/courses/c", focusRef: createRef<HTMLElement>(), review };
const never = ["[passed]", "[notPassed]", "[retry]", "[best]"];

describe("CheckResultView", () => {
  it("ends the starting check calmly: no score, no pass line, no retry, answers not shown yet", () => {
    const html = renderToString(createElement(CheckResultView, { ...common, form: "pre", next: { href: "/en/courses/c/l1", title: "Lesson one" } }));
    expect(html).toContain("[preDoneTitle]");
    expect(html).toContain("[preDone]");
    expect(html).toContain('href="/en/courses/c/l1"');
    expect(html).toContain('href="/en/courses/c"');
    for (const word of [...never, "[postScore", "[score]", "[review]", "[feedback of q1]"]) expect(html).not.toContain(word);
  });

  it("ends the final check with x of y and every answer's feedback, no pass line, no retry", () => {
    const html = renderToString(createElement(CheckResultView, { ...common, form: "post", afterResult: () => createElement("p", null, "[gain line]") }));
    expect(html).toContain("[postScore 1/3]");
    expect(html).toContain("[gain line]");
    expect(html).toContain("[review]");
    expect(html).toContain("[feedback of q1]");
    for (const word of never) expect(html).not.toContain(word);
    expect(html).not.toMatch(/<button/);
  });

  it("gives the learner's own discernment at the final check: rates and sensitivity (d')", () => {
    const discern: RevealedAnswer = { ...grade("q3", "incorrect"), points: 0.75, discernment: { hits: 5, misses: 1, falseAlarms: 1, correctRejections: 5 } };
    const withDiscern = resultFromGrades(quiz, [grade("q1", "correct"), grade("q2", "incorrect"), discern]);
    const html = renderToString(createElement(CheckResultView, { ...common, result: withDiscern, form: "post" }));
    expect(html).toContain("[discernSummary]");
    expect(html).toContain("[discernSensitivity]");
    // Without a discernment set, neither line.
    expect(renderToString(createElement(CheckResultView, { ...common, form: "post" }))).not.toContain("[discernSummary]");
  });
});

describe("CheckTakenView", () => {
  const taken = { labels, checkLabels, backHref: "/en/courses/c", locale: "en" };
  // The day in the reader's own time zone: "1 December 2026" from UTC-11 to UTC+11.
  const day = new Date("2026-12-01T12:00:00.000Z").toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  it("says when the starting check was taken, with no score and no way to take it again", () => {
    const html = renderToString(createElement(CheckTakenView, { ...taken, form: "pre", takenAt: "2026-12-01T12:00:00.000Z", percent: 40 }));
    expect(html).toContain(`[takenPre ${day}]`);
    expect(html).not.toContain("[takenPostScore");
    expect(html).not.toContain("40");
    expect(html).not.toMatch(/<button/);
  });

  it("gives the final check's score and what the page adds (the gain)", () => {
    const html = renderToString(createElement(CheckTakenView, { ...taken, form: "post", takenAt: "2026-12-01T12:00:00.000Z", percent: 80 }, createElement("p", null, "[gain line]")));
    expect(html).toContain(`[takenPost ${day}]`);
    expect(html).toContain("[takenPostScore 80]");
    expect(html).toContain("[gain line]");
  });

  it("says only that it was taken when the date is unknown", () => {
    const html = renderToString(createElement(CheckTakenView, { ...taken, form: "pre", takenAt: "not a date", percent: 40 }));
    expect(html).toContain("[alreadyTaken]");
    expect(html).not.toContain("[takenPre");
  });
});
