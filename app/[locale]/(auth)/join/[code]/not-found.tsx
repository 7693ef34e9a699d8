import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { JoinCodeEntry } from "@/components/join/join-code-entry";

/** A code that opens no open group: say so plainly, and let them type it again. */
export default async function JoinCodeNotFound() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: "join" });
  return (
    <div className="container">
      <div className="narrow">
        <h1>{t("notFoundTitle")}</h1>
        <p className="lead join-not-found">{t("notFoundBody")}</p>
        <h2>{t("tryAgain")}</h2>
        <JoinCodeEntry locale={locale} prefillFromPath />
        <p className="meta">
          {t("noCode")} <Link href={`/${locale}/courses`}>{t("browseCourses")}</Link>
        </p>
      </div>
    </div>
  );
}
