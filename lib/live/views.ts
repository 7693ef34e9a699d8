// What each screen of a live session receives: pure functions of the state, the room's tallies
// and the content. The facilitator sees everything; the projector never the plan's notes, only a
// count while answers come in, and names only when shown; a phone sees the step's text and
// options, and its own answer's grade only after the reveal. Objects are built field by field
// (never spread from content), so a field added to the content stays on the server until someone
// decides a screen may show it.
import type { CheckActivity } from "@/lib/content/activity-id";
import { activityUrl } from "@/lib/content/activity-id";
import { gradeAnswer, GradingError } from "@/lib/quiz/grade";
import type { Question } from "@/lib/quiz/types";
import type { Outcome } from "@/lib/scenario/graph";
import { currentStep, roundKey, type LiveState, type Phase, type ScenarioPosition } from "./session";
import type { LiveContent, PlanNote, Step, StepKind } from "./steps";

/** The room's answers, counted by the store: people in the session and each round's votes. */
export interface Tallies {
  participants: number;
  /** Nicknames in join order (the store reads them only when a screen may show them). */
  names?: string[];
  /** Per round of the current step (lib/live/session.ts roundKey): how many answered and each choice's votes. */
  rounds: Readonly<Record<string, RoundTally>>;
}

export interface RoundTally {
  answered: number;
  counts: Readonly<Record<string, number>>;
}

const NO_VOTES: RoundTally = { answered: 0, counts: {} };

/** Discernment: the two marks a phone can give a post. */
export const DISCERN_MARKS = ["manipulative", "genuine"] as const;
/** Check steps: the one mark a phone sends when it has finished the check. */
export const CHECK_DONE = "finished";

export interface ViewContext {
  code: string;
  locale: string;
}

/** The step as everyone may see it before the reveal: text and options, no key, no feedback. */
export type PublicStep =
  | { kind: "lobby" }
  | { kind: "question"; key: string; round: string; question: { id: string; type: Question["type"]; prompt: string; vignette?: string; options: { id: string; text: string }[]; categories?: { id: string; label: string }[] } }
  | { kind: "scenario"; key: string; round: string; title: string; node: { id: string; text: string; choices: { id: string; text: string }[] }; ending?: { outcome: Outcome; debrief: string }; path: { text: string; choice: string; by: "majority" | "other" }[]; detour: boolean }
  | { kind: "discernment"; key: string; round: string; prompt: string; post: { id: string; text: string }; index: number; total: number }
  | { kind: "check"; key: string; slot: CheckActivity["slot"]; url: string }
  | { kind: "discussion"; key: string; question: string; prompts: string[] }
  | { kind: "missing"; key: string };

/** What the reveal adds for the room (projector and facilitator): never sent before it. */
export type Reveal =
  | { kind: "question"; answered: number; counts: Record<string, number>; correct: string[]; feedback: Record<string, string>; explanation: string }
  | { kind: "scenario"; answered: number; counts: Record<string, number> }
  | { kind: "discernment"; answered: number; manipulative: boolean; technique?: string; feedback: string; room: RoomDiscernment; soFar: RoomDiscernment };

/** The room's marks on discernment posts: hits (manipulative marked so) and false alarms (genuine marked manipulative). */
export interface RoomDiscernment {
  hits: number;
  misses: number;
  falseAlarms: number;
  correctRejections: number;
}

interface RoomView {
  seq: number;
  phase: Phase;
  accepting: boolean;
  code: string;
  participants: number;
  step: PublicStep;
  /** How many answered the current round (the only tally before the reveal; for a check, how many finished it). */
  answered: number;
  reveal?: Reveal;
}

export type ProjectorView = RoomView & { names?: string[] };

export interface FacilitatorView extends RoomView {
  showNames: boolean;
  names: string[];
  current: string;
  order: { key: string; kind: StepKind; label: string; skipped: boolean; plan?: PlanNote }[];
  /** The facilitator sees the votes as they come in (the projector does not, to avoid herding). */
  live: RoundTally;
  scenario?: ScenarioPosition;
}

export interface ParticipantView {
  seq: number;
  phase: Phase;
  accepting: boolean;
  nickname: string | null;
  step: PublicStep;
  /** This phone's answer to the current round, as it sent it. */
  answer: string[] | null;
  /** After the reveal: how their own answer fared, and the feedback on it. */
  result?: { verdict: "correct" | "partial" | "incorrect"; feedback: { optionId: string; feedback: string }[]; explanation: string };
}

export function publicStep(state: LiveState, content: LiveContent, ctx: ViewContext): PublicStep {
  const step = currentStep(state);
  const round = roundKey(state, content);
  switch (step.kind) {
    case "lobby":
      return { kind: "lobby" };
    case "question": {
      const q = content.question(step.ref);
      if (!q) return { kind: "missing", key: step.key };
      return {
        kind: "question",
        key: step.key,
        round,
        question: {
          id: q.id,
          type: q.type,
          prompt: q.prompt,
          ...(q.vignette ? { vignette: q.vignette } : {}),
          options: q.options.map((o) => ({ id: o.id, text: o.text })),
          ...(q.categories ? { categories: q.categories.map((c) => ({ id: c.id, label: c.label })) } : {}),
        },
      };
    }
    case "scenario": {
      const graph = content.scenario(step.course, step.scenario);
      const position = state.scenario;
      const node = position && graph?.steps[position.node];
      if (!graph || !position || !node) return { kind: "missing", key: step.key };
      return {
        kind: "scenario",
        key: step.key,
        round,
        title: graph.title,
        node: { id: position.node, text: node.text, choices: (node.choices ?? []).map((c) => ({ id: c.id, text: c.text })) },
        ...(node.ending ? { ending: { outcome: node.ending.outcome, debrief: node.ending.debrief } } : {}),
        path: position.path.map((p) => ({ text: graph.steps[p.node]?.choices?.find((c) => c.id === p.choice)?.text ?? "", choice: p.choice, by: p.by })),
        detour: Boolean(position.detour),
      };
    }
    case "discernment": {
      const q = content.question(step.ref);
      const index = state.post ?? 0;
      const post = q?.options[index];
      if (!q || !post) return { kind: "missing", key: step.key };
      return { kind: "discernment", key: step.key, round, prompt: q.prompt, post: { id: post.id, text: post.text }, index, total: q.options.length };
    }
    case "check":
      return { kind: "check", key: step.key, slot: step.ref.slot, url: activityUrl(step.ref, ctx.locale) };
    case "discussion": {
      const d = content.discussion(step.track, step.part, step.index);
      return d ? { kind: "discussion", key: step.key, question: d.question, prompts: [...d.prompts] } : { kind: "missing", key: step.key };
    }
  }
}

function roomDiscernment(q: Question, rounds: Tallies["rounds"], stepKey: string, upTo: number): RoomDiscernment {
  const room = { hits: 0, misses: 0, falseAlarms: 0, correctRejections: 0 };
  for (const post of q.options.slice(0, upTo + 1)) {
    const counts = (rounds[`${stepKey}#${post.id}`] ?? NO_VOTES).counts;
    const said = counts.manipulative ?? 0;
    const denied = counts.genuine ?? 0;
    if (q.correct.includes(post.id)) {
      room.hits += said;
      room.misses += denied;
    } else {
      room.falseAlarms += said;
      room.correctRejections += denied;
    }
  }
  return room;
}

/** The reveal of the current round, for the room; undefined before it. */
function reveal(state: LiveState, tallies: Tallies, content: LiveContent): Reveal | undefined {
  if (state.phase !== "revealed") return undefined;
  const step = currentStep(state);
  const round = tallies.rounds[roundKey(state, content)] ?? NO_VOTES;
  switch (step.kind) {
    case "question": {
      const q = content.question(step.ref);
      if (!q) return undefined;
      return {
        kind: "question",
        answered: round.answered,
        counts: { ...round.counts },
        correct: [...q.correct],
        feedback: Object.fromEntries(q.options.map((o) => [o.id, o.feedback])),
        explanation: q.explanation,
      };
    }
    case "scenario":
      return state.scenario && content.scenario(step.course, step.scenario)?.steps[state.scenario.node]?.choices ? { kind: "scenario", answered: round.answered, counts: { ...round.counts } } : undefined;
    case "discernment": {
      const q = content.question(step.ref);
      const index = state.post ?? 0;
      const post = q?.options[index];
      if (!q || !post) return undefined;
      const one = roomDiscernment(q, { [roundKey(state, content)]: round }, step.key, q.options.length);
      return {
        kind: "discernment",
        answered: round.answered,
        manipulative: q.correct.includes(post.id),
        ...(post.technique ? { technique: post.technique } : {}),
        feedback: post.feedback,
        room: one,
        soFar: roomDiscernment(q, tallies.rounds, step.key, index),
      };
    }
    default:
      return undefined;
  }
}

function roomView(state: LiveState, tallies: Tallies, content: LiveContent, ctx: ViewContext): RoomView {
  const round = tallies.rounds[roundKey(state, content)] ?? NO_VOTES;
  const shown = reveal(state, tallies, content);
  return {
    seq: state.seq,
    phase: state.phase,
    accepting: state.accepting,
    code: ctx.code,
    participants: tallies.participants,
    step: publicStep(state, content, ctx),
    answered: round.answered,
    ...(shown ? { reveal: shown } : {}),
  };
}

/** The projector: no notes; before the reveal only the count; names only if the facilitator shows them. */
export function projectorView(state: LiveState, tallies: Tallies, content: LiveContent, ctx: ViewContext): ProjectorView {
  const view: ProjectorView = roomView(state, tallies, content, ctx);
  if (state.showNames && tallies.names) view.names = [...tallies.names];
  return view;
}

/** A short label for the running order (the question's prompt, the scenario's title, ...). */
function label(step: Step, content: LiveContent): string {
  switch (step.kind) {
    case "lobby":
      return "";
    case "question":
    case "discernment":
      return content.question(step.ref)?.prompt ?? "";
    case "scenario":
      return content.scenario(step.course, step.scenario)?.title ?? "";
    case "check":
      return step.ref.slot;
    case "discussion":
      return content.discussion(step.track, step.part, step.index)?.question ?? "";
  }
}

/** The facilitator: everything, with the plan's timing and notes and the votes as they come in. */
export function facilitatorView(state: LiveState, tallies: Tallies, content: LiveContent, ctx: ViewContext): FacilitatorView {
  const room = roomView(state, tallies, content, ctx);
  const facilitatorReveal = room.reveal ?? revealAnyway(state, tallies, content);
  return {
    ...room,
    ...(facilitatorReveal ? { reveal: facilitatorReveal } : {}),
    showNames: state.showNames,
    names: [...(tallies.names ?? [])],
    current: state.current,
    order: state.order.map((s) => ({ key: s.key, kind: s.kind, label: label(s, content), skipped: state.skipped.includes(s.key), ...(s.plan ? { plan: s.plan } : {}) })),
    live: tallies.rounds[roundKey(state, content)] ?? NO_VOTES,
    ...(state.scenario ? { scenario: state.scenario } : {}),
  };
}

/** The facilitator prepares the discussion before the reveal: the key and feedback on their screen only. */
function revealAnyway(state: LiveState, tallies: Tallies, content: LiveContent): Reveal | undefined {
  if (state.phase !== "open") return undefined;
  return reveal({ ...state, phase: "revealed" }, tallies, content);
}

/** What every phone of the room gets alike at one seq: the step's text and options, never a key. */
export function participantShared(state: LiveState, content: LiveContent, ctx: ViewContext): Pick<ParticipantView, "seq" | "phase" | "accepting" | "step"> {
  return { seq: state.seq, phase: state.phase, accepting: state.accepting, step: publicStep(state, content, ctx) };
}

/** A phone's own grade and feedback: only after the reveal, and only for its own answer. */
export function participantResult(state: LiveState, content: LiveContent, answer: string[] | null): ParticipantView["result"] {
  return state.phase === "revealed" && answer ? gradeOwn(state, content, answer) : undefined;
}

/** A phone: the step's text and options; its own answer; its grade and feedback only after the reveal. */
export function participantView(state: LiveState, content: LiveContent, ctx: ViewContext, me: { nickname: string | null; answer: string[] | null }): ParticipantView {
  const shared = participantShared(state, content, ctx);
  const view: ParticipantView = {
    seq: shared.seq,
    phase: shared.phase,
    accepting: shared.accepting,
    nickname: me.nickname,
    step: shared.step,
    answer: me.answer ? [...me.answer] : null,
  };
  const result = participantResult(state, content, me.answer);
  if (result) view.result = result;
  return view;
}

function gradeOwn(state: LiveState, content: LiveContent, answer: string[]): ParticipantView["result"] {
  const step = currentStep(state);
  if (step.kind === "question") {
    const q = content.question(step.ref);
    if (!q) return undefined;
    try {
      const graded = gradeAnswer(q, answer);
      return { verdict: graded.verdict, feedback: graded.feedback.map((f) => ({ optionId: f.optionId, feedback: f.feedback })), explanation: graded.explanation };
    } catch (e) {
      if (e instanceof GradingError) return undefined;
      throw e;
    }
  }
  if (step.kind === "discernment") {
    const q = content.question(step.ref);
    const post = q?.options[state.post ?? 0];
    if (!q || !post) return undefined;
    const right = (answer[0] === "manipulative") === q.correct.includes(post.id);
    return { verdict: right ? "correct" : "incorrect", feedback: [{ optionId: post.id, feedback: post.feedback }], explanation: "" };
  }
  return undefined;
}

/**
 * Whether a choice is one a phone may send for the current round (the store refuses the rest):
 * a question's options as its grading accepts them, one of a decision's choices, a mark for a
 * post, the "finished" mark of a check.
 */
export function validChoice(state: LiveState, content: LiveContent, chosen: readonly string[]): boolean {
  const step = currentStep(state);
  switch (step.kind) {
    case "question": {
      const q = content.question(step.ref);
      if (!q) return false;
      try {
        gradeAnswer(q, chosen);
        return true;
      } catch (e) {
        if (e instanceof GradingError) return false;
        throw e;
      }
    }
    case "scenario": {
      const graph = content.scenario(step.course, step.scenario);
      const node = state.scenario && graph?.steps[state.scenario.node];
      return chosen.length === 1 && Boolean(node?.choices?.some((c) => c.id === chosen[0]));
    }
    case "discernment":
      return chosen.length === 1 && (DISCERN_MARKS as readonly string[]).includes(chosen[0]);
    case "check":
      return chosen.length === 1 && chosen[0] === CHECK_DONE;
    default:
      return false;
  }
}
