"use client";
// The quiz runner: one question at a time, feedback after each answer, a score and every
// explanation at the end, and a retry. Grading is lib/quiz's pure functions, run in the browser
// so a guest can take a quiz offline; the attempt is saved to guest progress when it ends.
import { useEffect, useRef, useState, type FormEvent } from "react";
import Link from "next/link";
import { gradeAnswer, gradeQuiz, type AnswerResult, type QuizResult } from "@/lib/quiz/grade";
import type { Question, Quiz } from "@/lib/quiz/types";
import { fill } from "@/components/ui/fill";
import { ProgressBar } from "@/components/ui/progress-bar";
import { lessonKey, recordQuizAttempt, useGuestProgress } from "@/components/progress/guest-progress";
import { isSignedInHint } from "@/components/progress/account-hint";
import { enqueue } from "@/components/progress/outbox";
import { uuid } from "@/components/ui/uuid";

export type QuizLabels = Record<
  | "questionOf" | "chooseOne" | "chooseAll" | "true" | "false" | "fictional" | "check" | "next" | "finish"
  | "noChoice" | "correct" | "partial" | "incorrect" | "yourChoice" | "rightAnswer" | "why"
  | "resultTitle" | "score" | "passed" | "notPassed" | "best" | "review" | "retry" | "backToLesson" | "nextLesson",
  string
>;

interface Props {
  quiz: Quiz;
  lesson: { locale: string; courseId: string; lessonId: string };
  lessonHref: string;
  nextLesson?: { href: string; title: string };
  labels: QuizLabels;
}

type Phase = { step: "answering"; index: number } | { step: "feedback"; index: number; result: AnswerResult } | { step: "done"; result: QuizResult };

export function QuizRunner({ quiz, lesson, lessonHref, nextLesson, labels }: Props) {
  const progressKey = lessonKey(lesson.locale, lesson.courseId, lesson.lessonId);
  const [phase, setPhase] = useState<Phase>({ step: "answering", index: 0 });
  // A signed-in learner's answers go to the server through the outbox, under this attempt id.
  const [attemptId, setAttemptId] = useState(uuid);
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [selection, setSelection] = useState<string[]>([]);
  const [error, setError] = useState("");
  const focusRef = useRef<HTMLElement>(null);
  const progress = useGuestProgress();
  const total = quiz.questions.length;

  // Move focus to what changed, so keyboard and screen-reader users follow the quiz.
  const phaseKey = phase.step === "done" ? "done" : `${phase.step}-${phase.index}`;
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    focusRef.current?.focus();
  }, [phaseKey]);

  if (phase.step === "done") {
    const { result } = phase;
    const best = progress?.lessons[progressKey]?.bestPercent;
    return (
      <section className="quiz" aria-labelledby="quiz-result">
        <h2 id="quiz-result" tabIndex={-1} ref={focusRef as React.RefObject<HTMLHeadingElement>}>
          {labels.resultTitle}
        </h2>
        <p className="score">{fill(labels.score, { correct: result.correctCount, total: result.total, percent: result.percent })}</p>
        <p>{result.passed ? labels.passed : fill(labels.notPassed, { percent: Math.round(quiz.passMark * 100) })}</p>
        {best !== undefined && <p className="meta">{fill(labels.best, { percent: best })}</p>}
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setAttemptId(uuid());
              setAnswers({});
              setSelection([]);
              setPhase({ step: "answering", index: 0 });
            }}
          >
            {labels.retry}
          </button>
          {nextLesson && (
            <Link className="button secondary" href={nextLesson.href}>
              {fill(labels.nextLesson, { title: nextLesson.title })}
            </Link>
          )}
          <Link className="button secondary" href={lessonHref}>
            {labels.backToLesson}
          </Link>
        </div>
        <h3>{labels.review}</h3>
        <ol className="review">
          {quiz.questions.map((q) => {
            const r = result.results.find((x) => x.questionId === q.id);
            return (
              <li key={q.id} className="card">
                <p>
                  <strong>{q.prompt}</strong>
                </p>
                {r && <Feedback question={q} result={r} labels={labels} compact />}
              </li>
            );
          })}
        </ol>
      </section>
    );
  }

  const { index } = phase;
  const question = quiz.questions[index];
  const feedback = phase.step === "feedback" ? phase.result : undefined;
  const isLast = index === total - 1;
  const multiple = question.type === "multiple";

  function submit(e: FormEvent) {
    e.preventDefault();
    if (phase.step === "feedback") {
      if (isLast) {
        const result = gradeQuiz(quiz, answers);
        recordQuizAttempt(progressKey, result.percent);
        if (isSignedInHint()) {
          enqueue({ id: `finish-${attemptId}`, method: "POST", url: "/api/progress/attempts/finish", body: { attemptId, locale: lesson.locale } });
        }
        setPhase({ step: "done", result });
      } else {
        setSelection([]);
        setPhase({ step: "answering", index: index + 1 });
      }
      return;
    }
    if (selection.length === 0) {
      setError(labels.noChoice);
      return;
    }
    setError("");
    const result = gradeAnswer(question, selection);
    setAnswers((a) => ({ ...a, [question.id]: selection }));
    if (isSignedInHint()) {
      const id = uuid();
      enqueue({ id, method: "POST", url: "/api/progress/answers", body: { id, attemptId, ...lesson, questionId: question.id, chosen: selection } });
    }
    setPhase({ step: "feedback", index, result });
  }

  function choose(id: string, checked: boolean) {
    setError("");
    setSelection((s) => (multiple ? (checked ? [...s, id] : s.filter((x) => x !== id)) : [id]));
  }

  const optionLabel = (o: Question["options"][number]) => o.text || (o.id === "true" ? labels.true : labels.false);

  return (
    <form className="quiz" onSubmit={submit} noValidate>
      <ProgressBar value={index + (feedback ? 1 : 0)} max={total} label={fill(labels.questionOf, { number: index + 1, total })} />
      {question.vignette && (
        <aside className="scenario" aria-label={labels.fictional}>
          <p className="scenario-label">{labels.fictional}</p>
          <p>{question.vignette}</p>
        </aside>
      )}
      <fieldset aria-describedby={`hint-${question.id}${error ? ` error-${question.id}` : ""}`}>
        <legend tabIndex={-1} ref={phase.step === "answering" ? (focusRef as React.RefObject<HTMLLegendElement>) : undefined}>
          {question.prompt}
        </legend>
        <p className="hint" id={`hint-${question.id}`}>
          {multiple ? labels.chooseAll : labels.chooseOne}
        </p>
        <div className="options">
          {question.options.map((o) => {
            const chosen = selection.includes(o.id);
            const isRight = feedback && question.correct.includes(o.id);
            const isWrong = feedback && chosen && !question.correct.includes(o.id);
            return (
              <label key={o.id} className={`option${isRight ? " is-correct" : ""}${isWrong ? " is-wrong" : ""}`}>
                <input
                  type={multiple ? "checkbox" : "radio"}
                  name={`q-${question.id}`}
                  value={o.id}
                  checked={chosen}
                  disabled={Boolean(feedback)}
                  onChange={(e) => choose(o.id, e.target.checked)}
                />
                <span className="option-body">
                  {isRight && <span className="option-mark">✓ {labels.rightAnswer}</span>}
                  {isWrong && <span className="option-mark">✗ {labels.yourChoice}</span>}
                  <span>{optionLabel(o)}</span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      {error && (
        <p className="error-text" id={`error-${question.id}`} role="alert">
          {error}
        </p>
      )}
      {feedback && (
        <div tabIndex={-1} ref={focusRef as React.RefObject<HTMLDivElement>}>
          <Feedback question={question} result={feedback} labels={labels} />
        </div>
      )}
      <div className="actions">
        <button type="submit" className="button">
          {feedback ? (isLast ? labels.finish : labels.next) : labels.check}
        </button>
      </div>
    </form>
  );
}

function Feedback({ question, result, labels, compact }: { question: Question; result: AnswerResult; labels: QuizLabels; compact?: boolean }) {
  const text = (id: string) => {
    const o = question.options.find((x) => x.id === id);
    return o ? o.text || (o.id === "true" ? labels.true : labels.false) : id;
  };
  const Title = compact ? "p" : "h3";
  return (
    <div className={`feedback ${result.verdict}`}>
      <Title className={`verdict ${result.verdict}`}>{labels[result.verdict]}</Title>
      <ul>
        {result.feedback.map((f) => (
          <li key={f.optionId}>
            <strong>{f.chosen ? labels.yourChoice : labels.rightAnswer}:</strong> {text(f.optionId)}
            {f.chosen && f.correct ? " ✓" : ""}
            <br />
            {f.feedback}
          </li>
        ))}
      </ul>
      <p>
        <strong>{labels.why}:</strong> {result.explanation}
      </p>
    </div>
  );
}
