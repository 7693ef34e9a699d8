import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "@/i18n/routing";
import { getTracks } from "@/lib/content";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata(props: PageProps<"/[locale]/tracks">): Promise<Metadata> {
  const { locale } = await props.params;
  const t = await getTranslations({ locale, namespace: "tracks" });
  return { title: t("title"), description: t("lead") };
}

export default async function TracksPage(props: PageProps<"/[locale]/tracks">) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "tracks" });
  // In the order the home page names the audiences: groups, learning alone, schools.
  const order = ["workshop", "self-paced", "school"];
  const tracks = [...getTracks(locale)].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));

  return (
    <div className="container">
      <div className="reading">
        <h1>{t("title")}</h1>
        <p className="lead">{t("lead")}</p>
      </div>
      <ul className="audiences track-list">
        {tracks.map((track) => (
          <li key={track.id} className="card">
            <p className="eyebrow">{t(`kind.${track.kind}`)}</p>
            <h2>
              <Link href={`/${locale}/tracks/${track.id}`}>{track.title}</Link>
            </h2>
            <p>{track.summary}</p>
            <p className="meta">{track.audience}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
