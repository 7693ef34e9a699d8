import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { signInPath } from "@/lib/http/redirect";
import { getTracks } from "@/lib/content";
import { CohortList } from "@/components/cohort/cohort-list";
import { readMyCohorts, readMyInvitations } from "@/components/cohort/cohort-data";
import type { InvitationLabels, NewGroupLabels } from "@/components/cohort/labels";
import { MyInvitations } from "@/components/cohort/my-invitations";
import { NewCohortForm } from "@/components/cohort/new-cohort-form";
import { AdHocLiveSection, RunningLiveSessions } from "@/components/live/live-sections";
import { myRunningLiveSessions } from "@/lib/live/page-data";

export async function generateMetadata(props: PageProps<"/[locale]/facilitate">): Promise<Metadata> {
  const { locale } = await props.params;
  const t = await getTranslations({ locale, namespace: "facilitate.groups" });
  return { title: t("title"), robots: { index: false } };
}

export default async function MyGroupsPage(props: PageProps<"/[locale]/facilitate">) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const user = await currentUser();
  if (!user) redirect(signInPath(locale, `/${locale}/facilitate`));
  const t = await getTranslations({ locale, namespace: "facilitate" });
  // Invitations reach learners' accounts too: they are told that accepting needs a facilitator account.
  const invitations = await readMyInvitations();
  const invitationList = invitations.ok && (
    <MyInvitations locale={locale} invitations={invitations.data} learner={user.role === "learner"} labels={{ ...t.raw("invitations"), ...t.raw("form") } as InvitationLabels} />
  );

  if (user.role === "learner") {
    return (
      <div className="container reading">
        <h1>{t("groups.title")}</h1>
        <p className="lead">{t("groups.learnerLead")}</p>
        <p>{t("groups.learnerBody")}</p>
        {invitationList}
        <p>
          <Link className="button secondary" href={`/${locale}/sign-up`}>
            {t("groups.learnerLink")}
          </Link>
        </p>
      </div>
    );
  }

  const [cohorts, running, tr] = await Promise.all([readMyCohorts(), myRunningLiveSessions(user), getTranslations({ locale, namespace: "rosters" })]);
  const tracks = getTracks(locale).map((track) => ({ id: track.id, kind: track.kind, title: track.title }));
  return (
    <div className="container">
      <h1>{t("groups.title")}</h1>
      <p className="lead reading">{t("groups.lead")}</p>
      {invitationList}
      <RunningLiveSessions locale={locale} sessions={running} />
      {!cohorts.ok ? (
        <div className="cohort-notice reading" role="alert">
          <p>{cohorts.error || t("groups.unavailable")}</p>
        </div>
      ) : (
        <div className="groups-layout">
          <section aria-labelledby="groups-title">
            <h2 id="groups-title">{t("groups.listTitle")}</h2>
            <CohortList locale={locale} cohorts={cohorts.data} />
          </section>
          <section aria-labelledby="new-group-title" className="card new-group">
            <h2 id="new-group-title">{t("newGroup.title")}</h2>
            <NewCohortForm locale={locale} tracks={tracks} labels={{ ...t.raw("newGroup"), ...t.raw("form") } as NewGroupLabels} />
            <p>
              <Link href={`/${locale}/facilitate/rosters`}>{tr("link")}</Link>
            </p>
          </section>
        </div>
      )}
      <AdHocLiveSection locale={locale} />
    </div>
  );
}
