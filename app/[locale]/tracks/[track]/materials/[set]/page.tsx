import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PrintButton } from "@/components/help/print-button";
import { MaterialView } from "@/components/materials/material-view";
import { allMaterialParams, getMaterial, getMaterialQuizzes, getTrack } from "@/lib/content";

export function generateStaticParams() {
  return allMaterialParams();
}

type Props = PageProps<"/[locale]/tracks/[track]/materials/[set]">;

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, track, set } = await props.params;
  const found = getMaterial(locale, track, set);
  return found ? { title: found.title, description: found.summary } : {};
}

export default async function MaterialPage(props: Props) {
  const { locale, track: trackId, set } = await props.params;
  setRequestLocale(locale);
  const track = getTrack(locale, trackId);
  const material = getMaterial(locale, trackId, set);
  if (!track || !material) notFound();
  const [t, ts] = await Promise.all([getTranslations({ locale, namespace: "materials" }), getTranslations({ locale, namespace: "site" })]);
  const index = `/${locale}/tracks/${track.id}/materials`;

  return (
    <div className="container material-page">
      <Breadcrumbs
        locale={locale}
        items={[
          { label: ts("tracks"), href: `/${locale}/tracks` },
          { label: track.title, href: `/${locale}/tracks/${track.id}` },
          { label: t("title"), href: index },
          { label: material.title },
        ]}
      />
      <div className="actions">
        <PrintButton label={t("print")} />
        <Link href={index}>{t("backToIndex")}</Link>
      </div>
      <MaterialView locale={locale} material={material} quizzes={getMaterialQuizzes(locale, material)} />
    </div>
  );
}
