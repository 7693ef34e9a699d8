"use client";
// The quiz runner: one question at a time, feedback after each answer, a score and every
// explanation at the end, and a retry. Grading is lib/quiz's pure functions, run in the browser
// so a guest can take a quiz offline; the attempt is saved to this browser's progress when it
// ends, and, for a signed-in learner, every answer also goes to the server through the outbox
// (where it is graded again). Options are shown in an order of this attempt's own
// (use-attempt-order.ts); grading goes by option id, so the order never changes a score. Each
// answer is kept with the attempt in this browser, so a reload goes on where the learner stopped
// (resume.ts): at the first question not yet answered, or, when all are, at the last one's feedback.
// The quiz's state is the shared reducer (lib/quiz/runner-state.ts), paced by the learner.
import { useEffect, useReducer, useRef, useState, type FormEvent } from "react";
import { gradeAnswer, gradeQuiz, type AnswerResult, type QuizResult } from "@/lib/quiz/grade";
import type { Quiz } from "@/lib/quiz/types";
import { fill } from "@/components/ui/fill";
import { ProgressBar } from "@/components/ui/progress-bar";
import { lessonKey, recordQuizAttempt, useGuestProgress } from "@/components/progress/guest-progress";
import { attemptAnswers, saveAnswer } from "@/components/progress/quiz-attempt";
import { isSignedInHint } from "@/components/progress/account-hint";
import { enqueue } from "@/components/progress/outbox";
import type { QuizLabels } from "./labels";
import { useAttemptOrder } from "./use-attempt-order";
import { answerIdFor } from "@/lib/quiz/answer-id";
import { initialRunnerState, runnerReducer, shownGrade } from "@/lib/quiz/runner-state";
import { AnswerFeedback } from "./answer-feedback";
import { QuestionView } from "./question-view";
import { QuizResultView } from "./quiz-result";
import { toChosen } from "./question-inputs";
import { restoreChoices } from "./resume";

export type { QuizLabels } from "./labels";

interface Props {
  quiz: Quiz;
  /** Where progress is kept: the stored id of a lesson, check slot or booster (lib/content/activity-id.ts). */
  activity: { locale: string; courseId: string; activityId: string };
  backHref: string;
  next?: { href: string; title: string };
  labels: QuizLabels;
  /** Shown under the score when the attempt ends (e.g. the gain since the pre-assessment). */
  afterResult?: (result: QuizResult) => React.ReactNode;
}

/** A graded answer: the choices (kept for the final score) and their grade (the feedback). */
type Graded = { chosen: string[]; result: AnswerResult };
const reducer = runnerReducer<Graded, QuizResult>;

export function QuizRunner({ quiz: authored, activity, backHref, next, labels, afterResult }: Props) {
  const progressKey = lessonKey(activity.locale, activity.courseId, activity.activityId);
  const [state, dispatch] = useReducer(reducer, { questionIds: authored.questions.map((q) => q.id), pacing: "learner", feedback: true }, initialRunnerState<Graded, QuizResult>);
  const attempt = useAttemptOrder(authored, progressKey);
  const [selection, setSelection] = useState<string[]>([]);
  const [error, setError] = useState("");
  const focusRef = useRef<HTMLElement>(null);
  const progress = useGuestProgress();
  const total = authored.questions.length;
  // The attempt whose stored answers this screen has taken back (once per attempt).
  const [resumedFor, setResumedFor] = useState<string | null>(null);

  // Move focus to what changed, so keyboard and screen-reader users follow the quiz. Not when a
  // reload takes the quiz back to where it was: the page is just opening, focus stays at its top.
  const phaseKey = state.step === "done" ? "done" : `${state.step}-${state.index}`;
  const focusFrom = useRef<{ key: string; shown: boolean } | null>(null);
  useEffect(() => {
    const before = focusFrom.current;
    if (before?.shown && before.key !== phaseKey) focusRef.current?.focus();
    focusFrom.current = { key: phaseKey, shown: resumedFor !== null };
  }, [phaseKey, resumedFor]);

  if (!attempt.attemptId || !attempt.shown) return null;
  const { attemptId } = attempt;
  const quiz: Quiz = attempt.shown;

  if (resumedFor !== attemptId) {
    // Set during render (not in an effect), so a reloaded quiz never flashes question 1 first.
    const restored = restoreChoices(quiz.questions, attemptAnswers(progressKey, attemptId));
    const graded = Object.fromEntries(quiz.questions.filter((q) => Object.hasOwn(restored, q.id)).map((q) => [q.id, { chosen: restored[q.id], result: gradeAnswer(q, restored[q.id]) }]));
    setResumedFor(attemptId);
    setSelection([]);
    dispatch({ type: "resume", answers: graded, questionIds: quiz.questions.map((q) => q.id) });
    return null;
  }

  const send = (id: string, url: string, body: unknown) => {
    if (isSignedInHint()) enqueue({ id, method: "POST", url, body });
  };

  if (state.step === "done" && state.result) {
    const done = state.result;
    return (
      <QuizResultView
        result={done}
        passMark={quiz.passMark}
        best={progress?.lessons[progressKey]?.bestPercent}
        labels={labels}
        afterResult={afterResult}
        onRetry={() => {
          attempt.retry();
          setSelection([]);
          dispatch({ type: "retry" });
        }}
        next={next}
        backHref={backHref}
        focusRef={focusRef}
        review={quiz.questions.map((q) => {
          const r = done.results.find((x) => x.questionId === q.id);
          return { id: q.id, prompt: q.prompt, feedback: r && <AnswerFeedback question={q} result={r} labels={labels} compact /> };
        })}
      />
    );
  }

  const { index } = state;
  const question = quiz.questions[index];
  const feedback = shownGrade(state)?.result;
  const isLast = index === total - 1;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (state.step === "feedback") {
      if (isLast) {
        const chosen = Object.fromEntries(Object.entries(state.answers).map(([id, a]) => [id, a.chosen]));
        const result = gradeQuiz(quiz, chosen);
        recordQuizAttempt(progressKey, result.percent);
        attempt.end();
        send(`finish-${attemptId}`, "/api/progress/attempts/finish", { attemptId, locale: activity.locale });
        dispatch({ type: "finish", result });
      } else {
        setSelection([]);
        dispatch({ type: "next" });
      }
      return;
    }
    const parsed = toChosen(question, selection, labels);
    if ("error" in parsed) {
      setError(parsed.error);
      return;
    }
    setError("");
    // Graded here, at once: the answer goes to the server in the background (the outbox).
    dispatch({ type: "answer", questionId: question.id });
    const result = gradeAnswer(question, parsed.chosen);
    saveAnswer(progressKey, attemptId, question.id, { chosen: parsed.chosen });
    // The same id for this attempt's question after a reload: the server keeps the first answer.
    const id = answerIdFor(attemptId, question.id);
    send(id, "/api/progress/answers", {
      id,
      attemptId,
      locale: activity.locale,
      courseId: activity.courseId,
      lessonId: activity.activityId,
      questionId: question.id,
      chosen: parsed.chosen,
    });
    dispatch({ type: "reveal", questionId: question.id, grade: { chosen: parsed.chosen, result } });
  }

  return (
    <form className="quiz" onSubmit={submit} noValidate>
      <ProgressBar value={index + (feedback ? 1 : 0)} max={total} label={fill(labels.questionOf, { number: index + 1, total })} />
      <QuestionView
        question={question}
        selection={selection}
        onSelect={(s) => {
          setError("");
          setSelection(s);
        }}
        error={error}
        feedback={feedback}
        legendRef={state.step === "answering" ? (focusRef as React.RefObject<HTMLLegendElement>) : undefined}
        feedbackRef={focusRef as React.RefObject<HTMLDivElement>}
        labels={labels}
      />
      <div className="actions">
        <button type="submit" className="button">
          {feedback ? (isLast ? labels.finish : labels.next) : labels.check}
        </button>
      </div>
    </form>
  );
}
