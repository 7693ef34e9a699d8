// The cohort page's "Attitudes (anonymous)" section: an async server component that reads the
// estimates (lib/attitudes authorises the read) and its words, so the page adds it in one line;
// the report then refreshes with the rest of the page (live-attitudes.tsx). The page streams it
// behind a Suspense boundary whose fallback is AttitudeSectionLoading.
import "server-only";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { cohortAttitudeReport } from "@/lib/attitudes/page-data";
import { AppError } from "@/lib/errors";
import { LiveAttitudes } from "./live-attitudes";
import type { AttitudeReportLabels } from "./labels";

/** The report (undefined when it could not be read: the browser then tries) and when it was read. */
async function readReport(cohortId: string) {
  const at = Date.now();
  const actor = await currentUser();
  if (!actor) return { report: undefined, at };
  try {
    return { report: await cohortAttitudeReport(actor, cohortId), at };
  } catch (e) {
    if (e instanceof AppError) return { report: undefined, at };
    throw e;
  }
}

export async function AttitudeSection({ cohortId, locale }: { cohortId: string; locale: string }) {
  const [{ report, at }, t, words] = await Promise.all([
    readReport(cohortId),
    getTranslations({ locale, namespace: "facilitate" }),
    getTranslations({ locale, namespace: "attitudes" }),
  ]);
  const labels = { ...t.raw("attitudes"), report: words.raw("report") } as AttitudeReportLabels;
  return (
    <section id="attitudes" aria-labelledby="attitudes-title" className="cohort-section">
      <h2 id="attitudes-title">{labels.title}</h2>
      <p className="section-lead">{labels.lead}</p>
      <LiveAttitudes cohortId={cohortId} locale={locale} initial={report} at={at} labels={labels} />
    </section>
  );
}
