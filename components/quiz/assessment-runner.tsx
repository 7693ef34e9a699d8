"use client";
// The starting and final checks: the server-graded runner (the page holds no key) in its check mode
// (no feedback per answer, no pass mark, no retry: issue #20), plus (after the final check) the
// learner's own gain since the starting check, read from this browser's progress (synced when
// signed in), and after either the optional, anonymous "Your views" statements (for learners in a
// group). A check is taken once: when this browser's progress already holds it, the page says when
// it was taken (and, for the final check, the score and gain) instead of offering it again.
import { useState } from "react";
import { fill } from "@/components/ui/fill";
import { AttitudeForm, type AttitudeStatement } from "@/components/attitudes/attitude-form";
import type { AttitudeFormLabels } from "@/components/attitudes/labels";
import { lessonKey, useGuestProgress } from "@/components/progress/guest-progress";
import { GradedRunner, type GradedLabels } from "./graded-runner";
import { CheckTakenView, type CheckLabels } from "./check-result";
import type { PublicQuiz } from "@/lib/quiz/public";

interface GainLabels {
  gain: string;
  noPre: string;
}

/** The change since the starting check, or a nudge to take it. */
function GainLine({ pre, post, labels }: { pre: number | undefined; post: number; labels: GainLabels }) {
  return (
    <p className="gain" role="status">
      {pre === undefined ? labels.noPre : fill(labels.gain, { pre, post, gain: `${post - pre >= 0 ? "+" : ""}${post - pre}` })}
    </p>
  );
}

export function AssessmentRunner(props: {
  quiz: PublicQuiz;
  form: "pre" | "post";
  locale: string;
  courseId: string;
  backHref: string;
  next?: { href: string; title: string };
  labels: GradedLabels;
  checkLabels: CheckLabels;
  gainLabels: GainLabels;
  attitudes?: { items: AttitudeStatement[]; labels: AttitudeFormLabels };
}) {
  const progress = useGuestProgress();
  const pre = progress?.lessons[lessonKey(props.locale, props.courseId, "assessment-pre")]?.lastPercent;
  const own = progress?.lessons[lessonKey(props.locale, props.courseId, `assessment-${props.form}`)];
  // Decided once, when this browser's progress is first read: finishing the check on this page
  // records it there too, and must leave the result on screen, not turn into "already taken".
  const [takenBefore, setTakenBefore] = useState<boolean | null>(null);
  if (progress === null) return null;
  if (takenBefore === null) {
    setTakenBefore(own?.lastPercent !== undefined);
    return null;
  }

  if (takenBefore) {
    return (
      <CheckTakenView form={props.form} takenAt={own?.doneAt} locale={props.locale} percent={own?.lastPercent} labels={props.labels} checkLabels={props.checkLabels} next={props.next} backHref={props.backHref}>
        {props.form === "post" && own?.lastPercent !== undefined && <GainLine pre={pre} post={own.lastPercent} labels={props.gainLabels} />}
      </CheckTakenView>
    );
  }

  return (
    <GradedRunner
      quiz={props.quiz}
      activity={{ locale: props.locale, courseId: props.courseId, activityId: `assessment-${props.form}` }}
      backHref={props.backHref}
      next={props.next}
      labels={props.labels}
      check={{ form: props.form, labels: props.checkLabels }}
      afterResult={(result) => (
        <>
          {props.form === "post" && <GainLine pre={pre} post={result.percent} labels={props.gainLabels} />}
          {props.attitudes && props.attitudes.items.length > 0 && (
            <AttitudeForm courseId={props.courseId} form={props.form} items={props.attitudes.items} labels={props.attitudes.labels} />
          )}
        </>
      )}
    />
  );
}
