"use client";
import { useEffect } from "react";
import { lessonKey as keyOf, markLessonDone, rememberLastVisited, useGuestProgress } from "./guest-progress";

interface Props {
  locale: string;
  course: string;
  lesson: string;
  href: string;
  title: string;
  labels: { markDone: string; markedDone: string; undo: string };
}

/** Remembers this lesson for "continue where you left off" and lets the learner mark it done. */
export function LessonCompletion({ locale, course, lesson, href, title, labels }: Props) {
  const key = keyOf(locale, course, lesson);
  const progress = useGuestProgress();
  useEffect(() => rememberLastVisited(href, title), [href, title]);
  const done = Boolean(progress?.lessons[key]?.doneAt);

  if (done) {
    return (
      <div className="actions">
        <p className="status-done" role="status">
          ✓ {labels.markedDone}
        </p>
        <button type="button" className="button secondary" onClick={() => markLessonDone(key, false)}>
          {labels.undo}
        </button>
      </div>
    );
  }
  return (
    <div className="actions">
      <button type="button" className="button secondary" onClick={() => markLessonDone(key, true)} disabled={!progress}>
        {labels.markDone}
      </button>
    </div>
  );
}
