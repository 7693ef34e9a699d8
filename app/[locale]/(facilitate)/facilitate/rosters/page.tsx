import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { signInPath } from "@/lib/http/redirect";
import { getTracks } from "@/lib/content";
import { RosterImport } from "@/components/rosters/roster-import";
import type { RosterLabels } from "@/components/rosters/labels";

export async function generateMetadata(props: PageProps<"/[locale]/facilitate/rosters">): Promise<Metadata> {
  const { locale } = await props.params;
  const t = await getTranslations({ locale, namespace: "rosters" });
  return { title: t("title"), robots: { index: false } };
}

export default async function RostersPage(props: PageProps<"/[locale]/facilitate/rosters">) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const user = await currentUser();
  if (!user) redirect(signInPath(locale, `/${locale}/facilitate/rosters`));
  const [t, tf] = await Promise.all([getTranslations({ locale, namespace: "rosters" }), getTranslations({ locale, namespace: "facilitate" })]);
  if (user.role === "learner") {
    return (
      <div className="container reading">
        <h1>{t("title")}</h1>
        <p className="lead">{t("learnerOnly")}</p>
      </div>
    );
  }
  const tracks = getTracks(locale).map((track) => ({ id: track.id, kind: track.kind, title: track.title }));
  return (
    <div className="container">
      {/* Not printed: the printout is the sign-in sheet alone (components/rosters/rosters.css). */}
      <div className="roster-intro">
        <p>
          <Link href={`/${locale}/facilitate`}>{t("back")}</Link>
        </p>
        <h1>{t("title")}</h1>
        <p className="lead reading">{t("lead")}</p>
        <p className="reading">{t("keeps")}</p>
      </div>
      <RosterImport locale={locale} tracks={tracks} labels={{ ...t.raw("form"), ...tf.raw("form"), issue: t.raw("issue") } as RosterLabels} />
    </div>
  );
}
