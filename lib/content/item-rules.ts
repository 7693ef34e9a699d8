// The item bank's rules against test-wiseness (issue #20), per locale and course: keys spread over
// positions, rarely the longest option, true/false balanced, no quiz passable without knowledge,
// discernment posts that surface cues cannot sort. content:check fails on a broken rule and names
// the file and the items; `content:check -- --json` reports each quiz's best test-wise score.
import { bestTestWiseScore, hasSurfaceCue, keyBalance } from "@/lib/quiz/test-wise";
import type { Question, Quiz } from "@/lib/quiz/types";
import type { ContentProblem } from "./files";
import { asShown } from "./pair-rules";
import type { LocaleContent } from "./load";

export const ITEM_RULES = {
  /** No authored position holds more than this share of single-answer and scenario keys. */
  maxKeyPositionShare: 0.35,
  /** The key is the single longest option in at most this share of them. */
  maxLongestKeyShare: 0.35,
  /** True/false keys: this share "true", inclusive. */
  trueShare: [0.4, 0.6] as const,
  /** The best knowledge-free score of any quiz, assessment or booster. */
  maxTestWiseScore: 0.5,
  /** Surface cues alone may sort the discernment posts at most this well. */
  maxCueAccuracy: 0.65,
  /** A position offered by at least this many items must hold at least one key. */
  positionInUseFrom: 5,
  /** Shares are judged from this many single-answer/scenario (or true/false) items up: a share
   * of two items is 0, 50 or 100 % whatever the authors do. Each quiz's test-wise score is always judged. */
  minItemsForShares: 10,
  minTrueFalseForShare: 6,
};

export interface ScoredQuiz {
  /** The file, relative to content/: "en/courses/responding-well/quizzes/x.yml". */
  file: string;
  /** "quiz x", "check form A", "booster week-1". */
  name: string;
  quiz: Quiz;
}

/** Every graded set of questions of a course in one locale, with its file, as a learner is shown it (asShown). */
export function scoredQuizzes(c: LocaleContent, courseId: string): ScoredQuiz[] {
  const dir = `${c.locale}/courses/${courseId}`;
  const out: ScoredQuiz[] = [];
  const own = (key: string) => (key.startsWith(`${courseId}/`) ? key.slice(courseId.length + 1) : undefined);
  for (const [key, quiz] of c.quizzes) if (own(key)) out.push({ file: `${dir}/quizzes/${own(key)}.yml`, name: `quiz ${own(key)}`, quiz: asShown(quiz) });
  const forms = c.forms.get(courseId);
  for (const form of ["a", "b"] as const) {
    const quiz = forms?.[form];
    if (quiz) out.push({ file: `${dir}/assessments/form-${form}.yml`, name: `check form ${form.toUpperCase()}`, quiz: asShown(quiz) });
  }
  for (const [key, booster] of c.boosters) if (own(key)) out.push({ file: `${dir}/boosters/${own(key)}.yml`, name: `booster ${own(key)}`, quiz: asShown(booster) });
  return out;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
const listed = (items: string[]) => (items.length > 8 ? `${items.slice(0, 8).join(", ")} and ${items.length - 8} more` : items.join(", "));

const OFFICIAL = /\bofficial\b|\bverified\b/i;

/**
 * Cue-only classification of the discernment posts: the best share any of a few rules that read
 * only surface cues gets right. The rules: a manipulative cue (capitals, "!", "share", "no
 * source"); not saying "official"; either of the two; and shorter (or longer) than the bank's
 * median post. A handful of fixed rules, not thresholds fitted to the bank: the best of many
 * fitted cuts would sort a few dozen posts well by chance alone.
 */
export function cueAccuracy(questions: readonly Question[]): { posts: number; accuracy: number; rule: string } {
  const posts = questions.flatMap((q) => (q.type === "discern" ? q.options.map((o) => ({ text: o.text, manipulative: q.correct.includes(o.id) })) : []));
  if (posts.length === 0) return { posts: 0, accuracy: 0, rule: "" };
  const score = (says: (text: string) => boolean) => posts.filter((p) => says(p.text) === p.manipulative).length / posts.length;
  const rules: [string, (text: string) => boolean][] = [
    ["manipulative cue", hasSurfaceCue],
    ['no "official"', (t) => !OFFICIAL.test(t)],
    ['manipulative cue or no "official"', (t) => hasSurfaceCue(t) || !OFFICIAL.test(t)],
  ];
  const lengths = posts.map((p) => [...p.text].length).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)];
  rules.push([`shorter than the median post`, (t) => [...t].length < median], [`longer than the median post`, (t) => [...t].length > median]);
  let best = { accuracy: -1, rule: "" };
  for (const [rule, says] of rules) {
    const accuracy = score(says);
    if (accuracy > best.accuracy) best = { accuracy, rule };
  }
  return { posts: posts.length, ...best };
}

export interface ItemRulesResult {
  problems: ContentProblem[];
  /** "<locale>/<course>/<quiz name>" -> the best knowledge-free score. */
  testWise: Record<string, { score: number; rules: Record<string, string> }>;
}

export function checkItemRules(content: LocaleContent[]): ItemRulesResult {
  const problems: ContentProblem[] = [];
  const testWise: ItemRulesResult["testWise"] = {};
  for (const c of content) {
    for (const course of c.courses) {
      const sets = scoredQuizzes(c, course.id);
      const where = `${c.locale}/courses/${course.id}`;
      const tagged = sets.flatMap((s) => s.quiz.questions.map((q) => ({ q, at: `${s.file} › ${q.id}` })));
      const balance = keyBalance(tagged.map((t) => t.q));
      const singles = tagged.filter((t) => t.q.type === "single" || t.q.type === "scenario");
      const keyAt = (q: Question) => q.options.findIndex((o) => o.id === q.correct[0]);

      const judgeShares = singles.length >= ITEM_RULES.minItemsForShares;
      if (judgeShares) balance.keyPositionShares.forEach((share, p) => {
        const offering = singles.filter((t) => t.q.options.length > p).length;
        if (share > ITEM_RULES.maxKeyPositionShare) {
          const at = singles.filter((t) => keyAt(t.q) === p).map((t) => t.at);
          problems.push({ file: where, field: "keys", message: `${pct(share)} of single-answer and scenario keys are option ${p + 1} (at most ${pct(ITEM_RULES.maxKeyPositionShare)}): ${listed(at)}` });
        } else if (share === 0 && offering >= ITEM_RULES.positionInUseFrom) {
          problems.push({ file: where, field: "keys", message: `no key is option ${p + 1}, which ${offering} items offer: use every position` });
        }
      });
      if (judgeShares && balance.longestKeyShare > ITEM_RULES.maxLongestKeyShare) {
        const longest = singles
          .filter(({ q }) => {
            const lengths = q.options.map((o) => [...o.text.trim()].length);
            const max = Math.max(...lengths);
            return lengths[keyAt(q)] === max && lengths.filter((l) => l === max).length === 1;
          })
          .map((t) => t.at);
        problems.push({ file: where, field: "keys", message: `the key is the single longest option in ${pct(balance.longestKeyShare)} of single-answer and scenario items (at most ${pct(ITEM_RULES.maxLongestKeyShare)}): ${listed(longest)}` });
      }
      if (balance.trueShare !== null && balance.trueFalse >= ITEM_RULES.minTrueFalseForShare && (balance.trueShare < ITEM_RULES.trueShare[0] || balance.trueShare > ITEM_RULES.trueShare[1])) {
        problems.push({ file: where, field: "keys", message: `${pct(balance.trueShare)} of true/false keys are "true" (${pct(ITEM_RULES.trueShare[0])} to ${pct(ITEM_RULES.trueShare[1])})` });
      }

      for (const s of sets) {
        const best = bestTestWiseScore(s.quiz);
        testWise[`${c.locale}/${course.id}/${s.name}`] = { score: Math.round(best.score * 1000) / 1000, rules: best.rules };
        if (best.score > ITEM_RULES.maxTestWiseScore + 1e-9) {
          const rules = Object.entries(best.rules).map(([family, rule]) => `${family}: ${rule}`).join(", ");
          problems.push({ file: s.file, field: "", message: `a learner who knows nothing scores ${best.score.toFixed(2)} (at most ${ITEM_RULES.maxTestWiseScore}; pass mark ${s.quiz.passMark}) with ${rules}` });
        }
      }

      const cues = cueAccuracy(tagged.map((t) => t.q));
      if (cues.posts > 0 && cues.accuracy > ITEM_RULES.maxCueAccuracy) {
        problems.push({ file: where, field: "discernment", message: `surface cues alone (${cues.rule}) sort ${pct(cues.accuracy)} of the ${cues.posts} discernment posts (at most ${pct(ITEM_RULES.maxCueAccuracy)})` });
      }
    }
  }
  return { problems, testWise };
}
