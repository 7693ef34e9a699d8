"use client";
// The end of an attempt, the same for both runners (quiz-runner.tsx grades in the browser,
// graded-runner.tsx on the server): score, pass line, discernment rates, best score, what the
// page adds (afterResult), retry / next / back, and the review of every question.
import type { ReactNode, RefObject } from "react";
import Link from "@/components/ui/link";
import { fill } from "@/components/ui/fill";
import type { QuizResult } from "@/lib/quiz/grade";
import { useContentLang } from "./content-lang";
import { DiscernmentLines } from "./discernment-lines";
import type { QuizLabels } from "./labels";

export interface ReviewItem {
  id: string;
  prompt: string;
  /** The question's feedback, or nothing when it was not answered. */
  feedback: ReactNode;
}

interface Props {
  result: QuizResult;
  passMark: number;
  best: number | undefined;
  labels: QuizLabels;
  afterResult?: (result: QuizResult) => ReactNode;
  onRetry: () => void;
  next?: { href: string; title: string };
  backHref: string;
  focusRef: RefObject<HTMLElement | null>;
  review: ReviewItem[];
}

export function QuizResultView({ result, passMark, best, labels, afterResult, onRetry, next, backHref, focusRef, review }: Props) {
  return (
    <section className="quiz" aria-labelledby="quiz-result">
      <h2 id="quiz-result" tabIndex={-1} ref={focusRef as RefObject<HTMLHeadingElement>}>
        {labels.resultTitle}
      </h2>
      <p className="score">{fill(labels.score, { correct: result.correctCount, total: result.total, percent: result.percent })}</p>
      <p>{result.passed ? labels.passed : fill(labels.notPassed, { percent: Math.round(passMark * 100) })}</p>
      <DiscernmentLines result={result} labels={labels} />
      {best !== undefined && <p className="meta">{fill(labels.best, { percent: best })}</p>}
      {afterResult?.(result)}
      <div className="actions">
        <button type="button" className="button" onClick={onRetry}>
          {labels.retry}
        </button>
        {next && (
          <Link className="button secondary" href={next.href}>
            {fill(labels.nextLesson, { title: next.title })}
          </Link>
        )}
        <Link className="button secondary" href={backHref}>
          {labels.backToLesson}
        </Link>
      </div>
      <ReviewList title={labels.review} review={review} />
    </section>
  );
}

/** Every question of the attempt with its feedback, in the order the learner met them. */
export function ReviewList({ title, review }: { title: string; review: readonly ReviewItem[] }) {
  const text = useContentLang();
  return (
    <>
      <h3>{title}</h3>
      <ol className="review">
        {review.map((item) => (
          <li key={item.id} className="card">
            <p {...text}>
              <strong>{item.prompt}</strong>
            </p>
            {item.feedback}
          </li>
        ))}
      </ol>
    </>
  );
}
