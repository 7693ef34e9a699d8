// The live reports of a group's page as an async server component: the page streams it behind a
// Suspense boundary after its own access check, so the group's name and join panel show first
// while the grid, item analysis and learning figures are read (one statement each).
import "server-only";
import { getTranslations } from "next-intl/server";
import { readCohortReports, unlessReadable } from "./cohort-data";
import { languageNames } from "./language-names";
import { LiveReports, type LiveReportLabels } from "./live-reports";

export async function CohortReportsSection({ cohortId, locale, signIn }: { cohortId: string; locale: string; signIn: string }) {
  const [result, t] = await Promise.all([readCohortReports(cohortId), getTranslations({ locale, namespace: "facilitate" })]);
  unlessReadable(result, signIn);
  const labels: LiveReportLabels = { live: t.raw("live"), grid: t.raw("grid"), items: t.raw("items"), learning: t.raw("learning"), learners: { ...t.raw("learners"), ...t.raw("form") } };
  return <LiveReports cohortId={cohortId} locale={locale} initial={result.data} labels={labels} languages={languageNames(locale)} />;
}
