// A live session's state and the facilitator's actions on it, as a pure reducer. The stored
// session is this state (lib/live/store.ts); every change bumps `seq`, which numbers the event
// the phones receive (the SSE event id), so a reconnecting phone knows whether it missed one.
//
// Pure: the content (scenario graphs, questions) comes in as a LiveContent; tallies needed to
// follow a room's majority come in with the action (the store counts them in SQL).
import type { LiveContent, Step } from "./steps";
import { stepExists } from "./steps";

/**
 * lobby: people join; open: answers come in (the projector shows only how many); revealed: the
 * distribution, feedback and discussion; ended: nothing more is accepted.
 */
export type Phase = "lobby" | "open" | "revealed" | "ended";

/** Where the room is in a branching scenario. */
export interface ScenarioPosition {
  /** The step of the scenario graph on screen. */
  node: string;
  /** The decisions taken so far, in order: the node, the choice, and whether it was the room's majority. */
  path: { node: string; choice: string; by: "majority" | "other" }[];
  /** Set while the room looks at "the other path": where to come back to. */
  detour?: { from: string; pathLength: number };
}

export interface LiveState {
  phase: Phase;
  order: Step[];
  /** Keys of steps the facilitator skips: kept in the order, passed over by "next". */
  skipped: string[];
  /** The key of the step on screen. */
  current: string;
  /** Answers are taken (phase open and voting not closed). */
  accepting: boolean;
  /** Nicknames on the projector (off by default: the room sees only how many joined). */
  showNames: boolean;
  scenario?: ScenarioPosition;
  /** Discernment rounds: the index of the post on screen. */
  post?: number;
  seq: number;
}

/** Votes per choice of the current round, as counted by the store. */
export type Counts = Readonly<Record<string, number>>;

export type Action =
  | { type: "start" }
  | { type: "goto"; key: string }
  /** Adds a step from the course to the order (after the current one) and goes to it. */
  | { type: "add"; step: Step }
  | { type: "next" }
  | { type: "reveal" }
  | { type: "open-voting" }
  | { type: "close-voting" }
  /** Scenario: follow the choice most of the room voted for (ties: the first in the story's order). */
  | { type: "follow"; counts: Counts }
  /** Scenario: "let's see the other path": the runner-up choice, or the one named. */
  | { type: "other"; counts: Counts; choice?: string }
  /** Scenario: back from the other path to the decision it left. */
  | { type: "back" }
  | { type: "names"; show: boolean }
  | { type: "reorder"; keys: string[] }
  | { type: "skip"; key: string; skip: boolean }
  | { type: "end" };

export type ActionType = Action["type"];

/** Why an action cannot apply now: the store turns it into a conflict the facilitator's screen words. */
export class LiveActionError extends Error {
  constructor(readonly reason: "ended" | "unknown-step" | "not-now" | "bad-order" | "no-content") {
    super(reason);
  }
}

export function initialState(order: Step[]): LiveState {
  if (order[0]?.kind !== "lobby") throw new LiveActionError("bad-order");
  return { phase: "lobby", order, skipped: [], current: order[0].key, accepting: false, showNames: false, seq: 1 };
}

export const currentStep = (state: LiveState): Step => state.order.find((s) => s.key === state.current) ?? state.order[0];

/** The key answers of the current moment are kept under: the step, and for rounds the node or post. */
export function roundKey(state: LiveState, content: LiveContent): string {
  const step = currentStep(state);
  if (step.kind === "scenario" && state.scenario) return `${step.key}#${state.scenario.node}`;
  if (step.kind === "discernment") {
    const post = content.question(step.ref)?.options[state.post ?? 0];
    return `${step.key}#${post?.id ?? state.post ?? 0}`;
  }
  return step.key;
}

/**
 * The state after an action, with `seq` one higher, or the same object when nothing changed (a
 * repeated click). Throws LiveActionError for an action that cannot apply now.
 */
export function reduce(state: LiveState, action: Action, content: LiveContent): LiveState {
  if (state.phase === "ended") throw new LiveActionError("ended");
  const next = apply(state, action, content);
  return next === state ? state : { ...next, seq: state.seq + 1 };
}

function apply(state: LiveState, action: Action, content: LiveContent): LiveState {
  switch (action.type) {
    case "start":
      return state.phase === "lobby" ? (nextKey(state) ? enter(state, nextKey(state)!, content) : state) : state;
    case "goto":
      if (!state.order.some((s) => s.key === action.key)) throw new LiveActionError("unknown-step");
      return enter(state, action.key, content);
    case "add": {
      if (action.step.kind === "lobby" || !stepExists(action.step, content)) throw new LiveActionError("no-content");
      if (state.order.some((s) => s.key === action.step.key)) return enter(state, action.step.key, content);
      const at = state.order.findIndex((s) => s.key === state.current) + 1;
      const order = [...state.order.slice(0, at), action.step, ...state.order.slice(at)];
      return enter({ ...state, order }, action.step.key, content);
    }
    case "next": {
      const step = currentStep(state);
      if (step.kind === "discernment" && state.phase !== "lobby") {
        const posts = content.question(step.ref)?.options.length ?? 0;
        const post = state.post ?? 0;
        if (post + 1 < posts) return { ...state, post: post + 1, phase: "open", accepting: true };
      }
      const key = nextKey(state);
      return key ? enter(state, key, content) : state;
    }
    case "reveal":
      if (state.phase !== "open") return state;
      return { ...state, phase: "revealed", accepting: false };
    case "open-voting":
      if (state.phase !== "open") throw new LiveActionError("not-now");
      return state.accepting ? state : { ...state, accepting: true };
    case "close-voting":
      if (state.phase !== "open") throw new LiveActionError("not-now");
      return state.accepting ? { ...state, accepting: false } : state;
    case "follow":
    case "other":
      return choose(state, action, content);
    case "back": {
      const detour = state.scenario?.detour;
      if (!detour) throw new LiveActionError("not-now");
      // Back to the decision as the room left it: its tally revealed, nothing to vote again.
      return { ...state, phase: "revealed", accepting: false, scenario: { node: detour.from, path: state.scenario!.path.slice(0, detour.pathLength) } };
    }
    case "names":
      return state.showNames === action.show ? state : { ...state, showNames: action.show };
    case "reorder": {
      const keys = state.order.map((s) => s.key);
      const same = action.keys.length === keys.length && new Set(action.keys).size === keys.length && action.keys.every((k) => keys.includes(k));
      if (!same || action.keys[0] !== "lobby") throw new LiveActionError("bad-order");
      if (action.keys.every((k, i) => k === keys[i])) return state;
      return { ...state, order: action.keys.map((k) => state.order.find((s) => s.key === k)!) };
    }
    case "skip": {
      if (!state.order.some((s) => s.key === action.key) || action.key === "lobby") throw new LiveActionError("unknown-step");
      const has = state.skipped.includes(action.key);
      if (has === action.skip) return state;
      return { ...state, skipped: action.skip ? [...state.skipped, action.key] : state.skipped.filter((k) => k !== action.key) };
    }
    case "end":
      return { ...state, phase: "ended", accepting: false };
  }
}

/** The next step in the order after the current one that is not skipped. */
function nextKey(state: LiveState): string | undefined {
  const at = state.order.findIndex((s) => s.key === state.current);
  return state.order.slice(at + 1).find((s) => !state.skipped.includes(s.key))?.key;
}

/** On screen: a step from its beginning. Discussions have nothing to answer: shown as revealed. */
function enter(state: LiveState, key: string, content: LiveContent): LiveState {
  const step = state.order.find((s) => s.key === key)!;
  if (key === state.current && state.phase !== "lobby") return state;
  const { scenario: _s, post: _p, ...rest } = state;
  switch (step.kind) {
    case "lobby":
      return { ...rest, current: key, phase: "lobby", accepting: false };
    case "discussion":
      return { ...rest, current: key, phase: "revealed", accepting: false };
    case "scenario": {
      const graph = content.scenario(step.course, step.scenario);
      if (!graph) throw new LiveActionError("no-content");
      return atNode({ ...rest, current: key }, graph.steps[graph.start]?.ending !== undefined, { node: graph.start, path: [] });
    }
    case "discernment":
      return { ...rest, current: key, phase: "open", accepting: true, post: 0 };
    case "question":
    case "check":
      return { ...rest, current: key, phase: "open", accepting: true };
  }
}

/** A scenario node on screen: a decision opens a vote; an ending shows its debrief at once. */
function atNode(state: Omit<LiveState, "scenario">, ending: boolean, position: ScenarioPosition): LiveState {
  return { ...state, scenario: position, phase: ending ? "revealed" : "open", accepting: !ending };
}

function choose(state: LiveState, action: Extract<Action, { type: "follow" | "other" }>, content: LiveContent): LiveState {
  const step = currentStep(state);
  if (step.kind !== "scenario" || !state.scenario || state.phase !== "revealed") throw new LiveActionError("not-now");
  const graph = content.scenario(step.course, step.scenario);
  const node = graph?.steps[state.scenario.node];
  if (!graph || !node?.choices?.length) throw new LiveActionError("not-now");
  const ranked = rank(node.choices.map((c) => c.id), action.counts);
  const majority = ranked[0];
  let choice = majority;
  if (action.type === "other") {
    choice = action.choice ?? ranked[1];
    if (!choice || choice === majority || !node.choices.some((c) => c.id === choice)) throw new LiveActionError("not-now");
  }
  const target = node.choices.find((c) => c.id === choice)!.next;
  const position = state.scenario;
  const path = [...position.path, { node: position.node, choice, by: action.type === "follow" ? ("majority" as const) : ("other" as const) }];
  // One detour at a time: the other path's own decisions are followed inside it, and "back"
  // returns to the decision the detour began at.
  const detour = position.detour ?? (action.type === "other" ? { from: position.node, pathLength: position.path.length } : undefined);
  return atNode(state, graph.steps[target]?.ending !== undefined, { node: target, path, ...(detour ? { detour } : {}) });
}

/** Choices by votes, most first; ties keep the story's order. */
export function rank(choices: readonly string[], counts: Counts): string[] {
  return choices.map((id, i) => ({ id, i, n: counts[id] ?? 0 })).sort((a, b) => b.n - a.n || a.i - b.i).map((c) => c.id);
}
