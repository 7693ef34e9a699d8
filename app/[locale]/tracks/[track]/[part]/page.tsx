import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { trackNames } from "@/components/track/names";
import { SchoolLessonView } from "@/components/track/school-lesson";
import { allSchoolLessonParams, contentPath, getCourse, getSchoolLesson, getVersion } from "@/lib/content";
import { blockLang, TranslationNotice } from "@/components/ui/translation-notice";

export function generateStaticParams() {
  return allSchoolLessonParams();
}

type Props = PageProps<"/[locale]/tracks/[track]/[part]">;

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, track, part } = await props.params;
  const found = getSchoolLesson(locale, track, part);
  if (!found) return {};
  const t = await getTranslations({ locale, namespace: "tracks" });
  return { title: t("lessonHeading", { number: found.number, title: found.lesson.title }), description: found.lesson.objectives[0] };
}

/** One lesson of a school plan: the teacher's plan for it, with links to its student pack. */
export default async function SchoolLessonPage(props: Props) {
  const { locale, track: trackId, part } = await props.params;
  setRequestLocale(locale);
  const found = getSchoolLesson(locale, trackId, part);
  const course = found && getCourse(locale, found.track.course);
  if (!found || !course) notFound();
  const { track, lesson, number, previous, next } = found;
  const [t, ts, ta] = await Promise.all([
    getTranslations({ locale, namespace: "tracks" }),
    getTranslations({ locale, namespace: "site" }),
    getTranslations({ locale, namespace: "assessment" }),
  ]);
  const version = getVersion(locale, contentPath.track(track.id));

  return (
    <div className="container">
      <Breadcrumbs
        locale={locale}
        items={[
          { label: ts("tracks"), href: `/${locale}/tracks` },
          { label: track.title, href: `/${locale}/tracks/${track.id}` },
          { label: t("lessonPage.crumb", { number }) },
        ]}
      />
      <TranslationNotice locale={locale} version={version} kind="track" href={`/${locale}/tracks/${track.id}/${lesson.id}`} />
      <div lang={blockLang(locale, version)}>
        <SchoolLessonView
          locale={locale}
          track={track}
          lesson={lesson}
          number={number}
          previous={previous}
          next={next}
          names={trackNames(locale, track, course, { pre: ta("preTitle"), post: ta("postTitle") })}
        />
      </div>
    </div>
  );
}
