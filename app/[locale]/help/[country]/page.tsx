import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { allCountryParams, getChannels } from "@/lib/content";
import { findCountry } from "@/components/help/contact";
import { ContactList } from "@/components/help/contact-list";
import { ChannelSource } from "@/components/help/channel-source";
import { EmergencyNumbers } from "@/components/help/emergency-numbers";

export function generateStaticParams() {
  return allCountryParams();
}

type Props = PageProps<"/[locale]/help/[country]">;

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, country } = await props.params;
  const found = findCountry(getChannels(locale), country);
  if (!found) return {};
  const t = await getTranslations({ locale, namespace: "help" });
  return { title: t("countryMetaTitle", { country: found.name }) };
}

export default async function CountryHelpPage(props: Props) {
  const { locale, country: code } = await props.params;
  setRequestLocale(locale);
  const country = findCountry(getChannels(locale), code);
  if (!country) notFound();
  const t = await getTranslations({ locale, namespace: "help" });

  return (
    <div className="container">
      <div className="reading">
        <Breadcrumbs locale={locale} items={[{ label: t("breadcrumb"), href: `/${locale}/help` }, { label: country.name }]} />
        <h1>{t("countryTitle", { country: country.name })}</h1>

        <section className="emergency-box" aria-labelledby="emergency-title">
          <h2 id="emergency-title">{t("emergencyTitle")}</h2>
          <EmergencyNumbers numbers={country.emergency} label={t("call")} or={t("or")} />
          <p>{t("emergencyWhen")}</p>
        </section>

        <section aria-labelledby="report-title">
          <h2 id="report-title">{t("reportTitle")}</h2>
          {country.report.length > 0 ? <ContactList locale={locale} contacts={country.report} /> : <p>{t("reportNone")}</p>}
        </section>

        <section aria-labelledby="worried-title">
          <h2 id="worried-title">{t("worriedTitle")}</h2>
          {country.worried.length > 0 ? <ContactList locale={locale} contacts={country.worried} /> : <p>{t("worriedNone")}</p>}
        </section>

        {country.note && (
          <section aria-labelledby="note-title">
            <h2 id="note-title">{t("noteTitle")}</h2>
            <p>{country.note}</p>
          </section>
        )}

        <section className="sources" aria-labelledby="source-title">
          <h2 id="source-title">{t("sourceTitle")}</h2>
          <ChannelSource locale={locale} country={country} withNote />
        </section>

        <div className="actions">
          <Link className="button" href={`/${locale}/help/${code}/card`}>
            {t("printCard")}
          </Link>
        </div>
        <p className="no-reports">{t("noReports")}</p>
      </div>
    </div>
  );
}
