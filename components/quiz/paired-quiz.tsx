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
import { fill } from "@/components/ui/fill";
import { ProgressBar } from "@/components/ui/progress-bar";
import { QuestionView } from "./question-view";
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
  return quiz ? <QuizRunner {...props} quiz={quiz} /> : <QuizPlaceholder quiz={props.quiz} labels={props.labels} />;
}

/**
 * What the static page holds until the learner's arms and attempt are known (after hydration):
 * the first question's box, invisible, inert and hidden from assistive technology. It keeps the
 * page's height, so the footer does not jump down when the quiz appears (Lighthouse measured a
 * layout shift of 0.32 on a phone without it, 7 December). The options are in authored order, but
 * nobody sees or hears them; the quiz that replaces it shows this attempt's order.
 */
const noFeedback = { current: null };

function QuizPlaceholder({ quiz, labels }: Pick<React.ComponentProps<typeof QuizRunner>, "quiz" | "labels">) {
  const paired = new Set((quiz.biasPairs ?? []).flatMap((p) => p.versions));
  const first = quiz.questions.find((q) => !paired.has(q.id)) ?? quiz.questions[0];
  if (!first) return null;
  return (
    <div className="quiz quiz-placeholder" aria-hidden="true" inert>
      <ProgressBar value={0} max={quiz.questions.length} label={fill(labels.questionOf, { number: 1, total: quiz.questions.length })} />
      <QuestionView question={first} selection={[]} onSelect={() => {}} error="" feedback={null} legendRef={undefined} feedbackRef={noFeedback} locked labels={labels} />
      <div className="actions">
        <span className="button">{labels.check}</span>
      </div>
    </div>
  );
}

