"use client";
// The learner's arms for a course's experiments, for the quiz screens: null until known (on the
// server and before hydration, as the attempt order), then a map from experiment to arm. A
// signed-in learner's come from the server (components/progress/arms.ts); when neither the server
// nor a kept copy answers, the map is empty: bias pairs are then left out whole
// (lib/quiz/experiments.ts hiddenByArms) and a check says it needs the network.
import { useEffect, useState } from "react";
import type { Experiment } from "@/lib/quiz/experiments";
import { isSignedInHint } from "./account-hint";
import { accountArms, guestArms, type Arms } from "./arms";

export function useArms(locale: string, courseId: string, experiments: readonly Experiment[]): Arms | null {
  const [arms, setArms] = useState<Arms | null>(null);
  const ids = experiments.map((e) => e.id).join(",");
  useEffect(() => {
    let live = true;
    // Resolved in a callback, also when known at once (a guest), as for the server's answer.
    const known: Promise<Arms | null> =
      experiments.length === 0 ? Promise.resolve({}) : isSignedInHint() ? accountArms(locale, courseId) : Promise.resolve(guestArms(locale, courseId, experiments));
    void known.then((a) => live && setArms(a ?? {}));
    return () => {
      live = false;
    };
    // `ids` stands for `experiments`, which pages pass as a new array on each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [locale, courseId, ids]);
  return arms;
}
