import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

/** "Print: <set>" links from a workshop part or a school activity to its printable materials. */
export async function HandoutLinks({ locale, track, ids, titles }: { locale: string; track: string; ids: string[]; titles: Record<string, string> }) {
  if (ids.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "materials" });
  return (
    <span className="handout-links">
      {ids.map((id) => (
        <span key={id} className="handout-link">
          <Link href={`/${locale}/tracks/${track}/materials/${id}`}>{t("handout", { title: titles[id] ?? id })}</Link>
        </span>
      ))}
    </span>
  );
}

/** The way from a track's page to all its printable materials. */
export async function MaterialsSection({ locale, track }: { locale: string; track: string }) {
  const t = await getTranslations({ locale, namespace: "materials" });
  return (
    <section aria-labelledby="printables-title">
      <h2 id="printables-title">{t("title")}</h2>
      <p>{t("trackSectionBody")}</p>
      <p>
        <Link className="button secondary" href={`/${locale}/tracks/${track}/materials`}>
          {t("trackSectionLink")}
        </Link>
      </p>
    </section>
  );
}
