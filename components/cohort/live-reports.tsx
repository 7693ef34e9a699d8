"use client";
// The live part of a cohort's page: the progress grid, item analysis, learning and learners,
// refreshed every 10 seconds while the tab is visible, so a facilitator in a hall sees answers
// arrive. The server render is the initial data; each view is one GET. Pausable (WCAG 2.2.2).
import { useState, useSyncExternalStore } from "react";
import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import type { ItemAnalysisView, LearningView, RosterView } from "@/lib/cohorts/reports";
import { fill } from "@/components/ui/fill";
import { getJson } from "./api";
import { cohortKeys, type CohortView } from "./query-keys";
import type { GridLabels, ItemLabels, LearnerLabels, LearningLabels, LiveLabels } from "./labels";
import { ProgressGrid } from "./progress-grid";
import { ItemTable } from "./item-table";
import { LearningSummary } from "./learning-summary";
import { LearnerList } from "./learner-list";
import "./cohort.css";
import "./cohort-reports.css";

const EVERY_MS = 10_000;

export interface LiveInitial {
  roster: RosterView;
  items: ItemAnalysisView;
  gain: LearningView;
  /** When the server read them (ms since epoch), so the first refetch waits its turn. */
  at: number;
}

export interface LiveReportLabels {
  live: LiveLabels;
  grid: GridLabels;
  items: ItemLabels;
  learning: LearningLabels;
  learners: LearnerLabels;
}

export function LiveReports(props: { cohortId: string; locale: string; initial: LiveInitial; labels: LiveReportLabels }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: EVERY_MS / 2 } } }));
  return (
    <QueryClientProvider client={client}>
      <LiveView {...props} />
    </QueryClientProvider>
  );
}

const noSubscribe = () => () => {};

function useReport<T>(cohortId: string, view: CohortView, initialData: T, at: number, paused: boolean) {
  const query = useQuery({
    queryKey: cohortKeys.view(cohortId, view),
    queryFn: () => getJson<T>(`/api/cohorts/${cohortId}/${view}`),
    initialData,
    initialDataUpdatedAt: at,
    // react-query stops the interval while the tab is hidden and refetches when it is shown again.
    refetchInterval: paused ? false : EVERY_MS,
    refetchIntervalInBackground: false,
  });
  // Never undefined: the server's data stands until a refetch replaces it.
  return { data: query.data ?? initialData, updatedAt: query.dataUpdatedAt, failed: query.isRefetchError };
}

function LiveView({ cohortId, locale, initial, labels }: { cohortId: string; locale: string; initial: LiveInitial; labels: LiveReportLabels }) {
  const [paused, setPaused] = useState(false);
  const roster = useReport(cohortId, "roster", initial.roster, initial.at, paused);
  const items = useReport(cohortId, "items", initial.items, initial.at, paused);
  const gain = useReport(cohortId, "gain", initial.gain, initial.at, paused);
  // Times are the browser's own: shown only after hydration, so server and client agree.
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);
  const updatedAt = Math.min(roster.updatedAt, items.updatedAt, gain.updatedAt);
  const time = hydrated ? new Date(updatedAt).toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit" }) : "";
  const failed = roster.failed || items.failed || gain.failed;
  const { live } = labels;

  return (
    <>
      <div className="live-bar">
        <p className="live-status">
          <span className={`live-dot${paused ? " is-paused" : ""}`} aria-hidden="true" />
          {paused ? live.paused : live.status}
          {time && <span className="meta"> {fill(failed ? live.refreshFailed : live.updated, { time })}</span>}
        </p>
        <button type="button" className="button secondary small" onClick={() => setPaused(!paused)}>
          {paused ? live.resume : live.pause}
        </button>
      </div>
      <section id="progress" aria-labelledby="progress-title" className="cohort-section">
        <h2 id="progress-title">{labels.grid.title}</h2>
        <ProgressGrid roster={roster.data} labels={labels.grid} />
      </section>
      <section id="questions" aria-labelledby="questions-title" className="cohort-section">
        <h2 id="questions-title">{labels.items.title}</h2>
        <p className="section-lead">{labels.items.lead}</p>
        <ItemTable view={items.data} lessons={roster.data.lessons} labels={labels.items} />
      </section>
      <section id="learning" aria-labelledby="learning-title" className="cohort-section">
        <h2 id="learning-title">{labels.learning.title}</h2>
        <LearningSummary gain={gain.data} labels={labels.learning} />
      </section>
      <section id="learners" aria-labelledby="learners-title" className="cohort-section">
        <h2 id="learners-title">{labels.learners.title}</h2>
        <p className="section-lead">{labels.learners.lead}</p>
        <LearnerList cohortId={cohortId} learners={roster.data.learners} labels={labels.learners} />
      </section>
    </>
  );
}
