import { getLocale, getTranslations } from "next-intl/server";
import { NotFoundState } from "@/components/ui/not-found-state";

/** Not a member, or no such group: the same words either way, and the way to join one. */
export default async function GroupNotFound() {
  const locale = await getLocale();
  const [t, tg] = await Promise.all([getTranslations({ locale, namespace: "notFound" }), getTranslations({ locale, namespace: "group" })]);
  return <NotFoundState title={t("title")} body={tg("notFoundBody")} href={`/${locale}/join`} link={tg("notFoundLink")} />;
}
