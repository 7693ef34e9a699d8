import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { canChangePassword } from "@/lib/auth/password-change";
import { currentUser } from "@/lib/auth/session";
import { signInPath } from "@/lib/http/redirect";
import { AccountActions, type AccountLabels } from "@/components/account/account-actions";
import { ChangePassword, type PasswordLabels } from "@/components/account/change-password";
import { NAME_SLOT, withNames } from "@/components/ui/user-text";

export const metadata: Metadata = { robots: { index: false } };

export default async function AccountPage(props: PageProps<"/[locale]/account">) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const user = await currentUser();
  if (!user) redirect(signInPath(locale, `/${locale}/account`));
  const [t, ta, ownPassword] = await Promise.all([getTranslations({ locale, namespace: "account" }), getTranslations({ locale, namespace: "auth" }), canChangePassword(user)]);
  const form = { errorTitle: ta("errorTitle"), failed: ta("failed"), working: ta("working") };
  const labels: AccountLabels = {
    signOut: t("signOut"),
    signOutEverywhere: t("signOutEverywhere"),
    signOutEverywhereLead: t("signOutEverywhereLead"),
    sessionsTitle: t("sessionsTitle"),
    unsentTitle: t("unsentTitle"),
    unsentBody: t.raw("unsentBody") as string,
    signOutAnyway: t("signOutAnyway"),
    deleteTitle: t("deleteTitle"),
    deleteLead: t("deleteLead"),
    deletePassword: t("deletePassword"),
    delete: t("delete"),
    ...form,
  };
  const passwordLabels: PasswordLabels = {
    passwordTitle: t("passwordTitle"),
    passwordLead: t("passwordLead"),
    currentPassword: t("currentPassword"),
    newPassword: t("newPassword"),
    newPasswordHint: t("newPasswordHint"),
    changePassword: t("changePassword"),
    passwordChanged: t("passwordChanged"),
    passwordChangedSignIn: t("passwordChangedSignIn"),
    signInAgain: t("signInAgain"),
    ...form,
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
        {ownPassword ? (
          <ChangePassword locale={locale} labels={passwordLabels} />
        ) : (
          // A nickname account's passphrase comes from its facilitator: no form, one line saying so.
          <section aria-labelledby="password-title">
            <h2 id="password-title">{t("passwordTitle")}</h2>
            <p>{t("passwordNickname")}</p>
          </section>
        )}
        <AccountActions locale={locale} labels={labels} />
      </div>
    </div>
  );
}
