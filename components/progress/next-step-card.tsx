// "Your next step": one sentence on why, and one button. The step comes from nextStep()
// (lib/progress/next-step.ts); the dashboard and the course page (for a guest) both render it here.
import Link from "@/components/ui/link";
import { fill } from "@/components/ui/fill";
import { formatDay } from "@/components/ui/dates";
import type { NextStep } from "@/lib/progress/next-step";
import { activityUrl } from "@/lib/content/activity-id";
import { skillPercent } from "@/lib/progress/mastery";
import { DEFAULT_PASS_MARK, type Skill } from "@/lib/quiz/types";

export const NEXT_STEP_KEYS = [
  "title", "booster", "boosterWhy", "preCheck", "preCheckWhy", "lessonStart", "lessonContinue", "lessonWhy", "postCheck", "postCheckWhy",
  "practice", "practiceWhy", "caughtUp", "caughtUpWhy", "caughtUpNext", "refreshersTitle", "refresherReady", "refresherFrom",
  "refresherAfterPost", "refresherDone", "calendarButton", "calendarHint", "calendarSummary", "calendarDescription", "calendarFile",
] as const;

export type NextStepLabels = Record<(typeof NEXT_STEP_KEYS)[number] | `skill_${Skill}`, string>;

interface Props {
  step: NextStep;
  locale: string;
  courseId: string;
  labels: NextStepLabels;
  /** Where "up to date" sends the learner; no button there when absent (the page itself is the course). */
  caughtUpHref?: string;
}

export function NextStepCard({ step, locale, courseId, labels, caughtUpHref }: Props) {
  const { why, action } = describe(step, courseId, locale, labels, caughtUpHref);
  return (
    <section className="card next-step" aria-labelledby="next-step-title" data-step={step.kind}>
      <h2 id="next-step-title">{labels.title}</h2>
      <p>{why}</p>
      {action && (
        <p className="next-step-action">
          <Link className="button" href={action.href}>
            {action.text}
          </Link>
        </p>
      )}
    </section>
  );
}

function describe(step: NextStep, course: string, locale: string, labels: NextStepLabels, caughtUpHref?: string): { why: string; action: { href: string; text: string } | null } {
  switch (step.kind) {
    case "booster":
      return {
        why: fill(labels.boosterWhy, { date: formatDay(step.offeredFrom, locale) }),
        action: { href: activityUrl({ kind: "booster", course, booster: step.id }, locale), text: fill(labels.booster, { title: step.title }) },
      };
    case "pre-check":
      return { why: labels.preCheckWhy, action: { href: activityUrl({ kind: "check", course, slot: "pre" }, locale), text: labels.preCheck } };
    case "lesson":
      return {
        why: fill(labels.lessonWhy, { done: step.done, total: step.total }),
        action: { href: activityUrl({ kind: "lesson", course, lesson: step.id }, locale), text: fill(step.started ? labels.lessonContinue : labels.lessonStart, { title: step.title }) },
      };
    case "post-check":
      return { why: labels.postCheckWhy, action: { href: activityUrl({ kind: "check", course, slot: "post" }, locale), text: labels.postCheck } };
    case "practice":
      return {
        why: fill(labels.practiceWhy, { skill: labels[`skill_${step.skill}`], percent: skillPercent(step.score), pass: Math.round(DEFAULT_PASS_MARK * 100) }),
        action: { href: `${activityUrl({ kind: "lesson", course, lesson: step.lessonId }, locale)}/quiz`, text: fill(labels.practice, { title: step.title }) },
      };
    case "caught-up":
      return {
        why: step.nextBooster ? fill(labels.caughtUpNext, { title: step.nextBooster.title, date: formatDay(step.nextBooster.offeredFrom, locale) }) : labels.caughtUpWhy,
        action: caughtUpHref ? { href: caughtUpHref, text: labels.caughtUp } : null,
      };
  }
}
