// The cohort page's "Attitudes (anonymous)" section: an async server component that reads the
// estimates (lib/attitudes authorises the read) and its words, so the page adds it in one line.
import "server-only";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { cohortAttitudeReport } from "@/lib/attitudes/page-data";
import { AppError } from "@/lib/errors";
import { AttitudeReport } from "./attitude-report";
import type { AttitudeReportLabels } from "./labels";

async function readReport(cohortId: string) {
  const actor = await currentUser();
  if (!actor) return undefined;
  try {
    return await cohortAttitudeReport(actor, cohortId);
  } catch (e) {
    if (e instanceof AppError) return undefined;
    throw e;
  }
}

export async function AttitudeSection({ cohortId, locale }: { cohortId: string; locale: string }) {
  const [report, t, words] = await Promise.all([
    readReport(cohortId),
    getTranslations({ locale, namespace: "facilitate" }),
    getTranslations({ locale, namespace: "attitudes" }),
  ]);
  const labels = { ...t.raw("attitudes"), report: words.raw("report") } as AttitudeReportLabels;
  return (
    <section id="attitudes" aria-labelledby="attitudes-title" className="cohort-section">
      <h2 id="attitudes-title">{labels.title}</h2>
      <p className="section-lead">{labels.lead}</p>
      {report ? <AttitudeReport report={report} labels={labels} locale={locale} /> : <p className="cohort-notice">{labels.failed}</p>}
    </section>
  );
}
