// The facilitator's actions as a table: from a state, an action gives a phase, a step and a
// sequence number; refused actions throw. A small invented scenario keeps the cases readable.
import { describe, expect, it } from "vitest";
import type { Question } from "@/lib/quiz/types";
import type { Scenario } from "@/lib/scenario/graph";
import { initialState, LiveActionError, rank, reduce, roundKey, type Action, type LiveState } from "./session";
import { keyed, LOBBY, type LiveContent, type Step } from "./steps";

const story: Scenario = {
  id: "story",
  title: "A story",
  summary: "s",
  skill: "responding",
  start: "a",
  steps: {
    a: { text: "A", choices: [{ id: "talk", text: "Talk", next: "b" }, { id: "post", text: "Post", next: "bad" }] },
    b: { text: "B", choices: [{ id: "listen", text: "Listen", next: "good" }, { id: "shout", text: "Shout", next: "bad" }] },
    good: { text: "G", ending: { outcome: "helpful", debrief: "Good" } },
    bad: { text: "X", ending: { outcome: "harmful", debrief: "Bad" } },
  },
};
const posts: Question = {
  id: "posts",
  type: "discern",
  skill: "recognising",
  prompt: "Judge",
  options: [
    { id: "p1", text: "one", feedback: "f1", technique: "emotion" },
    { id: "p2", text: "two", feedback: "f2" },
  ],
  correct: ["p1"],
  explanation: "",
};
const single: Question = { id: "q1", type: "single", skill: "recognising", prompt: "Q", options: [{ id: "x", text: "X", feedback: "fx" }, { id: "y", text: "Y", feedback: "fy" }], correct: ["x"], explanation: "E" };

const content: LiveContent = {
  question: (ref) => (ref.question === "q1" ? single : ref.question === "posts" ? posts : undefined),
  scenario: (_c, id) => (id === "story" ? story : undefined),
  discussion: (_t, _p, i) => (i === 0 ? { question: "Talk?", prompts: ["why"] } : undefined),
  pairedQuestions: () => new Set(),
};

const q = keyed({ kind: "question", ref: { kind: "question", course: "c", quiz: { kind: "lesson", lesson: "l" }, question: "q1" } });
const sc = keyed({ kind: "scenario", course: "c", lesson: "l", scenario: "story" });
const dn = keyed({ kind: "discernment", ref: { kind: "question", course: "c", quiz: { kind: "lesson", lesson: "l" }, question: "posts" } });
const talk = keyed({ kind: "discussion", track: "t", part: "p", index: 0 });
const order: Step[] = [LOBBY, q, sc, dn, talk];

const run = (actions: Action[], from = initialState(order)) => actions.reduce((s, a) => reduce(s, a, content), from);
const at = (s: LiveState) => ({ step: s.current, phase: s.phase, accepting: s.accepting, node: s.scenario?.node, post: s.post });

describe("reduce", () => {
  const cases: [string, Action[], Partial<ReturnType<typeof at>>][] = [
    ["starts in the lobby", [], { step: "lobby", phase: "lobby", accepting: false }],
    ["start opens the first step", [{ type: "start" }], { step: q.key, phase: "open", accepting: true }],
    ["reveal closes answers and shows", [{ type: "start" }, { type: "reveal" }], { step: q.key, phase: "revealed", accepting: false }],
    ["close voting keeps the phase open", [{ type: "start" }, { type: "close-voting" }], { phase: "open", accepting: false }],
    ["open voting again", [{ type: "start" }, { type: "close-voting" }, { type: "open-voting" }], { phase: "open", accepting: true }],
    ["next goes to the scenario's start", [{ type: "start" }, { type: "next" }], { step: sc.key, phase: "open", node: "a" }],
    ["follow takes the majority", [{ type: "goto", key: sc.key }, { type: "reveal" }, { type: "follow", counts: { talk: 5, post: 2 } }], { node: "b", phase: "open" }],
    ["a tie follows the story's first choice", [{ type: "goto", key: sc.key }, { type: "reveal" }, { type: "follow", counts: { talk: 3, post: 3 } }], { node: "b" }],
    ["other takes the runner-up", [{ type: "goto", key: sc.key }, { type: "reveal" }, { type: "other", counts: { talk: 5, post: 2 } }], { node: "bad", phase: "revealed", accepting: false }],
    ["back returns to the decision, revealed", [{ type: "goto", key: sc.key }, { type: "reveal" }, { type: "other", counts: { talk: 5 } }, { type: "back" }], { node: "a", phase: "revealed" }],
    ["an ending is shown at once", [{ type: "goto", key: sc.key }, { type: "reveal" }, { type: "follow", counts: {} }, { type: "reveal" }, { type: "follow", counts: { listen: 1 } }], { node: "good", phase: "revealed" }],
    ["discernment starts at the first post", [{ type: "goto", key: dn.key }], { step: dn.key, post: 0, phase: "open" }],
    ["next moves to the next post", [{ type: "goto", key: dn.key }, { type: "reveal" }, { type: "next" }], { step: dn.key, post: 1, phase: "open" }],
    ["next after the last post leaves the round", [{ type: "goto", key: dn.key }, { type: "next" }, { type: "next" }], { step: talk.key, phase: "revealed" }],
    ["a discussion has nothing to answer", [{ type: "goto", key: talk.key }], { phase: "revealed", accepting: false }],
    ["skip passes a step over", [{ type: "skip", key: q.key, skip: true }, { type: "start" }], { step: sc.key }],
    ["end ends", [{ type: "start" }, { type: "end" }], { phase: "ended", accepting: false }],
    ["goto the lobby", [{ type: "start" }, { type: "goto", key: "lobby" }], { step: "lobby", phase: "lobby" }],
  ];
  it.each(cases)("%s", (_name, actions, expected) => {
    expect(at(run(actions))).toMatchObject(expected);
  });

  it("bumps seq once per change and not for a repeat", () => {
    const s0 = initialState(order);
    const s1 = reduce(s0, { type: "start" }, content);
    expect(s1.seq).toBe(s0.seq + 1);
    expect(reduce(s1, { type: "start" }, content)).toBe(s1);
    expect(reduce(s1, { type: "goto", key: q.key }, content)).toBe(s1);
    const s2 = reduce(s1, { type: "names", show: true }, content);
    expect(s2.seq).toBe(s1.seq + 1);
    expect(reduce(s2, { type: "names", show: true }, content)).toBe(s2);
  });

  it("records the path, majority and other, and returns from a detour", () => {
    const s = run([{ type: "goto", key: sc.key }, { type: "reveal" }, { type: "follow", counts: { talk: 3 } }, { type: "reveal" }, { type: "other", counts: { listen: 4, shout: 1 } }]);
    expect(s.scenario).toEqual({ node: "bad", path: [{ node: "a", choice: "talk", by: "majority" }, { node: "b", choice: "shout", by: "other" }], detour: { from: "b", pathLength: 1 } });
    const back = reduce(s, { type: "back" }, content);
    expect(back.scenario).toEqual({ node: "b", path: [{ node: "a", choice: "talk", by: "majority" }] });
  });

  it("reorders keeping the lobby first, and adds a step after the current one", () => {
    const s = run([{ type: "reorder", keys: ["lobby", talk.key, q.key, sc.key, dn.key] }]);
    expect(s.order.map((x) => x.key)).toEqual(["lobby", talk.key, q.key, sc.key, dn.key]);
    const small = initialState([LOBBY, talk]);
    const added = reduce(small, { type: "add", step: q }, content);
    expect(added.order.map((x) => x.key)).toEqual(["lobby", q.key, talk.key]);
    expect(added.current).toBe(q.key);
  });

  const refused: [string, Action[], LiveActionError["reason"]][] = [
    ["an unknown step", [{ type: "goto", key: "question:nope" }], "unknown-step"],
    ["following outside a revealed decision", [{ type: "goto", key: sc.key }, { type: "follow", counts: {} }], "not-now"],
    ["the other path when there is none", [{ type: "goto", key: sc.key }, { type: "reveal" }, { type: "other", counts: {}, choice: "talk" }], "not-now"],
    ["back without a detour", [{ type: "goto", key: sc.key }, { type: "back" }], "not-now"],
    ["a reorder that drops a step", [{ type: "reorder", keys: ["lobby", q.key] }], "bad-order"],
    ["a reorder that moves the lobby", [{ type: "reorder", keys: [q.key, "lobby", sc.key, dn.key, talk.key] }], "bad-order"],
    ["adding content that does not exist", [{ type: "add", step: keyed({ kind: "scenario", course: "c", lesson: "l", scenario: "gone" }) as Step }], "no-content"],
    ["voting controls outside an open step", [{ type: "open-voting" }], "not-now"],
    ["anything after the end", [{ type: "end" }, { type: "start" }], "ended"],
  ];
  it.each(refused)("refuses %s", (_name, actions, reason) => {
    expect(() => run(actions)).toThrow(expect.objectContaining({ reason }));
  });

  it("keys rounds by step, node and post", () => {
    expect(roundKey(run([{ type: "start" }]), content)).toBe(q.key);
    expect(roundKey(run([{ type: "goto", key: sc.key }]), content)).toBe(`${sc.key}#a`);
    expect(roundKey(run([{ type: "goto", key: dn.key }, { type: "next" }]), content)).toBe(`${dn.key}#p2`);
  });

  it("ranks choices by votes, ties in story order", () => {
    expect(rank(["a", "b", "c"], { b: 2, c: 2 })).toEqual(["b", "c", "a"]);
  });
});
