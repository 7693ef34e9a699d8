// What a group's plan (its track) asks of a learner, in the plan's order: whether it opens with the
// starting check, and its lessons. Pure over the content types, so it is tested without files.
import type { Course, LessonRef, Track } from "@/lib/content";

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
