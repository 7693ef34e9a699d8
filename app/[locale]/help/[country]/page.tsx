import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { allCountryParams, contentPath, getChannels, getVersion } from "@/lib/content";
import { blockLang, TranslationNotice } from "@/components/ui/translation-notice";
import { findCountry } from "@/components/help/contact";
import { ContactList } from "@/components/help/contact-list";
import { ChannelSource } from "@/components/help/channel-source";
import { EmergencyNumbers } from "@/components/help/emergency-numbers";
import { helpGroups, type HelpGroupId } from "@/components/help/help-groups";
import { RememberCountry } from "@/components/help/remember-country";

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

/** Message keys of each group: its heading, the line under it, and what to say when it lists nothing. */
const GROUP_TEXT: Record<Exclude<HelpGroupId, "danger">, { title: string; lead: string; none?: string }> = {
  online: { title: "onlineTitle", lead: "onlineLead", none: "onlineNone" },
  someone: { title: "someoneTitle", lead: "someoneLead", none: "someoneNone" },
  yourself: { title: "yourselfTitle", lead: "yourselfLead", none: "yourselfNone" },
  hate: { title: "hateTitle", lead: "hateLead" },
  child: { title: "childTitle", lead: "childLead" },
};

export default async function CountryHelpPage(props: Props) {
  const { locale, country: code } = await props.params;
  setRequestLocale(locale);
  const country = findCountry(getChannels(locale), code);
  if (!country) notFound();
  const t = await getTranslations({ locale, namespace: "help" });
  const version = getVersion(locale, contentPath.channels());
  const lang = blockLang(locale, version);

  return (
    <div className="container">
      <div className="reading">
        <Breadcrumbs locale={locale} items={[{ label: t("breadcrumb"), href: `/${locale}/help` }, { label: country.name }]} />
        <h1>{t("countryTitle", { country: country.name })}</h1>
        <RememberCountry code={country.code} />
        <TranslationNotice locale={locale} version={version} kind="help" href={`/${locale}/help/${code}`} />

        {helpGroups(country).map((group) => {
          if (group.id === "danger") {
            return (
              <section key="danger" id="danger" className="emergency-box" aria-labelledby="danger-title">
                <h2 id="danger-title">{t("dangerTitle")}</h2>
                <EmergencyNumbers numbers={country.emergency} label={t("call")} or={t("or")} />
                <p>{t("emergencyWhen")}</p>
              </section>
            );
          }
          const text = GROUP_TEXT[group.id];
          return (
            <section key={group.id} id={group.id} className="help-group" aria-labelledby={`${group.id}-title`}>
              <h2 id={`${group.id}-title`}>{t(text.title)}</h2>
              <p className="help-group-lead">{t(text.lead)}</p>
              {group.advice && (
                <p className="route-advice" lang={lang}>
                  {group.advice}
                </p>
              )}
              {group.entries.length > 0 ? (
                <div lang={lang}>
                  <ContactList locale={locale} contacts={group.entries} detailed />
                </div>
              ) : (
                !group.advice && text.none && <p>{t(text.none)}</p>
              )}
            </section>
          );
        })}

        {country.note && (
          <section aria-labelledby="note-title">
            <h2 id="note-title">{t("noteTitle")}</h2>
            <p lang={lang}>{country.note}</p>
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
