"use client";
import { fill } from "@/components/ui/fill";
import { useGuestProgress } from "./guest-progress";

/** A lesson row's state in the outline: its length until done, then "Done" and the best score. */
export function LessonState(props: { lessonKey: string; minutes: string; done: string; best: string }) {
  const progress = useGuestProgress();
  const entry = progress?.lessons[props.lessonKey];
  if (!entry?.doneAt) return <span className="lesson-state">{props.minutes}</span>;
  return (
    <span className="lesson-state done dotted">
      <span>✓ {props.done}</span>
      {entry.bestPercent !== undefined && <span>{fill(props.best, { percent: entry.bestPercent })}</span>}
    </span>
  );
}
