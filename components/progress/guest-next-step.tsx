"use client";
// The next step on the course page, from this browser's progress: a guest's only record, or a
// signed-in learner's cached copy (components/progress/sync.ts). The same rule as the dashboard
// (lib/progress/next-step.ts). Before hydration, and for a new visitor, it is the first step of
// the route, which is also what the static HTML shows.
import { useState } from "react";
import Link from "@/components/ui/link";
import { nextStep } from "@/lib/progress/next-step";
import type { SelfPacedCourse } from "@/lib/progress/self-paced";
import { activityUrl } from "@/lib/content/activity-id";
import { useGuestProgress } from "./guest-progress";
import { NextStepCard, type NextStepLabels } from "./next-step-card";
import { fromGuest } from "./next-step-input";

interface Props {
  locale: string;
  route: SelfPacedCourse;
  labels: NextStepLabels;
  /** "Before you start: take the starting check", while it is still untaken and not itself the next step. */
  before: { title: string; link: string };
}

export function GuestNextStep({ locale, route, labels, before }: Props) {
  const progress = useGuestProgress();
  const [now] = useState(() => Date.now());
  const input = fromGuest(progress, route, locale, now);
  const step = nextStep(input);
  const offerCheck = input.checks && !input.checks.pre && !input.checks.post && step.kind !== "pre-check";
  return (
    <>
      <NextStepCard step={step} locale={locale} courseId={route.courseId} labels={labels} />
      {offerCheck && (
        <p>
          <strong>{before.title}:</strong> <Link href={activityUrl({ kind: "check", course: route.courseId, slot: "pre" }, locale)}>{before.link}</Link>
        </p>
      )}
    </>
  );
}
