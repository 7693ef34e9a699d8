import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { AuthForm, AuthSwitchLink, type AuthLabels } from "./auth-form";

const LABELS = [
  "email", "emailOrLogin", "emailOrLoginHint", "password", "newPassword", "passwordHint", "displayName", "displayNameHint", "facilitatorRole",
  "facilitatorRoleHint", "submitSignIn", "submitSignUp", "working", "errorTitle", "failed",
] as const satisfies readonly (keyof AuthLabels)[];

/** The shared frame of the sign-in and sign-up pages. */
export async function AuthPage({ locale, mode }: { locale: string; mode: "sign-in" | "sign-up" }) {
  const t = await getTranslations({ locale, namespace: "auth" });
  const labels = Object.fromEntries(LABELS.map((k) => [k, t(k)])) as AuthLabels;
  const signIn = mode === "sign-in";
  return (
    <div className="container">
      <div className="narrow">
        <h1>{signIn ? t("signInTitle") : t("signUpTitle")}</h1>
        <p className="lead">{signIn ? t("signInLead") : t("signUpLead")}</p>
        <AuthForm mode={mode} locale={locale} labels={labels} />
        <p>
          {signIn ? t("noAccount") : t("haveAccount")}{" "}
          <AuthSwitchLink href={`/${locale}/${signIn ? "sign-up" : "sign-in"}`}>{signIn ? t("createOne") : t("signInInstead")}</AuthSwitchLink>
        </p>
        {signIn && (
          <p>
            {t("haveCode")} <Link href={`/${locale}/join`}>{t("joinWithCode")}</Link>
          </p>
        )}
        <p className="meta">{t("guestNote")}</p>
        {!signIn && <p className="meta">{t("privacy")}</p>}
      </div>
    </div>
  );
}
