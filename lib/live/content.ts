// The content a live session paces, read from the loaded course content (lib/content). The only
// module of lib/live that reaches the content loader, so the reducer and the views stay pure.
import "server-only";
import { getLesson, getQuiz, getScenario, getTrack } from "@/lib/content";
import type { QuestionActivity } from "@/lib/content/activity-id";
import type { LiveContent, PlanLesson, Step, WorkshopPlan } from "./steps";
import { runningOrderFromPlan as orderFromPlan } from "./steps";

const NONE: ReadonlySet<string> = new Set();

function lessonQuiz(locale: string, course: string, lesson: string) {
  const quizId = getLesson(locale, course, lesson)?.quizId;
  return quizId ? getQuiz(locale, course, quizId) : undefined;
}

/** The content of one locale, as the reducer and the views read it. */
export function liveContent(locale: string): LiveContent {
  return {
    question(ref: QuestionActivity) {
      if (ref.quiz.kind !== "lesson") return undefined;
      return lessonQuiz(locale, ref.course, ref.quiz.lesson)?.questions.find((q) => q.id === ref.question);
    },
    scenario: (course, scenario) => getScenario(locale, course, scenario),
    discussion(track, part, index) {
      const plan = getTrack(locale, track);
      if (plan?.kind !== "workshop") return undefined;
      return plan.parts.find((p) => p.id === part)?.discussion[index];
    },
    pairedQuestions(course, lesson) {
      const pairs = lessonQuiz(locale, course, lesson)?.biasPairs ?? [];
      return pairs.length ? new Set(pairs.flatMap((p) => p.versions)) : NONE;
    },
  };
}

/** A lesson as a plan's part uses it: its quiz's questions and its scenario. */
export function planLesson(locale: string, course: string, lesson: string): PlanLesson | undefined {
  const found = getLesson(locale, course, lesson);
  if (!found) return undefined;
  return { id: found.id, questions: lessonQuiz(locale, course, lesson)?.questions ?? [], ...(found.scenarioId ? { scenario: found.scenarioId } : {}) };
}

/** The running order of a workshop plan of this locale, or undefined when there is no such plan. */
export function runningOrderFromPlan(locale: string, trackId: string): Step[] | undefined {
  const track = getTrack(locale, trackId);
  if (track?.kind !== "workshop") return undefined;
  const content = liveContent(locale);
  return orderFromPlan(track as WorkshopPlan & typeof track, (id) => planLesson(locale, track.course, id), (lesson) => content.pairedQuestions(track.course, lesson));
}
