// npm run content:items — how a test-wise learner fares on every quiz, assessment and booster,
// and how keys sit (authored position, length, true against false), per locale and course. The
// numbers behind issue #20's targets; content:check enforces them (lib/quiz/test-wise.ts).
import path from "node:path";
import { loadContent } from "../lib/content/load";
import { bestTestWiseScore, keyBalance } from "../lib/quiz/test-wise";
import type { Quiz } from "../lib/quiz/types";

const pct = (x: number | null) => (x === null ? "-" : `${Math.round(x * 100)}%`);
const { content, problems } = loadContent(path.resolve("content"));
if (problems.length) {
  console.error("content is invalid: run npm run content:check");
  process.exit(1);
}
for (const c of content) {
  for (const course of c.courses) {
    const quizzes: [string, Quiz][] = [];
    for (const [key, quiz] of c.quizzes) if (key.startsWith(`${course.id}/`)) quizzes.push([`quiz ${key.slice(course.id.length + 1)}`, quiz]);
    const forms = c.assessments.get(course.id);
    if (forms?.pre) quizzes.push(["assessment pre", forms.pre]);
    if (forms?.post) quizzes.push(["assessment post", forms.post]);
    for (const [key, booster] of c.boosters) if (key.startsWith(`${course.id}/`)) quizzes.push([`booster ${key.slice(course.id.length + 1)}`, booster]);
    const all = quizzes.flatMap(([, q]) => q.questions);
    const b = keyBalance(all);
    console.log(`${c.locale}/${course.id}: ${b.singles} single/scenario items, key by position ${b.keyPositionShares.map(pct).join(" / ")}, key is the single longest option ${pct(b.longestKeyShare)}; ${b.trueFalse} true/false, ${pct(b.trueShare)} true`);
    console.log("  best test-wise score (rules) per quiz:");
    for (const [name, quiz] of quizzes) {
      const t = bestTestWiseScore(quiz);
      console.log(`  ${t.passes ? "PASSES" : "      "} ${t.score.toFixed(2)} of pass mark ${quiz.passMark}  ${name}  (${Object.entries(t.rules).map(([f, r]) => `${f}: ${r}`).join(", ")})`);
    }
  }
}
