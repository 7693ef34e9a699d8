import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { allCourseParams, getCourse, hasCheckForms } from "@/lib/content";
import { selfPacedCourse } from "@/lib/progress/self-paced";
import { BoosterOffers } from "@/components/progress/booster-offers";
import { CourseOutline } from "@/components/course/course-outline";
import { GuestNextStep } from "@/components/progress/guest-next-step";
import { nextStepLabels } from "@/components/progress/next-step-labels";
import { activityUrl } from "@/lib/content/activity-id";

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
  const [ts, ta, labels] = await Promise.all([
    getTranslations({ locale, namespace: "site" }),
    getTranslations({ locale, namespace: "assessment" }),
    nextStepLabels(locale),
  ]);
  const hasAssessments = hasCheckForms(locale, course.id);

  return (
    <div className="container">
      <Breadcrumbs locale={locale} items={[{ label: ts("courses"), href: `/${locale}/courses` }, { label: course.title }]} />
      <h1>{course.title}</h1>
      <div className="reading">
        <p className="lead">{course.summary}</p>
        <p>{course.audience}</p>
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
    </div>
  );
}
