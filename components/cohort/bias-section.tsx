// The group page's "Bias checks" section: an async server component that reads the group's
// report (lib/cohorts authorises the read) and its words, so the page adds it in one line.
import "server-only";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { cohortBias } from "@/lib/cohorts/page-data";
import { AppError } from "@/lib/errors";
import { BiasReport } from "./bias-report";

async function readReport(cohortId: string) {
  const actor = await currentUser();
  if (!actor) return undefined;
  try {
    return await cohortBias(actor, cohortId);
  } catch (e) {
    if (e instanceof AppError) return undefined;
    throw e;
  }
}

export async function BiasSection({ cohortId, locale }: { cohortId: string; locale: string }) {
  const [report, t, tq] = await Promise.all([readReport(cohortId), getTranslations({ locale, namespace: "facilitate" }), getTranslations({ locale, namespace: "quiz" })]);
  return (
    <section id="bias" aria-labelledby="bias-title" className="cohort-section">
      <h2 id="bias-title">{t("bias.title")}</h2>
      <p className="section-lead">{t("bias.lead")}</p>
      {report ? <BiasReport report={report} locale={locale} t={t} tq={tq} /> : <p className="cohort-notice">{t("bias.failed")}</p>}
    </section>
  );
}
