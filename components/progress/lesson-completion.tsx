"use client";
import { useEffect } from "react";
import { lessonKey as keyOf, markLessonDone, rememberLastVisited, useGuestProgress } from "./guest-progress";
import { isSignedInHint } from "./account-hint";
import { enqueue } from "./outbox";
import { uuid } from "@/components/ui/uuid";

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
  const mark = (value: boolean) => {
    markLessonDone(key, value);
    if (isSignedInHint()) enqueue({ id: uuid(), method: value ? "POST" : "DELETE", url: "/api/progress/lessons", body: { locale, courseId: course, lessonId: lesson } });
  };

  if (done) {
    return (
      <div className="actions">
        <p className="status-done" role="status">
          ✓ {labels.markedDone}
        </p>
        <button type="button" className="button secondary" onClick={() => mark(false)}>
          {labels.undo}
        </button>
      </div>
    );
  }
  return (
    <div className="actions">
      <button type="button" className="button secondary" onClick={() => mark(true)} disabled={!progress}>
        {labels.markDone}
      </button>
    </div>
  );
}
