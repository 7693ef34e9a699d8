"use client";
// The live part of a cohort's page: the progress grid, item analysis, learning and learners,
// refreshed with the page's other reports (live.tsx), so a facilitator in a hall sees answers
// arrive. The server render is the initial data; each view is one GET. A language filter reads the
// three views again for one locale (?locale=, filtered in SQL, issue #25).
import { useId, useState } from "react";
import type { ItemAnalysisView, LearningView, RosterView } from "@/lib/cohorts/reports";
import type { GridLabels, ItemLabels, LearnerLabels, LearningLabels, LiveLabels } from "./labels";
import { LiveBar, useLiveReport } from "./live";
import { ProgressGrid } from "./progress-grid";
import { ItemTable } from "./item-table";
import { LearningSummary } from "./learning-summary";
import { LearnerList } from "./learner-list";
import { fill } from "@/components/ui/fill";
import type { LanguageNames } from "./language-names";
import "./cohort.css";
import "./cohort-reports.css";

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

export function LiveReports({ cohortId, locale, initial, labels, languages }: { cohortId: string; locale: string; initial: LiveInitial; labels: LiveReportLabels; languages: LanguageNames }) {
  // "" reads every language (the server's render); a locale code reads only what was done in it.
  const [language, setLanguage] = useState("");
  const languageId = useId();
  const only = language || undefined;
  const roster = useLiveReport(cohortId, "roster", initial.roster, initial.at, only);
  const items = useLiveReport(cohortId, "items", initial.items, initial.at, only);
  const gain = useLiveReport(cohortId, "gain", initial.gain, initial.at, only);
  const switching = roster.switching || items.switching || gain.switching;
  const languageName = languages[language] ?? language;
  // Never undefined: the server's data stands until a refetch replaces it.
  const data = { roster: roster.data ?? initial.roster, items: items.data ?? initial.items, gain: gain.data ?? initial.gain };

  return (
    <>
      <LiveBar updatedAt={Math.min(roster.updatedAt, items.updatedAt, gain.updatedAt)} failed={roster.failed || items.failed || gain.failed} locale={locale} labels={labels.live} />
      <div className="report-language">
        <p>
          <label htmlFor={languageId}>{labels.live.languageLabel}</label>{" "}
          <select id={languageId} value={language} onChange={(e) => setLanguage(e.target.value)}>
            <option value="">{labels.live.languageAll}</option>
            {Object.entries(languages).map(([code, name]) => (
              <option key={code} value={code} lang={code}>
                {name}
              </option>
            ))}
          </select>
        </p>
        <p role="status" className="meta">
          {language && fill(switching ? labels.live.languageLoading : labels.live.languageShown, { language: languageName })}
        </p>
      </div>
      <section id="progress" aria-labelledby="progress-title" className="cohort-section">
        <h2 id="progress-title">{labels.grid.title}</h2>
        <ProgressGrid roster={data.roster} labels={labels.grid} />
      </section>
      <section id="questions" aria-labelledby="questions-title" className="cohort-section">
        <h2 id="questions-title">{labels.items.title}</h2>
        <p className="section-lead">{labels.items.lead}</p>
        <ItemTable view={data.items} lessons={data.roster.lessons} labels={labels.items} languages={languages} />
      </section>
      <section id="learning" aria-labelledby="learning-title" className="cohort-section">
        <h2 id="learning-title">{labels.learning.title}</h2>
        <LearningSummary gain={data.gain} labels={labels.learning} />
      </section>
      <section id="learners" aria-labelledby="learners-title" className="cohort-section">
        <h2 id="learners-title">{labels.learners.title}</h2>
        <p className="section-lead">{labels.learners.lead}</p>
        <LearnerList cohortId={cohortId} learners={data.roster.learners} labels={labels.learners} />
      </section>
    </>
  );
}
