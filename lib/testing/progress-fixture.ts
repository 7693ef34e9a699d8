// What the progress and account data-layer tests share: the first lesson quiz of the English
// course, an answer to one of its questions (right or wrong), and a row count per learner.
import crypto from "node:crypto";
import type { Db } from "@/lib/db/client";
import { getCourses, getQuiz } from "@/lib/content";

export const course = getCourses("en")[0];
export const lessonRef = course.modules[0].lessons[0];
export const quiz = getQuiz("en", course.id, lessonRef.quizId!)!;
export const ref = { locale: "en", courseId: course.id, lessonId: lessonRef.id };
export const PASSWORD = "river lamp orchard";

/** An answer to the quiz's question at `questionIndex`, in a new answer id. */
export const answer = (attemptId: string, questionIndex: number, correct = true) => {
  const q = quiz.questions[questionIndex];
  const chosen = correct ? q.correct : [q.options.find((o) => !q.correct.includes(o.id))!.id];
  return { id: crypto.randomUUID(), attemptId, ...ref, questionId: q.id, chosen };
};

export async function countRows(handle: Db, table: "quiz_responses" | "quiz_attempts" | "lesson_completions", userId: string) {
  const r = await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).where("user_id", "=", userId).executeTakeFirstOrThrow();
  return Number(r.n);
}
