"use client";
// The starting and final checks: the server-graded runner (the page holds no key), plus (after the final check) the learner's
// own gain since the starting check, read from this browser's progress (synced when signed in),
// and after either the optional, anonymous "Your views" statements (for learners in a group).
// The page carries both parallel forms; the learner's "forms" arm (useArms) picks the one they
// take in this slot, and their bias-pair arms pick the one version of each pair they see.
import { useMemo } from "react";
import { fill } from "@/components/ui/fill";
import { AttitudeForm, type AttitudeStatement } from "@/components/attitudes/attitude-form";
import type { AttitudeFormLabels } from "@/components/attitudes/labels";
import { lessonKey, useGuestProgress } from "@/components/progress/guest-progress";
import { useArms } from "@/components/progress/use-arms";
import type { Arms } from "@/components/progress/arms";
import { GradedRunner, type GradedLabels } from "./graded-runner";
import type { PublicQuiz } from "@/lib/quiz/public";
import { FORM_ORDERS, FORMS_EXPERIMENT, formFor, hiddenByArms, type CheckSlot, type Experiment, type FormId, type FormOrder } from "@/lib/quiz/experiments";

interface Props {
  forms: Record<FormId, PublicQuiz>;
  experiments: Experiment[];
  slot: CheckSlot;
  locale: string;
  courseId: string;
  backHref: string;
  next?: { href: string; title: string };
  labels: GradedLabels;
  gainLabels: { gain: string; noPre: string };
  networkLabels: { needsNetwork: string; retry: string };
  attitudes?: { items: AttitudeStatement[]; labels: AttitudeFormLabels };
}

/** The form this learner takes in the slot, without the versions of bias pairs they do not see; null without a form order. */
export function chooseForm(forms: Record<FormId, PublicQuiz>, slot: CheckSlot, arms: Arms): { form: FormId; quiz: PublicQuiz } | null {
  const order = arms[FORMS_EXPERIMENT];
  if (!FORM_ORDERS.includes(order as FormOrder)) return null;
  const form = formFor(slot, order as FormOrder);
  const hidden = hiddenByArms(forms[form].biasPairs, arms);
  return { form, quiz: hidden.size ? { ...forms[form], questions: forms[form].questions.filter((q) => !hidden.has(q.id)) } : forms[form] };
}

export function AssessmentRunner(props: Props) {
  const arms = useArms(props.locale, props.courseId, props.experiments);
  const chosen = useMemo(() => (arms ? chooseForm(props.forms, props.slot, arms) : null), [props.forms, props.slot, arms]);
  const progress = useGuestProgress();
  const pre = progress?.lessons[lessonKey(props.locale, props.courseId, "assessment-pre")]?.lastPercent;
  // Before the arms are known nothing is drawn, as the runner draws nothing before its attempt is.
  if (!arms) return null;
  if (!chosen) return <NeedsNetwork labels={props.networkLabels} />;
  return (
    <GradedRunner
      quiz={chosen.quiz}
      activity={{ locale: props.locale, courseId: props.courseId, activityId: `assessment-${props.slot}`, form: chosen.form }}
      backHref={props.backHref}
      next={props.next}
      labels={props.labels}
      afterResult={(result) => (
        <>
          {props.slot === "post" && (
            <p className="gain" role="status">
              {pre === undefined ? props.gainLabels.noPre : fill(props.gainLabels.gain, { pre, post: result.percent, gain: `${result.percent - pre >= 0 ? "+" : ""}${result.percent - pre}` })}
            </p>
          )}
          {props.attitudes && props.attitudes.items.length > 0 && (
            <AttitudeForm courseId={props.courseId} form={props.slot} items={props.attitudes.items} labels={props.attitudes.labels} />
          )}
        </>
      )}
    />
  );
}

/**
 * Signed in, and neither the server nor a copy kept in this browser could say which form comes
 * first: the check cannot start. Trying again reloads the page, which asks the server again.
 */
function NeedsNetwork({ labels }: { labels: Props["networkLabels"] }) {
  return (
    <div className="card" role="alert">
      <p>{labels.needsNetwork}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {labels.retry}
      </button>
    </div>
  );
}
