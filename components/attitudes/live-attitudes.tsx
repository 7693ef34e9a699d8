"use client";
// The attitudes report on a group's page, refreshed with the page's other reports (the same
// query client, interval and pause: components/cohort/live.tsx), so new totals show without a
// reload. The server's read is the initial data; if it failed, the first fetch runs at once.
import type { AttitudeReport as Report } from "@/lib/attitudes/queries";
import { useLiveReport } from "@/components/cohort/live";
import { AttitudeReport } from "./attitude-report";
import type { AttitudeReportLabels } from "./labels";

export function LiveAttitudes({ cohortId, locale, initial, at, labels }: { cohortId: string; locale: string; initial: Report | undefined; at: number; labels: AttitudeReportLabels }) {
  const { data, failed } = useLiveReport(cohortId, "attitudes", initial, at);
  if (data) return <AttitudeReport report={data} labels={labels} locale={locale} />;
  return (
    <p className="cohort-notice" role="status">
      {failed ? labels.failed : labels.loading}
    </p>
  );
}
