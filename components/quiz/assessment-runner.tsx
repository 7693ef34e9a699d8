"use client";
// The pre- and post-assessment: the server-graded runner (the page holds no key), plus (after the post-assessment) the learner's
// own gain since the pre-assessment, read from this browser's progress (synced when signed in),
// and after either the optional, anonymous "Your views" statements (for learners in a group).
import { fill } from "@/components/ui/fill";
import { AttitudeForm, type AttitudeStatement } from "@/components/attitudes/attitude-form";
import type { AttitudeFormLabels } from "@/components/attitudes/labels";
import { lessonKey, useGuestProgress } from "@/components/progress/guest-progress";
import { GradedRunner, type GradedLabels } from "./graded-runner";
import type { PublicQuiz } from "@/lib/quiz/public";

export function AssessmentRunner(props: {
  quiz: PublicQuiz;
  form: "pre" | "post";
  locale: string;
  courseId: string;
  backHref: string;
  next?: { href: string; title: string };
  labels: GradedLabels;
  gainLabels: { gain: string; noPre: string };
  attitudes?: { items: AttitudeStatement[]; labels: AttitudeFormLabels };
}) {
  const progress = useGuestProgress();
  const pre = progress?.lessons[lessonKey(props.locale, props.courseId, "assessment-pre")]?.lastPercent;
  return (
    <GradedRunner
      quiz={props.quiz}
      activity={{ locale: props.locale, courseId: props.courseId, activityId: `assessment-${props.form}` }}
      backHref={props.backHref}
      next={props.next}
      labels={props.labels}
      afterResult={(result) => (
        <>
          {props.form === "post" && (
            <p className="gain" role="status">
              {pre === undefined ? props.gainLabels.noPre : fill(props.gainLabels.gain, { pre, post: result.percent, gain: `${result.percent - pre >= 0 ? "+" : ""}${result.percent - pre}` })}
            </p>
          )}
          {props.attitudes && props.attitudes.items.length > 0 && (
            <AttitudeForm courseId={props.courseId} form={props.form} items={props.attitudes.items} labels={props.attitudes.labels} />
          )}
        </>
      )}
    />
  );
}
