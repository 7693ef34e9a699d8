import { describe, expect, it } from "vitest";
import { checkScenarioGraph, scenarioPaths, type ScenarioStep } from "./graph";

const end = (outcome: "helpful" | "mixed" | "harmful" = "helpful"): ScenarioStep => ({ text: "End.", ending: { outcome, debrief: "Why." } });
const go = (...targets: string[]): ScenarioStep => ({ text: "Choose.", choices: targets.map((t, i) => ({ id: `c${i}`, text: `to ${t}`, next: t })) });

describe("checkScenarioGraph", () => {
  it("accepts a graph where every path ends and every step is reachable", () => {
    const s = { start: "a", steps: { a: go("b", "c"), b: go("d", "e"), c: end("harmful"), d: end(), e: end("mixed") } };
    expect(checkScenarioGraph(s)).toEqual([]);
    expect(scenarioPaths(s)).toEqual([["a", "b", "d"], ["a", "b", "e"], ["a", "c"]]);
  });

  it("accepts paths that join again (a diamond)", () => {
    expect(checkScenarioGraph({ start: "a", steps: { a: go("b", "c"), b: go("d"), c: go("d"), d: end() } })).toEqual([]);
  });

  it.each<{ name: string; s: { start: string; steps: Record<string, ScenarioStep> }; expected: [string, string] }>([
    { name: "a missing start", s: { start: "x", steps: { a: end() } }, expected: ["start", 'there is no step "x"'] },
    { name: "a choice to nowhere", s: { start: "a", steps: { a: go("b", "zz"), b: end() } }, expected: ["a", 'choice "c1" leads to "zz", which does not exist'] },
    { name: "an orphan step", s: { start: "a", steps: { a: go("b"), b: end(), lost: end() } }, expected: ["lost", "no path from the start reaches this step (orphan)"] },
    { name: "a loop", s: { start: "a", steps: { a: go("b"), b: go("a", "c"), c: end() } }, expected: ["a", "loop: a → b → a (every path must end)"] },
    { name: "a dead end", s: { start: "a", steps: { a: go("b"), b: { text: "Stuck." } } }, expected: ["b", "a step needs choices or an ending"] },
    {
      name: "a step that is both",
      s: { start: "a", steps: { a: { ...go("b"), ending: { outcome: "mixed" as const, debrief: "x" } }, b: end() } },
      expected: ["a", "a step with choices cannot also be an ending"],
    },
  ])("reports $name", ({ s, expected }) => {
    expect(checkScenarioGraph(s)).toContainEqual(expected);
  });
});
