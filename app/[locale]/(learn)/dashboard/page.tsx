import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { signInPath } from "@/lib/http/redirect";
import { Dashboard } from "@/components/progress/dashboard";
import Link from "@/components/ui/link";
import { nextStepLabels } from "@/components/progress/next-step-labels";

export const metadata: Metadata = { robots: { index: false } };

const KEYS = [
  "loading", "error", "retry", "skillsTitle", "skill_recognising", "skill_responding", "skill_resilience", "level_not-started",
  "level_developing", "level_secure", "level_mastered", "skillCorrect", "skillAnswered", "skillNone", "modulesTitle", "lesson", "status", "best",
  "latest", "done", "notDone", "none", "moduleProgress", "assessTitle", "pre", "post", "gain", "notTaken", "gainPoints", "levelsHow",
  "levelsDetails", "levelNotStartedRule", "levelDevelopingRule", "levelSecureRule", "levelMasteredRule", "practiseSkill", "groupsTitle", "groupNothing", "groupDue", "groupNoDue", "groupOverdue", "groupWasDue", "groupsError", "groupsSummary",
  "joinAnother",
] as const;

export default async function DashboardPage(props: PageProps<"/[locale]/dashboard">) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const user = await currentUser();
  if (!user) redirect(signInPath(locale, `/${locale}/dashboard`));
  const [t, tc, nextLabels] = await Promise.all([getTranslations({ locale, namespace: "dashboard" }), getTranslations({ locale, namespace: "certificates" }), nextStepLabels(locale)]);
  const labels = Object.fromEntries(KEYS.map((k) => [k, t.raw(k) as string]));
  return (
    <div className="container">
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <Dashboard locale={locale} labels={labels} nextLabels={nextLabels} />
      <p>
        <Link href={`/${locale}/certificates`}>{tc("dashboardLink")}</Link>
      </p>
    </div>
  );
}
