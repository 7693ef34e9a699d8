"use client";
// One question as every runner shows it (quiz-runner.tsx for a lesson's own quiz, graded-runner.tsx
// for checks and refreshers, components/live/phone-view.tsx for a live session's phone): the fictional setting, the prompt as the legend, the hint, the
// inputs, the error and, once answered, the feedback. Focus moves are the runner's: it passes the
// ref for the legend while the question waits for an answer, and the one for the feedback after.
import type { RefObject } from "react";
import type { AnswerResult } from "@/lib/quiz/grade";
import type { Question } from "@/lib/quiz/types";
import type { QuizLabels } from "./labels";
import { AnswerFeedback } from "./answer-feedback";
import { useContentLang } from "./content-lang";
import { hintFor, QuestionInputs } from "./question-inputs";

interface Props {
  question: Question;
  selection: string[];
  onSelect(selection: string[]): void;
  error: string;
  /** The grade to show, once answered with feedback (a check shows none). */
  feedback: AnswerResult | null | undefined;
  /** Focused when a new question is shown; undefined while the feedback holds the focus. */
  legendRef: RefObject<HTMLLegendElement | null> | undefined;
  feedbackRef: RefObject<HTMLDivElement | null>;
  /** The inputs are read-only (a live phone's answer on its way or sent). */
  locked?: boolean;
  labels: QuizLabels;
}

export function QuestionView({ question, selection, onSelect, error, feedback, legendRef, feedbackRef, locked, labels }: Props) {
  const text = useContentLang();
  return (
    <>
      {question.vignette && (
        <aside className="scenario" aria-label={labels.fictional}>
          <p className="scenario-label">{labels.fictional}</p>
          <p {...text}>{question.vignette}</p>
        </aside>
      )}
      <fieldset aria-describedby={`hint-${question.id}${error ? ` error-${question.id}` : ""}`}>
        <legend tabIndex={-1} ref={legendRef} {...text}>
          {question.prompt}
        </legend>
        <p className="hint" id={`hint-${question.id}`}>
          {hintFor(question, labels)}
        </p>
        <QuestionInputs question={question} selection={selection} onChange={onSelect} feedback={feedback ?? undefined} locked={locked} labels={labels} />
      </fieldset>
      {error && (
        <p className="error-text" id={`error-${question.id}`} role="alert">
          {error}
        </p>
      )}
      {feedback && (
        <div tabIndex={-1} ref={feedbackRef}>
          <AnswerFeedback question={question} result={feedback} labels={labels} />
        </div>
      )}
    </>
  );
}
