// The app's read access to content: loaded once per server process from content/, validated,
// and looked up by locale, course and lesson. Pages call these; nothing here touches a database.
import "server-only";
import path from "node:path";
import { cache } from "react";
import { loadContent, quizKey, type CheckForms, type Course, type Lesson, type LocaleContent, type Material } from "./load";
import type { Quiz } from "@/lib/quiz/types";
import { experimentsOf, type Experiment, type FormId } from "@/lib/quiz/experiments";
import { parseProgressActivity, type ProgressActivity } from "./activity-id";
import { processSingleton } from "@/lib/process-singleton";
import { asShown } from "./pair-rules";
import { readLocales } from "./locales";
import { versionOf, type Version } from "./versions";

export { contentPath, leastFinished, sourceHref, type Version, type VersionStatus } from "./versions";

export type { Activity, AttitudeItem, Attitudes, Booster, Channels, CheckForms, Course, Lesson, LessonRef, Material, Module, Scenario, Track } from "./load";

/** Loaded once per process, shared by every bundled copy of this module (lib/process-singleton.ts). */
const store = processSingleton("content", () => ({ loaded: undefined as LocaleContent[] | undefined }));

function all(): LocaleContent[] {
  if (store.loaded) return store.loaded;
  const { content, problems } = loadContent(path.join(process.cwd(), "content"));
  if (problems.length > 0) {
    const list = problems.map((p) => `${p.file}${p.field ? ` › ${p.field}` : ""}: ${p.message}`).join("\n  ");
    throw new Error(`content is invalid (run npm run content:check):\n  ${list}`);
  }
  store.loaded = content;
  return content;
}

/**
 * Loads and checks the content now, from the health check (app/api/health: `npm run hall`, the
 * e2e and bench servers and load balancers wait for it before sending anyone), instead of in the
 * first request that needs it: reading and validating every locale's files takes about 3 s of
 * CPU on a cold process, and in a hall that request is one of 300 phones answering at once, every
 * other one then queued behind it (bench/README.md, suite 8). Not from instrumentation's
 * register(): the content's run-time paths would make the build trace the whole project for it,
 * tests and data included, and outputFileTracingExcludes does not apply there (e2e/static.spec.ts).
 */
export function warmContent(): void {
  all();
}

function forLocale(locale: string): LocaleContent | undefined {
  return all().find((c) => c.locale === locale);
}

/**
 * The locales the app serves (content/locales.json), for generateStaticParams: a folder under
 * content/ that is not listed yet is a translation under way, checked but not built into pages.
 */
function served(): LocaleContent[] {
  const listed = readLocales(path.join(process.cwd(), "content"));
  if ("error" in listed || listed.locales.length === 0) return all();
  return all().filter((c) => listed.locales.some((l) => l.code === c.locale));
}

/**
 * Which version of a content file a page in `locale` shows (lib/content/versions.ts): the
 * translation, or the English file when there is none yet. `file` is its path inside the locale
 * folder (contentPath, or a lesson's `path`).
 */
export const getVersion = cache((locale: string, file: string): Version => {
  const content = forLocale(locale);
  return content ? versionOf(content, file) : { locale, status: "source" };
});

/** A lesson with the version it is shown in (the fallback notice and the block's lang come from it). */
export const getLessonVersion = cache((locale: string, courseId: string, lessonId: string): { lesson: Lesson; version: Version } | undefined => {
  const lesson = getLesson(locale, courseId, lessonId);
  return lesson && { lesson, version: getVersion(locale, lesson.path) };
});

export const getCourses = cache((locale: string): Course[] => forLocale(locale)?.courses ?? []);

export const getCourse = cache((locale: string, courseId: string): Course | undefined =>
  getCourses(locale).find((c) => c.id === courseId),
);

export const getLesson = cache((locale: string, courseId: string, lessonId: string): Lesson | undefined =>
  forLocale(locale)?.lessons.find((l) => l.courseId === courseId && l.id === lessonId),
);

export const getQuiz = cache((locale: string, courseId: string, quizId: string): Quiz | undefined =>
  forLocale(locale)?.quizzes.get(quizKey(courseId, quizId)),
);

/** Where a lesson sits: its module, its number in the module, and its neighbours in the course. */
export interface LessonPosition {
  course: Course;
  module: Course["modules"][number];
  /** 1-based. */
  number: number;
  previous?: { id: string; title: string };
  next?: { id: string; title: string };
}

export const getLessonPosition = cache((locale: string, courseId: string, lessonId: string): LessonPosition | undefined => {
  const course = getCourse(locale, courseId);
  if (!course) return undefined;
  const order = course.modules.flatMap((m) => m.lessons.map((l) => ({ module: m, lesson: l })));
  const i = order.findIndex((e) => e.lesson.id === lessonId);
  if (i < 0) return undefined;
  const { module } = order[i];
  return {
    course,
    module,
    number: module.lessons.findIndex((l) => l.id === lessonId) + 1,
    previous: order[i - 1] && { id: order[i - 1].lesson.id, title: order[i - 1].lesson.title },
    next: order[i + 1] && { id: order[i + 1].lesson.id, title: order[i + 1].lesson.title },
  };
});

/** Every (locale, course, lesson) for generateStaticParams. */
export function allLessonParams(): { locale: string; course: string; lesson: string }[] {
  return served().flatMap((c) => c.lessons.map((l) => ({ locale: c.locale, course: l.courseId, lesson: l.id })));
}

export function allCourseParams(): { locale: string; course: string }[] {
  return served().flatMap((c) => c.courses.map((k) => ({ locale: c.locale, course: k.id })));
}

/** A lesson and its quiz (if any), for grading on the server. */
export function findLessonQuiz(locale: string, courseId: string, lessonId: string): { lesson: Lesson; quiz?: Quiz } | undefined {
  const lesson = getLesson(locale, courseId, lessonId);
  if (!lesson) return undefined;
  return { lesson, quiz: lesson.quizId ? getQuiz(locale, courseId, lesson.quizId) : undefined };
}

export const getTracks = cache((locale: string) => forLocale(locale)?.tracks ?? []);

export const getTrack = cache((locale: string, id: string) => getTracks(locale).find((t) => t.id === id));

/** Reporting channels for a locale, or undefined when the locale has none. */
export const getChannels = cache((locale: string) => forLocale(locale)?.channels);

export const getScenario = cache((locale: string, courseId: string, id: string) => forLocale(locale)?.scenarios.get(quizKey(courseId, id)));

export const getActivity = cache((locale: string, courseId: string, id: string) => forLocale(locale)?.activities.get(quizKey(courseId, id)));

/** Every lesson that links an activity, for the activity page's generateStaticParams. */
export function allActivityParams(): { locale: string; course: string; lesson: string }[] {
  return served().flatMap((c) => c.lessons.filter((l) => l.activityId).map((l) => ({ locale: c.locale, course: l.courseId, lesson: l.id })));
}

/** The course's two parallel check forms (assessments/form-a.yml and form-b.yml), if it has them. */
export const getForms = cache((locale: string, courseId: string): CheckForms => forLocale(locale)?.forms.get(courseId) ?? {});

/** Whether the course has both check forms, and so the starting and final check slots. */
export const hasCheckForms = (locale: string, courseId: string): boolean => Boolean(getForms(locale, courseId).a && getForms(locale, courseId).b);

/** A course's "Your views" statements; an empty list when it asks none. */
export const getAttitudeItems = cache((locale: string, courseId: string) => forLocale(locale)?.attitudes.get(courseId)?.items ?? []);

export const getBoosters = cache((locale: string, courseId: string) =>
  [...(forLocale(locale)?.boosters ?? new Map()).entries()]
    .filter(([k]) => k.startsWith(`${courseId}/`))
    .map(([k, b]) => ({ ...b, id: k.slice(courseId.length + 1) })),
);

/**
 * The quiz of a graded activity: a lesson's quiz, a booster, or a check slot on one of its two
 * forms. A check slot is taken on one of two forms, so finding its quiz needs `form`: the
 * learner's arm (lib/experiments), a stored attempt's quiz_id (check-forms.ts formOfQuizId), or a
 * guest's word. Without a form a check slot finds nothing; use isGradedActivity to ask only
 * whether it exists.
 */
export function findActivityQuiz(locale: string, ref: ProgressActivity, form?: FormId): { quiz: Quiz; kind: "lesson" | "assessment" | "booster" } | undefined {
  switch (ref.kind) {
    case "check": {
      const quiz = form && getForms(locale, ref.course)[form];
      return quiz ? { quiz, kind: "assessment" } : undefined;
    }
    case "booster": {
      const quiz = forLocale(locale)?.boosters.get(quizKey(ref.course, ref.booster));
      return quiz && { quiz, kind: "booster" };
    }
    case "lesson": {
      const found = findLessonQuiz(locale, ref.course, ref.lesson);
      return found?.quiz && { quiz: found.quiz, kind: "lesson" };
    }
  }
}

/** findActivityQuiz by the stored activity id (lib/content/activity-id.ts); undefined for an id that names no graded activity. */
export function findQuizActivity(locale: string, courseId: string, activityId: string, form?: FormId): { quiz: Quiz; kind: "lesson" | "assessment" | "booster" } | undefined {
  const ref = parseProgressActivity(courseId, activityId);
  return ref && findActivityQuiz(locale, ref, form);
}

/** Whether a graded activity exists (a check slot exists when the course has both forms). */
export function isGradedActivity(locale: string, courseId: string, activityId: string): boolean {
  const ref = parseProgressActivity(courseId, activityId);
  if (!ref) return false;
  return ref.kind === "check" ? hasCheckForms(locale, courseId) : findActivityQuiz(locale, ref) !== undefined;
}

export function allTrackParams(): { locale: string; track: string }[] {
  return served().flatMap((c) => c.tracks.map((t) => ({ locale: c.locale, track: t.id })));
}

/** A school track's lesson by id, with its number (1-based) and its neighbours, for the lesson's own page. */
export const getSchoolLesson = cache((locale: string, trackId: string, lessonId: string) => {
  const track = getTrack(locale, trackId);
  if (track?.kind !== "school") return undefined;
  const i = track.lessons.findIndex((l) => l.id === lessonId);
  if (i < 0) return undefined;
  return { track, lesson: track.lessons[i], number: i + 1, previous: track.lessons[i - 1], next: track.lessons[i + 1] };
});

/** Every school lesson of every school track, for the lesson pages' generateStaticParams. */
export function allSchoolLessonParams(): { locale: string; track: string; part: string }[] {
  return served().flatMap((c) => c.tracks.flatMap((t) => (t.kind === "school" ? t.lessons.map((l) => ({ locale: c.locale, track: t.id, part: l.id })) : [])));
}

/** A track's printable materials, in file order (tracks/materials/). */
export const getMaterials = cache((locale: string, trackId: string) => (forLocale(locale)?.materials ?? []).filter((m) => m.tracks.includes(trackId)));

export const getMaterial = cache((locale: string, trackId: string, id: string) => getMaterials(locale, trackId).find((m) => m.id === id));

/**
 * A quiz set's lesson quizzes as a learner sees them: one version of each bias-check pair, so
 * paper never shows both stories of a pair. Lesson quizzes only; the checks' keys stay on the server.
 */
export const getMaterialQuizzes = cache((locale: string, material: Material) => {
  if (material.kind !== "quiz") return [];
  const course = forLocale(locale)?.tracks.find((t) => material.tracks.includes(t.id))?.course;
  return material.lessons.flatMap((lessonId) => {
    const found = course ? findLessonQuiz(locale, course, lessonId) : undefined;
    return found?.quiz ? [{ lessonId, lessonTitle: found.lesson.title, quiz: asShown(found.quiz) }] : [];
  });
});

export function allMaterialParams(): { locale: string; track: string; set: string }[] {
  return served().flatMap((c) => c.materials.flatMap((m) => m.tracks.map((track) => ({ locale: c.locale, track, set: m.id }))));
}

export function allCountryParams(): { locale: string; country: string }[] {
  return served().flatMap((c) => (c.channels?.countries ?? []).map((k) => ({ locale: c.locale, country: k.code.toLowerCase() })));
}

/** Every quiz of a course: its lessons' quizzes, the check forms and the boosters. */
export const getCourseQuizzes = cache((locale: string, courseId: string): Quiz[] => {
  const lessons = (getCourse(locale, courseId)?.modules ?? []).flatMap((m) => m.lessons.flatMap((l) => findLessonQuiz(locale, courseId, l.id)?.quiz ?? []));
  const forms = getForms(locale, courseId);
  return [...lessons, ...[forms.a, forms.b].flatMap((q) => q ?? []), ...getBoosters(locale, courseId)];
});

/** A course's experiments (lib/quiz/experiments.ts): the order of its check forms and its bias pairs. */
export const getCourseExperiments = cache((locale: string, courseId: string): Experiment[] => {
  return experimentsOf(getCourseQuizzes(locale, courseId), hasCheckForms(locale, courseId));
});
