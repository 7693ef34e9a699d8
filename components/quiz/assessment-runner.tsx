"use client";
// The starting and final checks: the server-graded runner (the page holds no key) in its check mode
// (no feedback per answer, no pass mark, no retry: issue #20), plus (after the final check) the
// learner's own gain since the starting check, read from this browser's progress (synced when
// signed in), and after either the optional, anonymous "Your views" statements (for learners in a
// group). A check is taken once: when this browser's progress already holds it, the page says when
// it was taken (and, for the final check, the score and gain) instead of offering it again.
// The page carries both parallel forms; the learner's "forms" arm (useArms) picks the one they
// take in this slot, and their bias-pair arms pick the one version of each pair they see.
import { useMemo, useState, type ReactNode } from "react";
import { fill } from "@/components/ui/fill";
import { AttitudeForm, type AttitudeStatement } from "@/components/attitudes/attitude-form";
import type { AttitudeFormLabels } from "@/components/attitudes/labels";
import { useGuestProgress } from "@/components/progress/guest-progress";
import { formatActivityId, progressKey, type CheckActivity } from "@/lib/content/activity-id";
import { useArms } from "@/components/progress/use-arms";
import type { Arms } from "@/components/progress/arms";
import { GradedRunner, type GradedLabels } from "./graded-runner";
import { CheckTakenView, type CheckLabels } from "./check-result";
import type { PublicQuiz } from "@/lib/quiz/public";
import { FORM_ORDERS, FORMS_EXPERIMENT, formFor, oneVersionEach, type CheckSlot, type Experiment, type FormId, type FormOrder } from "@/lib/quiz/experiments";

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

interface Props {
  forms: Record<FormId, PublicQuiz>;
  experiments: Experiment[];
  slot: CheckSlot;
  locale: string;
  courseId: string;
  backHref: string;
  next?: { href: string; title: string };
  labels: GradedLabels;
  checkLabels: CheckLabels;
  gainLabels: GainLabels;
  networkLabels: { needsNetwork: string; retry: string };
  attitudes?: { items: AttitudeStatement[]; labels: AttitudeFormLabels };
  /** What the check is and how long it takes: shown before the first question only. */
  intro?: ReactNode;
}

/** The form this learner takes in the slot, without the versions of bias pairs they do not see; null without a form order. */
export function chooseForm(forms: Record<FormId, PublicQuiz>, slot: CheckSlot, arms: Arms): { form: FormId; quiz: PublicQuiz } | null {
  const order = arms[FORMS_EXPERIMENT];
  if (!FORM_ORDERS.includes(order as FormOrder)) return null;
  const form = formFor(slot, order as FormOrder);
  return { form, quiz: oneVersionEach(forms[form], arms) };
}

export function AssessmentRunner(props: Props) {
  const arms = useArms(props.locale, props.courseId, props.experiments);
  const chosen = useMemo(() => (arms ? chooseForm(props.forms, props.slot, arms) : null), [props.forms, props.slot, arms]);
  const progress = useGuestProgress();
  const slotRef = (slot: CheckSlot): CheckActivity => ({ kind: "check", course: props.courseId, slot });
  const pre = progress?.lessons[progressKey(props.locale, slotRef("pre"))]?.lastPercent;
  const own = progress?.lessons[progressKey(props.locale, slotRef(props.slot))];
  // Decided once, when this browser's progress is first read: finishing the check on this page
  // records it there too, and must leave the result on screen, not turn into "already taken".
  const [takenBefore, setTakenBefore] = useState<boolean | null>(null);
  if (progress === null) return null;
  if (takenBefore === null) {
    setTakenBefore(own?.lastPercent !== undefined);
    return null;
  }

  // Taken already: said from this browser's progress, so it needs no arms (nor the network).
  if (takenBefore) {
    return (
      <CheckTakenView form={props.slot} takenAt={own?.doneAt} locale={props.locale} percent={own?.lastPercent} labels={props.labels} checkLabels={props.checkLabels} next={props.next} backHref={props.backHref}>
        {props.slot === "post" && own?.lastPercent !== undefined && <GainLine pre={pre} post={own.lastPercent} labels={props.gainLabels} />}
      </CheckTakenView>
    );
  }

  // Before the arms are known nothing is drawn, as the runner draws nothing before its attempt is.
  if (!arms) return null;
  if (!chosen) return <NeedsNetwork labels={props.networkLabels} />;
  return (
    <GradedRunner
      quiz={chosen.quiz}
      activity={{ locale: props.locale, courseId: props.courseId, activityId: formatActivityId(slotRef(props.slot)), form: chosen.form }}
      backHref={props.backHref}
      next={props.next}
      labels={props.labels}
      check={{ form: props.slot, labels: props.checkLabels }}
      intro={props.intro}
      afterResult={(result) => (
        <>
          {props.slot === "post" && <GainLine pre={pre} post={result.percent} labels={props.gainLabels} />}
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
