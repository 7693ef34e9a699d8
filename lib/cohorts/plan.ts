// A group's plan (its track, content/<locale>/tracks/*.yml) read two ways: as its learners follow it
// (whether it opens with the starting check, its lessons in the plan's order) and as its reports
// show it (the lessons it covers, in course order and numbered as the course numbers them, so a
// workshop group is not shown the facilitators' own module 6). Pure over content; no database.
import { getCourse, getTrack, type Course, type LessonRef, type Track } from "@/lib/content";

export interface LearnerPlan {
  /** The plan has a starting check (a workshop part, a self-paced step or a school activity). */
  hasPre: boolean;
  /** The course lessons the plan uses, in the plan's order, each once. */
  lessons: LessonRef[];
}

/** The lesson ids a track names, in its order (modules stand for all their lessons). */
function lessonIds(track: Track, course: Course): string[] {
  const moduleLessons = (id: string) => course.modules.find((m) => m.id === id)?.lessons.map((l) => l.id) ?? [];
  switch (track.kind) {
    case "workshop":
      return track.parts.flatMap((p) => (p.lessons.length > 0 ? p.lessons : p.module ? moduleLessons(p.module) : []));
    case "self-paced":
      return track.steps.flatMap((s) => (s.type === "module" ? moduleLessons(s.id) : []));
    case "school":
      return track.lessons.flatMap((l) => l.uses);
  }
}

function opensWithPre(track: Track): boolean {
  switch (track.kind) {
    case "workshop":
      return track.parts.some((p) => p.assessment === "pre");
    case "self-paced":
      return track.steps.some((s) => s.type === "assessment" && s.id === "pre");
    case "school":
      return track.lessons.some((l) => l.activities.some((a) => a.assessment === "pre"));
  }
}

/**
 * The plan of a group on `track` in `course`. Without a track (the content changed since the group
 * was made) the plan asks nothing, and the screen falls back on the group's assignments.
 */
export function learnerPlan(track: Track | undefined, course: Course | undefined): LearnerPlan {
  if (!track || !course || track.course !== course.id) return { hasPre: false, lessons: [] };
  const byId = new Map(course.modules.flatMap((m) => m.lessons).map((l) => [l.id, l]));
  const seen = new Set<string>();
  const lessons: LessonRef[] = [];
  for (const id of lessonIds(track, course)) {
    const lesson = byId.get(id);
    if (lesson && !seen.has(id)) {
      seen.add(id);
      lessons.push(lesson);
    }
  }
  return { hasPre: opensWithPre(track), lessons };
}

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
  const ids = track && track.course === courseId ? new Set(lessonIds(track, course)) : undefined;
  const chosen = ids ? all.filter((l) => ids.has(l.id)) : [];
  return chosen.length ? chosen : all;
}

