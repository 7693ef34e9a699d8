// The answers a round sends: real questions from the content, valid choices, one client UUID
// per answer, grouped into attempts and shuffled so answers of one attempt race each other.
import crypto from "node:crypto";
import path from "node:path";
import { loadContent, quizKey } from "@/lib/content/load";
import { gradeAnswer, GradingError } from "@/lib/quiz/grade";
import type { Question, Quiz } from "@/lib/quiz/types";
import { pick } from "@/lib/testing/random";
import type { AnswerBody } from "./client";

export interface Activity {
  locale: string;
  courseId: string;
  lessonId: string;
  quiz: Quiz;
}

export interface PlannedAnswer {
  learner: number;
  body: AnswerBody;
}

/** Lesson quizzes of the English course content, read the way the e2e fixtures read them. */
export function loadActivities(root = path.join(process.cwd(), "content")): Activity[] {
  const { content, problems } = loadContent(root);
  if (problems.length) throw new Error(`content is invalid: ${JSON.stringify(problems[0])}`);
  const en = content.find((c) => c.locale === "en");
  if (!en) throw new Error("no English content");
  const activities = en.lessons.flatMap((lesson) => {
    const authored = lesson.quizId ? en.quizzes.get(quizKey(lesson.courseId, lesson.quizId)) : undefined;
    // A learner may answer only their version of a bias-check pair (the server refuses the
    // other); durability is about storage, not the experiment, so paired questions are left out.
    const paired = new Set(authored?.biasPairs?.flatMap((p) => p.versions));
    const quiz = authored && { ...authored, questions: authored.questions.filter((q) => !paired.has(q.id)), biasPairs: [] };
    return quiz && quiz.questions.length ? [{ locale: en.locale, courseId: lesson.courseId, lessonId: lesson.id, quiz }] : [];
  });
  if (!activities.length) throw new Error("the content has no lesson with a quiz to answer");
  return activities;
}



/** A choice the server accepts: random where any option is valid, else the right answer. */
function choose(random: () => number, q: Question): string[] {
  const ids = q.options.map((o) => o.id);
  let chosen: string[];
  if (q.type === "multiple") chosen = ids.filter(() => random() < 0.5);
  else if (q.type === "discern") chosen = ids.filter(() => random() < 0.5);
  else if (q.type === "sort") chosen = q.correct;
  else chosen = [pick(random, ids)];
  if (q.type === "multiple" && chosen.length === 0) chosen = [ids[0]];
  try {
    gradeAnswer(q, chosen);
    return chosen;
  } catch (e) {
    if (e instanceof GradingError) return q.correct;
    throw e;
  }
}

export function planRound(random: () => number, activities: Activity[], learners: number, size: number): PlannedAnswer[] {
  const plan: PlannedAnswer[] = [];
  while (plan.length < size) {
    const learner = Math.floor(random() * learners);
    const a = pick(random, activities);
    const attemptId = crypto.randomUUID();
    for (const q of a.quiz.questions) {
      if (plan.length === size) break;
      plan.push({
        learner,
        body: { id: crypto.randomUUID(), attemptId, locale: a.locale, courseId: a.courseId, lessonId: a.lessonId, questionId: q.id, chosen: choose(random, q) },
      });
    }
  }
  for (let i = plan.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [plan[i], plan[j]] = [plan[j], plan[i]];
  }
  return plan;
}
