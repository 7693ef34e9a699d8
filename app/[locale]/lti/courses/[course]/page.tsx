import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import Link from "@/components/ui/link";
import { getCourse, hasCheckForms } from "@/lib/content";
import { CourseOutline } from "@/components/course/course-outline";

type Props = PageProps<"/[locale]/lti/courses/[course]">;

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, course } = await props.params;
  const found = getCourse(locale, course);
  return found ? { title: found.title, robots: { index: false } } : {};
}

/** The whole course, launched from a school's learning platform: its lessons, in the frame. */
export default async function LtiCoursePage(props: Props) {
  const { locale, course: courseId } = await props.params;
  setRequestLocale(locale);
  const course = getCourse(locale, courseId);
  if (!course) notFound();
  const [t, ta] = await Promise.all([getTranslations({ locale, namespace: "lti" }), getTranslations({ locale, namespace: "assessment" })]);
  const base = `/${locale}/lti/courses/${course.id}`;
  const checks = hasCheckForms(locale, course.id);
  return (
    <div className="container">
      <h1>{course.title}</h1>
      <p className="lead reading">{t("courseLead")}</p>
      {checks && (
        <p className="reading">
          <Link className="button secondary" href={`${base}/assessment/pre`}>
            {ta("beforeLink")}
          </Link>
        </p>
      )}
      <CourseOutline course={course} base={base} />
      {checks && (
        <section className="reading" aria-labelledby="after-title">
          <h2 id="after-title">{ta("afterTitle")}</h2>
          <p>
            <Link className="button" href={`${base}/assessment/post`}>
              {ta("afterLink")}
            </Link>
          </p>
        </section>
      )}
    </div>
  );
}
