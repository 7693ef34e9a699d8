import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "@/i18n/routing";
import { SavedCourses } from "@/components/offline/saved-courses";

// What the service worker shows for a page it has not saved when the network is down (app/sw.ts):
// static, precached in every language, the same for everyone. Which courses this device saved is
// read in the browser (components/offline/saved-courses.tsx).
export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata(props: PageProps<"/[locale]/offline">): Promise<Metadata> {
  const { locale } = await props.params;
  const t = await getTranslations({ locale, namespace: "offline" });
  return { title: t("pageTitle"), robots: { index: false } };
}

export default async function OfflinePage(props: PageProps<"/[locale]/offline">) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "offline" });
  return (
    <div className="container">
      <div className="reading">
        <h1>{t("pageTitle")}</h1>
        <p className="lead">{t("pageLead")}</p>
        <p>{t("pageNeeds")}</p>
        <SavedCourses
          locale={locale}
          labels={{ heading: t("savedHeading"), none: t("noneSaved"), help: t("helpLink"), retry: t("retry") }}
        />
      </div>
    </div>
  );
}
