import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "@/i18n/routing";

// Where deleting an account ends (components/account/account-actions.tsx): a static page that
// says the account is gone. It holds no personal data: by the time it shows there is none left.
export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata(props: PageProps<"/[locale]/account-deleted">): Promise<Metadata> {
  const { locale } = await props.params;
  const t = await getTranslations({ locale, namespace: "account" });
  return { title: t("deletedTitle"), robots: { index: false } };
}

export default async function AccountDeletedPage(props: PageProps<"/[locale]/account-deleted">) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "account" });
  return (
    <div className="container">
      <div className="reading">
        <h1>{t("deletedTitle")}</h1>
        <p className="lead">{t("deletedBody")}</p>
        <p>{t("deletedViews")}</p>
        <p>{t("deletedNext")}</p>
        <div className="actions">
          <Link className="button" href={`/${locale}/courses`}>
            {t("deletedCourses")}
          </Link>
          <Link className="button secondary" href={`/${locale}`}>
            {t("deletedHome")}
          </Link>
        </div>
      </div>
    </div>
  );
}
