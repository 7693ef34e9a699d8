// Grading for guests on the quizzes whose keys stay on the server (pre/post assessments and
// boosters): one answer in, its grade and key out, nothing stored. A signed-in learner's answers
// go through recordAnswer instead, which grades, stores and returns the same shape.
import "server-only";
import { findQuizActivity } from "@/lib/content";
import { AppError } from "@/lib/errors";
import { gradeAnswer, GradingError } from "@/lib/quiz/grade";
import { revealFor, type RevealedAnswer } from "@/lib/quiz/public";
import type { Question } from "@/lib/quiz/types";
import type { PublicAnswerInput } from "./inputs";

/** Grades with lib/quiz, turning a choice that does not fit the question into a 400. */
export function gradeOrRefuse(question: Question, chosen: readonly string[]) {
  try {
    return gradeAnswer(question, chosen);
  } catch (e) {
    if (e instanceof GradingError) throw new AppError("bad_request", "quiz.invalidAnswer", { question: question.id });
    throw e;
  }
}

/**
 * Grades one guest answer of an assessment or booster question. Lesson quizzes are refused: their
 * pages grade in the browser (docs/grading.md), so this route has nothing to add for them.
 */
export function gradePublicAnswer(input: PublicAnswerInput): RevealedAnswer {
  // A check slot is graded on the form the guest's browser drew (publicAnswerInput requires it).
  const found = findQuizActivity(input.locale, input.courseId, input.lessonId, input.form);
  if (!found || found.kind === "lesson") throw new AppError("not_found", "content.unknownAssessment");
  const question = found.quiz.questions.find((q) => q.id === input.questionId);
  if (!question) throw new AppError("bad_request", "quiz.unknownQuestion");
  return revealFor(question, gradeOrRefuse(question, input.chosen));
}
