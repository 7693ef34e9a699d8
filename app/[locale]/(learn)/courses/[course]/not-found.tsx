import { getLocale, getTranslations } from "next-intl/server";
import { NotFoundState } from "@/components/ui/not-found-state";

export default async function CourseNotFound() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: "notFound" });
  return <NotFoundState title={t("title")} body={t("courseBody")} href={`/${locale}/courses`} link={t("courseLink")} />;
}
