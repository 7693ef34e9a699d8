import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getChannels } from "@/lib/content";
import { EmergencyLink } from "@/components/help/emergency-link";
import { AccountNav } from "./account-nav";
import { SiteMenu } from "./site-menu";

/**
 * One line on a phone (about 56 px, components/ui/site.css): the brand, a menu for the
 * pages, and the two links that must be one tap from anywhere, "Join a group" and "In an
 * emergency". From 60rem wide the menu's links stand in the line themselves.
 */
export async function SiteHeader({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "site" });
  const helpPages = (getChannels(locale)?.countries ?? []).map((c) => c.code.toLowerCase());
  return (
    <header className="site-header">
      <div className="site-bar">
        <Link className="brand" href={`/${locale}`}>
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t("name")}</span>
        </Link>
        <nav className="site-nav" aria-label={t("nav")}>
          <SiteMenu label={t("menu")}>
            <ul className="site-menu-list">
              <li>
                <Link href={`/${locale}/courses`}>{t("courses")}</Link>
              </li>
              <li>
                <Link href={`/${locale}/tracks`}>{t("tracks")}</Link>
              </li>
              <AccountNav
                locale={locale}
                labels={{ signIn: t("signIn"), myProgress: t("myProgress"), account: t("account"), myGroups: t("myGroups"), admin: t("admin") }}
              />
            </ul>
          </SiteMenu>
          <ul className="site-quick-list">
            <li className="nav-join">
              <Link href={`/${locale}/join`}>{t("joinGroup")}</Link>
            </li>
            {/* Always shown, on every page and screen size: the way to the emergency number and reporting channels. */}
            <li className="nav-emergency">
              <EmergencyLink locale={locale} pages={helpPages} label={t("emergencyLink")} />
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
