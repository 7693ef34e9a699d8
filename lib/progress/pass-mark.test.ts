// The mastery labels say "Secure" from the quizzes' pass mark (lib/progress/mastery.ts); that holds
// only while every lesson quiz uses that pass mark. A quiz that sets another one fails here, so the
// labels and the dashboard's explanation are revisited with it.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { DEFAULT_PASS_MARK } from "@/lib/quiz/types";
import { MASTERY_THRESHOLDS } from "./mastery";

const { content } = loadContent(path.join(process.cwd(), "content"));

describe("the pass mark the mastery labels use", () => {
  it("is every lesson quiz's pass mark", () => {
    const quizzes = content.flatMap((c) => c.lessons.filter((l) => l.quizId).map((l) => ({ id: `${c.locale}/${l.courseId}/${l.quizId}`, quiz: c.quizzes.get(`${l.courseId}/${l.quizId}`)! })));
    expect(quizzes.length).toBeGreaterThan(0);
    expect(quizzes.filter((q) => q.quiz.passMark !== DEFAULT_PASS_MARK).map((q) => `${q.id}: ${q.quiz.passMark}`)).toEqual([]);
    expect(MASTERY_THRESHOLDS.secure).toBe(DEFAULT_PASS_MARK);
  });
});
