// Where a reloaded quiz goes on (issue #20). The answers of the attempt under way are kept in this
// browser (components/progress/quiz-attempt.ts); on a reload the runner takes back those that still
// fit the quiz and goes on at the first question not yet answered. Pure, shared by both runners.
import { gradeAnswer, GradingError } from "@/lib/quiz/grade";
import { resumeIndex } from "@/lib/quiz/runner-state";
import type { RevealedAnswer } from "@/lib/quiz/public";
import type { Question } from "@/lib/quiz/types";
import type { StoredAnswer } from "@/components/progress/quiz-attempt";

export interface ResumePoint {
  /** The question to show. */
  index: number;
  /**
   * Every question is answered but the attempt was not finished (a reload before "See your score"):
   * the runner shows the last question as answered, so one press finishes it.
   */
  allAnswered: boolean;
}

/** The first question (in the quiz's order) with no answer; the last one when all have one (the runner's reducer decides it). */
export function resumePoint(questionIds: readonly string[], answered: Readonly<Record<string, unknown>>): ResumePoint {
  return resumeIndex(questionIds, answered);
}

/**
 * A lesson quiz's stored choices that still grade against its questions. The grade itself is not
 * stored: grading in the browser is pure (lib/quiz/grade.ts), so it is computed again, and a choice
 * that no longer fits (the quiz changed since) is dropped, to be answered again.
 */
export function restoreChoices(questions: readonly Question[], stored: Readonly<Record<string, StoredAnswer>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const q of questions) {
    const answer = Object.hasOwn(stored, q.id) ? stored[q.id] : undefined;
    if (!answer) continue;
    try {
      gradeAnswer(q, answer.chosen);
      out[q.id] = answer.chosen;
    } catch (e) {
      if (!(e instanceof GradingError)) throw e;
    }
  }
  return out;
}

/** A server-graded quiz's stored grades, for the questions it still has. */
export function restoreGrades(questions: readonly { id: string }[], stored: Readonly<Record<string, StoredAnswer>>): Record<string, RevealedAnswer> {
  const out: Record<string, RevealedAnswer> = {};
  for (const q of questions) {
    const graded = Object.hasOwn(stored, q.id) ? stored[q.id].graded : undefined;
    if (graded) out[q.id] = graded;
  }
  return out;
}
