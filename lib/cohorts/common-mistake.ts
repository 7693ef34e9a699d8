// The misconception to discuss, from a question's wrong answers (pure; used by itemAnalysis).
// A stored answer is a JSON list of option ids; sort answers list "<item>:<pile>" for every item.
import type { Question } from "@/lib/quiz/types";

export interface CommonMistake {
  /** What learners chose, in the question's own words. */
  text: string;
  /** How many wrong answers contained it. */
  count: number;
}

/** The words of one stored answer part: an option's text, or "item → pile" for a sort item. */
function partText(question: Question, part: string): string {
  const [optionId, pile] = part.split(":");
  const o = question.options.find((x) => x.id === optionId);
  const label = o ? o.text || (o.id === "true" ? "True" : "False") : optionId;
  return pile ? `${label} → ${question.categories?.find((c) => c.id === pile)?.label ?? pile}` : label;
}

/**
 * The most common mistake among `wrong` (stored answer → how many learners gave it).
 * For most questions that is the most chosen wrong answer. A sort answer places every item, so
 * two learners rarely give the same whole arrangement; the mistake to discuss there is the one
 * misplacement ("item → wrong pile") that most wrong answers share. Ties go to the answer seen
 * first in question order, so the report is stable between refreshes.
 */
export function commonMistake(question: Question, wrong: ReadonlyMap<string, number>): CommonMistake | null {
  const tally = new Map<string, number>();
  if (question.type === "sort") {
    const right = new Set(question.correct);
    for (const [chosen, n] of wrong) {
      for (const part of new Set(JSON.parse(chosen) as string[])) if (!right.has(part)) tally.set(part, (tally.get(part) ?? 0) + n);
    }
    const order = (part: string) => question.options.findIndex((o) => o.id === part.split(":")[0]);
    const top = [...tally].sort((a, b) => b[1] - a[1] || order(a[0]) - order(b[0]) || a[0].localeCompare(b[0]))[0];
    return top ? { text: partText(question, top[0]), count: top[1] } : null;
  }
  const top = [...wrong].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (!top) return null;
  const text = (JSON.parse(top[0]) as string[]).map((p) => partText(question, p)).join("; ") || "(nothing flagged)";
  return { text, count: top[1] };
}
