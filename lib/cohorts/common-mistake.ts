// The misconception to discuss, from a question's wrong answers (pure; used by itemAnalysis).
// A stored answer is a JSON list of option ids; sort answers list "<item>:<pile>" for every item.
import type { Question } from "@/lib/quiz/types";

export interface CommonMistake {
  /** What learners chose, in the question's own words. */
  text: string;
  /** How many wrong answers contained it. */
  count: number;
  /**
   * "chosen": picked (or, for sort, placed) though wrong; "left-out": a right option a
   * multiple-choice answer did not pick, or a manipulative post a discernment answer did not flag.
   */
  kind: "chosen" | "left-out";
}

/** The words of one stored answer part: an option's text, or "item → pile" for a sort item. */
function partText(question: Question, part: string): string {
  const [optionId, pile] = part.split(":");
  const o = question.options.find((x) => x.id === optionId);
  const label = o ? o.text || (o.id === "true" ? "True" : "False") : optionId;
  return pile ? `${label} → ${question.categories?.find((c) => c.id === pile)?.label ?? pile}` : label;
}

/**
 * The most common mistake among `wrong` (stored answer → how many learners gave it). Never a
 * right option: for one-answer questions it is the wrong option chosen most often; where an
 * answer picks several options (multiple choice, discernment) it is the one option most often
 * wrongly picked or wrongly left out, since two learners rarely make the same whole set of
 * choices; for sort, the one misplacement ("item → wrong pile") most wrong answers share. Ties go
 * to the option first in question order (a wrong pick before a wrong omission), so the report is
 * stable between refreshes.
 */
export function commonMistake(question: Question, wrong: ReadonlyMap<string, number>): CommonMistake | null {
  const tally = new Map<string, number>();
  const add = (key: string, n: number) => tally.set(key, (tally.get(key) ?? 0) + n);
  const right = new Set(question.correct);
  const severalPicks = question.type === "multiple" || question.type === "discern";
  for (const [chosen, n] of wrong) {
    const parts = new Set(JSON.parse(chosen) as string[]);
    for (const part of parts) if (!right.has(part)) add(`chosen\u0000${part}`, n);
    if (severalPicks) for (const id of right) if (!parts.has(id)) add(`left-out\u0000${id}`, n);
  }
  const order = (key: string) => {
    const [kind, part] = key.split("\u0000");
    return question.options.findIndex((o) => o.id === part.split(":")[0]) * 2 + (kind === "left-out" ? 1 : 0);
  };
  const top = [...tally].sort((a, b) => b[1] - a[1] || order(a[0]) - order(b[0]) || a[0].localeCompare(b[0]))[0];
  if (!top) return null;
  const [kind, part] = top[0].split("\u0000");
  return { text: partText(question, part), count: top[1], kind: kind as CommonMistake["kind"] };
}
