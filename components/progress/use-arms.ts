"use client";
// The learner's arms for a course's experiments, for the quiz screens: null until known (on the
// server and before hydration, as the attempt order), then a map from experiment to arm. A
// signed-in learner's come from the server (components/progress/arms.ts); when neither the server
// nor a kept copy answers, the map is empty: bias pairs are then left out whole
// (lib/quiz/experiments.ts hiddenByArms) and a check says it needs the network.
import { useSyncExternalStore } from "react";
import { useQuery } from "@tanstack/react-query";
import type { Experiment } from "@/lib/quiz/experiments";
import { queryKeys } from "@/components/data/query-keys";
import { readAccountHint, subscribeSignedInHint } from "./account-hint";
import { accountArms, guestArms, type Arms } from "./arms";

const noSubscription = () => () => {};

export function useArms(locale: string, courseId: string, experiments: readonly Experiment[]): Arms | null {
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const signedIn = useSyncExternalStore(subscribeSignedInHint, readAccountHint, () => "") !== "";
  const ids = experiments.map((e) => e.id).join(",");
  const query = useQuery({
    // Guest and account arms are different draws: signing in on this page asks again.
    queryKey: [...queryKeys.arms(locale, courseId, ids), signedIn ? "account" : "guest"],
    queryFn: async (): Promise<Arms> => {
      if (experiments.length === 0) return {};
      return signedIn ? ((await accountArms(locale, courseId)) ?? {}) : guestArms(locale, courseId, experiments);
    },
    // Only in the browser after hydration: before it the hint reads as signed out, and a guest
    // draw made then would be stored for a signed-in learner.
    enabled: hydrated,
    // Arms never change once drawn; accountArms already falls back to the copy kept here.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });
  return query.data ?? null;
}
