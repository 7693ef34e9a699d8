// Grading and feedback: pure functions of a question and the options a learner chose.
import type { Question, Quiz } from "./types";
import { discernmentTotals } from "./sensitivity";

export type Verdict = "correct" | "partial" | "incorrect";

export interface OptionFeedback {
  optionId: string;
  chosen: boolean;
  correct: boolean;
  feedback: string;
}

/** Signal-detection counts for a discernment question ("manipulative" is the signal). */
export interface Discernment {
  hits: number;
  misses: number;
  falseAlarms: number;
  correctRejections: number;
}

export interface AnswerResult {
  questionId: string;
  verdict: Verdict;
  /**
   * 0..1: all-or-nothing for one-answer types; for "multiple", right picks minus wrong picks; for
   * "sort" and "discern", the share of items placed or judged rightly.
   */
  points: number;
  discernment?: Discernment;
  /** Feedback for every option the learner chose and every correct option they missed. */
  feedback: OptionFeedback[];
  explanation: string;
}

export class GradingError extends Error {}

/** Grade one answer. Throws GradingError when the choice does not fit the question. */
export function gradeAnswer(question: Question, chosen: readonly string[]): AnswerResult {
  if (question.type === "sort") return gradeSort(question, chosen);
  if (question.type === "discern") return gradeDiscern(question, chosen);
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

/** "sort": `chosen` holds "<item>:<category>" for every item, each item once. */
function gradeSort(question: Question, chosen: readonly string[]): AnswerResult {
  const categories = new Set((question.categories ?? []).map((c) => c.id));
  const placed = new Map<string, string>();
  for (const pick of chosen) {
    const [item, category] = pick.split(":");
    if (!question.options.some((o) => o.id === item)) throw new GradingError(`question ${question.id}: there is no item "${item}"`);
    if (!category || !categories.has(category)) throw new GradingError(`question ${question.id}: there is no pile "${category ?? ""}"`);
    if (placed.has(item)) throw new GradingError(`question ${question.id}: item "${item}" was placed twice`);
    placed.set(item, category);
  }
  const missing = question.options.filter((o) => !placed.has(o.id));
  if (missing.length) throw new GradingError(`question ${question.id}: sort every item (missing: ${missing.map((o) => o.id).join(", ")})`);
  const right = new Map(question.correct.map((c) => c.split(":") as [string, string]));
  const feedback = question.options.map((o) => ({
    optionId: o.id,
    chosen: true,
    correct: right.get(o.id) === placed.get(o.id),
    feedback: o.feedback,
  }));
  const good = feedback.filter((f) => f.correct).length;
  const points = good / question.options.length;
  return { questionId: question.id, verdict: points === 1 ? "correct" : points > 0 ? "partial" : "incorrect", points, feedback, explanation: question.explanation };
}

/** "discern": `chosen` holds the posts flagged as manipulative (none is a valid answer). */
function gradeDiscern(question: Question, chosen: readonly string[]): AnswerResult {
  const flagged = new Set(chosen);
  if (flagged.size !== chosen.length) throw new GradingError(`question ${question.id}: a post was flagged twice`);
  for (const id of flagged) {
    if (!question.options.some((o) => o.id === id)) throw new GradingError(`question ${question.id}: there is no post "${id}"`);
  }
  const manipulative = new Set(question.correct);
  const d: Discernment = { hits: 0, misses: 0, falseAlarms: 0, correctRejections: 0 };
  const feedback = question.options.map((o) => {
    const isManipulative = manipulative.has(o.id);
    const isFlagged = flagged.has(o.id);
    if (isManipulative) d[isFlagged ? "hits" : "misses"]++;
    else d[isFlagged ? "falseAlarms" : "correctRejections"]++;
    return { optionId: o.id, chosen: isFlagged, correct: isManipulative === isFlagged, feedback: o.feedback };
  });
  const points = (d.hits + d.correctRejections) / question.options.length;
  return {
    questionId: question.id,
    verdict: points === 1 ? "correct" : points > 0 ? "partial" : "incorrect",
    points,
    discernment: d,
    feedback,
    explanation: question.explanation,
  };
}

/** Hit rate and false-alarm rate over any number of discernment answers (null when undefined). */
export function discernmentRates(results: readonly { discernment?: Discernment }[]): { hitRate: number | null; falseAlarmRate: number | null; items: number } {
  const t = discernmentTotals(results);
  const signal = t.hits + t.misses;
  const noise = t.falseAlarms + t.correctRejections;
  return { hitRate: signal ? t.hits / signal : null, falseAlarmRate: noise ? t.falseAlarms / noise : null, items: signal + noise };
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
    // An empty answer is a real answer only for discernment ("nothing here is manipulative").
    if (!chosen || (chosen.length === 0 && q.type !== "discern")) continue;
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
