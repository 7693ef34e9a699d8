"use client";
// Bias-check pairs are shown between subjects (issue #20): each learner sees one version of each
// pair, never both. These wrappers give the runners the quiz minus the other version, from the
// learner's arms (components/progress/use-arms.ts: recorded on the server for a signed-in learner,
// drawn and kept in this browser for a guest). Until the arms are known nothing is rendered, as
// the runners render nothing until their attempt is known. The server refuses an answer to the
// other version (lib/progress/answers.ts), so this is the display, not the guard.
import { useMemo } from "react";
import { experimentsOf, oneVersionEach } from "@/lib/quiz/experiments";
import type { BiasPair } from "@/lib/quiz/types";
import { useArms } from "@/components/progress/use-arms";
import { QuizRunner } from "./quiz-runner";

type Paired = { questions: readonly { id: string }[]; biasPairs?: BiasPair[] };

/** The quiz with one version of each of its pairs; null while the learner's arms are unknown. */
export function useOneVersion<T extends Paired>(quiz: T, locale: string, courseId: string): T | null {
  // Only this quiz's pairs: a quiz without pairs needs no arms (useArms answers {} at once).
  const experiments = useMemo(() => experimentsOf([quiz], false), [quiz]);
  const arms = useArms(locale, courseId, experiments);
  // Memoised: the runners derive their option order from the quiz object.
  return useMemo(() => (arms ? oneVersionEach(quiz, arms) : null), [quiz, arms]);
}

/** The lesson quiz runner (graded in the browser), one version of each pair (boosters: paired-graded-quiz.tsx). */
export function PairedQuiz(props: React.ComponentProps<typeof QuizRunner>) {
  const quiz = useOneVersion(props.quiz, props.activity.locale, props.activity.courseId);
  return quiz ? <QuizRunner {...props} quiz={quiz} /> : null;
}

