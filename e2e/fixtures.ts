import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { loadContent, quizKey } from "../lib/content/load";

/** The real content, so tests follow the course as it is written rather than a copy of it. */
export const content = (() => {
  const { content: all, problems } = loadContent(path.join(__dirname, "..", "content"));
  if (problems.length) throw new Error(`content is invalid: ${JSON.stringify(problems[0])}`);
  const en = all.find((c) => c.locale === "en")!;
  const course = en.courses[0];
  const lessons = course.modules.flatMap((m) => m.lessons);
  return {
    course,
    lessons,
    quizFor: (lessonId: string) => {
      const quizId = lessons.find((l) => l.id === lessonId)?.quizId;
      return quizId ? en.quizzes.get(quizKey(course.id, quizId)) : undefined;
    },
    lessonPath: (lessonId: string) => `/en/courses/${course.id}/${lessonId}`,
  };
})();

/** Runs axe and fails on any serious or critical violation, listing what and where. */
export async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`);
  expect(report, `axe on ${what} (${page.url()})`).toEqual([]);
}

export const test = base;
export { expect };
