// The facts nextStep() decides from (lib/progress/next-step.ts), gathered from the two places a
// learner's progress lives: the account's record (the dashboard's data) and, for a guest, this
// browser's store. Pure, so both paths are tested side by side.
import type { NextStepInput } from "@/lib/progress/next-step";
import { estimateSkills, practiceFor, type PracticeCandidate } from "@/lib/progress/practice";
import type { SelfPacedCourse } from "@/lib/progress/self-paced";
import { DEFAULT_PASS_MARK, SKILLS } from "@/lib/quiz/types";
import type { DashboardData } from "./dashboard-types";
import type { GuestProgress } from "./guest-progress";
import { progressKey, type ProgressActivity } from "@/lib/content/activity-id";

const DAY = 86_400_000;

export function fromDashboard(course: DashboardData["courses"][number], mastery: DashboardData["mastery"], now: number): NextStepInput {
  return {
    now,
    lessons: course.modules.flatMap((m) => m.lessons.map((l) => ({ id: l.id, title: l.title, done: l.completedAt !== null, core: m.core }))),
    checks: course.assessments && { pre: course.assessments.pre !== null, post: course.assessments.post !== null },
    boosters: course.boosters.map((b) => ({ id: b.id, title: b.title, offeredFrom: b.offeredFrom, done: b.score !== null })),
    skills: mastery.map((m) => ({ skill: m.skill, score: m.score, questions: m.questions, practice: course.practice.find((p) => p.skill === m.skill) ?? null })),
    passMark: DEFAULT_PASS_MARK,
  };
}

/**
 * A guest's refreshers open a number of days after the final check this browser recorded, as an
 * account's do after the one the server recorded (lib/progress/queries.ts).
 */
export function guestBoosters(progress: GuestProgress | null, route: Pick<SelfPacedCourse, "courseId" | "boosters">, locale: string) {
  const course = route.courseId;
  const entry = (ref: ProgressActivity) => progress?.lessons[progressKey(locale, ref)];
  const post = entry({ kind: "check", course, slot: "post" })?.doneAt;
  const finished = post ? Date.parse(post) : NaN;
  return route.boosters.map((b) => {
    const own = entry({ kind: "booster", course, booster: b.id });
    return {
      id: b.id,
      title: b.title,
      offerAfterDays: b.offerAfterDays,
      offeredFrom: Number.isNaN(finished) ? null : new Date(finished + b.offerAfterDays * DAY).toISOString(),
      done: Boolean(own?.doneAt),
      percent: own?.lastPercent ?? null,
    };
  });
}

/**
 * The same facts for a guest. This browser keeps each quiz's latest percent, not each answer, so
 * skills are estimated from those percents (lib/progress/practice.ts estimateSkills) and a quiz's
 * percent stands for each of its skills when choosing where to practise.
 */
export function fromGuest(progress: GuestProgress | null, route: SelfPacedCourse, locale: string, now: number): NextStepInput {
  const course = route.courseId;
  const entry = (ref: ProgressActivity) => progress?.lessons[progressKey(locale, ref)];
  const lesson = (id: string) => entry({ kind: "lesson", course, lesson: id });
  const quizzes = route.lessons.flatMap((l) => (l.core && l.counts ? [{ lesson: l, counts: l.counts, percent: lesson(l.id)?.lastPercent }] : []));
  const candidates: PracticeCandidate[] = quizzes.map((q) => ({
    lessonId: q.lesson.id,
    title: q.lesson.title,
    counts: q.counts,
    scores: q.percent === undefined ? {} : Object.fromEntries(SKILLS.map((s) => [s, q.percent! / 100])),
  }));
  return {
    now,
    lessons: route.lessons.map((l) => ({ id: l.id, title: l.title, done: Boolean(lesson(l.id)?.doneAt), core: l.core })),
    checks: route.hasChecks ? { pre: Boolean(entry({ kind: "check", course, slot: "pre" })?.doneAt), post: Boolean(entry({ kind: "check", course, slot: "post" })?.doneAt) } : null,
    boosters: guestBoosters(progress, route, locale),
    skills: estimateSkills(quizzes).map((s) => ({ ...s, practice: practiceFor(s.skill, candidates) })),
    passMark: DEFAULT_PASS_MARK,
  };
}
