import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { signInPath } from "@/lib/http/redirect";
import { AccountActions, type AccountLabels } from "@/components/account/account-actions";
import { NAME_SLOT, withNames } from "@/components/ui/user-text";

export const metadata: Metadata = { robots: { index: false } };

export default async function AccountPage(props: PageProps<"/[locale]/account">) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const user = await currentUser();
  if (!user) redirect(signInPath(locale, `/${locale}/account`));
  const [t, ta] = await Promise.all([getTranslations({ locale, namespace: "account" }), getTranslations({ locale, namespace: "auth" })]);
  const labels: AccountLabels = {
    signOut: t("signOut"),
    signOutEverywhere: t("signOutEverywhere"),
    signOutEverywhereLead: t("signOutEverywhereLead"),
    sessionsTitle: t("sessionsTitle"),
    deleteTitle: t("deleteTitle"),
    deleteLead: t("deleteLead"),
    deletePassword: t("deletePassword"),
    delete: t("delete"),
    errorTitle: ta("errorTitle"),
    failed: ta("failed"),
    working: ta("working"),
  };
  return (
    <div className="container">
      <div className="reading">
        <h1>{t("title")}</h1>
        <p className="lead">{withNames(t("signedInAs", { name: NAME_SLOT }), user.displayName)}</p>
        <section aria-labelledby="data-title">
          <h2 id="data-title">{t("dataTitle")}</h2>
          <p>{t("dataLead")}</p>
          <p>
            <a className="button secondary" href="/api/account/export" download>
              {t("download")}
            </a>
          </p>
        </section>
        <AccountActions locale={locale} labels={labels} />
      </div>
    </div>
  );
}
