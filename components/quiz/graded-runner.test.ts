// The server-graded runner renders from the public view alone, with no key, feedback or
// explanation in its server-rendered HTML. It renders nothing on the server at all: the order of
// the options belongs to the learner's attempt, known only in the browser (use-attempt-order.ts),
// so no one meets the authored order first. The questions themselves are checked in a browser by
// e2e/keys.spec.ts and e2e/exercises.spec.ts.
import path from "node:path";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { toPublicQuiz } from "@/lib/quiz/public";
import type { Quiz } from "@/lib/quiz/types";
import { keyLeaks } from "@/lib/testing/key-leaks";
import { GradedRunner, type GradedLabels } from "./graded-runner";
import { QUIZ_LABEL_KEYS, type QuizStrings } from "./labels";

const { content } = loadContent(path.join(__dirname, "..", "..", "content"));
const en = content.find((c) => c.locale === "en")!;
const quizzes: [string, Quiz][] = [
  ...[...en.forms.values()].flatMap((f) => [f.a, f.b].flatMap((q) => (q ? [[q.id, q] as [string, Quiz]] : []))),
  ...[...en.boosters.values()].map((b) => [b.id, b] as [string, Quiz]),
];
const labels: GradedLabels = Object.fromEntries([...QUIZ_LABEL_KEYS, "checkFailed"].map((k) => [k, `[${k}]`])) as QuizStrings & { checkFailed: string };
const unescape = (html: string) => html.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

describe.each(quizzes)("GradedRunner on %s", (_name, quiz) => {
  const html = renderToString(createElement(GradedRunner, { quiz: toPublicQuiz(quiz), activity: { locale: "en", courseId: "c", activityId: "assessment-pre", form: "a" }, backHref: "/", labels }));

  it("shows no question before the browser knows the attempt's order", () => {
    expect(unescape(html)).not.toContain(quiz.questions[0].prompt);
    expect(html).toBe("");
  });

  it("holds no key, feedback or explanation", () => expect(keyLeaks(html, quiz)).toEqual([]));
});
