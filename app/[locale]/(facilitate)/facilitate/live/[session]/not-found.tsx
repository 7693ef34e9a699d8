import { getLocale, getTranslations } from "next-intl/server";
import { NotFoundState } from "@/components/ui/not-found-state";

export default async function LiveSessionNotFound() {
  const locale = await getLocale();
  const [t, live] = await Promise.all([getTranslations({ locale, namespace: "notFound" }), getTranslations({ locale, namespace: "liveFacilitator.notFound" })]);
  return <NotFoundState title={t("title")} body={live("body")} href={`/${locale}/facilitate`} link={live("link")} />;
}
