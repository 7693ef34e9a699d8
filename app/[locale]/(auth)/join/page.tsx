import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { JoinCodeEntry } from "@/components/join/join-code-entry";
import { normaliseCode } from "@/components/join/code";

export async function generateMetadata(props: PageProps<"/[locale]/join">): Promise<Metadata> {
  const { locale } = await props.params;
  const t = await getTranslations({ locale, namespace: "join" });
  return { title: t("title"), robots: { index: false } };
}

/** Type a group code; the form (or, without JavaScript, this page) goes on to the code's join page. */
export default async function JoinPage(props: PageProps<"/[locale]/join">) {
  const [{ locale }, query] = await Promise.all([props.params, props.searchParams]);
  setRequestLocale(locale);
  const typed = typeof query.code === "string" ? normaliseCode(query.code) : "";
  if (typed) redirect(`/${locale}/join/${encodeURIComponent(typed)}`);
  const t = await getTranslations({ locale, namespace: "join" });
  return (
    <div className="container">
      <div className="narrow">
        <h1>{t("title")}</h1>
        <p className="lead">{t("lead")}</p>
        <JoinCodeEntry locale={locale} />
        <p className="meta">
          {t("noCode")} <Link href={`/${locale}/courses`}>{t("browseCourses")}</Link>
        </p>
      </div>
    </div>
  );
}
