import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ltiErrorMessage } from "@/lib/lti/error-page";

export async function generateMetadata(props: PageProps<"/[locale]/lti/error">): Promise<Metadata> {
  const { locale } = await props.params;
  const t = await getTranslations({ locale, namespace: "lti" });
  return { title: t("errorTitle"), robots: { index: false } };
}

/** Why a launch from a learning platform was refused, in the reader's language, and what to do. */
export default async function LtiErrorPage(props: PageProps<"/[locale]/lti/error">) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const { code } = await props.searchParams;
  const [t, message] = await Promise.all([getTranslations({ locale, namespace: "lti" }), ltiErrorMessage(locale, code)]);
  return (
    <div className="container">
      <div className="reading lti-error">
        <h1>{t("errorTitle")}</h1>
        <p className="lead" role="alert">
          {message.text}
        </p>
        <p>{t("errorBody")}</p>
        <p>
          {t("errorCode")} <code>{message.key}</code>
        </p>
      </div>
    </div>
  );
}
