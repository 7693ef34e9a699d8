"use client";
// The inputs of one question, by type. Selections are strings: option ids for choice types,
// "<item>:<pile>" for sort, "<post>:m" or "<post>:g" for discernment. All native radios and
// checkboxes in fieldsets, so keyboards and screen readers work without anything special.
import type { AnswerResult } from "@/lib/quiz/grade";
import type { Question } from "@/lib/quiz/types";
import { fill } from "@/components/ui/fill";
import { useContentLang } from "./content-lang";
import type { QuizLabels } from "./labels";

interface Props {
  question: Question;
  selection: string[];
  onChange: (next: string[]) => void;
  feedback?: AnswerResult;
  /** Locked without feedback to show (a live phone's answer, sent and waiting for the reveal). */
  locked?: boolean;
  labels: QuizLabels;
}

export const optionText = (o: Question["options"][number], labels: QuizLabels) => o.text || (o.id === "true" ? labels.true : labels.false);

/** Turns a selection into the `chosen` list grading expects, or an error message when incomplete. */
export function toChosen(question: Question, selection: string[], labels: QuizLabels): { chosen: string[] } | { error: string } {
  if (question.type === "sort") {
    return selection.length === question.options.length ? { chosen: selection } : { error: labels.sortIncomplete };
  }
  if (question.type === "discern") {
    if (selection.length !== question.options.length) return { error: labels.discernIncomplete };
    return { chosen: selection.filter((s) => s.endsWith(":m")).map((s) => s.slice(0, -2)) };
  }
  return selection.length ? { chosen: selection } : { error: labels.noChoice };
}

/** Sets one "<key>:<value>" pair in a selection. */
const setPair = (selection: string[], key: string, value: string) => [...selection.filter((s) => !s.startsWith(`${key}:`)), `${key}:${value}`];
const pairValue = (selection: string[], key: string) => selection.find((s) => s.startsWith(`${key}:`))?.slice(key.length + 1);

export function QuestionInputs({ question, selection, onChange, feedback, locked: lockedAnyway = false, labels }: Props) {
  const text = useContentLang();
  const locked = lockedAnyway || Boolean(feedback);
  if (question.type === "sort") {
    const right = new Map(question.correct.map((c) => c.split(":") as [string, string]));
    const pileLabel = (id: string | undefined) => question.categories?.find((c) => c.id === id)?.label ?? "";
    return (
      <div className="sort-items">
        {question.options.map((item) => {
          const chosen = pairValue(selection, item.id);
          const ok = feedback && right.get(item.id) === chosen;
          return (
            <fieldset key={item.id} className={`sort-item${feedback ? (ok ? " is-correct" : " is-wrong") : ""}`}>
              <legend {...text}>{item.text}</legend>
              <div className="piles">
                {question.categories?.map((pile) => (
                  <label key={pile.id} className="pile">
                    <input
                      type="radio"
                      name={`sort-${question.id}-${item.id}`}
                      value={pile.id}
                      checked={chosen === pile.id}
                      disabled={locked}
                      onChange={() => onChange(setPair(selection, item.id, pile.id))}
                    />
                    <span {...text}>{pile.label}</span>
                  </label>
                ))}
              </div>
              {feedback && (
                <p className="item-feedback">
                  <strong>{ok ? `✓ ${labels.correct}` : `✗ ${fill(labels.belongsIn, { pile: pileLabel(right.get(item.id)) })}`}</strong> {item.feedback}
                </p>
              )}
            </fieldset>
          );
        })}
      </div>
    );
  }

  if (question.type === "discern") {
    return (
      <div className="posts">
        {question.options.map((post) => {
          const chosen = pairValue(selection, post.id);
          const manipulative = question.correct.includes(post.id);
          const ok = feedback && (chosen === "m") === manipulative;
          return (
            <fieldset key={post.id} className={`post${feedback ? (ok ? " is-correct" : " is-wrong") : ""}`}>
              <legend className="visually-hidden">{fill(labels.inventedPost, { n: question.options.indexOf(post) + 1 })}</legend>
              <p className="post-label" aria-hidden="true">
                {fill(labels.inventedPost, { n: question.options.indexOf(post) + 1 })}
              </p>
              <blockquote className="post-text" {...text}>{post.text}</blockquote>
              <div className="piles">
                {(["g", "m"] as const).map((v) => (
                  <label key={v} className="pile">
                    <input
                      type="radio"
                      name={`post-${question.id}-${post.id}`}
                      value={v}
                      checked={chosen === v}
                      disabled={locked}
                      onChange={() => onChange(setPair(selection, post.id, v))}
                    />
                    <span>{v === "m" ? labels.manipulative : labels.genuine}</span>
                  </label>
                ))}
              </div>
              {feedback && (
                <p className="item-feedback">
                  <strong>
                    {ok ? "✓" : "✗"} {manipulative ? labels.manipulative : labels.genuine}
                    {post.technique ? ` (${fill(labels.technique, { technique: labels.techniqueNames?.[post.technique] ?? post.technique })})` : ""}.
                  </strong>{" "}
                  {post.feedback}
                </p>
              )}
            </fieldset>
          );
        })}
      </div>
    );
  }

  const multiple = question.type === "multiple";
  return (
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
              disabled={locked}
              onChange={(e) => onChange(multiple ? (e.target.checked ? [...selection, o.id] : selection.filter((x) => x !== o.id)) : [o.id])}
            />
            <span className="option-body">
              {isRight && <span className="option-mark">✓ {labels.rightAnswer}</span>}
              {isWrong && <span className="option-mark">✗ {labels.yourChoice}</span>}
              <span {...(o.text ? text : {})}>{optionText(o, labels)}</span>
            </span>
          </label>
        );
      })}
    </div>
  );
}

export function hintFor(question: Question, labels: QuizLabels): string {
  if (question.type === "sort") return labels.sortHint;
  if (question.type === "discern") return labels.discernHint;
  return question.type === "multiple" ? labels.chooseAll : labels.chooseOne;
}
