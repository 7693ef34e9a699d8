"use client";
// The server-graded runner (boosters) with one version of each bias pair (paired-quiz.tsx says
// why). A module of its own: a client module's exports all load with it, and the lesson quiz
// page, which needs only PairedQuiz, would otherwise carry this runner too (page weight).
import { GradedRunner } from "./graded-runner";
import { useOneVersion } from "./paired-quiz";

/** The server-graded runner (boosters), one version of each pair. */
export function PairedGradedQuiz(props: React.ComponentProps<typeof GradedRunner>) {
  const quiz = useOneVersion(props.quiz, props.activity.locale, props.activity.courseId);
  return quiz ? <GradedRunner {...props} quiz={quiz} /> : null;
}
