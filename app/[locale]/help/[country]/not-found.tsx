import { getLocale, getTranslations } from "next-intl/server";
import { NotFoundState } from "@/components/ui/not-found-state";

export default async function CountryNotFound() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: "notFound" });
  return <NotFoundState title={t("title")} body={t("countryBody")} href={`/${locale}/help`} link={t("countryLink")} />;
}
