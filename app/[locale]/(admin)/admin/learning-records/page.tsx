import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { signInPath } from "@/lib/http/redirect";
import { lrsOverview } from "@/lib/xapi/admin";
import { LrsSettings, type LrsLabels } from "@/components/admin/lrs-settings";

export async function generateMetadata(props: PageProps<"/[locale]/admin/learning-records">): Promise<Metadata> {
  const { locale } = await props.params;
  const t = await getTranslations({ locale, namespace: "learningRecords" });
  return { title: t("title"), robots: { index: false } };
}

/** Admins only: the LRS learning records go to (docs/xapi.md), and how many wait or failed. Anyone else: not found. */
export default async function LearningRecordsPage(props: PageProps<"/[locale]/admin/learning-records">) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const user = await currentUser();
  if (!user) redirect(signInPath(locale, `/${locale}/admin/learning-records`));
  if (user.role !== "admin") notFound();
  const [{ settings, queue }, t, ta] = await Promise.all([lrsOverview(user), getTranslations({ locale, namespace: "learningRecords" }), getTranslations({ locale, namespace: "auth" })]);
  const labels: LrsLabels = {
    settingsTitle: t("settingsTitle"),
    endpoint: t("endpoint"),
    endpointHint: t("endpointHint"),
    key: t("key"),
    secret: t("secret"),
    credentialsHint: t(`credentials_${settings?.credentials ?? "none"}`),
    version: t("version"),
    activityBase: t("activityBase"),
    activityBaseHint: t("activityBaseHint"),
    enabled: t("enabled"),
    enabledHint: t("enabledHint"),
    save: t("save"),
    saved: t("saved"),
    test: t("test"),
    testOk: t.raw("testOk") as string,
    testFailed: t.raw("testFailed") as string,
    retry: t("retry"),
    retried: t.raw("retried") as string,
    errorTitle: t("errorTitle"),
    failed: ta("failed"),
    working: ta("working"),
  };
  const rows = [
    ["pending", queue.pending],
    ["sent", queue.sent],
    ["dead", queue.dead],
    ["rejected", queue.rejected],
  ] as const;
  return (
    <div className="container">
      <p>
        <Link href={`/${locale}/admin`}>{t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead reading">{t("lead")}</p>
      <p className="admin-note reading">{t("privacyNote")}</p>

      <LrsSettings
        labels={labels}
        values={{
          endpoint: settings?.endpoint ?? "",
          version: settings?.version ?? "1.0.3",
          enabled: settings?.enabled ?? false,
          activityBase: settings?.activityBase ?? "",
          configured: settings !== null,
          canRetry: queue.dead > 0,
        }}
      />

      <section aria-labelledby="lrs-queue-title">
        <h2 id="lrs-queue-title">{t("queueTitle")}</h2>
        <div className="table-scroll">
          <table className="admin-table lrs-queue">
            <tbody>
              {rows.map(([key, count]) => (
                <tr key={key}>
                  <th scope="row">{t(`queue_${key}`)}</th>
                  <td className="num">{count}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t("lastError")}</th>
                <td className="lrs-error">{queue.lastError ? <span dir="ltr">{queue.lastError}</span> : t("noError")}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
