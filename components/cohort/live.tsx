"use client";
// One refresh for every report of a group's page (and of its room view): a pause switch shared
// by the live reports, the attitudes and the room's summary, so they all refetch every 10 seconds
// while the tab is visible and all stop when the facilitator pauses
// (WCAG 2.2.2). Each view is one GET; the server's render is its initial data.
import { createContext, useContext, useState, useSyncExternalStore, type ReactNode } from "react";
import { useQuery } from "@/components/api/queries";
import { fill } from "@/components/ui/fill";
import { apiGet } from "@/components/api/api";
import { queryKeys, type CohortView } from "@/components/api/query-keys";
import type { LiveLabels } from "./labels";

export const EVERY_MS = 10_000;

const Paused = createContext<{ paused: boolean; setPaused: (paused: boolean) => void } | null>(null);

export function LiveProvider({ children }: { children: ReactNode }) {
  const [paused, setPaused] = useState(false);
  return <Paused.Provider value={{ paused, setPaused }}>{children}</Paused.Provider>;
}

function usePaused() {
  const value = useContext(Paused);
  if (!value) throw new Error("A live report needs a <LiveProvider> around it.");
  return value;
}

/**
 * A report that refreshes itself: the server's data (when it could read it, at `at`) until a
 * refetch replaces it. Without initial data it fetches at once. With a `locale` it reads only what
 * was done in that language (the server's render is of all languages, so it is not used then);
 * until that read arrives the previous figures stay, and `switching` says so.
 */
export function useLiveReport<T>(cohortId: string, view: CohortView, initialData: T | undefined, at: number, locale?: string) {
  const { paused } = usePaused();
  const initial = locale ? undefined : initialData;
  const query = useQuery({
    queryKey: queryKeys.cohortView(cohortId, view, locale),
    queryFn: ({ signal }) => apiGet<T>(`/api/cohorts/${cohortId}/${view}${locale ? `?locale=${encodeURIComponent(locale)}` : ""}`, signal),
    initialData: initial,
    initialDataUpdatedAt: initial === undefined ? undefined : at,
    // On a change of language the last figures stay on screen until the new ones arrive.
    placeholderData: <P,>(previous: P) => previous,
    // react-query stops the interval while the tab is hidden and refetches when it is shown again.
    staleTime: EVERY_MS / 2,
    refetchInterval: paused ? false : EVERY_MS,
    refetchIntervalInBackground: false,
  });
  return { data: (query.data as T | undefined) ?? initialData, updatedAt: query.dataUpdatedAt, failed: query.isError, switching: query.isPlaceholderData };
}

const noSubscribe = () => () => {};

/** "Live", when the page last updated (or could not), and the pause button. */
export function LiveBar({ updatedAt, failed, locale, labels }: { updatedAt: number; failed: boolean; locale: string; labels: LiveLabels }) {
  const { paused, setPaused } = usePaused();
  // Times are the browser's own: shown only after hydration, so server and client agree.
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);
  const time = hydrated && updatedAt > 0 ? new Date(updatedAt).toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit" }) : "";
  return (
    <div className="live-bar">
      <p className="live-status">
        <span className={`live-dot${paused ? " is-paused" : ""}`} aria-hidden="true" />
        {paused ? labels.paused : labels.status}
        {time && <span className="meta"> {fill(failed ? labels.refreshFailed : labels.updated, { time })}</span>}
      </p>
      <button type="button" className="button secondary small" onClick={() => setPaused(!paused)}>
        {paused ? labels.resume : labels.pause}
      </button>
    </div>
  );
}
