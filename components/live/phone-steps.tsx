"use client";
// One screen of the live phone per step (components/live/phone-view.tsx picks it): each opens with
// its heading (focused when it replaces another screen), then what the step asks, then this
// phone's answer: "on its way", "sent", and after the reveal its own result.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { QuestionView } from "@/components/quiz/question-view";
import { optionText, toChosen } from "@/components/quiz/question-inputs";
import { fill } from "@/components/ui/fill";
import type { Question } from "@/lib/quiz/types";
import type { ParticipantView, PublicStep } from "@/lib/live/views";
import type { PhoneLabels } from "./phone-labels";
import { usePhoneAnswer, type AnswerStatus } from "./use-phone-answer";

type StepOf<K extends PublicStep["kind"]> = Extract<PublicStep, { kind: K }>;

interface StepProps {
  sessionId: string;
  view: ParticipantView;
  heading: string;
  labels: PhoneLabels;
  courseHref: string;
  takeFocus: boolean;
}

/** The words of the screen's heading, also what the live region announces. */
export function stepHeading(view: ParticipantView, { phone, quiz }: PhoneLabels): string {
  if (view.phase === "ended") return phone.endedThanks;
  if (view.phase === "revealed" && view.result) return `${phone.resultTitle}: ${quiz[view.result.verdict]}`;
  const step = view.step;
  switch (step.kind) {
    case "lobby":
      return phone.lobbyTitle;
    case "question":
      return phone.questionTitle;
    case "scenario":
      return step.title;
    case "discernment":
      return fill(phone.discernTitle, { n: step.index + 1, total: step.total });
    case "check":
      return phone.checkTitle;
    case "discussion":
      return phone.discussionTitle;
    case "missing":
      return phone.missingTitle;
  }
}

export function PhoneStep({ sessionId, view, heading, labels, courseHref, takeFocus }: StepProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocus) ref.current?.focus();
  }, [takeFocus]);
  const title = (
    <h1 className="live-step-heading" tabIndex={-1} ref={ref}>
      {heading}
    </h1>
  );
  const { phone } = labels;
  const step = view.step;

  if (view.phase === "ended") {
    return (
      <section className="live-step">
        {title}
        <p className="lead">{phone.endedLead}</p>
        <p>
          <a className="button" href={courseHref}>
            {phone.toCourse}
          </a>
        </p>
      </section>
    );
  }
  let body: ReactNode;
  switch (step.kind) {
    case "lobby":
      body = <p className="lead">{phone.lobbyBody}</p>;
      break;
    case "question":
      body = <QuestionStep sessionId={sessionId} view={view} step={step} labels={labels} />;
      break;
    case "scenario":
      body = <ScenarioStep sessionId={sessionId} view={view} step={step} labels={labels} />;
      break;
    case "discernment":
      body = <DiscernStep sessionId={sessionId} view={view} step={step} labels={labels} />;
      break;
    case "check":
      body = <CheckStep sessionId={sessionId} view={view} step={step} labels={labels} />;
      break;
    case "discussion":
      body = (
        <>
          <p className="live-discussion-question">{step.question}</p>
          {step.prompts.length > 0 && (
            <ul className="live-discussion-prompts">
              {step.prompts.map((prompt) => (
                <li key={prompt}>{prompt}</li>
              ))}
            </ul>
          )}
          <p className="meta">{phone.discussionBody}</p>
        </>
      );
      break;
    case "missing":
      body = <p className="lead">{phone.missingBody}</p>;
      break;
  }
  return (
    <section className="live-step">
      {title}
      {body}
    </section>
  );
}

interface AnswerProps<K extends PublicStep["kind"]> {
  sessionId: string;
  view: ParticipantView;
  step: StepOf<K>;
  labels: PhoneLabels;
}

/** Where the phone's answer stands, announced as it changes. */
function AnswerState({ status, view, labels }: { status: AnswerStatus; view: ParticipantView; labels: PhoneLabels }) {
  const { phone } = labels;
  let text = "";
  if (status === "sent") text = view.phase === "open" ? `${phone.sent}. ${phone.waitReveal}` : phone.sent;
  else if (status === "sending") text = phone.waiting;
  else if (status === "refused") text = phone.refused;
  else if (!view.accepting || view.phase !== "open") text = view.phase === "revealed" ? phone.noAnswer : phone.closed;
  return (
    <p className={`live-answer-state is-${status}`} role="status">
      {text}
    </p>
  );
}

/** The phone's own grade and feedback, after the reveal (only what the server sent for its answer). */
function OwnResult({ view, labels, textOf }: { view: ParticipantView; labels: PhoneLabels; textOf: (id: string) => string }) {
  const result = view.result;
  if (view.phase !== "revealed" || !result) return null;
  const { quiz } = labels;
  return (
    <div className={`feedback ${result.verdict}`}>
      <p className={`verdict ${result.verdict}`}>{quiz[result.verdict]}</p>
      {result.feedback.length > 0 && (
        <ul>
          {result.feedback.map((f) => (
            <li key={f.optionId}>
              {textOf(f.optionId) && <strong>{textOf(f.optionId)}: </strong>}
              {f.feedback}
            </li>
          ))}
        </ul>
      )}
      {result.explanation && (
        <p>
          <strong>{quiz.why}:</strong> {result.explanation}
        </p>
      )}
    </div>
  );
}

const canAnswer = (view: ParticipantView, status: AnswerStatus) => view.phase === "open" && view.accepting && (status === "open" || status === "refused");

/** A quiz question, shown with the quiz's own inputs (no key on the phone: it has none). */
function QuestionStep({ sessionId, view, step, labels }: AnswerProps<"question">) {
  const q = step.question;
  const question: Question = {
    id: q.id,
    type: q.type,
    skill: "recognising",
    prompt: q.prompt,
    ...(q.vignette ? { vignette: q.vignette } : {}),
    options: q.options.map((o) => ({ id: o.id, text: o.text, feedback: "" })),
    correct: [],
    ...(q.categories ? { categories: q.categories } : {}),
    explanation: "",
  };
  const { status, chosen, send } = usePhoneAnswer(sessionId, step.round, view.answer);
  const [selection, setSelection] = useState<string[]>([]);
  const [error, setError] = useState("");
  const feedbackRef = useRef<HTMLDivElement>(null);
  const open = canAnswer(view, status);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const answer = toChosen(question, selection, labels.quiz);
    if ("error" in answer) return setError(answer.error);
    setError("");
    send(answer.chosen);
  }

  return (
    <form className="quiz live-answer" onSubmit={submit} noValidate>
      <QuestionView
        question={question}
        selection={open ? selection : chosen ? [...chosen] : selection}
        onSelect={setSelection}
        error={error}
        feedback={null}
        legendRef={undefined}
        feedbackRef={feedbackRef}
        locked={!open}
        labels={labels.quiz}
      />
      {open && (
        <button type="submit" className="button live-send">
          {labels.phone.submit}
        </button>
      )}
      <AnswerState status={status} view={view} labels={labels} />
      <OwnResult view={view} labels={labels} textOf={(id) => { const o = question.options.find((x) => x.id === id); return o ? optionText(o, labels.quiz) : ""; }} />
    </form>
  );
}

/** One choice among a few (a scenario's decision, a post's mark), sent with one button. */
function ChoiceForm({ name, legend, options, button, status, chosen, view, labels, onSend }: {
  name: string;
  legend: string;
  options: { id: string; text: string }[];
  button: string;
  status: AnswerStatus;
  chosen: readonly string[] | null;
  view: ParticipantView;
  labels: PhoneLabels;
  onSend: (id: string) => void;
}) {
  const [picked, setPicked] = useState("");
  const [error, setError] = useState("");
  const open = canAnswer(view, status);
  const shown = open ? picked : (chosen?.[0] ?? "");

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!picked) return setError(labels.quiz.noChoice);
    setError("");
    onSend(picked);
  }

  return (
    <form className="quiz live-answer" onSubmit={submit} noValidate>
      <fieldset aria-describedby={error ? `error-${name}` : undefined}>
        <legend>{legend}</legend>
        <div className="options">
          {options.map((o) => (
            <label key={o.id} className="option">
              <input type="radio" name={name} value={o.id} checked={shown === o.id} disabled={!open} onChange={() => setPicked(o.id)} />
              <span className="option-body">{o.text}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {error && (
        <p className="error-text" id={`error-${name}`} role="alert">
          {error}
        </p>
      )}
      {open && (
        <button type="submit" className="button live-send">
          {button}
        </button>
      )}
      <AnswerState status={status} view={view} labels={labels} />
    </form>
  );
}

/** A branching scenario's decision: the room votes; at an ending, its debrief and the room's path. */
function ScenarioStep({ sessionId, view, step, labels }: AnswerProps<"scenario">) {
  const { status, chosen, send } = usePhoneAnswer(sessionId, step.round, view.answer);
  const { phone } = labels;
  return (
    <>
      <p className="live-scenario-text">{step.node.text}</p>
      {step.ending ? (
        <>
          <h2>{phone.scenarioEnding}</h2>
          <p>{step.ending.debrief}</p>
        </>
      ) : (
        <ChoiceForm
          name={`choice-${step.round}`}
          legend={phone.scenarioHint}
          options={step.node.choices}
          button={phone.vote}
          status={status}
          chosen={chosen}
          view={view}
          labels={labels}
          onSend={(id) => send([id])}
        />
      )}
      {step.path.length > 0 && (
        <>
          <h2>{phone.scenarioPath}</h2>
          <ol className="live-path">
            {step.path.map((p, i) => (
              <li key={i}>{p.text}</li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

/** A discernment post: marked with the course's own words for the two marks. */
function DiscernStep({ sessionId, view, step, labels }: AnswerProps<"discernment">) {
  const { status, chosen, send } = usePhoneAnswer(sessionId, step.round, view.answer);
  const { quiz, phone } = labels;
  return (
    <>
      <blockquote className="post-text live-post">{step.post.text}</blockquote>
      <ChoiceForm
        name={`mark-${step.round}`}
        legend={phone.discernHint}
        options={[
          { id: "genuine", text: quiz.genuine },
          { id: "manipulative", text: quiz.manipulative },
        ]}
        button={phone.submit}
        status={status}
        chosen={chosen}
        view={view}
        labels={labels}
        onSend={(id) => send([id])}
      />
      <OwnResult view={view} labels={labels} textOf={() => ""} />
    </>
  );
}

/** A check: taken on its own page; the phone then says it has finished. */
function CheckStep({ sessionId, view, step, labels }: AnswerProps<"check">) {
  const { status, send } = usePhoneAnswer(sessionId, step.key, view.answer);
  const { phone } = labels;
  return (
    <>
      <p>{phone.checkBody}</p>
      <p>
        <a className="button secondary" href={step.url} target="_blank" rel="noopener">
          {phone.checkOpen}
        </a>
      </p>
      {canAnswer(view, status) && (
        <button type="button" className="button live-send" onClick={() => send(["finished"])}>
          {phone.checkDone}
        </button>
      )}
      <AnswerState status={status} view={view} labels={labels} />
    </>
  );
}
