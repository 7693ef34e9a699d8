import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getCourse } from "@/lib/content";
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
  const t = await getTranslations({ locale, namespace: "lti" });
  return (
    <div className="container">
      <h1>{course.title}</h1>
      <p className="lead reading">{t("courseLead")}</p>
      <CourseOutline course={course} base={`/${locale}/lti/courses/${course.id}`} />
    </div>
  );
}
