import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "@/i18n/routing";
import { contentPath, getChannels, getVersion } from "@/lib/content";
import { TranslationNotice } from "@/components/ui/translation-notice";
import { helpGroups } from "@/components/help/help-groups";
import { CountryChoice } from "@/components/help/country-choice";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata(props: PageProps<"/[locale]/help">): Promise<Metadata> {
  const { locale } = await props.params;
  const t = await getTranslations({ locale, namespace: "help" });
  return { title: t("metaTitle"), description: t("metaDescription") };
}

export default async function HelpPage(props: PageProps<"/[locale]/help">) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const channels = getChannels(locale);
  if (!channels) notFound();
  const t = await getTranslations({ locale, namespace: "help" });

  return (
    <div className="container">
      <div className="reading">
        <section className="emergency-box" aria-labelledby="emergency-title">
          <h1 id="emergency-title">{t("emergencyTitle")}</h1>
          <p className="emergency-lead">{t("emergencyBody")}</p>
        </section>
        <TranslationNotice locale={locale} version={getVersion(locale, contentPath.channels())} kind="help" href={`/${locale}/help`} />

        {/* The country chosen last time, or one the browser's language suggests: drawn in the browser. */}
        <CountryChoice
          locale={locale}
          countries={channels.countries.map((c) => ({ code: c.code.toLowerCase(), title: t("countryTitle", { country: c.name }) }))}
          labels={{ remembered: t("choiceRemembered"), proposed: t("choiceProposed") }}
        />

        <section aria-labelledby="find-title">
          <h2 id="find-title">{t("findTitle")}</h2>
          <p>{t("findLead")}</p>
          <ul className="country-list">
            {channels.countries.map((c) => (
              <li key={c.code}>
                <Link href={`/${locale}/help/${c.code.toLowerCase()}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </section>

        {/* The path for someone worried about themselves starts here too, not only on a country's page. */}
        <section aria-labelledby="yourself-title">
          <h2 id="yourself-title">{t("yourselfIndexTitle")}</h2>
          <p>{t("yourselfIndexBody")}</p>
          <ul className="yourself-list">
            {channels.countries
              .filter((c) => helpGroups(c).some((g) => g.id === "yourself" && g.entries.length > 0))
              .map((c) => (
                <li key={c.code}>
                  <Link href={`/${locale}/help/${c.code.toLowerCase()}#yourself`}>{t("yourselfIndexLink", { country: c.name })}</Link>
                </li>
              ))}
          </ul>
        </section>

        <section className="card" aria-labelledby="not-listed-title">
          <h2 id="not-listed-title">{t("notListedTitle")}</h2>
          <p>{channels.unknownCountry.emergencyNote}</p>
          <p>{channels.unknownCountry.reportNote}</p>
        </section>

        <p className="no-reports">{t("noReports")}</p>
      </div>
    </div>
  );
}
