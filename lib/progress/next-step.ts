// The one thing a self-paced learner should do next, decided from their progress. Pure (the time
// comes in as an argument), so the signed-in dashboard and a guest's course page, whose progress
// lives in the browser, give the same answer from the same facts.
import type { Skill } from "@/lib/quiz/types";

export interface NextStepInput {
  /** Milliseconds since the epoch. */
  now: number;
  /** The course's lessons in the self-paced route's order. `core` lessons count towards finishing the course. */
  lessons: readonly { id: string; title: string; done: boolean; core: boolean }[];
  /** Whether the starting and final checks were taken; null when the course has none. */
  checks: { pre: boolean; post: boolean } | null;
  /** Refreshers; `offeredFrom` is null until the final check is done. */
  boosters: readonly { id: string; title: string; offeredFrom: string | null; done: boolean }[];
  /** Each skill's score, with the quiz to practise it on (lib/progress/practice.ts). */
  skills: readonly { skill: Skill; score: number; questions: number; practice: { lessonId: string; title: string } | null }[];
  /** A skill below this share of points needs practice: the quizzes' pass mark. */
  passMark: number;
}

export type NextStep =
  | { kind: "booster"; id: string; title: string; offeredFrom: string }
  | { kind: "pre-check" }
  | { kind: "lesson"; id: string; title: string; done: number; total: number; started: boolean }
  | { kind: "post-check" }
  | { kind: "practice"; skill: Skill; score: number; lessonId: string; title: string }
  | { kind: "caught-up"; nextBooster: { id: string; title: string; offeredFrom: string } | null };

/**
 * The order, and why:
 * 1. A refresher that is due and not done. It is a few minutes, and its value is its timing:
 *    what people learn fades within weeks, and a refresher at about 1 and 4 weeks keeps it.
 * 2. The starting check, only while nothing else is begun: it measures what the learner knew
 *    before the course, which it can no longer do once they have done lessons.
 * 3. The first core lesson not done, in the route's order.
 * 4. The final check once every core lesson is done: the route puts it straight after the last
 *    lesson, and taking it soon after finishing also helps the learner remember.
 * 5. The weakest skill below the pass mark, practised on the quiz with most to win for it. Only
 *    after the lessons and checks, so practice never stands between a learner and the course,
 *    and a learner who stays below the mark is not held in a loop before the final check.
 * 6. Otherwise the learner is up to date, and the next refresher's date says when to come back.
 */
export function nextStep(input: NextStepInput): NextStep {
  const due = input.boosters.find((b) => !b.done && b.offeredFrom !== null && Date.parse(b.offeredFrom) <= input.now);
  if (due) return { kind: "booster", id: due.id, title: due.title, offeredFrom: due.offeredFrom! };

  const anyLessonDone = input.lessons.some((l) => l.done);
  if (input.checks && !input.checks.pre && !input.checks.post && !anyLessonDone) return { kind: "pre-check" };

  const core = input.lessons.filter((l) => l.core);
  const next = core.find((l) => !l.done);
  if (next) {
    const done = core.filter((l) => l.done).length;
    return { kind: "lesson", id: next.id, title: next.title, done, total: core.length, started: anyLessonDone };
  }

  if (input.checks && !input.checks.post) return { kind: "post-check" };

  const weakest = input.skills
    .filter((s) => s.questions > 0 && s.practice && s.score + 1e-9 < input.passMark)
    .reduce<NextStepInput["skills"][number] | null>((w, s) => (!w || s.score < w.score ? s : w), null);
  if (weakest?.practice) return { kind: "practice", skill: weakest.skill, score: weakest.score, ...weakest.practice };

  const later = input.boosters
    .filter((b) => !b.done && b.offeredFrom !== null)
    .sort((a, b) => Date.parse(a.offeredFrom!) - Date.parse(b.offeredFrom!))[0];
  return { kind: "caught-up", nextBooster: later ? { id: later.id, title: later.title, offeredFrom: later.offeredFrom! } : null };
}
