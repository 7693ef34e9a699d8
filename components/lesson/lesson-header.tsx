import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getTranslations } from "next-intl/server";
import type { Lesson, LessonPosition } from "@/lib/content";
import { ModuleProgress } from "@/components/progress/module-progress";
import { lessonKey } from "@/components/progress/lesson-key";

/**
 * Breadcrumbs, "Module 1 · Lesson 2 of 4" (the dots drawn by CSS, `.dotted`), the module's progress
 * bar, title and summary. `lang` marks the lesson's own words when they are not in the page's
 * language (an untranslated lesson shown in English).
 */
export async function LessonHeader({ lesson, position, suffix, lang }: { lesson: Lesson; position: LessonPosition; suffix?: string; lang?: string }) {
  const [t, ts, tc] = await Promise.all([
    getTranslations({ locale: lesson.locale, namespace: "lesson" }),
    getTranslations({ locale: lesson.locale, namespace: "site" }),
    getTranslations({ locale: lesson.locale, namespace: "course" }),
  ]);
  const { course, module } = position;
  const base = `/${lesson.locale}/courses/${course.id}`;
  return (
    <header className="lesson-header">
      <Breadcrumbs locale={lesson.locale} items={[
          { label: ts("courses"), href: `/${lesson.locale}/courses` },
          { label: course.title, href: base },
          { label: module.title, current: false },
          ...(suffix ? [{ label: lesson.title, href: `${base}/${lesson.id}` }] : []),
        ]} />
      <h1 lang={suffix ? undefined : lang}>{suffix ?? lesson.title}</h1>
      <p className="eyebrow dotted">
        <span>{tc("module", { number: module.number })}</span>
        <span>{t("position", { number: position.number, total: module.lessons.length })}</span>
        {!suffix && <span>{t("minutes", { minutes: lesson.minutes })}</span>}
      </p>
      <ModuleProgress
        lessonKeys={module.lessons.map((l) => lessonKey(lesson.locale, course.id, l.id))}
        template={tc.raw("moduleProgress") as string}
      />
      {!suffix && (
        <p className="lead" lang={lang}>
          {lesson.summary}
        </p>
      )}
    </header>
  );
}
