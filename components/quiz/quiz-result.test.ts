// The learner's result screen: the discernment line and the sensitivity (d′) line appear with a
// discernment question and not without one. Rendered on the server as plain HTML.
import { createElement, createRef } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { QuizResult } from "@/lib/quiz/grade";
import { QUIZ_LABEL_KEYS, type QuizLabels } from "./labels";
import { QuizResultView } from "./quiz-result";

const labels = { ...Object.fromEntries(QUIZ_LABEL_KEYS.map((k) => [k, `[${k}]`])), discernSummary: "rates {hitRate}/{falseAlarmRate}", discernSensitivity: "d′ = {dPrime}." } as QuizLabels;

const result = (discernment?: { hits: number; misses: number; falseAlarms: number; correctRejections: number }): QuizResult => ({
  score: 1,
  percent: 100,
  passed: true,
  correctCount: 1,
  answered: 1,
  total: 1,
  results: [{ questionId: "q", verdict: "partial", points: 0.5, discernment, feedback: [], explanation: "" }],
});

const render = (r: QuizResult) =>
  renderToString(createElement(QuizResultView, { result: r, passMark: 0.7, best: undefined, labels, onRetry: () => {}, backHref: "/", focusRef: createRef<HTMLElement>(), review: [] }));

describe("QuizResultView", () => {
  it("shows the learner's d′ beside the rates: 5 of 6 spotted, 1 of 6 flagged wrongly is 1.6", () => {
    const html = render(result({ hits: 5, misses: 1, falseAlarms: 1, correctRejections: 5 }));
    expect(html).toContain("rates 83/17");
    expect(html).toContain("d′ = 1.6.");
  });

  it("shows 0.0 when flagging has nothing to do with the posts", () => {
    expect(render(result({ hits: 2, misses: 4, falseAlarms: 2, correctRejections: 4 }))).toContain("d′ = 0.0.");
  });

  it("shows neither line without a discernment answer", () => {
    const html = render(result());
    expect(html).not.toContain("rates ");
    expect(html).not.toContain("d′");
  });
});
