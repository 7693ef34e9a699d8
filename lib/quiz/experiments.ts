// The course's experiments, as pure data both the server and the browser read (issue #20):
// - "forms": the order of the two parallel check forms. Half the learners take form A as the
//   starting check and form B as the final check ("ab"), the other half the reverse ("ba"), so a
//   harder form cannot pass for learning (or hide it): the gain report averages the two orders.
// - "bias:<pair id>": which version of a bias-check pair a learner sees ("a" = versions[0]). Each
//   learner sees one version, never both, so the difference between versions is measured between
//   people who did not know there was another.
// Arms are drawn at random and recorded once: on the server for a signed-in learner
// (lib/experiments), in this browser for a guest (components/progress/use-arms.ts).
import type { BiasPair, Quiz } from "./types";

export const FORMS_EXPERIMENT = "forms";
export const FORM_ORDERS = ["ab", "ba"] as const;
export type FormOrder = (typeof FORM_ORDERS)[number];
export type FormId = "a" | "b";
export type CheckSlot = "pre" | "post";

export const PAIR_VERSIONS = ["a", "b"] as const;
export type PairVersion = (typeof PAIR_VERSIONS)[number];

export interface Experiment {
  id: string;
  arms: readonly string[];
}

export const biasExperiment = (pairId: string) => `bias:${pairId}`;

/** The form a learner takes in a slot, given their order. */
export function formFor(slot: CheckSlot, order: FormOrder): FormId {
  return (slot === "pre") === (order === "ab") ? "a" : "b";
}

/** Every experiment of a course: the form order when it has both forms, and one per bias pair. */
export function experimentsOf(quizzes: readonly Pick<Quiz, "biasPairs">[], hasForms: boolean): Experiment[] {
  const out: Experiment[] = hasForms ? [{ id: FORMS_EXPERIMENT, arms: FORM_ORDERS }] : [];
  const seen = new Set<string>();
  for (const quiz of quizzes) {
    for (const pair of quiz.biasPairs ?? []) {
      if (seen.has(pair.id)) continue;
      seen.add(pair.id);
      out.push({ id: biasExperiment(pair.id), arms: PAIR_VERSIONS });
    }
  }
  return out;
}

/**
 * The question ids this learner does NOT see: the other version of each pair. A pair whose arm is
 * unknown (a signed-in learner offline before their arms were ever fetched) is left out whole, so
 * nobody ever sees both versions.
 */
export function hiddenByArms(pairs: readonly Pick<BiasPair, "id" | "versions">[] | undefined, arms: Readonly<Record<string, string>>): Set<string> {
  const hidden = new Set<string>();
  for (const pair of pairs ?? []) {
    const arm = arms[biasExperiment(pair.id)];
    if (arm === "a") hidden.add(pair.versions[1]);
    else if (arm === "b") hidden.add(pair.versions[0]);
    else pair.versions.forEach((v) => hidden.add(v));
  }
  return hidden;
}

/**
 * The quiz as this learner sees it: without the other version of each pair (both, when the arm is
 * unknown). Authored order and every other field are kept.
 */
export function oneVersionEach<T extends { questions: readonly { id: string }[]; biasPairs?: readonly BiasPair[] }>(quiz: T, arms: Readonly<Record<string, string>>): T {
  const hidden = hiddenByArms(quiz.biasPairs, arms);
  return hidden.size === 0 ? quiz : { ...quiz, questions: quiz.questions.filter((q) => !hidden.has(q.id)) };
}

/**
 * How many questions a learner is shown: every question but the other version of each pair. The
 * pages' counts and the server's score divide by this, never by `questions.length`.
 */
export function shownCount(quiz: Pick<Quiz, "questions" | "biasPairs">): number {
  return quiz.questions.length - (quiz.biasPairs?.length ?? 0);
}

/**
 * Balanced random assignment: an arm with the fewest learners so far in the learner's group, and
 * among those one at random (`randomIndex(n)` returns 0..n-1, uniformly). With no group, counts
 * are empty and the draw is a plain random choice. In a group, arms never differ by more than one
 * (minimisation with random ties), so "half the learners" holds even in a small group.
 */
export function chooseArm(arms: readonly string[], counts: ReadonlyMap<string, number>, randomIndex: (n: number) => number): string {
  const fewest = Math.min(...arms.map((a) => counts.get(a) ?? 0));
  const candidates = arms.filter((a) => (counts.get(a) ?? 0) === fewest);
  return candidates[randomIndex(candidates.length)];
}
