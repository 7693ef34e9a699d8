import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { MaterialList } from "@/components/materials/material-list";
import { allTrackParams, getMaterials, getTrack } from "@/lib/content";

export function generateStaticParams() {
  return allTrackParams();
}

type Props = PageProps<"/[locale]/tracks/[track]/materials">;

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, track } = await props.params;
  const found = getTrack(locale, track);
  if (!found) return {};
  const t = await getTranslations({ locale, namespace: "materials" });
  return { title: t("indexTitle", { track: found.title }) };
}

export default async function MaterialsPage(props: Props) {
  const { locale, track: trackId } = await props.params;
  setRequestLocale(locale);
  const track = getTrack(locale, trackId);
  if (!track) notFound();
  const [t, ts] = await Promise.all([getTranslations({ locale, namespace: "materials" }), getTranslations({ locale, namespace: "site" })]);

  return (
    <div className="container">
      <Breadcrumbs
        locale={locale}
        items={[{ label: ts("tracks"), href: `/${locale}/tracks` }, { label: track.title, href: `/${locale}/tracks/${track.id}` }, { label: t("title") }]}
      />
      <div className="reading">
        <h1>{t("indexTitle", { track: track.title })}</h1>
        <p className="lead">{t("indexLead")}</p>
        <MaterialList locale={locale} track={track.id} materials={getMaterials(locale, track.id)} />
      </div>
    </div>
  );
}
