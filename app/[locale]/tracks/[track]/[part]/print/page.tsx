import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PrintButton } from "@/components/help/print-button";
import { schoolLessonPath } from "@/components/track/paths";
import { StudentPack } from "@/components/track/student-pack";
import { allSchoolLessonParams, getMaterial, getMaterialQuizzes, getSchoolLesson } from "@/lib/content";

export function generateStaticParams() {
  return allSchoolLessonParams();
}

type Props = PageProps<"/[locale]/tracks/[track]/[part]/print">;

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, track, part } = await props.params;
  const found = getSchoolLesson(locale, track, part);
  if (!found) return {};
  const t = await getTranslations({ locale, namespace: "tracks" });
  return { title: t("pack.title", { number: found.number, title: found.lesson.title }) };
}

/** A school lesson's print view: the students' text, the other task and the lesson's worksheets. */
export default async function StudentPackPage(props: Props) {
  const { locale, track: trackId, part } = await props.params;
  setRequestLocale(locale);
  const found = getSchoolLesson(locale, trackId, part);
  if (!found) notFound();
  const { track, lesson, number } = found;
  const [t, ts] = await Promise.all([getTranslations({ locale, namespace: "tracks" }), getTranslations({ locale, namespace: "site" })]);
  // The worksheets of the lesson's activities, in the order the activities use them.
  const handouts = [...new Set(lesson.activities.flatMap((a) => a.handouts))].flatMap((id) => {
    const material = getMaterial(locale, track.id, id);
    return material ? [{ material, quizzes: getMaterialQuizzes(locale, material) }] : [];
  });
  const lessonPath = schoolLessonPath(locale, track.id, lesson.id);

  return (
    <div className="container material-page">
      <Breadcrumbs
        locale={locale}
        items={[
          { label: ts("tracks"), href: `/${locale}/tracks` },
          { label: track.title, href: `/${locale}/tracks/${track.id}` },
          { label: t("lessonPage.crumb", { number }), href: lessonPath },
          { label: t("pack.crumb") },
        ]}
      />
      <div className="actions">
        <PrintButton label={t("pack.print")} />
        <Link href={lessonPath}>{t("pack.back")}</Link>
      </div>
      <StudentPack locale={locale} lesson={lesson} number={number} handouts={handouts} />
    </div>
  );
}
