"use client";
// The one place a quiz screen gets its attempt and the order of its options: the attempt under
// way for this activity (kept in this browser, so a reload keeps it) seeds lib/quiz/shuffle.ts, and
// every list of options (question, feedback, review) reads the shuffled quiz this returns.
import { useCallback, useMemo, useSyncExternalStore } from "react";
import { shuffleQuiz, type OrderedOption } from "@/lib/quiz/shuffle";
import { endAttempt, resumeAttempt, startAttempt } from "@/components/progress/quiz-attempt";

type Shufflable = { questions: readonly { id: string; type: string; options: readonly OrderedOption[] }[] };

export interface AttemptOrder<T> {
  /** Null on the server and before hydration: the seed lives in the browser. */
  attemptId: string | null;
  /** The quiz with each question's options in this attempt's order; null until attemptId is known. */
  shown: T | null;
  /** A retry: a new attempt, so a new order. */
  retry: () => void;
  /** The attempt is over: this screen keeps its order for the review, the next visit starts anew. */
  end: () => void;
}

// The attempt each mounted screen shows. An ended one stays until its screen unmounts, so the
// review keeps the order the learner saw; the next screen for the activity then starts afresh.
const shownAttempts = new Map<string, { id: string; ended: boolean }>();
const listeners = new Map<string, Set<() => void>>();
const notify = (key: string) => listeners.get(key)?.forEach((l) => l());

function attemptFor(key: string): string {
  let entry = shownAttempts.get(key);
  if (!entry) {
    entry = { id: resumeAttempt(key), ended: false };
    shownAttempts.set(key, entry);
  }
  return entry.id;
}

export function useAttemptOrder<T extends Shufflable>(quiz: T, activityKey: string): AttemptOrder<T> {
  const subscribe = useCallback(
    (listener: () => void) => {
      const set = listeners.get(activityKey) ?? new Set();
      set.add(listener);
      listeners.set(activityKey, set);
      return () => {
        set.delete(listener);
        if (shownAttempts.get(activityKey)?.ended) shownAttempts.delete(activityKey);
      };
    },
    [activityKey],
  );
  // The server cannot know the seed; rendering authored order first would show every learner
  // (and every screen reader) the same order for a moment, so nothing is shown until it is known.
  const attemptId = useSyncExternalStore(subscribe, () => attemptFor(activityKey), () => null);
  const shown = useMemo(() => (attemptId ? shuffleQuiz(quiz, attemptId) : null), [quiz, attemptId]);
  const retry = useCallback(() => {
    shownAttempts.set(activityKey, { id: startAttempt(activityKey), ended: false });
    notify(activityKey);
  }, [activityKey]);
  const end = useCallback(() => {
    endAttempt(activityKey);
    const entry = shownAttempts.get(activityKey);
    if (entry) entry.ended = true;
  }, [activityKey]);
  return { attemptId, shown, retry, end };
}
