"use client";
// The room view's live part: progress per lesson (counts only), the questions the group found
// hardest and the group's learning figures, refreshed with the page's other reports (live.tsx).
// Nothing here names a learner: the roster is never fetched on this screen.
import type { ItemAnalysisView, LearningView, RoomProgressView } from "@/lib/cohorts/reports";
import { fill } from "@/components/ui/fill";
import type { ItemLabels, LearningLabels, LiveLabels, RoomLabels } from "./labels";
import { LiveBar, useLiveReport } from "./live";
import { ItemTable } from "./item-table";
import type { LanguageNames } from "./language-names";
import { LearningSummary } from "./learning-summary";
import { RoomProgress } from "./room-progress";
import "./cohort.css";
import "./cohort-reports.css";
import "./room-view.css";

export interface RoomInitial {
  progress: RoomProgressView;
  items: ItemAnalysisView;
  gain: LearningView;
  at: number;
}

export interface RoomReportLabels {
  live: LiveLabels;
  room: RoomLabels;
  items: ItemLabels;
  learning: LearningLabels;
}

export function RoomReports({ cohortId, locale, initial, labels, languages }: { cohortId: string; locale: string; initial: RoomInitial; labels: RoomReportLabels; languages: LanguageNames }) {
  const progress = useLiveReport(cohortId, "progress", initial.progress, initial.at);
  const items = useLiveReport(cohortId, "items", initial.items, initial.at);
  const gain = useLiveReport(cohortId, "gain", initial.gain, initial.at);
  const data = { progress: progress.data ?? initial.progress, items: items.data ?? initial.items, gain: gain.data ?? initial.gain };
  return (
    <>
      <LiveBar updatedAt={Math.min(progress.updatedAt, items.updatedAt, gain.updatedAt)} failed={progress.failed || items.failed || gain.failed} locale={locale} labels={labels.live} />
      <section aria-labelledby="room-progress-title" className="cohort-section">
        <h2 id="room-progress-title">{labels.room.progressTitle}</h2>
        <p className="section-lead">{fill(labels.room.progressLead, { min: data.progress.minScores })}</p>
        <RoomProgress progress={data.progress} labels={labels.room} />
      </section>
      <section aria-labelledby="room-questions-title" className="cohort-section">
        <h2 id="room-questions-title">{labels.items.title}</h2>
        <p className="section-lead">{labels.items.lead}</p>
        <ItemTable view={data.items} lessons={data.progress.lessons} labels={labels.items} languages={languages} />
      </section>
      <section aria-labelledby="room-learning-title" className="cohort-section">
        <h2 id="room-learning-title">{labels.learning.title}</h2>
        <LearningSummary gain={data.gain} labels={labels.learning} />
      </section>
    </>
  );
}
