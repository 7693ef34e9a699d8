import { getLocale, getTranslations } from "next-intl/server";
import { NotFoundState } from "@/components/ui/not-found-state";

export default async function TrackNotFound() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: "notFound" });
  return <NotFoundState title={t("title")} body={t("trackBody")} href={`/${locale}/tracks`} link={t("trackLink")} />;
}
