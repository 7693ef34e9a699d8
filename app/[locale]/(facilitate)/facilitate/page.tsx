import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { signInPath } from "@/lib/http/redirect";
import { getTracks } from "@/lib/content";
import { CohortList } from "@/components/cohort/cohort-list";
import { readMyCohorts } from "@/components/cohort/cohort-data";
import type { NewGroupLabels } from "@/components/cohort/labels";
import { NewCohortForm } from "@/components/cohort/new-cohort-form";

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

  if (user.role === "learner") {
    return (
      <div className="container reading">
        <h1>{t("groups.title")}</h1>
        <p className="lead">{t("groups.learnerLead")}</p>
        <p>{t("groups.learnerBody")}</p>
        <p>
          <Link className="button secondary" href={`/${locale}/sign-up`}>
            {t("groups.learnerLink")}
          </Link>
        </p>
      </div>
    );
  }

  const cohorts = await readMyCohorts();
  const tracks = getTracks(locale).map((track) => ({ id: track.id, kind: track.kind, title: track.title }));
  return (
    <div className="container">
      <h1>{t("groups.title")}</h1>
      <p className="lead reading">{t("groups.lead")}</p>
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
          </section>
        </div>
      )}
    </div>
  );
}
