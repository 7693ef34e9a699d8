"use client";
// After the final check: the learner's gain, and each booster once it is due (about 1 and 4
// weeks later), from this browser's progress (kept in sync with the account when signed in).
import { useState } from "react";
import Link from "@/components/ui/link";
import { fill } from "@/components/ui/fill";
import { activityUrl, progressKey, type ProgressActivity } from "@/lib/content/activity-id";
import { useGuestProgress } from "./guest-progress";

interface Props {
  locale: string;
  courseId: string;
  boosters: { id: string; title: string; offerAfterDays: number }[];
  labels: { boostersTitle: string; boosterDue: string; boosterLater: string; gainShort: string };
}

const DAY = 86_400_000;

export function BoosterOffers({ locale, courseId, boosters, labels }: Props) {
  const progress = useGuestProgress();
  const [now] = useState(() => Date.now());
  const entry = (ref: ProgressActivity) => progress?.lessons[progressKey(locale, ref)];
  const post = entry({ kind: "check", course: courseId, slot: "post" });
  const pre = entry({ kind: "check", course: courseId, slot: "pre" });
  if (!post?.doneAt) return null;
  const finished = Date.parse(post.doneAt);
  return (
    <section className="card" aria-labelledby="boosters-title">
      <h2 id="boosters-title">{labels.boostersTitle}</h2>
      {pre?.lastPercent !== undefined && post.lastPercent !== undefined && (
        <p>{fill(labels.gainShort, { pre: pre.lastPercent, post: post.lastPercent, gain: `${post.lastPercent - pre.lastPercent >= 0 ? "+" : ""}${post.lastPercent - pre.lastPercent}` })}</p>
      )}
      <ul>
        {boosters.map((b) => {
          const due = now >= finished + b.offerAfterDays * DAY;
          return (
            <li key={b.id}>
              {due ? (
                <Link href={activityUrl({ kind: "booster", course: courseId, booster: b.id }, locale)}>{fill(labels.boosterDue, { title: b.title })}</Link>
              ) : (
                fill(labels.boosterLater, { title: b.title, days: b.offerAfterDays })
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
