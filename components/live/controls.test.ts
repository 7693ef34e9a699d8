import { describe, expect, it } from "vitest";
import type { FacilitatorView, PublicStep } from "@/lib/live/views";
import { availableControls, shortcutFor } from "./controls";

const question: PublicStep = { kind: "question", key: "q1", round: "q1", question: { id: "q1", type: "single", prompt: "?", options: [{ id: "a", text: "A" }] } };
const decision: PublicStep = {
  kind: "scenario",
  key: "s",
  round: "s#n1",
  title: "Story",
  node: { id: "n1", text: "What now?", choices: [{ id: "a", text: "A" }, { id: "b", text: "B" }] },
  path: [],
  detour: false,
};
const ending: PublicStep = { ...decision, node: { id: "end", text: "The end.", choices: [] }, ending: { outcome: "helpful", debrief: "Well done." } } as PublicStep;
const discern = (index: number): PublicStep => ({ kind: "discernment", key: "d", round: "d#p", prompt: "Mark each post", post: { id: "p", text: "Post" }, index, total: 3 });

function view(over: Partial<FacilitatorView>): FacilitatorView {
  return {
    seq: 2,
    phase: "open",
    accepting: true,
    code: "ABCDEFGH",
    participants: 0,
    step: question,
    answered: 0,
    showNames: false,
    names: [],
    current: "q1",
    order: [
      { key: "lobby", kind: "lobby", label: "", skipped: false },
      { key: "q1", kind: "question", label: "?", skipped: false },
      { key: "q2", kind: "question", label: "?", skipped: false },
    ],
    live: { answered: 0, counts: {} },
    ...over,
  };
}

describe("availableControls", () => {
  it.each([
    ["the lobby with steps after it", view({ phase: "lobby", current: "lobby", step: { kind: "lobby" } }), ["start"]],
    ["the lobby alone", view({ phase: "lobby", current: "lobby", step: { kind: "lobby" }, order: [{ key: "lobby", kind: "lobby", label: "", skipped: false }] }), []],
    ["a question taking answers", view({}), ["reveal", "next", "close-voting"]],
    ["a question with voting closed", view({ accepting: false }), ["reveal", "next", "open-voting"]],
    ["a revealed question", view({ phase: "revealed", accepting: false }), ["next"]],
    ["the last step, revealed", view({ phase: "revealed", current: "q2" }), []],
    ["a last step whose only follower is skipped", view({ order: [{ key: "lobby", kind: "lobby", label: "", skipped: false }, { key: "q1", kind: "question", label: "?", skipped: false }, { key: "q2", kind: "question", label: "?", skipped: true }] }), ["reveal", "close-voting"]],
    ["a revealed decision", view({ phase: "revealed", step: decision }), ["follow", "other", "next"]],
    ["an ending on the other path", view({ phase: "revealed", step: ending, scenario: { node: "end", path: [], detour: { from: "n1", pathLength: 0 } } }), ["back", "next"]],
    ["a discernment round with posts to come, on the last step", view({ current: "q2", step: discern(0) }), ["reveal", "next", "close-voting"]],
    ["a discernment round's last post, on the last step", view({ current: "q2", step: discern(2) }), ["reveal", "close-voting"]],
    ["an ended session", view({ phase: "ended" }), []],
  ])("%s", (_name, v, expected) => {
    expect(availableControls(v)).toEqual(expected);
  });
});

describe("shortcutFor", () => {
  it.each([
    ["n", "next"],
    ["N", "next"],
    ["r", "reveal"],
    ["s", "start"],
    ["f", "follow"],
    ["o", "other"],
    ["b", "back"],
    ["x", undefined],
    ["Enter", undefined],
  ])("%s -> %s", (key, control) => {
    expect(shortcutFor(key)).toBe(control);
  });
});
