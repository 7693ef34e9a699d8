import type { Metadata } from "next";
import { Suspense } from "react";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { signInPath } from "@/lib/http/redirect";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import Link from "@/components/ui/link";
import { AssignmentsForm } from "@/components/cohort/assignments-form";
import { AssignmentProgress, type AssignmentProgressLabels } from "@/components/cohort/assignment-progress";
import { AttitudeSection } from "@/components/attitudes/attitude-section";
import { BiasSection } from "@/components/cohort/bias-section";
import { readCohortShell, unlessReadable } from "@/components/cohort/cohort-data";
import { CohortReportsSection } from "@/components/cohort/cohort-reports-section";
import { JoinPanel } from "@/components/cohort/join-panel";
import { CoFacilitatorInvitations } from "@/components/cohort/co-facilitator-invitations";
import type { AssignmentLabels, CoFacilitatorLabels, HallLabels, ManageLabels } from "@/components/cohort/labels";
import { LiveProvider } from "@/components/cohort/live";
import { ManageCohort } from "@/components/cohort/manage-cohort";
import { HallExport, HallImport } from "@/components/cohort/hall-transfer";
import { isHall } from "@/lib/hall/address";
import { GroupLiveSection } from "@/components/live/live-sections";
import { ReportLoading } from "@/components/cohort/report-loading";
import { PlanSteps } from "@/components/cohort/plan-steps";
import { UserText } from "@/components/ui/user-text";
import { plainName } from "@/lib/text/names";

type Props = PageProps<"/[locale]/facilitate/[cohort]">;

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { cohort } = await props.params;
  const shell = await readCohortShell(cohort);
  return { title: shell.ok ? plainName(shell.data.cohort.name) : undefined, robots: { index: false } };
}

export default async function CohortPage(props: Props) {
  const { locale, cohort: cohortId } = await props.params;
  setRequestLocale(locale);
  const signIn = signInPath(locale, `/${locale}/facilitate/${cohortId}`);
  if (!(await currentUser())) redirect(signIn);
  // The access check and the page's shell first; the reports stream in behind Suspense below.
  const result = await readCohortShell(cohortId);
  unlessReadable(result, signIn);
  const { cohort, members, nicknameOnly, lessons, assignments, invitations } = result.data;
  const [t, tc] = await Promise.all([getTranslations({ locale, namespace: "facilitate" }), getTranslations({ locale, namespace: "certificates.attendance" })]);
  const sections = ["join", "plan", "progress", "questions", "learning", "learners", "bias", "attitudes", "assignments", "manage"] as const;

  return (
    <div className="container cohort-page">
      <Breadcrumbs locale={locale} items={[{ label: t("groups.title"), href: `/${locale}/facilitate` }, { label: <UserText>{cohort.name}</UserText> }]} />
      <h1>
        <UserText>{cohort.name}</UserText>
      </h1>
      <p className="cohort-facts">
        <span>{cohort.kind === "class" ? t("groups.kindClass") : t("groups.kindWorkshop")}</span>
        <span>{t("groups.members", { count: members })}</span>
        {/* Who joined without an account: a sudden crowd of nicknames is visible to the facilitator. */}
        <span>{t("groups.nicknameMembers", { count: nicknameOnly })}</span>
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
      <p className="actions">
        {/* A full page load, not a client navigation: the projected document then holds only the
            room view's own data, not this page's names left behind in its payload. */}
        <a className="button secondary" href={`/${locale}/facilitate/${cohort.id}/room`}>
          {t("room.open")}
        </a>
        <span className="meta">{t("room.openHint")}</span>
      </p>
      {cohort.canManage && (
        <p className="actions">
          <Link className="button secondary" href={`/${locale}/facilitate/${cohort.id}/attendance`}>
            {tc("link")}
          </Link>
        </p>
      )}
      <GroupLiveSection locale={locale} cohort={cohort} />
      <PlanSteps cohort={cohort} locale={locale} />
      {/* One refresh and one pause for every report below; each streams in when its reads finish. */}
      <LiveProvider>
        <Suspense fallback={<ReportLoading label={t("live.loading")} />}>
          <CohortReportsSection cohortId={cohort.id} locale={locale} signIn={signIn} />
        </Suspense>
        <Suspense fallback={<ReportLoading label={t("bias.loading")} title={t("bias.title")} titleId="bias-title" />}>
          <BiasSection cohortId={cohort.id} locale={locale} />
        </Suspense>
        <Suspense fallback={<ReportLoading label={t("attitudes.loading")} title={t("attitudes.title")} titleId="attitudes-title" />}>
          <AttitudeSection cohortId={cohort.id} locale={locale} />
        </Suspense>
      </LiveProvider>
      <section id="assignments" aria-labelledby="assignments-title" className="cohort-section">
        <h2 id="assignments-title">{t("assignments.title")}</h2>
        <p className="section-lead">{t("assignments.lead")}</p>
        <AssignmentsForm
          cohortId={cohort.id}
          courseId={cohort.courseId}
          locale={locale}
          lessons={lessons}
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
            <a className="button secondary" href={`/api/cohorts/${cohort.id}/export?locale=${encodeURIComponent(locale)}`} download>
              {t("manage.export")}
            </a>
          </p>
        </div>
        {/* A hall laptop's group goes to the main server as a file; the main server takes it in (lib/hall). */}
        {cohort.canManage &&
          (isHall() ? (
            <HallExport cohortId={cohort.id} labels={{ ...t.raw("hall"), ...t.raw("form") } as HallLabels} />
          ) : (
            <HallImport cohortId={cohort.id} locale={locale} labels={{ ...t.raw("hall"), ...t.raw("form") } as HallLabels} />
          ))}
        {invitations && <CoFacilitatorInvitations cohortId={cohort.id} locale={locale} initial={invitations} labels={{ ...t.raw("coFacilitators"), ...t.raw("form") } as CoFacilitatorLabels} />}
        <ManageCohort cohortId={cohort.id} locale={locale} name={cohort.name} archived={cohort.archived} labels={{ ...t.raw("manage"), ...t.raw("form") } as ManageLabels} />
      </section>
    </div>
  );
}
