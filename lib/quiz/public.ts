// The public view of a quiz that is scored on the server (pre/post assessments, boosters): what
// a page may hold before the learner answers. No key, no correct flag, no option feedback, no
// technique (it names the manipulative posts), no explanation. The key comes back only in the
// answer's response, as a `Reveal`, and the browser joins the two to show the feedback.
// Pure data and functions: shared by the pages (server), the runner (browser) and grading.
import type { AnswerResult, QuizResult } from "./grade";
import type { BiasPair, Question, Quiz, SortCategory } from "./types";

export interface PublicOption {
  id: string;
  text: string;
}

export interface PublicQuestion {
  id: string;
  type: Question["type"];
  prompt: string;
  vignette?: string;
  options: PublicOption[];
  categories?: SortCategory[];
}

export interface PublicQuiz {
  id: string;
  title: string;
  passMark: number;
  questions: PublicQuestion[];
  /** Which questions are two versions of one story (ids only; no key): a learner sees one. */
  biasPairs?: BiasPair[];
}

/** What the server adds to a graded answer: the key and, for discernment, each post's technique. */
export interface Reveal {
  correct: string[];
  techniques?: Record<string, string>;
}

export type RevealedAnswer = AnswerResult & { reveal: Reveal };

/**
 * Copies field by field (never spreads), so a field added to Question later stays on the server
 * until someone decides it is public.
 */
export function toPublicQuiz(quiz: Quiz): PublicQuiz {
  return {
    id: quiz.id,
    title: quiz.title,
    passMark: quiz.passMark,
    questions: quiz.questions.map((q) => ({
      id: q.id,
      type: q.type,
      prompt: q.prompt,
      ...(q.vignette ? { vignette: q.vignette } : {}),
      options: q.options.map((o) => ({ id: o.id, text: o.text })),
      ...(q.categories ? { categories: q.categories.map((c) => ({ id: c.id, label: c.label })) } : {}),
    })),
    biasPairs: quiz.biasPairs?.map((p) => ({ id: p.id, feature: p.feature, versions: p.versions })),
  };
}

/** The key of one answered question, sent with its grade. */
export function revealFor(question: Question, result: AnswerResult): RevealedAnswer {
  const techniques = Object.fromEntries(question.options.filter((o) => o.technique).map((o) => [o.id, o.technique!]));
  return { ...result, reveal: { correct: [...question.correct], ...(Object.keys(techniques).length ? { techniques } : {}) } };
}

/**
 * The question the quiz components draw. Before an answer: the public view with an empty key and
 * blank feedback (nothing to show). After: the key, each post's technique and the feedback of the
 * options the grade names.
 */
export function questionView(q: PublicQuestion, answer?: RevealedAnswer): Question {
  const feedback = new Map(answer?.feedback.map((f) => [f.optionId, f.feedback]));
  return {
    id: q.id,
    type: q.type,
    // The skill is not needed to draw a question; mastery per skill is computed on the server.
    skill: "recognising",
    prompt: q.prompt,
    ...(q.vignette ? { vignette: q.vignette } : {}),
    options: q.options.map((o) => {
      const technique = answer?.reveal.techniques?.[o.id];
      return { id: o.id, text: o.text, feedback: feedback.get(o.id) ?? "", ...(technique ? { technique } : {}) };
    }),
    correct: answer ? answer.reveal.correct : [],
    ...(q.categories ? { categories: q.categories } : {}),
    explanation: answer?.explanation ?? "",
  };
}

/** The attempt's score from the server's grades, counted as gradeQuiz counts (unanswered = 0). */
export function resultFromGrades(quiz: Pick<PublicQuiz, "passMark" | "questions">, grades: readonly AnswerResult[]): QuizResult {
  // In the quiz's order, one grade per question; grades of questions not in the quiz are ignored.
  const results = quiz.questions.flatMap((q) => grades.find((g) => g.questionId === q.id) ?? []);
  const sum = results.reduce((s, r) => s + r.points, 0);
  const total = quiz.questions.length;
  const score = total === 0 ? 0 : sum / total;
  return {
    score,
    percent: Math.floor(score * 100 + 1e-9),
    passed: score + 1e-9 >= quiz.passMark,
    correctCount: results.filter((r) => r.verdict === "correct").length,
    answered: results.length,
    total,
    results,
  };
}
