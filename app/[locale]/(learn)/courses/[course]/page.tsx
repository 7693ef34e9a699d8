import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { allCourseParams, getCourse } from "@/lib/content";
import { CourseOutline } from "@/components/course/course-outline";
import { ContinueLink } from "@/components/progress/continue-link";


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
  const [t, ts] = await Promise.all([
    getTranslations({ locale, namespace: "course" }),
    getTranslations({ locale, namespace: "site" }),
  ]);
  const first = course.modules[0].lessons[0];

  return (
    <div className="container">
      <nav className="breadcrumbs" aria-label={ts("breadcrumb")}>
        <ol>
          <li>
            <Link href={`/${locale}/courses`}>{ts("courses")}</Link>
          </li>
          <li aria-current="page">{course.title}</li>
        </ol>
      </nav>
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
      </div>
      <CourseOutline course={course} />
    </div>
  );
}
