// Grading and feedback: pure functions of a question and the options a learner chose.
import type { Question, Quiz } from "./types";

export type Verdict = "correct" | "partial" | "incorrect";

export interface OptionFeedback {
  optionId: string;
  chosen: boolean;
  correct: boolean;
  feedback: string;
}

export interface AnswerResult {
  questionId: string;
  verdict: Verdict;
  /** 0..1: all-or-nothing for one-answer types; for "multiple", right picks minus wrong picks. */
  points: number;
  /** Feedback for every option the learner chose and every correct option they missed. */
  feedback: OptionFeedback[];
  explanation: string;
}

export class GradingError extends Error {}

/** Grade one answer. Throws GradingError when the choice does not fit the question. */
export function gradeAnswer(question: Question, chosen: readonly string[]): AnswerResult {
  const picked = new Set(chosen);
  if (picked.size === 0) throw new GradingError(`question ${question.id}: choose an answer`);
  if (picked.size !== chosen.length) throw new GradingError(`question ${question.id}: an option was chosen twice`);
  const known = new Set(question.options.map((o) => o.id));
  for (const id of picked) {
    if (!known.has(id)) throw new GradingError(`question ${question.id}: there is no option "${id}"`);
  }
  if (question.type !== "multiple" && picked.size > 1) {
    throw new GradingError(`question ${question.id}: choose one answer`);
  }

  const correct = new Set(question.correct);
  const hits = [...picked].filter((id) => correct.has(id)).length;
  const wrong = picked.size - hits;
  const points = question.type === "multiple" ? Math.max(0, (hits - wrong) / correct.size) : hits === 1 ? 1 : 0;
  const verdict: Verdict = hits === correct.size && wrong === 0 ? "correct" : points > 0 ? "partial" : "incorrect";

  const feedback = question.options
    .filter((o) => picked.has(o.id) || correct.has(o.id))
    .map((o) => ({ optionId: o.id, chosen: picked.has(o.id), correct: correct.has(o.id), feedback: o.feedback }));

  return { questionId: question.id, verdict, points, feedback, explanation: question.explanation };
}

export interface QuizResult {
  /** 0..1, the mean of the question points. */
  score: number;
  /** Whole percent, rounded down so that 69.9 never shows as a pass at 70. */
  percent: number;
  passed: boolean;
  correctCount: number;
  answered: number;
  total: number;
  results: AnswerResult[];
}

/** Grade a whole attempt; unanswered questions count as zero. */
export function gradeQuiz(quiz: Quiz, answers: Readonly<Record<string, readonly string[]>>): QuizResult {
  const results: AnswerResult[] = [];
  let sum = 0;
  for (const q of quiz.questions) {
    const chosen = answers[q.id];
    if (!chosen || chosen.length === 0) continue;
    const r = gradeAnswer(q, chosen);
    results.push(r);
    sum += r.points;
  }
  const total = quiz.questions.length;
  const score = total === 0 ? 0 : sum / total;
  const percent = Math.floor(score * 100 + 1e-9);
  return {
    score,
    percent,
    passed: score + 1e-9 >= quiz.passMark,
    correctCount: results.filter((r) => r.verdict === "correct").length,
    answered: results.length,
    total,
    results,
  };
}
