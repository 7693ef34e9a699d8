import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { signInPath } from "@/lib/http/redirect";
import { adminBiasReports, adminOverview } from "@/lib/cohorts/page-data";
import { BiasReport } from "@/components/cohort/bias-report";
import { SuspendButton, type SuspendLabels } from "@/components/admin/suspend-button";
import { UserText } from "@/components/ui/user-text";

export async function generateMetadata(props: PageProps<"/[locale]/admin">): Promise<Metadata> {
  const { locale } = await props.params;
  const t = await getTranslations({ locale, namespace: "admin" });
  return { title: t("title"), robots: { index: false } };
}

/** An email address that may wrap after the "@" on a narrow screen, rather than mid-word. */
function Email({ address }: { address: string }) {
  const at = address.lastIndexOf("@");
  return (
    <>
      {address.slice(0, at + 1)}
      <wbr />
      {address.slice(at + 1)}
    </>
  );
}

/** Admins only: facilitators (suspend, restore) and every cohort, read-only. Anyone else: not found. */
export default async function AdminPage(props: PageProps<"/[locale]/admin">) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const user = await currentUser();
  if (!user) redirect(signInPath(locale, `/${locale}/admin`));
  if (user.role !== "admin") notFound();
  const [{ facilitators, cohorts }, bias, t, ta, tf, tq] = await Promise.all([
    adminOverview(user),
    adminBiasReports(user, locale),
    getTranslations({ locale, namespace: "admin" }),
    getTranslations({ locale, namespace: "auth" }),
    getTranslations({ locale, namespace: "facilitate" }),
    getTranslations({ locale, namespace: "quiz" }),
  ]);
  const labels: SuspendLabels = {
    suspend: t("suspend"),
    restore: t("restore"),
    nowSuspended: t.raw("nowSuspended") as string,
    nowActive: t.raw("nowActive") as string,
    failed: ta("failed"),
    working: ta("working"),
  };
  return (
    <div className="container">
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <p>
        <Link href={`/${locale}/admin/learning-records`}>{t("learningRecordsLink")}</Link>
        <Link href={`/${locale}/admin/lti`}>{t("ltiLink")}</Link>
      </p>

      <section aria-labelledby="facilitators-title">
        <h2 id="facilitators-title">{t("facilitatorsTitle")}</h2>
        <p className="admin-note reading">{t("suspendNote")}</p>
        {facilitators.length === 0 ? (
          <p>{t("noFacilitators")}</p>
        ) : (
          <div className="table-scroll">
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t("name")}</th>
                  <th scope="col" className="num">
                    {t("groups")}
                  </th>
                  <th scope="col">{t("status")}</th>
                </tr>
              </thead>
              <tbody>
                {facilitators.map((f) => (
                  <tr key={f.id}>
                    <th scope="row">
                      <UserText>{f.name}</UserText>
                      <span className="admin-email">{f.email ? <Email address={f.email} /> : t("noEmail")}</span>
                    </th>
                    <td className="num">{f.cohorts}</td>
                    <td>
                      <span className={f.suspended ? "state-suspended" : "state-active"}>{f.suspended ? t("suspended") : t("active")}</span>
                      <SuspendButton id={f.id} name={f.name} suspended={f.suspended} labels={labels} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="cohorts-title">
        <h2 id="cohorts-title">{t("cohortsTitle")}</h2>
        <p className="reading">{t("cohortsLead")}</p>
        {cohorts.length === 0 ? (
          <p>{t("noCohorts")}</p>
        ) : (
          <div className="table-scroll">
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t("group")}</th>
                  <th scope="col">{t("kind")}</th>
                  <th scope="col">{t("facilitator")}</th>
                  <th scope="col">{t("state")}</th>
                </tr>
              </thead>
              <tbody>
                {cohorts.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link href={`/${locale}/facilitate/${c.id}`}>
                        <UserText>{c.name}</UserText>
                      </Link>
                    </th>
                    <td>{t(`kind_${c.kind}`)}</td>
                    <td>
                      <UserText>{c.owner}</UserText>
                    </td>
                    <td className={c.archived ? "state-ended" : undefined}>{c.archived ? t("ended") : t("open")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="bias-title">
        <h2 id="bias-title">{t("biasTitle")}</h2>
        <p className="reading">{tf("bias.lead")}</p>
        <p className="reading">{t("biasLead")}</p>
        {bias.map((c) => (
          <section key={c.courseId} aria-labelledby={`bias-${c.courseId}`}>
            <h3 id={`bias-${c.courseId}`}>{c.title}</h3>
            <BiasReport report={c.report} locale={locale} t={tf} tq={tq} level="h4" />
          </section>
        ))}
      </section>
    </div>
  );
}
