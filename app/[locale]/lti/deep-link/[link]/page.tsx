import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DeepLinkPicker, type PickerLabels } from "@/components/lti/deep-link-picker";
import { deepLinkPicker } from "@/lib/lti/page-data";

type Props = PageProps<"/[locale]/lti/deep-link/[link]">;

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale } = await props.params;
  const t = await getTranslations({ locale, namespace: "lti" });
  return { title: t("pickTitle"), robots: { index: false } };
}

/** A teacher, sent by their learning platform, picks what to add to their course there. */
export default async function DeepLinkPage(props: Props) {
  const { locale, link } = await props.params;
  setRequestLocale(locale);
  const data = await deepLinkPicker(link, locale);
  if (!data) notFound();
  const t = await getTranslations({ locale, namespace: "lti" });
  const labels = Object.fromEntries(
    (["wholeCourse", "lesson", "quiz", "submit", "working", "failed", "pickOne", "sending"] as const).map((k) => [k, t.raw(`pick.${k}`) as string]),
  ) as PickerLabels;
  return (
    <div className="container">
      <div className="reading">
        <h1>{t("pickTitle")}</h1>
        <p className="lead">{t("pickLead")}</p>
        <DeepLinkPicker id={link} locale={locale} courses={data.courses} acceptMultiple={data.acceptMultiple} labels={labels} />
      </div>
    </div>
  );
}
