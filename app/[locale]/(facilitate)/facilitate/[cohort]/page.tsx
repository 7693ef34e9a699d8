import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { signInPath } from "@/lib/http/redirect";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { AssignmentsForm } from "@/components/cohort/assignments-form";
import { AssignmentProgress, type AssignmentProgressLabels } from "@/components/cohort/assignment-progress";
import { AttitudeSection } from "@/components/attitudes/attitude-section";
import { BiasSection } from "@/components/cohort/bias-section";
import { readCohortPage, readRoster, unlessReadable } from "@/components/cohort/cohort-data";
import { JoinPanel } from "@/components/cohort/join-panel";
import { CoFacilitatorInvitations } from "@/components/cohort/co-facilitator-invitations";
import type { AssignmentLabels, CoFacilitatorLabels, ManageLabels } from "@/components/cohort/labels";
import { LiveReports, type LiveReportLabels } from "@/components/cohort/live-reports";
import { ManageCohort } from "@/components/cohort/manage-cohort";
import { PlanSteps } from "@/components/cohort/plan-steps";
import { UserText } from "@/components/ui/user-text";
import { plainName } from "@/lib/text/names";

type Props = PageProps<"/[locale]/facilitate/[cohort]">;

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { cohort } = await props.params;
  const roster = await readRoster(cohort);
  return { title: roster.ok ? plainName(roster.data.cohort.name) : undefined, robots: { index: false } };
}

export default async function CohortPage(props: Props) {
  const { locale, cohort: cohortId } = await props.params;
  setRequestLocale(locale);
  const signIn = signInPath(locale, `/${locale}/facilitate/${cohortId}`);
  if (!(await currentUser())) redirect(signIn);
  const result = await readCohortPage(cohortId);
  unlessReadable(result, signIn);
  const { roster, items, gain, assignments, invitations, at } = result.data;
  const { cohort } = roster;
  const t = await getTranslations({ locale, namespace: "facilitate" });
  const labels: LiveReportLabels = { live: t.raw("live"), grid: t.raw("grid"), items: t.raw("items"), learning: t.raw("learning"), learners: { ...t.raw("learners"), ...t.raw("form") } };
  const sections = ["join", "plan", "progress", "questions", "learning", "learners", "bias", "attitudes", "assignments", "manage"] as const;

  return (
    <div className="container cohort-page">
      <Breadcrumbs locale={locale} items={[{ label: t("groups.title"), href: `/${locale}/facilitate` }, { label: <UserText>{cohort.name}</UserText> }]} />
      <h1>
        <UserText>{cohort.name}</UserText>
      </h1>
      <p className="cohort-facts">
        <span>{cohort.kind === "class" ? t("groups.kindClass") : t("groups.kindWorkshop")}</span>
        <span>{t("groups.members", { count: roster.learners.length })}</span>
        {/* Who joined without an account: a sudden crowd of nicknames is visible to the facilitator. */}
        <span>{t("groups.nicknameMembers", { count: roster.learners.filter((l) => l.nicknameOnly).length })}</span>
        {cohort.archived && <span className="tag">{t("groups.archived")}</span>}
      </p>
      <p className="privacy-line">{t("cohort.privacy")}</p>
      <nav className="page-toc" aria-label={t("cohort.onThisPage")}>
        <ul>
          {sections.map((s) => (
            <li key={s}>
              <a href={`#${s}`}>{t(`cohort.toc_${s}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div id="join">
        <JoinPanel locale={locale} cohortId={cohort.id} code={cohort.joinCode} archived={cohort.archived} />
      </div>
      <PlanSteps cohortId={cohort.id} locale={locale} />
      <LiveReports cohortId={cohort.id} locale={locale} initial={{ roster, items, gain, at }} labels={labels} />
      <BiasSection cohortId={cohort.id} locale={locale} />
      <AttitudeSection cohortId={cohort.id} locale={locale} />
      <section id="assignments" aria-labelledby="assignments-title" className="cohort-section">
        <h2 id="assignments-title">{t("assignments.title")}</h2>
        <p className="section-lead">{t("assignments.lead")}</p>
        <AssignmentsForm
          cohortId={cohort.id}
          locale={locale}
          lessons={roster.lessons}
          initial={assignments}
          labels={{ ...t.raw("assignments"), ...t.raw("form") } as AssignmentLabels}
        >
          <AssignmentProgress cohortId={cohort.id} locale={locale} initial={assignments} labels={t.raw("assignmentProgress") as AssignmentProgressLabels} />
        </AssignmentsForm>
      </section>
      <section id="manage" aria-labelledby="manage-title" className="cohort-section">
        <h2 id="manage-title">{t("manage.title")}</h2>
        <div className="manage-block">
          <h3>{t("manage.exportTitle")}</h3>
          <p>{t("manage.exportLead")}</p>
          <p>
            <a className="button secondary" href={`/api/cohorts/${cohort.id}/export`} download>
              {t("manage.export")}
            </a>
          </p>
        </div>
        {invitations && <CoFacilitatorInvitations cohortId={cohort.id} locale={locale} initial={invitations} labels={{ ...t.raw("coFacilitators"), ...t.raw("form") } as CoFacilitatorLabels} />}
        <ManageCohort cohortId={cohort.id} locale={locale} name={cohort.name} archived={cohort.archived} labels={{ ...t.raw("manage"), ...t.raw("form") } as ManageLabels} />
      </section>
    </div>
  );
}
