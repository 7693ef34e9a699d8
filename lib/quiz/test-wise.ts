// What a test-wise learner scores without knowing anything (issue #20): rules that read only the
// shape of a question (which option is longest, where the key tends to sit, that true/false keys
// lean one way, that a multiple-choice key is the longer half) and never its meaning. A quiz that
// such rules can pass measures test-taking, not learning. Pure: content:check and the item-bank
// report run it over every quiz, assessment and booster.
import { gradeAnswer } from "./grade";
import type { Question, Quiz } from "./types";

/** The knowledge-free rules, one family per question type. */
export type Rule =
  | { type: "single"; rule: "longest" | "shortest" | `position-${number}` }
  | { type: "true-false"; rule: "always-true" | "always-false" }
  | { type: "multiple"; rule: "longer-half" | "all" | "longest-only" }
  | { type: "sort"; rule: `all-in-${string}` }
  | { type: "discern"; rule: "flag-none" | "flag-all" | "flag-cues" };

const length = (text: string) => [...text.trim()].length;

/** The option ids a rule picks for a question (single and scenario share the "single" rules). */
function pick(question: Question, rule: string): string[] {
  const options = question.options;
  switch (rule) {
    case "longest":
    case "longest-only":
      return [options.reduce((a, b) => (length(b.text) > length(a.text) ? b : a)).id];
    case "shortest":
      return [options.reduce((a, b) => (length(b.text) < length(a.text) ? b : a)).id];
    case "always-true":
      return ["true"];
    case "always-false":
      return ["false"];
    case "all":
    case "flag-all":
      return options.map((o) => o.id);
    case "flag-none":
      return [];
    case "flag-cues":
      return options.filter((o) => hasSurfaceCue(o.text)).map((o) => o.id);
    case "longer-half": {
      const sorted = options.map((o) => length(o.text)).sort((a, b) => a - b);
      const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
      const longer = options.filter((o) => length(o.text) > median).map((o) => o.id);
      return longer.length ? longer : [options[0].id];
    }
    default: {
      const position = /^position-(\d+)$/.exec(rule);
      if (position) return [options[Math.min(Number(position[1]), options.length) - 1].id];
      const pile = /^all-in-(.+)$/.exec(rule);
      if (pile) return options.map((o) => `${o.id}:${pile[1]}`);
      throw new Error(`unknown test-wise rule "${rule}"`);
    }
  }
}

/** Surface cues that manipulative posts were written with and genuine ones without. */
export function hasSurfaceCue(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  const capitals = letters.replace(/[^\p{Lu}]/gu, "").length;
  const shouting = /\b\p{Lu}{4,}\b/u.test(text) || (letters.length > 0 && capitals / letters.length > 0.3);
  return shouting || /!/.test(text) || /\bshare\b/i.test(text) || /no source|no details/i.test(text);
}

/** Every rule that applies to a question type ("scenario" uses the single-answer rules). */
export function rulesFor(question: Question): string[] {
  switch (question.type) {
    case "single":
    case "scenario":
      return ["longest", "shortest", ...question.options.map((_, i) => `position-${i + 1}`)];
    case "true-false":
      return ["always-true", "always-false"];
    case "multiple":
      return ["longer-half", "all", "longest-only"];
    case "sort":
      return (question.categories ?? []).map((c) => `all-in-${c.id}`);
    case "discern":
      return ["flag-none", "flag-all", "flag-cues"];
  }
}

/** The family a question's rules belong to: a learner applies one rule to every question of it. */
const family = (q: Question) => (q.type === "scenario" ? "single" : q.type);

export interface TestWiseScore {
  /** The best score (0..1) any combination of one rule per family reaches on the quiz. */
  score: number;
  /** The rule per family that reaches it, e.g. { single: "longest", "true-false": "always-false" }. */
  rules: Record<string, string>;
  passMark: number;
  passes: boolean;
}

/**
 * The best a knowledge-free learner does on a quiz: for each family of questions the one rule
 * that scores most there (families are scored independently, so the best combination is the best
 * rule of each), as a share of all the quiz's questions, the way gradeQuiz counts.
 */
export function bestTestWiseScore(quiz: Quiz): TestWiseScore {
  const byFamily = new Map<string, Question[]>();
  for (const q of quiz.questions) byFamily.set(family(q), [...(byFamily.get(family(q)) ?? []), q]);
  let points = 0;
  const rules: Record<string, string> = {};
  for (const [name, questions] of byFamily) {
    const candidates = new Set(questions.flatMap(rulesFor));
    let best = { rule: "", points: -1 };
    for (const rule of [...candidates].sort()) {
      let sum = 0;
      for (const q of questions) {
        if (!rulesFor(q).includes(rule)) continue;
        sum += gradeAnswer(q, pick(q, rule)).points;
      }
      if (sum > best.points) best = { rule, points: sum };
    }
    rules[name] = best.rule;
    points += best.points;
  }
  const score = quiz.questions.length ? points / quiz.questions.length : 0;
  return { score, rules, passMark: quiz.passMark, passes: score + 1e-9 >= quiz.passMark };
}

export interface KeyBalance {
  /** Single-answer and scenario questions. */
  singles: number;
  /** Share of their keys at each authored position (index 0 = first option). */
  keyPositionShares: number[];
  /** Share whose key is the single longest option. */
  longestKeyShare: number;
  trueFalse: number;
  /** Share of true/false keys that are "true". */
  trueShare: number | null;
}

/** How keys sit in a set of questions: by authored position, by length, true against false. */
export function keyBalance(questions: readonly Question[]): KeyBalance {
  const singles = questions.filter((q) => q.type === "single" || q.type === "scenario");
  const positions: number[] = [];
  let longestKeys = 0;
  for (const q of singles) {
    const at = q.options.findIndex((o) => o.id === q.correct[0]);
    positions[at] = (positions[at] ?? 0) + 1;
    const lengths = q.options.map((o) => length(o.text));
    const max = Math.max(...lengths);
    if (lengths[at] === max && lengths.filter((l) => l === max).length === 1) longestKeys++;
  }
  const width = Math.max(0, ...singles.map((q) => q.options.length));
  const tf = questions.filter((q) => q.type === "true-false");
  return {
    singles: singles.length,
    keyPositionShares: Array.from({ length: width }, (_, i) => (singles.length ? (positions[i] ?? 0) / singles.length : 0)),
    longestKeyShare: singles.length ? longestKeys / singles.length : 0,
    trueFalse: tf.length,
    trueShare: tf.length ? tf.filter((q) => q.correct[0] === "true").length / tf.length : null,
  };
}
