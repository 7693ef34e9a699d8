// The lesson quiz on its static page, before the learner's arms and attempt are known: the page
// holds the first question's box (so nothing below it jumps when the quiz appears: Lighthouse
// measured a layout shift of 0.32 without it), invisible, inert and hidden from assistive
// technology, and never a version of a bias-check pair. Rendered on the server as plain HTML.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Question, Quiz } from "@/lib/quiz/types";
import { QUIZ_LABEL_KEYS, type QuizLabels } from "./labels";
import { PairedQuiz } from "./paired-quiz";

const labels = Object.fromEntries(QUIZ_LABEL_KEYS.map((k) => [k, `[${k}]`])) as unknown as QuizLabels;

const question = (id: string, prompt: string): Question => ({
  id,
  type: "single",
  skill: "recognising",
  prompt,
  options: [
    { id: `${id}-a`, text: `${prompt} first option`, feedback: "" },
    { id: `${id}-b`, text: `${prompt} second option`, feedback: "" },
  ],
  correct: [`${id}-a`],
  explanation: "",
});

const render = (quiz: Quiz) =>
  renderToString(createElement(PairedQuiz, { quiz, activity: { locale: "en", courseId: "c", activityId: "l" }, backHref: "/", labels }));

describe("PairedQuiz before hydration", () => {
  it("holds the first question's place, hidden from everyone, with nothing to focus or submit", () => {
    const html = render({ id: "q", title: "Quiz", passMark: 0.7, questions: [question("one", "Which first?"), question("two", "Which second?")] });
    expect(html).toMatch(/^<div class="quiz quiz-placeholder" aria-hidden="true" inert="">/);
    expect(html).toContain("Which first?");
    expect(html).not.toContain("Which second?");
    expect(html).not.toContain("<form");
    expect(html).not.toContain("<button");
    expect(html).not.toMatch(/<input(?![^>]*disabled)/);
  });

  it("never holds a version of a bias-check pair, whose version the learner has not been given yet", () => {
    const html = render({
      id: "q",
      title: "Quiz",
      passMark: 0.7,
      questions: [question("pair-a", "Version A?"), question("pair-b", "Version B?"), question("plain", "Plain question?")],
      biasPairs: [{ id: "p", feature: "name", versions: ["pair-a", "pair-b"] }],
    });
    expect(html).toContain("Plain question?");
    expect(html).not.toContain("Version A?");
    expect(html).not.toContain("Version B?");
  });
});
