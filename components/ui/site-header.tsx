import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { AccountNav } from "./account-nav";

export async function SiteHeader({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "site" });
  return (
    <header className="site-header">
      <div className="container site-header-bar">
        <Link className="brand" href={`/${locale}`}>
          <span className="brand-mark" aria-hidden="true" />
          {t("name")}
        </Link>
        <nav className="site-nav" aria-label={t("nav")}>
          <ul className="site-nav-list">
            <li>
              <Link href={`/${locale}/courses`}>{t("courses")}</Link>
            </li>
            <li>
              <Link href={`/${locale}/tracks`}>{t("tracks")}</Link>
            </li>
            <AccountNav
              locale={locale}
              labels={{ signIn: t("signIn"), myProgress: t("myProgress"), account: t("account"), myGroups: t("myGroups"), joinGroup: t("joinGroup"), admin: t("admin") }}
            />
            {/* Always shown, on every page and screen size: the way to the emergency number and reporting channels. */}
            <li className="nav-emergency">
              <Link href={`/${locale}/help`}>{t("emergencyLink")}</Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
