import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getCourses } from "@/lib/content";
import { CourseOutline } from "@/components/course/course-outline";

export async function generateMetadata(props: PageProps<"/[locale]/courses">): Promise<Metadata> {
  const { locale } = await props.params;
  const t = await getTranslations({ locale, namespace: "catalogue" });
  return { title: t("title") };
}

export default async function CataloguePage(props: PageProps<"/[locale]/courses">) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "catalogue" });
  const courses = getCourses(locale);

  return (
    <div className="container">
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {courses.map((course) => {
        const lessons = course.modules.reduce((n, m) => n + m.lessons.length, 0);
        return (
          <section key={course.id} aria-labelledby={`course-${course.id}`}>
            <h2 id={`course-${course.id}`}>
              <Link href={`/${locale}/courses/${course.id}`}>{course.title}</Link>
            </h2>
            <p>{course.summary}</p>
            <p className="meta dotted">
              <span>{t("modules", { count: course.modules.length })}</span>
              <span>{t("lessons", { count: lessons })}</span>
            </p>
            <CourseOutline course={course} headingLevel={3} />
          </section>
        );
      })}
    </div>
  );
}
