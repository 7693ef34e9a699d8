import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { Course } from "@/lib/content";
import { LessonState } from "@/components/progress/lesson-state";
import { ModuleProgress } from "@/components/progress/module-progress";
import { lessonKey } from "@/components/progress/lesson-key";

/**
 * The modules of a course, each with its lessons, progress bar and per-lesson state. `base` is
 * where its lesson pages are (the LTI pages have their own: app/[locale]/lti).
 */
export async function CourseOutline({ course, headingLevel = 2, base = `/${course.locale}/courses/${course.id}` }: { course: Course; headingLevel?: 2 | 3; base?: string }) {
  const t = await getTranslations({ locale: course.locale, namespace: "course" });
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ol className="module-list">
      {course.modules.map((mod) => (
        <li key={mod.id} id={mod.id} className="card module-card">
          <p className="eyebrow">{t("module", { number: mod.number })}</p>
          <Heading>{mod.title}</Heading>
          <p>{mod.summary}</p>
          <ModuleProgress
            lessonKeys={mod.lessons.map((l) => lessonKey(course.locale, course.id, l.id))}
            template={t.raw("moduleProgress") as string}
          />
          <ol className="lesson-list">
            {mod.lessons.map((lesson) => (
              <li key={lesson.id}>
                <Link className="lesson-link" href={`${base}/${lesson.id}`}>
                  <span className="lesson-title">{lesson.title}</span>
                  <LessonState
                    lessonKey={lessonKey(course.locale, course.id, lesson.id)}
                    minutes={t("minutes", { minutes: lesson.minutes })}
                    done={t("done")}
                    best={t.raw("best") as string}
                  />
                </Link>
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}
