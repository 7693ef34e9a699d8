"use client";
// After the final check: the learner's gain, and the refreshers with their dates (about 1 and 4
// weeks later) from this browser's progress (kept in sync with the account when signed in), with
// a button that saves the dates to a calendar.
import { useState } from "react";
import { fill } from "@/components/ui/fill";
import type { SelfPacedCourse } from "@/lib/progress/self-paced";
import { progressKey, type ProgressActivity } from "@/lib/content/activity-id";
import { useGuestProgress } from "./guest-progress";
import type { NextStepLabels } from "./next-step-card";
import { guestBoosters } from "./next-step-input";
import { Refreshers } from "./refreshers";

interface Props {
  locale: string;
  route: Pick<SelfPacedCourse, "courseId" | "boosters">;
  labels: NextStepLabels & { gainShort: string };
}

export function BoosterOffers({ locale, route, labels }: Props) {
  const progress = useGuestProgress();
  const [now] = useState(() => Date.now());
  const entry = (ref: ProgressActivity) => progress?.lessons[progressKey(locale, ref)];
  const post = entry({ kind: "check", course: route.courseId, slot: "post" });
  const pre = entry({ kind: "check", course: route.courseId, slot: "pre" });
  if (!post?.doneAt || route.boosters.length === 0) return null;
  const gain = pre?.lastPercent !== undefined && post.lastPercent !== undefined ? post.lastPercent - pre.lastPercent : null;
  return (
    <section className="card" aria-labelledby={`refreshers-${route.courseId}`}>
      <Refreshers
        locale={locale}
        courseId={route.courseId}
        refreshers={guestBoosters(progress, route, locale)}
        now={now}
        labels={labels}
        heading="h2"
        intro={gain !== null && <p>{fill(labels.gainShort, { pre: pre!.lastPercent!, post: post.lastPercent!, gain: `${gain >= 0 ? "+" : ""}${gain}` })}</p>}
      />
    </section>
  );
}
