// The projector's arithmetic and wording helpers: pure functions of a view, so the island stays
// about layout and the sums are tested on their own (projector-format.test.ts).
import type { ProjectorView, PublicStep, Reveal } from "@/lib/live/views";

/** A join code in groups of four, as people read it aloud: "ABCD2345" -> ["ABCD", "2345"]. */
export function codeGroups(code: string): string[] {
  return code.match(/.{1,4}/g) ?? [];
}

/** A whole-number share of a total, 0 when nobody answered. */
export function percent(count: number, total: number): number {
  return total > 0 ? Math.round((count / total) * 100) : 0;
}

export interface Bar {
  id: string;
  text: string;
  count: number;
  percent: number;
  correct: boolean;
  feedback?: string;
}

type QuestionStep = Extract<PublicStep, { kind: "question" }>;
type QuestionReveal = Extract<Reveal, { kind: "question" }>;

/** True/false options carry no text: the screen words them. */
export function optionText(option: { id: string; text: string }, words: { true: string; false: string }): string {
  if (option.text) return option.text;
  return option.id === "true" ? words.true : option.id === "false" ? words.false : option.id;
}

/** A question's options with the room's votes after the reveal (percent of those who answered). */
export function questionBars(step: QuestionStep, reveal: QuestionReveal, words: { true: string; false: string }): Bar[] {
  return step.question.options.map((o) => {
    const count = reveal.counts[o.id] ?? 0;
    return { id: o.id, text: optionText(o, words), count, percent: percent(count, reveal.answered), correct: reveal.correct.includes(o.id), feedback: reveal.feedback[o.id] };
  });
}

/** A sort question after the reveal: for each item, how many put it in each pile, and its right pile. */
export function sortBars(step: QuestionStep, reveal: QuestionReveal): { id: string; text: string; feedback?: string; piles: Bar[] }[] {
  const categories = step.question.categories ?? [];
  return step.question.options.map((item) => ({
    id: item.id,
    text: item.text,
    feedback: reveal.feedback[item.id],
    piles: categories.map((c) => {
      const id = `${item.id}:${c.id}`;
      const count = reveal.counts[id] ?? 0;
      return { id, text: c.label, count, percent: percent(count, reveal.answered), correct: reveal.correct.includes(id) };
    }),
  }));
}

/** A decision's choices with the room's votes after the reveal. */
export function choiceBars(choices: { id: string; text: string }[], reveal: Extract<Reveal, { kind: "scenario" }> | undefined): Bar[] {
  return choices.map((c) => {
    const count = reveal?.counts[c.id] ?? 0;
    return { id: c.id, text: c.text, count, percent: percent(count, reveal?.answered ?? 0), correct: false };
  });
}

/**
 * What makes one moment of the session different from another for the room: the step, the
 * scenario node or discernment post on it, and whether it is revealed. Counts are left out, so a
 * new tally is not a new moment (the screen reader hears steps and reveals, not every vote).
 */
export function momentOf(view: Pick<ProjectorView, "phase" | "step">): string {
  const { step } = view;
  const where = step.kind === "scenario" ? `#${step.node.id}` : step.kind === "discernment" ? `#${step.index}` : "";
  const key = step.kind === "lobby" ? "lobby" : step.key;
  return `${key}${where}|${view.phase === "revealed" ? "revealed" : view.phase === "ended" ? "ended" : "open"}`;
}

/** The step part of a moment: a reveal changes the moment but not the step. */
export const stepOf = (moment: string) => moment.slice(0, moment.lastIndexOf("|"));
