// The content a live session paces, read from the loaded course content (lib/content). The only
// module of lib/live that reaches the content loader, so the reducer and the views stay pure.
import "server-only";
import { getCourse, getLesson, getQuiz, getScenario, getTrack } from "@/lib/content";
import type { QuestionActivity } from "@/lib/content/activity-id";
import { stepOf, type StepAddress } from "./inputs";
import type { LiveContent, PlanLesson, Step, StepKind, WorkshopPlan } from "./steps";
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

/** One thing "Add from the course" offers: its address (the control route's `add`), its step key and a label. */
export interface AddableItem {
  address: StepAddress;
  key: string;
  kind: Exclude<StepKind, "lobby">;
  /** The question's prompt, the scenario's title, the discussion's question; "" for a check (the screen names it). */
  label: string;
}

/** A group of addable things: a lesson's questions and scenario, the checks, or a plan part's discussions. */
export type AddableSection = { kind: "lesson"; title: string; items: AddableItem[] } | { kind: "checks"; items: AddableItem[] } | { kind: "discussions"; title: string; items: AddableItem[] };

function addable(course: string, address: StepAddress, label: string): AddableItem[] {
  const step = stepOf(course, address);
  return step && step.kind !== "lobby" ? [{ address, key: step.key, kind: step.kind, label }] : [];
}

/**
 * Everything of a session's course a facilitator can put on screen: each lesson's quiz questions
 * (discern questions as discernment rounds; versions of a bias-check pair left out, as the store
 * refuses them), its scenario, the checks (group sessions only) and the discussion prompts of the
 * session's workshop plan.
 */
export function addableContent(locale: string, courseId: string, options: { trackId: string | null; group: boolean }): AddableSection[] {
  const course = getCourse(locale, courseId);
  if (!course) return [];
  const content = liveContent(locale);
  const sections: AddableSection[] = [];
  for (const lessonId of course.modules.flatMap((m) => m.lessons.map((l) => l.id))) {
    const lesson = getLesson(locale, courseId, lessonId);
    if (!lesson) continue;
    const paired = content.pairedQuestions(courseId, lessonId);
    const items = (lessonQuiz(locale, courseId, lessonId)?.questions ?? [])
      .filter((q) => !paired.has(q.id))
      .flatMap((q) => addable(courseId, { kind: q.type === "discern" ? "discernment" : "question", lesson: lessonId, question: q.id }, q.prompt));
    const scenario = lesson.scenarioId ? getScenario(locale, courseId, lesson.scenarioId) : undefined;
    if (scenario && lesson.scenarioId) items.push(...addable(courseId, { kind: "scenario", lesson: lessonId, scenario: lesson.scenarioId }, scenario.title));
    if (items.length) sections.push({ kind: "lesson", title: lesson.title, items });
  }
  if (options.group) sections.push({ kind: "checks", items: (["pre", "post"] as const).flatMap((slot) => addable(courseId, { kind: "check", slot }, "")) });
  const plan = options.trackId ? getTrack(locale, options.trackId) : undefined;
  if (plan?.kind === "workshop") {
    for (const part of plan.parts) {
      const items = part.discussion.flatMap((d, index) => addable(courseId, { kind: "discussion", track: plan.id, part: part.id, index }, d.question));
      if (items.length) sections.push({ kind: "discussions", title: part.title, items });
    }
  }
  return sections;
}
