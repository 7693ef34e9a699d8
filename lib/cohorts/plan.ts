// The lessons of a group's plan (its track, content/<locale>/tracks/*.yml), the columns of its
// grid, item analysis and export: a workshop group is not shown the facilitators' own module 6,
// nor the lesson the 90 minutes leave out. Pure over content; no database.
import "server-only";
import { getCourse, getTrack, type Course, type Track } from "@/lib/content";

/** A lesson column: its id, title, module number, and its number in the course ("5.3"). */
export interface PlanLesson {
  id: string;
  title: string;
  module: number;
  number: string;
}

/** Every lesson of a course, numbered ("5.3"). */
function numbered(course: Course): PlanLesson[] {
  return course.modules.flatMap((m) => m.lessons.map((l, i) => ({ id: l.id, title: l.title, module: m.number, number: `${m.number}.${i + 1}` })));
}

/** Every lesson of a course, numbered as on the group's reports (the assignments list offers them all). */
export function courseLessons(locale: string, courseId: string): PlanLesson[] {
  const course = getCourse(locale, courseId);
  return course ? numbered(course) : [];
}

/** The course lessons a track covers, by id: the lessons its parts, steps or school lessons use. */
function trackLessonIds(track: Track, course: Course): Set<string> {
  const moduleLessons = (moduleId: string) => course.modules.find((m) => m.id === moduleId)?.lessons.map((l) => l.id) ?? [];
  if (track.kind === "workshop") {
    // A part names its lessons; a part that names only a module takes the whole module.
    return new Set(track.parts.flatMap((p) => (p.lessons.length ? p.lessons : p.module ? moduleLessons(p.module) : [])));
  }
  if (track.kind === "self-paced") return new Set(track.steps.flatMap((s) => (s.type === "module" ? moduleLessons(s.id) : [])));
  // The school plan teaches its own lessons; each names the course lessons it draws on.
  return new Set(track.lessons.flatMap((l) => l.uses));
}

/**
 * The plan's lessons in course order, numbered as the course numbers them (so "5.3" means the
 * same lesson on every group's page). Every lesson of the course when the track is unknown, is
 * for another course, or names none: a group never loses its columns to a content change.
 */
export function planLessons(locale: string, courseId: string, trackId: string): PlanLesson[] {
  const course = getCourse(locale, courseId);
  if (!course) return [];
  const all = numbered(course);
  const track = getTrack(locale, trackId);
  const ids = track && track.course === courseId ? trackLessonIds(track, course) : undefined;
  const chosen = ids ? all.filter((l) => ids.has(l.id)) : [];
  return chosen.length ? chosen : all;
}

