import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { allCountryParams, getChannels } from "@/lib/content";
import { findCountry } from "@/components/help/contact";
import { PrintButton } from "@/components/help/print-button";
import { ReportingCard } from "@/components/help/reporting-card";

export function generateStaticParams() {
  return allCountryParams();
}

type Props = PageProps<"/[locale]/help/[country]/card">;

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, country } = await props.params;
  const found = findCountry(getChannels(locale), country);
  if (!found) return {};
  const t = await getTranslations({ locale, namespace: "help" });
  return { title: t("cardTitle", { country: found.name }) };
}

export default async function ReportingCardPage(props: Props) {
  const { locale, country: code } = await props.params;
  setRequestLocale(locale);
  const country = findCountry(getChannels(locale), code);
  if (!country) notFound();
  const t = await getTranslations({ locale, namespace: "help" });

  return (
    <div className="container card-page">
      <div className="actions">
        <PrintButton label={t("print")} />
        <Link href={`/${locale}/help/${code}`}>{t("backToCountry", { country: country.name })}</Link>
      </div>
      <ReportingCard locale={locale} country={country} />
    </div>
  );
}
