// The public pages a learner saves with "Save this course for offline": the course page, each
// lesson (a lesson's scenario is on its page), its quiz and its activity, in one language, plus
// the help pages of every country of that language (the learner picks one). Built from content at
// build time and served as a static file (app/[locale]/(learn)/courses/[course]/offline-manifest.json),
// so it holds nobody's data.
import "server-only";
import { getChannels, getCourse, getLesson } from "@/lib/content";

export interface OfflinePage {
  href: string;
  title: string;
}

export interface OfflineManifest {
  locale: string;
  course: string;
  title: string;
  /** The course page first, then each lesson followed by its quiz and activity, in course order. */
  pages: OfflinePage[];
  /** Help pages: one is saved with the course, the learner's country (components/offline/save-course.tsx). */
  help: { code: string; name: string; href: string }[];
}

export function offlineManifest(locale: string, courseId: string): OfflineManifest | undefined {
  const course = getCourse(locale, courseId);
  if (!course) return undefined;
  const base = `/${locale}/courses/${course.id}`;
  const pages: OfflinePage[] = [{ href: base, title: course.title }];
  for (const ref of course.modules.flatMap((m) => m.lessons)) {
    const lesson = getLesson(locale, course.id, ref.id);
    if (!lesson) continue;
    pages.push({ href: `${base}/${lesson.id}`, title: lesson.title });
    if (lesson.quizId) pages.push({ href: `${base}/${lesson.id}/quiz`, title: lesson.title });
    if (lesson.activityId) pages.push({ href: `${base}/${lesson.id}/activity`, title: lesson.title });
  }
  const help = (getChannels(locale)?.countries ?? []).map((c) => ({ code: c.code.toLowerCase(), name: c.name, href: `/${locale}/help/${c.code.toLowerCase()}` }));
  return { locale, course: course.id, title: course.title, pages, help };
}
