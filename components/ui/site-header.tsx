import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccountNav } from "./account-nav";

export async function SiteHeader({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "site" });
  return (
    <header className="site-header">
      <div className="container">
        <Link className="brand" href={`/${locale}`}>
          <span className="brand-mark" aria-hidden="true" />
          {t("name")}
        </Link>
        <nav className="site-nav" aria-label={t("nav")}>
          <ul>
            <li>
              <Link href={`/${locale}/courses`}>{t("courses")}</Link>
            </li>
            <AccountNav locale={locale} labels={{ signIn: t("signIn"), myProgress: t("myProgress"), account: t("account") }} />
          </ul>
        </nav>
      </div>
    </header>
  );
}
