// The content version of a quiz: a short hash of what a learner sees and is scored on, computed
// when the content is loaded. Each attempt stores it, so reports never mix answers given to the
// items before and after a rewrite (issue #20).
//
// A hash rather than a hand-kept version field: nobody has to remember to bump it, and a rewrite
// that keeps question ids but changes an option's words or the key still starts a new version.
// Feedback, explanations and titles are left out: they are shown after an answer, so changing
// them does not change what an answer means. Whitespace is collapsed so re-wrapping YAML lines
// does not split the results; any other change, a typo fix included, starts a new version (the
// report then counts from zero: truthful over continuous).
//
// Bias-check pairs count too: pairing two questions means a learner sees one of them instead of
// both, and the reports group answers by the pair's id. The feature is a label and is left out.
// A quiz without pairs hashes as it did before pairs were part of the hash.
import crypto from "node:crypto";
import type { BiasPair, Question } from "@/lib/quiz/types";

const words = (s: string | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

export function quizVersion(questions: readonly Question[], biasPairs: readonly BiasPair[] = []): string {
  const canonical = questions.map((q) => [
    q.id,
    q.type,
    words(q.prompt),
    words(q.vignette),
    q.options.map((o) => [o.id, words(o.text)]),
    (q.categories ?? []).map((c) => [c.id, words(c.label)]),
    [...q.correct].sort(),
  ]);
  const pairs = biasPairs.map((p) => [p.id, [...p.versions]]);
  const hashed = pairs.length > 0 ? { questions: canonical, pairs } : canonical;
  return crypto.createHash("sha256").update(JSON.stringify(hashed)).digest("hex").slice(0, 16);
}
