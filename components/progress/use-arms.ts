"use client";
// The learner's arms for a course's experiments, for the quiz screens: null until known (on the
// server and before hydration, as the attempt order), then a map from experiment to arm. A
// signed-in learner's come from the server (components/progress/arms.ts); when neither the server
// nor a kept copy answers, the map is empty: bias pairs are then left out whole
// (lib/quiz/experiments.ts hiddenByArms) and a check says it needs the network.
// A plain effect, not react-query: quiz pages are static and light (bench/README.md, page weight).
import { useEffect, useState, useSyncExternalStore } from "react";
import type { Experiment } from "@/lib/quiz/experiments";
import { readAccountHint, subscribeSignedInHint } from "./account-hint";
import { accountArms, guestArms, type Arms } from "./arms";

const noSubscription = () => () => {};

/** Arms never change once drawn: one answer per course and scope for the life of the page. */
const asked = new Map<string, Promise<Arms>>();

export function useArms(locale: string, courseId: string, experiments: readonly Experiment[]): Arms | null {
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const signedIn = useSyncExternalStore(subscribeSignedInHint, readAccountHint, () => "") !== "";
  const ids = experiments.map((e) => e.id).join(",");
  // Guest and account arms are different draws: signing in on this page asks again.
  const key = `${signedIn ? "account" : "guest"}/${locale}/${courseId}/${ids}`;
  const [answer, setAnswer] = useState<{ key: string; arms: Arms } | null>(null);
  const none = experiments.length === 0;
  useEffect(() => {
    // Only in the browser after hydration: before it the hint reads as signed out, and a guest
    // draw made then would be stored for a signed-in learner.
    if (!hydrated || none) return;
    let current = true;
    let arms = asked.get(key);
    if (!arms) {
      arms = signedIn ? accountArms(locale, courseId).then((a) => a ?? {}) : Promise.resolve(guestArms(locale, courseId, experiments));
      asked.set(key, arms);
    }
    void arms.then((a) => {
      if (current) setAnswer({ key, arms: a });
    });
    return () => {
      current = false;
    };
    // `key` stands for locale, course, experiments and sign-in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hydrated, key, none]);
  if (!hydrated) return null;
  if (none) return {};
  return answer?.key === key ? answer.arms : null;
}
