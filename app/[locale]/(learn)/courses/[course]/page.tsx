import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { allCourseParams, getBoosters, getCourse, hasCheckForms } from "@/lib/content";
import { BoosterOffers } from "@/components/progress/booster-offers";
import { CourseOutline } from "@/components/course/course-outline";
import { ContinueLink } from "@/components/progress/continue-link";
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
  if (!course) notFound();
  const [t, ts, ta] = await Promise.all([
    getTranslations({ locale, namespace: "course" }),
    getTranslations({ locale, namespace: "site" }),
    getTranslations({ locale, namespace: "assessment" }),
  ]);
  const first = course.modules[0].lessons[0];
  const hasAssessments = hasCheckForms(locale, course.id);
  const boosters = getBoosters(locale, course.id);

  return (
    <div className="container">
      <Breadcrumbs locale={locale} items={[{ label: ts("courses"), href: `/${locale}/courses` }, { label: course.title }]} />
      <h1>{course.title}</h1>
      <div className="reading">
        <p className="lead">{course.summary}</p>
        <p>{course.audience}</p>
        <div className="actions">
          <ContinueLink
            locale={locale}
            first={{ href: `/${locale}/courses/${course.id}/${first.id}`, title: first.title }}
            labels={{ continue: t.raw("continue") as string, start: t.raw("start") as string }}
          />
        </div>
        {hasAssessments && (
          <p>
            <strong>{ta("beforeTitle")}:</strong> <Link href={activityUrl({ kind: "check", course: course.id, slot: "pre" }, locale)}>{ta("beforeLink")}</Link>
          </p>
        )}
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
          <BoosterOffers
            locale={locale}
            courseId={course.id}
            boosters={boosters.map((b) => ({ id: b.id, title: b.title, offerAfterDays: b.offerAfterDays }))}
            labels={{ boostersTitle: ta("boostersTitle"), boosterDue: ta.raw("boosterDue") as string, boosterLater: ta.raw("boosterLater") as string, gainShort: ta.raw("gainShort") as string }}
          />
        </section>
      )}
    </div>
  );
}
