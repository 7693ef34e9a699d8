"use client";
// The runner for quizzes scored on the server (pre/post assessments, boosters). The page holds
// only the public view of the quiz (lib/quiz/public.ts): no key, no feedback. Each answer is
// sent to the server, which grades it and returns the grade with the key; the feedback is drawn
// from that response. A signed-in learner's answer is stored on the way (/api/progress/answers);
// a guest's is graded and forgotten (/api/quiz/grade). Grading needs the network: when it fails,
// the learner is told and tries again, with the same answer id (stored once). Options are shown
// in this attempt's own order, as in the lesson quiz runner (use-attempt-order.ts).
// The starting and final checks (`check`) are measurements (issue #20): no feedback after each
// answer (the grade is kept for the end), no pass mark, no retry; their end is check-result.tsx.
// Each grade is kept with the attempt in this browser, so a reload goes on where the learner
// stopped (resume.ts). The lesson quiz runner (quiz-runner.tsx) grades in the browser instead:
// docs/grading.md. The quiz's state is the shared reducer (lib/quiz/runner-state.ts), paced by the
// learner; sending an answer is the grade request here.
import { useEffect, useReducer, useRef, useState, type FormEvent } from "react";
import type { QuizResult } from "@/lib/quiz/grade";
import { questionView, resultFromGrades, type PublicQuiz, type RevealedAnswer } from "@/lib/quiz/public";
import { fill } from "@/components/ui/fill";
import { ProgressBar } from "@/components/ui/progress-bar";
import { lessonKey, recordQuizAttempt, useGuestProgress } from "@/components/progress/guest-progress";
import { attemptAnswers, saveAnswer } from "@/components/progress/quiz-attempt";
import { isSignedInHint } from "@/components/progress/account-hint";
import { enqueue } from "@/components/progress/outbox";
import type { QuizLabels } from "./labels";
import { AnswerFeedback } from "./answer-feedback";
import { QuestionView } from "./question-view";
import { QuizResultView } from "./quiz-result";
import { CheckResultView, type CheckLabels } from "./check-result";
import { restoreGrades } from "./resume";
import { sendForGrading } from "./grade-request";
import { toChosen } from "./question-inputs";
import { useAttemptOrder } from "./use-attempt-order";
import { answerIdFor } from "@/lib/quiz/answer-id";
import { initialRunnerState, runnerReducer, shownGrade } from "@/lib/quiz/runner-state";
import type { FormId } from "@/lib/quiz/experiments";

export type GradedLabels = QuizLabels & { checkFailed: string };

/** A starting ("pre") or final ("post") check: a measurement, taken once. */
export interface CheckMode {
  form: "pre" | "post";
  labels: CheckLabels;
}

interface Props {
  quiz: PublicQuiz;
  /** The stored id of a check slot or a booster (lib/content/activity-id.ts); for a check, the form taken (a guest's grade request names it). */
  activity: { locale: string; courseId: string; activityId: string; form?: FormId };
  backHref: string;
  next?: { href: string; title: string };
  labels: GradedLabels;
  afterResult?: (result: QuizResult) => React.ReactNode;
  check?: CheckMode;
  /** Shown above the first question only, before it is answered (a check's introduction). */
  intro?: React.ReactNode;
}

const reducer = runnerReducer<RevealedAnswer, QuizResult>;

export function GradedRunner({ quiz: authored, activity, backHref, next, labels, afterResult, check, intro }: Props) {
  const progressKey = lessonKey(activity.locale, activity.courseId, activity.activityId);
  // A check shows no feedback: each grade is kept for the end and the check moves straight on.
  const [state, dispatch] = useReducer(reducer, { questionIds: authored.questions.map((q) => q.id), pacing: "learner", feedback: !check }, initialRunnerState<RevealedAnswer, QuizResult>);
  // This attempt's id (kept across a reload) and its own order of options (use-attempt-order.ts).
  const attempt = useAttemptOrder(authored, progressKey);
  const [selection, setSelection] = useState<string[]>([]);
  const [error, setError] = useState("");
  const focusRef = useRef<HTMLElement>(null);
  const progress = useGuestProgress();
  const total = authored.questions.length;
  // The attempt whose stored grades this screen has taken back (once per attempt).
  const [resumedFor, setResumedFor] = useState<string | null>(null);

  // Focus follows what changed, as in quiz-runner.tsx; not when a reload takes the quiz back.
  // "sending" counts as answering: focus stays put while the grade is on its way.
  const phaseKey = state.step === "done" ? "done" : `${state.step === "sending" ? "answering" : state.step}-${state.index}`;
  const focusFrom = useRef<{ key: string; shown: boolean } | null>(null);
  useEffect(() => {
    const before = focusFrom.current;
    if (before?.shown && before.key !== phaseKey) focusRef.current?.focus();
    focusFrom.current = { key: phaseKey, shown: resumedFor !== null };
  }, [phaseKey, resumedFor]);

  if (!attempt.attemptId || !attempt.shown) return null;
  const { attemptId } = attempt;
  const quiz: PublicQuiz = attempt.shown;

  if (resumedFor !== attemptId) {
    // Set during render (not in an effect), so a reloaded quiz never flashes question 1 first.
    const restored = restoreGrades(quiz.questions, attemptAnswers(progressKey, attemptId));
    setResumedFor(attemptId);
    setSelection([]);
    // A check shows no feedback: with every question answered, its last one is asked again (a
    // replay: the same answer id, the stored grade) and "Finish" ends it.
    dispatch({ type: "resume", answers: restored, questionIds: quiz.questions.map((q) => q.id) });
    return null;
  }

  const answers = state.answers;
  const busy = state.step === "sending";
  const review = () =>
    quiz.questions.map((q) => {
      const a = answers[q.id];
      return { id: q.id, prompt: q.prompt, feedback: a && <AnswerFeedback question={questionView(q, a)} result={a} labels={labels} compact /> };
    });

  if (state.step === "done" && state.result && check) {
    return (
      <CheckResultView
        form={check.form}
        result={state.result}
        labels={labels}
        checkLabels={check.labels}
        afterResult={afterResult}
        next={next}
        backHref={backHref}
        focusRef={focusRef}
        review={review()}
      />
    );
  }

  if (state.step === "done" && state.result) {
    return (
      <QuizResultView
        result={state.result}
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
        review={review()}
      />
    );
  }

  const { index } = state;
  const answer = shownGrade(state);
  const question = questionView(quiz.questions[index], answer);
  const isLast = index === total - 1;

  function finish(grades: Record<string, RevealedAnswer>) {
    const result = resultFromGrades(quiz, Object.values(grades));
    recordQuizAttempt(progressKey, result.percent);
    attempt.end();
    if (isSignedInHint()) enqueue({ id: `finish-${attemptId}`, method: "POST", url: "/api/progress/attempts/finish", body: { attemptId, locale: activity.locale } });
    dispatch({ type: "finish", result });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (state.step === "feedback") {
      if (isLast) finish(answers);
      else {
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
    dispatch({ type: "answer", questionId: question.id });
    // One id per attempt and question, the same after a reload: a repeat gets the stored grade.
    const id = answerIdFor(attemptId, question.id);
    const graded = await sendForGrading({ id, attemptId, locale: activity.locale, courseId: activity.courseId, lessonId: activity.activityId, questionId: question.id, chosen: parsed.chosen, form: activity.form }, isSignedInHint());
    if (!graded || graded === "refused") {
      dispatch({ type: "fail", questionId: question.id });
      // Refused on a check: the server counts one check only, and this learner has taken it.
      setError(graded === "refused" && check ? check.labels.alreadyTaken : labels.checkFailed);
      return;
    }
    const grades = { ...answers, [question.id]: graded };
    saveAnswer(progressKey, attemptId, question.id, { chosen: parsed.chosen, graded });
    // With feedback: shown. A check: on to the next question, or, after the last, the end.
    dispatch({ type: "reveal", questionId: question.id, grade: graded });
    if (check) setSelection([]);
    if (check && isLast) finish(grades);
  }

  return (
    <>
      {intro && (state.step === "answering" || state.step === "sending") && index === 0 && <div className="check-intro">{intro}</div>}
      <form className="quiz" onSubmit={submit} noValidate aria-busy={busy}>
        <ProgressBar value={index + (answer ? 1 : 0)} max={total} label={fill(labels.questionOf, { number: index + 1, total })} />
        <QuestionView
          question={question}
          selection={selection}
          onSelect={(s) => {
            setError("");
            setSelection(s);
          }}
          error={error}
          feedback={answer}
          legendRef={state.step !== "feedback" ? (focusRef as React.RefObject<HTMLLegendElement>) : undefined}
          feedbackRef={focusRef as React.RefObject<HTMLDivElement>}
          labels={labels}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {check ? (isLast ? check.labels.finish : labels.next) : answer ? (isLast ? labels.finish : labels.next) : labels.check}
          </button>
        </div>
      </form>
    </>
  );
}
