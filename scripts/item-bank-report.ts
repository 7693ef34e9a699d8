// npm run content:items — how a test-wise learner fares on every quiz, assessment and booster,
// how keys sit (authored position, length, true against false) per locale and course, and which
// item rules are broken (lib/content/item-rules.ts; content:check fails on them).
import path from "node:path";
import { loadContent } from "../lib/content/load";
import { checkItemRules, cueAccuracy, scoredQuizzes } from "../lib/content/item-rules";
import { bestTestWiseScore, keyBalance } from "../lib/quiz/test-wise";

const pct = (x: number | null) => (x === null ? "-" : `${Math.round(x * 100)}%`);
const { content, problems } = loadContent(path.resolve("content"));
if (problems.length) {
  console.error("content is invalid: run npm run content:check");
  process.exit(1);
}
for (const c of content) {
  for (const course of c.courses) {
    const sets = scoredQuizzes(c, course.id);
    const all = sets.flatMap((s) => s.quiz.questions);
    const b = keyBalance(all);
    const cues = cueAccuracy(all);
    console.log(`${c.locale}/${course.id}: ${b.singles} single/scenario items, key by position ${b.keyPositionShares.map(pct).join(" / ")}, key is the single longest option ${pct(b.longestKeyShare)}; ${b.trueFalse} true/false, ${pct(b.trueShare)} true; surface cues sort ${pct(cues.accuracy)} of ${cues.posts} discernment posts (${cues.rule})`);
    console.log("  best test-wise score (rules) per quiz:");
    for (const s of sets) {
      const t = bestTestWiseScore(s.quiz);
      console.log(`  ${t.passes ? "PASSES" : "      "} ${t.score.toFixed(2)} of pass mark ${s.quiz.passMark}  ${s.name}  (${Object.entries(t.rules).map(([f, r]) => `${f}: ${r}`).join(", ")})`);
    }
  }
}
const broken = checkItemRules(content).problems;
console.log(broken.length ? `\n${broken.length} item rule(s) broken:` : "\nEvery item rule holds.");
for (const p of broken) console.log(`  ${p.file}${p.field ? ` › ${p.field}` : ""}: ${p.message}`);
