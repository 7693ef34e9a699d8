// A course as the self-paced route sees it: which lessons finish the course, and what each
// lesson's quiz trains. Built from content only (no learner data), so a static page can hand it
// to the browser for a guest, and the dashboard uses the same facts for a signed-in learner.
import "server-only";
import { getBoosters, getCourse, getQuiz, getTracks, hasCheckForms } from "@/lib/content";
import { skillCounts, type SkillCounts } from "./practice";

export interface SelfPacedCourse {
  courseId: string;
  /** Lessons in course order. */
  lessons: {
    id: string;
    title: string;
    /** Counts towards finishing the course; optional modules (for facilitators) do not. */
    core: boolean;
    /** Questions per skill in the lesson's quiz; null when the lesson has no quiz. */
    counts: SkillCounts | null;
    quizId: string | null;
  }[];
  hasChecks: boolean;
  boosters: { id: string; title: string; offerAfterDays: number }[];
}

/**
 * The modules the self-paced track puts before its final check. The track says "straight after
 * module 5" for the final check and lists "Leading a session" after the refreshers as optional,
 * so only what comes before the final check is needed to finish. With no self-paced track for the
 * course, or no final check in it, every module counts.
 */
export function coreModules(locale: string, courseId: string): Set<string> | null {
  const track = getTracks(locale).find((t) => t.kind === "self-paced" && t.course === courseId);
  if (!track || track.kind !== "self-paced") return null;
  const post = track.steps.findIndex((s) => s.type === "assessment" && s.id === "post");
  if (post < 0) return null;
  return new Set(track.steps.slice(0, post).filter((s) => s.type === "module").map((s) => s.id));
}

export function selfPacedCourse(locale: string, courseId: string): SelfPacedCourse | undefined {
  const course = getCourse(locale, courseId);
  if (!course) return undefined;
  const core = coreModules(locale, courseId);
  return {
    courseId,
    lessons: course.modules.flatMap((m) =>
      m.lessons.map((l) => {
        const quiz = l.quizId ? getQuiz(locale, courseId, l.quizId) : undefined;
        return { id: l.id, title: l.title, core: core ? core.has(m.id) : true, counts: quiz ? skillCounts(quiz) : null, quizId: quiz ? l.quizId! : null };
      }),
    ),
    hasChecks: hasCheckForms(locale, courseId),
    boosters: getBoosters(locale, courseId).map((b) => ({ id: b.id, title: b.title, offerAfterDays: b.offerAfterDays })),
  };
}
