// Where a launch leads: a lesson, its quiz, or the whole course, named by the resource link's
// custom parameters (course, lesson, view: what Deep Linking writes) or by its target_link_uri.
// Either way it must name content the app has, and the page it opens is one of the app's own LTI
// pages (lib/http/redirect.ts judges any URL first).
import "server-only";
import { getCourse, getCourses, getLesson } from "@/lib/content";
import { CHECK_ACTIVITY_IDS } from "@/lib/content/activity-id";
import { AppError } from "@/lib/errors";
import { safeRedirectPath } from "@/lib/http/redirect";

export type LaunchView = "course" | "lesson" | "quiz";
export interface LaunchTarget {
  course: string;
  lesson?: string;
  view: LaunchView;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The app's own course, lesson and quiz paths, with or without a locale and the lti segment. */
const PATH = /^\/(?:[a-z]{2}(?:-[A-Z]{2})?\/)?(?:lti\/)?courses\/([a-z0-9-]+)(?:\/([a-z0-9-]+)(?:\/(quiz))?)?\/?$/;

function fromCustom(custom: Record<string, unknown> | undefined): LaunchTarget | undefined {
  if (!custom || typeof custom.course !== "string") return undefined;
  const lesson = typeof custom.lesson === "string" && custom.lesson ? custom.lesson : undefined;
  const view = custom.view === "quiz" ? "quiz" : lesson ? "lesson" : "course";
  return { course: custom.course, lesson, view };
}

function fromUri(uri: string | undefined, origin: string): LaunchTarget | undefined {
  const path = safeRedirectPath(uri, origin);
  if (!path) return undefined;
  const m = PATH.exec(new URL(path, origin).pathname);
  if (!m) return undefined;
  return { course: m[1], lesson: m[2], view: m[3] ? "quiz" : m[2] ? "lesson" : "course" };
}

/**
 * The content a launch opens, checked against the content of `locale` (its English version when
 * the locale has none). A target link the app does not serve, or content it lacks, is refused;
 * a launch that names nothing opens the first course.
 */
export function resolveTarget(locale: string, custom: Record<string, unknown> | undefined, targetLinkUri: string | undefined, origin: string): LaunchTarget {
  let target = fromCustom(custom);
  if (!target && targetLinkUri) {
    if (!safeRedirectPath(targetLinkUri, origin)) throw new AppError("bad_request", "lti.badTarget");
    target = fromUri(targetLinkUri, origin);
  }
  if (!target) {
    const first = getCourses(locale)[0] ?? getCourses("en")[0];
    if (!first) throw new AppError("bad_request", "lti.badTarget");
    return { course: first.id, view: "course" };
  }
  if (!SLUG.test(target.course) || (target.lesson && !SLUG.test(target.lesson))) throw new AppError("bad_request", "lti.badTarget");
  if (!getCourse(locale, target.course) && !getCourse("en", target.course)) throw new AppError("bad_request", "lti.badTarget");
  if (target.lesson) {
    const lesson = getLesson(locale, target.course, target.lesson) ?? getLesson("en", target.course, target.lesson);
    if (!lesson || (target.view === "quiz" && !lesson.quizId)) throw new AppError("bad_request", "lti.badTarget");
  }
  return target;
}

/** The LTI page (framable by the registered platforms) that shows a target. */
export function targetPath(locale: string, t: LaunchTarget): string {
  const base = `/${locale}/lti/courses/${t.course}`;
  return t.lesson ? `${base}/${t.lesson}${t.view === "quiz" ? "/quiz" : ""}` : base;
}

/** The activity whose score goes to the link's line item: the lesson's quiz, or the course's final check. */
export function gradedActivity(t: LaunchTarget): string {
  return t.lesson ?? CHECK_ACTIVITY_IDS[CHECK_ACTIVITY_IDS.length - 1];
}
