"use client";
// The end of a starting or final check, and what the page shows once one is taken. The checks are
// measurements (issue #20), so neither has a pass mark or a retry. The starting check is a
// baseline: no score at all, only that the answers are saved and when the learner will see them.
// The final check shows the score as "x of y", what the page adds (the change since the starting
// check) and the review of every answer with its feedback, held back until now.
import type { ReactNode, RefObject } from "react";
import Link from "@/components/ui/link";
import { fill } from "@/components/ui/fill";
import { dateLocale } from "@/components/ui/dates";
import type { QuizResult } from "@/lib/quiz/grade";
import { DiscernmentLines } from "./discernment-lines";
import type { QuizLabels } from "./labels";
import { ReviewList, type ReviewItem } from "./quiz-result";

/** The checks' own words (messages "assessment", set by the page); the rest are the quiz runner's. */
export type CheckLabels = Record<"finish" | "alreadyTaken" | "preDoneTitle" | "preDone" | "postScore" | "takenPre" | "takenPost" | "takenPostScore", string>;

interface Links {
  next?: { href: string; title: string };
  backHref: string;
  labels: QuizLabels;
}

function CheckLinks({ next, backHref, labels }: Links) {
  return (
    <div className="actions">
      {next && (
        <Link className="button" href={next.href}>
          {fill(labels.nextLesson, { title: next.title })}
        </Link>
      )}
      <Link className={next ? "button secondary" : "button"} href={backHref}>
        {labels.backToLesson}
      </Link>
    </div>
  );
}

interface ResultProps extends Links {
  form: "pre" | "post";
  result: QuizResult;
  checkLabels: CheckLabels;
  afterResult?: (result: QuizResult) => ReactNode;
  focusRef: RefObject<HTMLElement | null>;
  review: ReviewItem[];
}

export function CheckResultView({ form, result, labels, checkLabels, afterResult, next, backHref, focusRef, review }: ResultProps) {
  const heading = (
    <h2 id="check-result" tabIndex={-1} ref={focusRef as RefObject<HTMLHeadingElement>}>
      {form === "pre" ? checkLabels.preDoneTitle : labels.resultTitle}
    </h2>
  );
  if (form === "pre") {
    return (
      <section className="quiz" aria-labelledby="check-result">
        {heading}
        <p>{checkLabels.preDone}</p>
        {afterResult?.(result)}
        <CheckLinks next={next} backHref={backHref} labels={labels} />
      </section>
    );
  }
  return (
    <section className="quiz" aria-labelledby="check-result">
      {heading}
      <p className="score">{fill(checkLabels.postScore, { correct: result.correctCount, total: result.total })}</p>
      <DiscernmentLines result={result} labels={labels} />
      {afterResult?.(result)}
      <CheckLinks next={next} backHref={backHref} labels={labels} />
      <ReviewList title={labels.review} review={review} />
    </section>
  );
}

interface TakenProps extends Links {
  form: "pre" | "post";
  /** When the check was finished (ISO), as this browser's progress holds it. */
  takenAt: string | undefined;
  locale: string;
  percent: number | undefined;
  checkLabels: CheckLabels;
  /** The change since the starting check (the final check only). */
  children?: ReactNode;
}

/** A check already taken: when, and for the final check the score; never the runner again. */
export function CheckTakenView({ form, takenAt, locale, percent, labels, checkLabels, next, backHref, children }: TakenProps) {
  const date = takenAt ? takenOn(takenAt, locale) : null;
  return (
    <section className="quiz" aria-label={form === "pre" ? checkLabels.preDoneTitle : labels.resultTitle}>
      <p role="status">{date ? fill(form === "pre" ? checkLabels.takenPre : checkLabels.takenPost, { date }) : checkLabels.alreadyTaken}</p>
      {form === "pre" && <p>{checkLabels.preDone}</p>}
      {form === "post" && percent !== undefined && <p className="score">{fill(checkLabels.takenPostScore, { percent })}</p>}
      {children}
      <CheckLinks next={next} backHref={backHref} labels={labels} />
    </section>
  );
}

/** The day the learner took the check, in their own time zone (an instant, not a calendar day). */
function takenOn(iso: string, locale: string): string | null {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : at.toLocaleDateString(dateLocale(locale), { day: "numeric", month: "long", year: "numeric" });
}
