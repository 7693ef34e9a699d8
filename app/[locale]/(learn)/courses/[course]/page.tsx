import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { allCourseParams, contentPath, getCourse, getVersion, hasCheckForms } from "@/lib/content";
import { blockLang, TranslationNotice } from "@/components/ui/translation-notice";
import { selfPacedCourse } from "@/lib/progress/self-paced";
import { BoosterOffers } from "@/components/progress/booster-offers";
import { CourseOutline } from "@/components/course/course-outline";
import { GuestNextStep } from "@/components/progress/guest-next-step";
import { nextStepLabels } from "@/components/progress/next-step-labels";
import { activityUrl } from "@/lib/content/activity-id";
import { SaveCourse, type SaveCourseLabels } from "@/components/offline/save-course";

const SAVE_LABELS = ["title", "lead", "save", "size", "country", "saving", "progress", "saved", "savedHelp", "remove", "removed", "failed", "unavailable", "unsupported"] as const satisfies readonly (keyof SaveCourseLabels)[];

export function generateStaticParams() {
  return allCourseParams();
}

export async function generateMetadata(props: PageProps<"/[locale]/courses/[course]">): Promise<Metadata> {
  const { locale, course } = await props.params;
  const found = getCourse(locale, course);
  return found ? { title: found.title, description: found.summary } : {};
}

export default async function CoursePage(props: PageProps<"/[locale]/courses/[course]">) {
  const { locale, course: courseId } = await props.params;
  setRequestLocale(locale);
  const course = getCourse(locale, courseId);
  const route = selfPacedCourse(locale, courseId);
  if (!course || !route) notFound();
  const [ts, ta, to, labels] = await Promise.all([
    getTranslations({ locale, namespace: "site" }),
    getTranslations({ locale, namespace: "assessment" }),
    getTranslations({ locale, namespace: "offline" }),
    nextStepLabels(locale),
  ]);
  const saveLabels: SaveCourseLabels = Object.fromEntries(SAVE_LABELS.map((k) => [k, to.raw(k) as string])) as Record<(typeof SAVE_LABELS)[number], string>;
  const hasAssessments = hasCheckForms(locale, course.id);
  const version = getVersion(locale, contentPath.course(course.id));
  const lang = blockLang(locale, version);

  return (
    <div className="container">
      <Breadcrumbs locale={locale} items={[{ label: ts("courses"), href: `/${locale}/courses` }, { label: course.title }]} />
      <h1 lang={lang}>{course.title}</h1>
      <div className="reading">
        <TranslationNotice locale={locale} version={version} kind="course" href={`/${locale}/courses/${course.id}`} />
        <p className="lead" lang={lang}>
          {course.summary}
        </p>
        <p lang={lang}>{course.audience}</p>
        <GuestNextStep locale={locale} route={route} labels={labels} before={{ title: ta("beforeTitle"), link: ta("beforeLink") }} />
      </div>
      <CourseOutline course={course} />
      {hasAssessments && (
        <section className="reading" aria-labelledby="after-title">
          <h2 id="after-title">{ta("afterTitle")}</h2>
          <p>
            <Link className="button" href={activityUrl({ kind: "check", course: course.id, slot: "post" }, locale)}>
              {ta("afterLink")}
            </Link>
          </p>
          <BoosterOffers locale={locale} route={route} labels={{ ...labels, gainShort: ta.raw("gainShort") as string }} />
        </section>
      )}
      <SaveCourse locale={locale} course={course.id} labels={saveLabels} />
    </div>
  );
}
